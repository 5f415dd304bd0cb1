import { ConflictException, Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { RuntimeConfig } from '@customs/config';
import { dataQualityMinLane, decide, type DecisionRecordBody } from '@customs/decision';
import { dataQualityFindings, HsNomenclature, type Declaration, type Lane } from '@customs/domain';
import { DecisionRecordRepository, type CaseStartStatus, type RecordedDecisions, type StoredDecision } from '@customs/persistence';
import { CaseStartOutbox } from '../case-start/case-start-outbox.service';
import { CaseStarterService } from '../case-start/case-starter.service';
import { CriteriaSetService } from '../criteria/criteria-set.service';
import { CriteriaService } from '../criteria/criteria.service';
import { RiskScoringService } from '../models/risk-scoring.service';
import { KnownCodesService } from '../reference/known-codes.service';
import { declarationDocument } from '@customs/party-network';
import { PartyNetworkWriter } from '../party-network/party-network-writer';
import { RiskPolicyService } from '../risk-policy/risk-policy.service';
import { CustomsMetrics } from '../../services/metrics/customs-metrics';
import { RUNTIME_CONFIG } from '../../services/config/config.module';

/** What screening answers for one declaration. */
export interface ScreeningOutcome {
  declarationId: string;
  lane: Lane;
  /** The deciding model's fraud score, a probability 0..1. */
  riskScore: number;
  /** True when the declaration was drawn at random for the control sample and that decided its lane. */
  controlSample: boolean;
  /** Ids of the criteria that fired. */
  firedCriteria: string[];
  /** The inspection case's id for YELLOW/RED, else null. */
  caseId: string | null;
  /**
   * True when this call opened the case: its start is queued in the case-start outbox, in the
   * same transaction as the decision, and the workflow follows within moments. False for GREEN
   * and for a re-send (the case was queued by the first send).
   */
  caseStarted: boolean;
  /** YELLOW/RED: `QUEUED` while the workflow start is pending in the outbox, `STARTED` once it exists; GREEN: null. */
  caseStatus: CaseStartStatus | null;
  /** True when the declaration had been screened before: the stored decision is returned. */
  duplicate: boolean;
  /** The decision in one sentence, for the officer. */
  summary: string;
}

/** Counts over one screened batch. */
export interface BatchSummary {
  /** Declarations in the batch (repeats included). */
  received: number;
  /** Declarations per lane. */
  green: number;
  yellow: number;
  red: number;
  /** Cases this call opened (queued to start; see `ScreeningOutcome.caseStarted`). */
  casesStarted: number;
  duplicates: number;
}

/** `POST /api/declarations/batch`: what screening answers for each declaration, in input order, and the batch's counts. */
export interface ScreenedBatch {
  results: ScreeningOutcome[];
  summary: BatchSummary;
}

/** One declaration of a batch that was refused, with its position in the batch. */
export interface ItemError {
  index: number;
  declarationId: string | null;
  message: string;
}

/**
 * The screening hot path: declaration -> criteria -> model score -> lane -> append-only
 * decision record -> inspection-case workflow for YELLOW/RED.
 *
 * The decisions, the set of criteria they were made under and the case starts of the
 * YELLOW/RED ones (rows of the case-start outbox) are written in one statement, so either
 * all of it is stored or nothing; the `CaseStartOutbox` dispatcher then starts the workflows
 * off the request path, with retries, so a slow or unreachable Temporal neither slows nor
 * fails screening.
 *
 * Idempotent on the declaration id: a re-sent declaration gets its stored decision back
 * and never opens a second case (workflow id = case id, and one outbox row per case; a
 * decision recorded before the outbox existed gets its row on re-send). A re-send with
 * different content is refused with 409.
 */
@Injectable()
export class ScreeningService {
  private readonly hs = HsNomenclature.default();
  private readonly logger = new Logger(ScreeningService.name);

  constructor(
    private readonly decisions: DecisionRecordRepository,
    private readonly criteria: CriteriaService,
    private readonly scoring: RiskScoringService,
    private readonly cases: CaseStarterService,
    private readonly riskPolicy: RiskPolicyService,
    private readonly outbox: CaseStartOutbox,
    private readonly criteriaSets: CriteriaSetService,
    private readonly metrics: CustomsMetrics,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly knownCodes: KnownCodesService,
    private readonly partyNetwork: PartyNetworkWriter,
  ) {}

  /**
   * Screens validated declarations as one batch (all or nothing for the decisions).
   * @throws ConflictException (409) naming every declaration id re-sent with different content
   *   or repeated with different content inside the batch; nothing is written then.
   */
  async screenBatch(input: Declaration[]): Promise<ScreenedBatch> {
    this.metrics.batchSize.observe(input.length);
    const endTimer = this.metrics.screeningDuration.startTimer();
    try {
      return await this.screen(input);
    } finally {
      endTimer();
    }
  }

  private async screen(input: Declaration[]): Promise<ScreenedBatch> {
    const declarations = input.map((d) => this.normalise(d));
    const hashes = declarations.map(declarationHash);
    const conflicts = this.conflictsWithinBatch(declarations, hashes);
    if (conflicts.length > 0) {
      // Refused anyway: name the ids reused from earlier batches too, in one answer.
      const stored = await this.storedDecisions([...new Set(declarations.map((d) => d.declarationId))]);
      throw conflictError([...conflicts, ...reusedIds(declarations, hashes, stored)]);
    }

    // Decide the first occurrence of every id, then write in ONE statement that also reads
    // back what was stored before: one round trip on the common path (all new). A re-send is
    // decided again but not stored: the stored decision is answered.
    const fresh: Declaration[] = [];
    const seen = new Set<string>();
    for (const d of declarations) {
      if (!seen.has(d.declarationId)) {
        seen.add(d.declarationId);
        fresh.push(d);
      }
    }
    const decided = await this.decide(fresh);
    const { inserted, queued, prior } = await this.insertDecisions(decided, declarations, hashes);
    const stored = new Map<string, StoredDecision>(prior);
    // Stored by a concurrent sender between this statement's snapshot and its insert: read it now.
    const racing = decided.filter((r) => !inserted.has(r.declarationId) && !stored.has(r.declarationId)).map((r) => r.declarationId);
    if (racing.length > 0) for (const [id, row] of await this.storedDecisions(racing)) stored.set(id, row);
    const reused = reusedIds(declarations, hashes, stored);
    if (reused.length > 0) throw conflictError(reused);
    // The party network (issue 17): queued, written off the request path in one set-based
    // statement per flush, idempotent per declaration id, for every first occurrence (a re-send
    // heals a network write that was lost).
    this.partyNetwork.enqueue(fresh.map(declarationDocument));
    for (const r of decided) if (inserted.has(r.declarationId)) stored.set(r.declarationId, { hash: '', record: r });
    this.metrics.recordDecisions(decided.filter((r) => inserted.has(r.declarationId)));
    if (queued.size > 0) this.outbox.nudge();
    const ids = [...seen];

    // Re-sent YELLOW/RED decisions: queue a case start that is missing (a decision recorded
    // before the outbox existed), and say where each case stands.
    const resent = ids.filter((id) => !inserted.has(id) && stored.get(id)!.record.lane !== 'GREEN');
    const healed = await this.outbox.enqueue(resent.map((id) => this.cases.inputFor(stored.get(id)!.record)));
    const status = await this.outbox.statusOf(resent);

    const results = declarations.map((d): ScreeningOutcome => {
      const r = stored.get(d.declarationId)!.record;
      const green = r.lane === 'GREEN';
      const opened = queued.has(d.declarationId) || healed.has(d.declarationId);
      return {
        declarationId: d.declarationId,
        lane: r.lane,
        riskScore: r.model.score,
        controlSample: r.controlSample,
        firedCriteria: r.firedCriteria.map((c) => c.id),
        caseId: green ? null : this.cases.caseIdOf(d.declarationId),
        caseStarted: opened,
        caseStatus: green ? null : opened ? 'QUEUED' : (status.get(d.declarationId) ?? 'QUEUED'),
        duplicate: !inserted.has(d.declarationId),
        summary: r.summary,
      };
    });
    // A declaration repeated inside the batch is reported once as new, then as duplicate.
    const reported = new Set<string>();
    for (const r of results) {
      if (reported.has(r.declarationId)) {
        r.duplicate = true;
        r.caseStarted = false;
      }
      reported.add(r.declarationId);
    }
    for (const r of results) {
      this.logger.debug({ message: 'declaration screened', declarationId: r.declarationId, lane: r.lane, caseId: r.caseId, riskScore: r.riskScore, duplicate: r.duplicate });
    }
    return { results, summary: summariseBatch(results) };
  }

  /**
   * Decides each declaration (`decide` in @customs/decision): the criteria in force, every
   * model's scores, the office's policy for the deciding model, and its data-quality findings
   * (codes not in the newest reference lists, `KnownCodesService`) with the data-quality rule's
   * minimum lane at its office.
   */
  private async decide(declarations: Declaration[]): Promise<DecisionRecordBody[]> {
    if (declarations.length === 0) return [];
    const { engine, versions } = await this.criteria.currentEngine();
    const { champion, shadow } = await this.scoring.assessBatch(declarations);
    const decidedAt = new Date().toISOString();
    const policies = await this.riskPolicy.policiesFor(new Set(declarations.map((d) => d.officeId)), this.scoring.model);
    const criteriaSet = this.criteriaSets.fingerprint(versions);
    const { known, lists } = await this.knownCodes.current();
    const out: DecisionRecordBody[] = [];
    for (const [i, declaration] of declarations.entries()) {
      const selection = await engine.evaluate(declaration);
      const m = champion[i];
      out.push(
        decide({
          declaration,
          firedCriteria: selection.fired,
          champion: { ...m, inputs: m.features },
          shadow: shadow.map((s) => s[i]),
          policy: policies.get(declaration.officeId)!,
          criteriaSet,
          decidedAt,
          dataQuality: { findings: dataQualityFindings(declaration, known), minLane: dataQualityMinLane(this.config.dataQuality, declaration.officeId), lists },
        }),
      );
    }
    return out;
  }

  /**
   * Writes the records, the criteria set they name (when not known to be stored) and the
   * case-start outbox rows of the YELLOW/RED ones in ONE statement (atomic: all or nothing;
   * `DecisionRecordRepository.record`), and reads back the decisions stored before it for the
   * same ids. When any of those was stored with different content (a reused declaration id),
   * the statement writes nothing.
   */
  private async insertDecisions(records: DecisionRecordBody[], all: Declaration[], hashes: string[]): Promise<RecordedDecisions> {
    const hashOf = new Map(all.map((d, i) => [d.declarationId, hashes[i]]));
    const sets = [...new Set(records.map((r) => r.criteriaSet!))].map((fp) => this.criteriaSets.pendingRow(fp)).filter((x) => x !== null);
    const starts = records.filter((r) => r.lane !== 'GREEN').map((r) => this.cases.inputFor(r));
    const written = await this.decisions.record(
      records.map((record) => ({ declarationHash: hashOf.get(record.declarationId)!, record })),
      sets,
      starts.map((input) => ({ caseId: input.caseId, declarationId: input.declarationId, input })),
    );
    if (written.inserted.size > 0) for (const x of sets) this.criteriaSets.markStored(x.fingerprint);
    return written;
  }

  /** The stored decisions (hash and record) of these declaration ids. */
  private storedDecisions(ids: string[]): Promise<Map<string, StoredDecision>> {
    return this.decisions.findByDeclarationIds(ids);
  }

  private conflictsWithinBatch(declarations: Declaration[], hashes: string[]): ItemError[] {
    const first = new Map<string, number>();
    const errors: ItemError[] = [];
    declarations.forEach((d, i) => {
      const j = first.get(d.declarationId);
      if (j === undefined) first.set(d.declarationId, i);
      else if (hashes[j] !== hashes[i]) {
        errors.push({ index: i, declarationId: d.declarationId, message: `declaration ${d.declarationId} appears again at index ${i} with different content than at index ${j}` });
      }
    });
    return errors;
  }

  /** Fills the goods description from the HS 2022 nomenclature when the sender gave none. */
  private normalise(d: Declaration): Declaration {
    if (d.goodsDescription !== undefined && d.goodsDescription !== '') return d;
    return { ...d, goodsDescription: this.hs.describe(d.hsCode) ?? '' };
  }
}

/** The declarations (with their index) whose id was stored before with different content. */
function reusedIds(declarations: Declaration[], hashes: string[], stored: ReadonlyMap<string, { hash: string }>): ItemError[] {
  const errors: ItemError[] = [];
  declarations.forEach((d, index) => {
    const before = stored.get(d.declarationId);
    if (before && before.hash !== hashes[index]) {
      errors.push({ index, declarationId: d.declarationId, message: `declaration ${d.declarationId} was already screened with different content; a declaration id cannot be reused` });
    }
  });
  return errors;
}

/** The 409 refusing a batch: every declaration id reused with different content, nothing written. */
function conflictError(conflicts: ItemError[]): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message: `${conflicts.length} declaration(s) conflict with earlier ones`, errors: conflicts });
}

/** SHA-256 (hex) of the declaration with its keys in a fixed order. */
export function declarationHash(d: Declaration): string {
  const canonical = JSON.stringify(d, Object.keys(d).sort());
  return createHash('sha256').update(canonical).digest('hex');
}

function summariseBatch(results: ScreeningOutcome[]): BatchSummary {
  const s: BatchSummary = { received: results.length, green: 0, yellow: 0, red: 0, casesStarted: 0, duplicates: 0 };
  for (const r of results) {
    if (r.lane === 'GREEN') s.green += 1;
    else if (r.lane === 'YELLOW') s.yellow += 1;
    else s.red += 1;
    if (r.caseStarted) s.casesStarted += 1;
    if (r.duplicate) s.duplicates += 1;
  }
  return s;
}
