import { ConflictException, Inject, Injectable } from '@nestjs/common';
import stableStringify from 'fast-json-stable-stringify';
import type { RuntimeConfig } from '@customs/config';
import { expressDecision, type ExpressDecisionRecord, type ExpressManifestHeader } from '@customs/decision';
import type { ExpressManifest, ExpressWaybill } from '@customs/domain';
import { ExpressRepository, type StoredExpressDecision } from '@customs/persistence';
import { waybillParties } from '@customs/party-network';
import { waybillFacts } from '@customs/selectivity';
import { expressDocumentId, inspectionCaseId, type InspectionCaseInput } from '@customs/workflows/messages';
import { CaseStartOutbox } from '../case-start/case-start-outbox.service';
import { CriteriaSetService } from '../criteria/criteria-set.service';
import { CriteriaService } from '../criteria/criteria.service';
import { PartyNetworkWriter } from '../party-network/party-network-writer';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { contentHash } from '../../services/hashing/content-hash';
import type { ExpressManifestScreening, ExpressWaybillOutcome } from './express.responses';

/** An ISO date-time in UTC, without milliseconds when they are zero (`2026-12-01T06:30:00Z`), as the manifest header is stored. */
export function isoSeconds(at: string): string {
  return new Date(at).toISOString().replace('.000Z', 'Z');
}

/** SHA-256 (hex) of a waybill with its manifest header, canonical JSON: tells a re-send from a conflicting one. */
export function waybillHash(header: ExpressManifestHeader, waybill: ExpressWaybill): string {
  return contentHash({ header, waybill: { ...waybill, waybillNumber: waybill.waybillNumber.toUpperCase() } });
}

/**
 * The express manifest's screening path: manifest -> facts of every waybill (with the
 * manifest-wide split-shipment tallies) -> the ACTIVE express criteria (central and those local
 * to the logistics centre) -> RELEASE / XRAY_FLAGGED / INTRUSIVE_INSPECTION -> append-only,
 * hash-chained decision records, and the inspection case of each INTRUSIVE_INSPECTION waybill
 * queued in the case-start outbox in the same transaction. Every waybill then waits in its
 * centre's X-ray queue (`XrayService`). Its courier, shipper and consignee join the party
 * network (`PartyNetworkWriter`, off the request path, document `EXP-<waybill number>`).
 *
 * Idempotent per waybill: a re-sent waybill (same content, same manifest header) gets its stored
 * selection back (`duplicate: true`) and opens nothing; new waybills of a re-sent manifest are
 * screened. Refused with 409, writing nothing: a manifest id re-sent with another header, a
 * waybill number re-sent with other content.
 */
@Injectable()
export class ExpressScreeningService {
  constructor(
    private readonly express: ExpressRepository,
    private readonly criteria: CriteriaService,
    private readonly criteriaSets: CriteriaSetService,
    private readonly outbox: CaseStartOutbox,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly partyNetwork: PartyNetworkWriter,
  ) {}

  /**
   * Screens a validated manifest.
   * @throws ConflictException (409) when the manifest id was received with another header, or
   *   waybill numbers were screened before with other content (each named); nothing is written.
   */
  async screen(manifest: ExpressManifest): Promise<ExpressManifestScreening> {
    const { waybills, ...received } = manifest;
    const header: ExpressManifestHeader = { ...received, arrivalAt: isoSeconds(received.arrivalAt) };
    const stored = await this.express.manifestHeader(header.manifestId);
    if (stored && stableStringify(stored) !== stableStringify(header)) {
      throw new ConflictException(`manifest ${header.manifestId} was received before with another header (${stored.transportMode} ${stored.voyage}, arriving ${stored.arrivalAt}, centre ${stored.logisticsCentreId}); nothing was screened`);
    }
    const hashes = waybills.map((w) => waybillHash(header, w));
    const numbers = waybills.map((w) => w.waybillNumber.toUpperCase());
    const before = await this.express.decisionsOf(numbers);
    this.refuseConflicts(numbers, hashes, before);

    const { engine, versions } = await this.criteria.currentEngine();
    const fingerprint = versions.length > 0 ? this.criteriaSets.fingerprint(versions) : null;
    const facts = waybillFacts(manifest);
    const decidedAt = new Date().toISOString();
    const date = header.arrivalAt.slice(0, 10);
    const records: ExpressDecisionRecord[] = [];
    waybills.forEach((waybill, position) => {
      if (before.has(numbers[position])) return;
      const fired = engine.evaluateFacts('EXPRESS_MANIFEST', facts[position], date, header.logisticsCentreId).fired;
      records.push(expressDecision({ manifest: header, waybill, position, facts: facts[position], fired, criteriaSet: fingerprint, decidedAt }));
    });
    const starts = records.filter((r) => r.outcome === 'INTRUSIVE_INSPECTION').map((r) => this.caseInput(r));
    const set = fingerprint ? this.criteriaSets.pendingRow(fingerprint) : null;
    const written = await this.express.record(
      header,
      records.map((record) => ({ hash: hashes[record.position], record })),
      set,
      starts.map((input) => ({ caseId: input.caseId, declarationId: input.declarationId, input })),
    );
    if (set && written.inserted.size > 0) this.criteriaSets.markStored(set.fingerprint);
    // Stored by a concurrent sender between the first read and the write: must be the same content.
    const racing = numbers.filter((n) => !before.has(n) && !written.inserted.has(n));
    const after = racing.length > 0 ? await this.express.decisionsOf(racing) : new Map<string, StoredExpressDecision>();
    this.refuseConflicts(numbers, hashes, after);
    // The party network (issue 17): courier, shipper and consignee of every waybill (document
    // `EXP-<n>`, dated the arrival day), queued for the network writer's next statement,
    // idempotent per waybill, for every waybill of the manifest (a re-send heals a lost write).
    this.partyNetwork.enqueue(waybills.map((w, i) => ({ documentId: expressDocumentId(numbers[i]), date, parties: waybillParties(w) })));
    if (written.queued.size > 0) this.outbox.nudge();

    const byNumber = new Map<string, ExpressDecisionRecord>([...before, ...after].map(([n, d]) => [n, d.record]));
    for (const r of records) if (written.inserted.has(r.waybillNumber)) byNumber.set(r.waybillNumber, r);
    const reported = new Set<string>();
    const results = numbers.map((n): ExpressWaybillOutcome => {
      const r = byNumber.get(n)!;
      const duplicate = !written.inserted.has(n) || reported.has(n);
      reported.add(n);
      return {
        waybillNumber: n,
        outcome: r.outcome,
        lane: r.lane,
        firedCriteria: r.firedCriteria.map((c) => c.id),
        summary: r.summary,
        caseId: r.outcome === 'INTRUSIVE_INSPECTION' ? inspectionCaseId(expressDocumentId(n)) : null,
        duplicate,
      };
    });
    return {
      manifestId: header.manifestId,
      results,
      summary: {
        received: results.length,
        release: results.filter((r) => r.outcome === 'RELEASE').length,
        xrayFlagged: results.filter((r) => r.outcome === 'XRAY_FLAGGED').length,
        intrusiveInspection: results.filter((r) => r.outcome === 'INTRUSIVE_INSPECTION').length,
        duplicates: results.filter((r) => r.duplicate).length,
        casesStarted: written.queued.size,
      },
    };
  }

  /** The inspection-case input of a waybill sent to inspection (RED; the fired criteria need verdicts). */
  caseInput(r: ExpressDecisionRecord): InspectionCaseInput {
    const documentId = expressDocumentId(r.waybillNumber);
    return {
      caseId: inspectionCaseId(documentId),
      declarationId: documentId,
      documentType: 'EXPRESS_WAYBILL',
      officeId: r.centreId,
      lane: 'RED',
      riskScore: r.riskScore ?? 0,
      controlSample: false,
      firedCriteria: r.firedCriteria.map((c) => ({ id: c.id, version: c.version })),
      escalateAfterMs: this.config.caseEscalateAfterMs,
    };
  }

  private refuseConflicts(numbers: string[], hashes: string[], stored: Map<string, StoredExpressDecision>): void {
    const reused = numbers.filter((n, i) => stored.has(n) && stored.get(n)!.hash !== hashes[i]);
    if (reused.length > 0) {
      const shown = [...new Set(reused)];
      throw new ConflictException(
        `${shown.length} waybill number(s) were screened before with other content: ${shown.slice(0, 20).join(', ')}${shown.length > 20 ? ', ...' : ''}; nothing was screened`,
      );
    }
  }
}
