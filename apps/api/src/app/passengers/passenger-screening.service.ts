import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { RuntimeConfig } from '@customs/config';
import { passengerSelection } from '@customs/decision';
import { companionLinks, pnrDepersonaliseOn, pnrsOfPassengers, type ApisPassenger, type PnrRecord } from '@customs/domain';
import { bookingDocuments } from '@customs/party-network';
import { PassengerRepository, type PassengerDecisionBody, type StoredApis } from '@customs/persistence';
import { passengerFacts } from '@customs/selectivity';
import { inspectionCaseId, type InspectionCaseInput } from '@customs/workflows/messages';
import { CaseStartOutbox } from '../case-start/case-start-outbox.service';
import { CriteriaSetService } from '../criteria/criteria-set.service';
import { CriteriaService } from '../criteria/criteria.service';
import { PartyNetworkWriter } from '../party-network/party-network-writer';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { contentHash } from '../../services/hashing/content-hash';
import type { PassengerListScreening, PassengerScreeningOutcome, PnrIntake } from './passengers.responses';

/**
 * The opaque id of a passenger: `PAX-` and the first 16 hex characters (upper case) of the
 * SHA-256 of the APIS record id. The record id embeds the travel document number; this id does
 * not reveal it, so case ids, URLs and logs carry no personal data.
 */
export function passengerIdOf(passengerRecordId: string): string {
  return `PAX-${createHash('sha256').update(passengerRecordId).digest('hex').slice(0, 16).toUpperCase()}`;
}

/** SHA-256 (hex) of a record in canonical JSON ({@link contentHash}): tells a re-send from a conflicting one. */
export function recordHash(record: ApisPassenger | PnrRecord): string {
  return contentHash(record);
}

/** The outcome view of a stored screening. */
export function outcomeView(d: PassengerDecisionBody, caseId: string | null, duplicate: boolean): PassengerScreeningOutcome {
  return {
    passengerId: d.passengerId,
    stage: d.stage,
    outcome: d.outcome,
    lane: d.lane,
    reasons: d.reasons,
    firedCriteria: d.firedCriteria.map((c) => c.id),
    companionLinks: d.companionLinks,
    caseId,
    supersedes: d.supersedes,
    decisionId: d.decisionId,
    duplicate,
  };
}

/**
 * The passenger stream's screening path. An APIS list is screened when it arrives, with the PNR
 * of each passenger when it has arrived (PNRs usually come an hour before arrival, APIS lists 30
 * minutes before); a PNR arriving after its passengers' APIS records screens them again. Each
 * screening: facts (`passengerFacts`) -> the ACTIVE passenger criteria (central, and local to the
 * arrival office) -> companion links to watched persons (earlier seizures, open risk cases) ->
 * CLEARED or SELECTED (`passengerSelection`: a link selects for at least YELLOW; a screening with
 * the PNR never lowers the APIS one, which it supersedes) -> an append-only, hash-chained record
 * and, for a selected passenger, the arrival-hall inspection case (document type PASSENGER),
 * queued in the case-start outbox in the same transaction. One case per passenger: a passenger
 * selected on APIS keeps that case when the PNR screening follows.
 *
 * The companions of each booking matched join the party network (`PNR-<booking reference>`,
 * parties `PASSENGER:<opaque id>`).
 *
 * Idempotent: a re-sent record (same content) answers the stored screening and writes nothing.
 * Records keep no names or document numbers outside `passenger_apis` and `pnr_record`.
 */
@Injectable()
export class PassengerScreeningService {
  constructor(
    private readonly passengers: PassengerRepository,
    private readonly criteria: CriteriaService,
    private readonly criteriaSets: CriteriaSetService,
    private readonly outbox: CaseStartOutbox,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly partyNetwork: PartyNetworkWriter,
  ) {}

  /**
   * Screens a validated APIS list.
   * @throws ConflictException (409) when record ids were received before with other content (named); nothing is written then.
   */
  async screenApis(list: ApisPassenger[]): Promise<PassengerListScreening> {
    const hashes = list.map(recordHash);
    const stored = await this.passengers.apisByRecordIds(list.map((p) => p.passengerRecordId));
    const conflicting = list.filter((p, i) => stored.has(p.passengerRecordId) && stored.get(p.passengerRecordId)!.hash !== hashes[i]);
    if (conflicting.length > 0) {
      throw new ConflictException(`${conflicting.length} passenger record(s) were received before with other content: ${conflicting.slice(0, 20).map((p) => passengerIdOf(p.passengerRecordId)).join(', ')}; nothing was screened`);
    }
    const rows: StoredApis[] = list.map((record, i) => ({ passengerId: passengerIdOf(record.passengerRecordId), hash: hashes[i], record }));
    await this.passengers.storeApis(rows.filter((r) => !stored.has(r.record.passengerRecordId)));
    const { outcomes, casesStarted } = await this.screen(rows);
    return {
      results: outcomes,
      summary: {
        received: outcomes.length,
        cleared: outcomes.filter((o) => o.outcome === 'CLEARED').length,
        selected: outcomes.filter((o) => o.outcome === 'SELECTED').length,
        duplicates: outcomes.filter((o) => o.duplicate).length,
        casesStarted,
      },
    };
  }

  /**
   * Stores validated PNRs and screens again the passengers already on an APIS list whom they match.
   * @throws ConflictException (409) when booking references were received before with other content; nothing is written then.
   */
  async intakePnrs(pnrs: PnrRecord[]): Promise<PnrIntake> {
    const hashes = pnrs.map(recordHash);
    const stored = await this.passengers.pnrsByReference(pnrs.map((p) => p.bookingReference));
    const conflicting = pnrs.filter((p, i) => stored.has(p.bookingReference) && stored.get(p.bookingReference)!.hash !== hashes[i]);
    if (conflicting.length > 0) {
      throw new ConflictException(`${conflicting.length} booking(s) were received before with other content: ${conflicting.slice(0, 20).map((p) => p.bookingReference).join(', ')}; nothing was stored`);
    }
    const today = new Date().toISOString().slice(0, 10);
    const fresh = pnrs.map((record, i) => ({ hash: hashes[i], record, depersonaliseOn: pnrDepersonaliseOn(today, this.config.pnrRetentionMonths) })).filter((r) => !stored.has(r.record.bookingReference));
    const added = await this.passengers.storePnrs(fresh);
    const documents = [...new Set(fresh.filter((r) => added.has(r.record.bookingReference)).flatMap((r) => r.record.passengers.map((t) => t.travelDocumentNumber)).filter((d): d is string => !!d))];
    const travellers = await this.passengers.apisOfDocuments(documents);
    const { outcomes } = await this.screen(travellers, true);
    return { received: pnrs.length, stored: added.size, duplicates: pnrs.length - added.size, rescreened: outcomes.filter((o) => !o.duplicate && o.stage === 'APIS_PNR') };
  }

  /**
   * Screens passengers whose APIS records are stored: with their PNR when one matches (stage
   * APIS_PNR), else on APIS alone. A passenger already screened at that stage gets the stored
   * screening back (`duplicate`).
   * @param pnrOnly screen only the passengers a PNR matches (a PNR's arrival).
   */
  private async screen(rows: StoredApis[], pnrOnly = false): Promise<{ outcomes: PassengerScreeningOutcome[]; casesStarted: number }> {
    if (rows.length === 0) return { outcomes: [], casesStarted: 0 };
    const documents = [...new Set(rows.map((r) => r.record.travelDocument.number))];
    const pnrs = await this.passengers.pnrsOfDocuments(documents);
    const matched = pnrsOfPassengers(rows.map((r) => r.record), pnrs);
    const watched = await this.passengers.watched([...new Set(pnrs.flatMap((p) => p.passengers.map((t) => t.travelDocumentNumber)).filter((d): d is string => !!d))]);
    const links = companionLinks(pnrs, watched);
    const earlier = await this.passengers.decisionsOf(rows.map((r) => r.passengerId));
    const { engine, versions } = await this.criteria.currentEngine();
    const fingerprint = versions.length > 0 ? this.criteriaSets.fingerprint(versions) : null;
    const decidedAt = new Date().toISOString();

    const decisions: PassengerDecisionBody[] = [];
    const results: Array<{ passengerId: string; decision: PassengerDecisionBody; duplicate: boolean } | null> = rows.map((row) => {
      const pnr = matched.get(row.record.passengerRecordId)?.pnr ?? null;
      if (pnrOnly && !pnr) return null;
      const stage = pnr ? 'APIS_PNR' : 'APIS';
      const before = earlier.get(row.passengerId) ?? [];
      const same = before.find((d) => d.stage === stage) ?? (stage === 'APIS' ? before.find((d) => d.stage === 'APIS_PNR') : undefined);
      if (same) return { passengerId: row.passengerId, decision: same, duplicate: true };
      if (decisions.some((d) => d.passengerId === row.passengerId)) return null;
      const decision = this.decide(row, pnr, links.get(row.record.travelDocument.number) ?? [], before.find((d) => d.stage === 'APIS') ?? null, engine, fingerprint, decidedAt);
      decisions.push(decision);
      return { passengerId: row.passengerId, decision, duplicate: false };
    });
    const caseBefore = new Set(rows.filter((r) => (earlier.get(r.passengerId) ?? []).some((d) => d.outcome === 'SELECTED')).map((r) => r.passengerId));
    const starts = decisions.filter((d) => d.outcome === 'SELECTED' && !caseBefore.has(d.passengerId)).map((d) => this.caseInput(d));
    const set = fingerprint ? this.criteriaSets.pendingRow(fingerprint) : null;
    const written = await this.passengers.record(decisions, set, starts.map((input) => ({ caseId: input.caseId, declarationId: input.declarationId, input })));
    if (set && written.inserted.size > 0) this.criteriaSets.markStored(set.fingerprint);
    if (written.queued.size > 0) this.outbox.nudge();
    await this.recordBookings([...new Map([...matched.values()].map((m) => [m.pnr.bookingReference, m.pnr])).values()]);
    // Screened meanwhile by a concurrent sender: answer what was stored.
    const lost = decisions.filter((d) => !written.inserted.has(d.decisionId)).map((d) => d.passengerId);
    const now = lost.length > 0 ? await this.passengers.decisionsOf(lost) : new Map<string, PassengerDecisionBody[]>();
    const outcomes = results.filter((r): r is NonNullable<typeof r> => r !== null).map((r) => {
      const decision = written.inserted.has(r.decision.decisionId) || r.duplicate ? r.decision : (now.get(r.passengerId) ?? []).find((d) => d.stage === r.decision.stage) ?? r.decision;
      const selectedEver = decision.outcome === 'SELECTED' || caseBefore.has(r.passengerId);
      return outcomeView(decision, selectedEver ? inspectionCaseId(r.passengerId) : null, r.duplicate || !written.inserted.has(r.decision.decisionId));
    });
    return { outcomes, casesStarted: written.queued.size };
  }

  /**
   * The party network (issue 17): the companions of these bookings (`bookingDocuments`: the
   * travellers with stored APIS records, by opaque passenger id), queued for the network writer
   * (`PartyNetworkWriter`), idempotent per booking (a booking is linked once, with the companions known then).
   */
  private async recordBookings(pnrs: PnrRecord[]): Promise<void> {
    if (pnrs.length === 0) return;
    const documents = [...new Set(pnrs.flatMap((p) => p.passengers.map((t) => t.travelDocumentNumber)).filter((d): d is string => !!d))];
    this.partyNetwork.enqueue(bookingDocuments(pnrs, await this.passengers.apisOfDocuments(documents)));
  }

  private decide(
    row: StoredApis,
    pnr: PnrRecord | null,
    links: ReturnType<typeof companionLinks> extends Map<string, infer L> ? L : never,
    apisDecision: PassengerDecisionBody | null,
    engine: Awaited<ReturnType<CriteriaService['currentEngine']>>['engine'],
    criteriaSet: string | null,
    decidedAt: string,
  ): PassengerDecisionBody {
    const a = row.record;
    const facts = { ...passengerFacts(a, pnr), passengerRecordId: row.passengerId };
    const fired = engine.evaluateFacts('PASSENGER', facts, a.flightDate, a.arrivalOfficeId).fired;
    const selection = passengerSelection(row.passengerId, fired, links, apisDecision ? { decisionId: apisDecision.decisionId, lane: apisDecision.lane } : null);
    const stage = pnr ? 'APIS_PNR' : 'APIS';
    return {
      decisionId: `${row.passengerId}-${stage}`,
      passengerId: row.passengerId,
      stage,
      bookingReference: pnr?.bookingReference ?? null,
      officeId: a.arrivalOfficeId,
      flightNumber: a.flightNumber,
      flightDate: a.flightDate,
      outcome: selection.outcome,
      lane: selection.lane,
      reasons: selection.reasons,
      summary: selection.summary,
      facts,
      firedCriteria: fired.map((f) => ({ id: f.id, version: f.version, lane: f.lane, reason: f.reason, conditions: f.conditions })),
      companionLinks: links.map((l) => ({
        bookingReference: l.bookingReference, watchedReason: l.watched.reason, sourceId: l.watched.sourceId,
        watchedKind: l.watched.kind ?? 'SEIZURE', watchedSince: l.watched.since ?? null, watchedRiskArea: l.watched.riskArea ?? null,
      })),
      supersedes: selection.supersedes,
      criteriaSet,
      decidedAt,
    };
  }

  /** The arrival-hall inspection case of a selected passenger (the fired criteria need verdicts). */
  private caseInput(d: PassengerDecisionBody): InspectionCaseInput {
    return {
      caseId: inspectionCaseId(d.passengerId),
      declarationId: d.passengerId,
      documentType: 'PASSENGER',
      officeId: d.officeId,
      lane: d.lane === 'RED' ? 'RED' : 'YELLOW',
      riskScore: 0,
      controlSample: false,
      firedCriteria: d.firedCriteria.map((c) => ({ id: c.id, version: c.version })),
      escalateAfterMs: this.config.caseEscalateAfterMs,
    };
  }
}
