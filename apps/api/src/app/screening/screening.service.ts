import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '@customs/config';
import { HsNomenclature, type Declaration, type Lane } from '@customs/domain';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { CriteriaService } from '../criteria/criteria.service';
import { RiskPolicyService } from '../risk-policy/risk-policy.service';
import { selectLane } from '../risk-policy/selection-basis';
import { CaseStartOutbox, type CaseStatus } from './case-start-outbox.service';
import { CaseStarterService } from './case-starter.service';
import { CriteriaSetService } from './criteria-set.service';
import { summarise, type DecisionRecordBody } from './decision-record';
import type { ModelThresholds } from './lane-policy';
import { RiskScoringService } from './risk-scoring.service';

/** What screening answers for one declaration. */
export interface ScreeningOutcome {
  declarationId: string;
  lane: Lane;
  riskScore: number;
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
  caseStatus: CaseStatus | null;
  /** True when the declaration had been screened before: the stored decision is returned. */
  duplicate: boolean;
  summary: string;
}

/** Counts over one screened batch. */
export interface BatchSummary {
  received: number;
  green: number;
  yellow: number;
  red: number;
  /** Cases this call opened (queued to start; see `ScreeningOutcome.caseStarted`). */
  casesStarted: number;
  duplicates: number;
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

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly criteria: CriteriaService,
    private readonly scoring: RiskScoringService,
    private readonly cases: CaseStarterService,
    private readonly riskPolicy: RiskPolicyService,
    private readonly outbox: CaseStartOutbox,
    private readonly criteriaSets: CriteriaSetService,
  ) {}

  /**
   * Screens validated declarations as one batch (all or nothing for the decisions).
   * @throws ConflictException (409) naming every declaration id re-sent with different content
   *   or repeated with different content inside the batch; nothing is written then.
   */
  async screenBatch(input: Declaration[]): Promise<{ results: ScreeningOutcome[]; summary: BatchSummary }> {
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
    const stored = new Map<string, { hash: string; record: DecisionRecordBody }>(prior);
    // Stored by a concurrent sender between this statement's snapshot and its insert: read it now.
    const racing = decided.filter((r) => !inserted.has(r.declarationId) && !stored.has(r.declarationId)).map((r) => r.declarationId);
    if (racing.length > 0) for (const [id, row] of await this.storedDecisions(racing)) stored.set(id, row);
    const reused = reusedIds(declarations, hashes, stored);
    if (reused.length > 0) throw conflictError(reused);
    for (const r of decided) if (inserted.has(r.declarationId)) stored.set(r.declarationId, { hash: '', record: r });
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
    return { results, summary: summariseBatch(results) };
  }

  /** The stored decision record of a declaration, or null when it was never screened. */
  async selection(declarationId: string): Promise<(DecisionRecordBody & { id: string }) | null> {
    const rows: Array<{ id: string; record: DecisionRecordBody }> = await this.db.query(
      `SELECT id, record FROM decision_record WHERE declaration_id = $1`,
      [declarationId],
    );
    return rows.length > 0 ? { id: rows[0].id, ...rows[0].record } : null;
  }

  private async decide(declarations: Declaration[]): Promise<DecisionRecordBody[]> {
    if (declarations.length === 0) return [];
    const { engine, versions } = await this.criteria.currentEngine();
    const { champion, shadow } = await this.scoring.assessBatch(declarations);
    const decidedAt = new Date().toISOString();
    // risk-policy: per-office cut-offs, control and exploration shares for the deciding model (cached).
    const policies = await this.riskPolicy.policiesFor(new Set(declarations.map((d) => d.officeId)), this.scoring.model);
    const out: DecisionRecordBody[] = [];
    for (const [i, declaration] of declarations.entries()) {
      const selection = await engine.evaluate(declaration);
      const m = champion[i];
      // risk-policy: lane from criteria, the office's model cut-offs (+ the critical-fraud cut-off), control and exploration draws.
      const policy = policies.get(declaration.officeId)!;
      const thresholds = { ...policy.thresholds, ...criticalCutoff(m.thresholds) };
      const { lane, scoreLane, controlSample, selectionBasis } = selectLane({
        declarationId: declaration.declarationId, criteriaLane: selection.lane, score: m.score, criticalScore: m.criticalScore, thresholds, control: policy.control,
      });
      const body: Omit<DecisionRecordBody, 'summary'> = {
        declarationId: declaration.declarationId,
        declaration,
        lane,
        firedCriteria: selection.fired,
        criteriaLane: selection.lane,
        model: {
          name: m.name,
          version: m.version,
          score: m.score,
          criticalScore: m.criticalScore,
          thresholds,
          lane: scoreLane,
          inputs: Array.from(m.features),
        },
        shadow: shadow.map((s) => ({ name: s[i].name, version: s[i].version, score: s[i].score, criticalScore: s[i].criticalScore, lane: s[i].lane })),
        controlSample,
        control: policy.control,
        selectionBasis,
        criteriaSet: this.criteriaSets.fingerprint(versions),
        decidedAt,
      };
      out.push({ ...body, summary: summarise(body) });
    }
    return out;
  }

  /**
   * Writes the records, the criteria set they name (when not known to be stored) and the
   * case-start outbox rows of the YELLOW/RED ones in ONE statement (atomic: all or nothing),
   * and reads back the decisions stored before it for the same ids. When any of those was
   * stored with different content (a reused declaration id), the statement writes nothing.
   * A record whose declaration was inserted meanwhile by a concurrent sender is skipped, and
   * so is its outbox row.
   * @returns the declaration ids inserted, those of them whose case start was queued, and the
   *   decisions stored before this call (declaration hash and record) by declaration id.
   */
  private async insertDecisions(
    records: DecisionRecordBody[],
    all: Declaration[],
    hashes: string[],
  ): Promise<{ inserted: Set<string>; queued: Set<string>; prior: Map<string, { hash: string; record: DecisionRecordBody }> }> {
    if (records.length === 0) return { inserted: new Set(), queued: new Set(), prior: new Map() };
    const hashOf = new Map(all.map((d, i) => [d.declarationId, hashes[i]]));
    const sets = [...new Set(records.map((r) => r.criteriaSet!))].map((fp) => this.criteriaSets.pendingRow(fp)).filter((x) => x !== null);
    const selected = records.filter((r) => r.lane !== 'GREEN').map((r) => this.cases.inputFor(r));
    const rows: Array<{ kind: 'inserted' | 'prior'; declaration_id: string; queued: boolean; declaration_hash: string | null; record: DecisionRecordBody | null }> = await this.db.query(
      `WITH input AS (
         SELECT * FROM unnest($1::varchar[], $2::char(64)[], $3::varchar[], $4::varchar[], $5::float8[], $6::bool[], $7::jsonb[])
           AS i(declaration_id, declaration_hash, office_id, lane, risk_score, control_sample, record)
       ), prior AS (
         SELECT d.declaration_id, d.declaration_hash, d.record FROM decision_record d WHERE d.declaration_id = ANY($1::varchar[])
       ), reused AS (
         SELECT 1 FROM prior p JOIN input i USING (declaration_id) WHERE p.declaration_hash <> i.declaration_hash LIMIT 1
       ), criteria_sets AS (
         INSERT INTO criteria_set (fingerprint, versions)
         SELECT s.fingerprint, array(SELECT jsonb_array_elements_text(s.versions))
         FROM unnest($8::char(64)[], $9::jsonb[]) AS s(fingerprint, versions)
         WHERE NOT EXISTS (SELECT 1 FROM reused)
         ON CONFLICT DO NOTHING
       ), decisions AS (
         INSERT INTO decision_record (declaration_id, declaration_hash, office_id, lane, risk_score, control_sample, record)
         SELECT i.* FROM input i WHERE NOT EXISTS (SELECT 1 FROM reused) AND NOT EXISTS (SELECT 1 FROM prior p WHERE p.declaration_id = i.declaration_id)
         ON CONFLICT ON CONSTRAINT uq_decision_record_declaration DO NOTHING
         RETURNING declaration_id
       ), case_starts AS (
         INSERT INTO case_start_outbox (case_id, declaration_id, input)
         SELECT o.case_id, o.declaration_id, o.input
         FROM unnest($10::varchar[], $11::varchar[], $12::jsonb[]) AS o(case_id, declaration_id, input)
         JOIN decisions d ON d.declaration_id = o.declaration_id
         ON CONFLICT DO NOTHING
         RETURNING declaration_id
       )
       SELECT 'inserted' AS kind, d.declaration_id, c.declaration_id IS NOT NULL AS queued, NULL AS declaration_hash, NULL::jsonb AS record
       FROM decisions d LEFT JOIN case_starts c ON c.declaration_id = d.declaration_id
       UNION ALL
       SELECT 'prior', p.declaration_id, false, p.declaration_hash, p.record FROM prior p`,
      [
        records.map((r) => r.declarationId),
        records.map((r) => hashOf.get(r.declarationId)),
        records.map((r) => r.declaration.officeId),
        records.map((r) => r.lane),
        records.map((r) => r.model.score),
        records.map((r) => r.controlSample),
        records.map((r) => JSON.stringify(r)),
        sets.map((x) => x.fingerprint),
        sets.map((x) => JSON.stringify(x.versions)),
        selected.map((i) => i.caseId),
        selected.map((i) => i.declarationId),
        selected.map((i) => JSON.stringify(i)),
      ],
    );
    const inserted = rows.filter((r) => r.kind === 'inserted');
    if (inserted.length > 0) for (const x of sets) this.criteriaSets.markStored(x.fingerprint);
    return {
      inserted: new Set(inserted.map((r) => r.declaration_id)),
      queued: new Set(inserted.filter((r) => r.queued).map((r) => r.declaration_id)),
      prior: new Map(rows.filter((r) => r.kind === 'prior').map((r) => [r.declaration_id, { hash: r.declaration_hash!, record: r.record! }])),
    };
  }

  /** The stored decisions (hash and record) of these declaration ids. */
  private async storedDecisions(ids: string[]): Promise<Map<string, { hash: string; record: DecisionRecordBody }>> {
    const rows: Array<{ declaration_id: string; declaration_hash: string; record: DecisionRecordBody }> = await this.db.query(
      `SELECT declaration_id, declaration_hash, record FROM decision_record WHERE declaration_id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.declaration_id, { hash: r.declaration_hash, record: r.record }]));
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

/** The critical-fraud cut-off of a model's thresholds, when it has one (not part of office policies). */
function criticalCutoff(t: ModelThresholds): Pick<ModelThresholds, 'criticalRed' | 'criticalRedTopShare'> {
  return t.criticalRed === undefined ? {} : { criticalRed: t.criticalRed, criticalRedTopShare: t.criticalRedTopShare };
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
