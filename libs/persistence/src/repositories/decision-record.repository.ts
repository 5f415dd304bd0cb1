import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { DecisionRecordBody } from '@customs/decision';
import type { Declaration, Lane } from '@customs/domain';
import { CaseStartOutboxEntity, CriteriaSetEntity, DecisionRecordEntity, InspectionOutcomeEntity } from '../entities';

/** A decision as stored: the declaration's canonical hash (tells a re-send from a conflicting one) and the record. */
export interface StoredDecision {
  hash: string;
  record: DecisionRecordBody;
}

/** One decision to write with {@link DecisionRecordRepository.record}. */
export interface NewDecision {
  /** SHA-256 hex of the canonical declaration snapshot. */
  declarationHash: string;
  record: DecisionRecordBody;
}

/** A case start queued in the same statement as its decision (`case_start_outbox`). */
export interface QueuedCaseStart {
  caseId: string;
  declarationId: string;
  /** The workflow's input, stored as JSON. */
  input: unknown;
}

/** What {@link DecisionRecordRepository.record} wrote and found. */
export interface RecordedDecisions {
  /** Declaration ids whose decision this statement inserted. */
  inserted: Set<string>;
  /** Of those, the ones whose case start was queued. */
  queued: Set<string>;
  /** Decisions stored before this statement for the same declaration ids. */
  prior: Map<string, StoredDecision>;
}

const table = (m: EntityManager | DataSource, e: EntityTarget<ObjectLiteral>) => m.getRepository(e).metadata.tableName;

/**
 * The decisions aggregate: `decision_record` (append-only, hash-chained), the criteria sets the
 * decisions name (`criteria_set`) and the case starts queued with them (`case_start_outbox`).
 * Raw SQL on purpose: the screening write is the hot path, one statement per batch.
 */
export class DecisionRecordRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * Writes decisions, the criteria sets they name (each `{fingerprint, versions}` not known to be
   * stored) and the case starts of the YELLOW/RED ones in ONE statement (atomic: all or nothing),
   * and reads back the decisions stored before it for the same declaration ids. When any of those
   * was stored with a different declaration hash (a reused declaration id) the statement writes
   * nothing. A decision whose declaration was inserted meanwhile by a concurrent sender is
   * skipped, and so is its case start.
   */
  async record(decisions: NewDecision[], criteriaSets: Array<{ fingerprint: string; versions: readonly string[] }>, caseStarts: QueuedCaseStart[]): Promise<RecordedDecisions> {
    if (decisions.length === 0) return { inserted: new Set(), queued: new Set(), prior: new Map() };
    const decisionTable = table(this.db, DecisionRecordEntity);
    const setTable = table(this.db, CriteriaSetEntity);
    const outboxTable = table(this.db, CaseStartOutboxEntity);
    const rows: Array<{ kind: 'inserted' | 'prior'; declaration_id: string; queued: boolean; declaration_hash: string | null; record: DecisionRecordBody | null }> = await this.db.query(
      `WITH input AS (
         SELECT * FROM unnest($1::varchar[], $2::char(64)[], $3::varchar[], $4::varchar[], $5::float8[], $6::bool[], $7::jsonb[])
           AS i(declaration_id, declaration_hash, office_id, lane, risk_score, control_sample, record)
       ), prior AS (
         SELECT d.declaration_id, d.declaration_hash, d.record FROM ${decisionTable} d WHERE d.declaration_id = ANY($1::varchar[])
       ), reused AS (
         SELECT 1 FROM prior p JOIN input i USING (declaration_id) WHERE p.declaration_hash <> i.declaration_hash LIMIT 1
       ), criteria_sets AS (
         INSERT INTO ${setTable} (fingerprint, versions)
         SELECT s.fingerprint, array(SELECT jsonb_array_elements_text(s.versions))
         FROM unnest($8::char(64)[], $9::jsonb[]) AS s(fingerprint, versions)
         WHERE NOT EXISTS (SELECT 1 FROM reused)
         ON CONFLICT DO NOTHING
       ), decisions AS (
         INSERT INTO ${decisionTable} (declaration_id, declaration_hash, office_id, lane, risk_score, control_sample, record)
         SELECT i.* FROM input i WHERE NOT EXISTS (SELECT 1 FROM reused) AND NOT EXISTS (SELECT 1 FROM prior p WHERE p.declaration_id = i.declaration_id)
         ON CONFLICT ON CONSTRAINT uq_decision_record_declaration DO NOTHING
         RETURNING declaration_id
       ), case_starts AS (
         INSERT INTO ${outboxTable} (case_id, declaration_id, input)
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
        decisions.map((d) => d.record.declarationId),
        decisions.map((d) => d.declarationHash),
        decisions.map((d) => d.record.declaration.officeId),
        decisions.map((d) => d.record.lane),
        decisions.map((d) => d.record.model.score),
        decisions.map((d) => d.record.controlSample),
        decisions.map((d) => JSON.stringify(d.record)),
        criteriaSets.map((x) => x.fingerprint),
        criteriaSets.map((x) => JSON.stringify(x.versions)),
        caseStarts.map((c) => c.caseId),
        caseStarts.map((c) => c.declarationId),
        caseStarts.map((c) => JSON.stringify(c.input)),
      ],
    );
    const inserted = rows.filter((r) => r.kind === 'inserted');
    return {
      inserted: new Set(inserted.map((r) => r.declaration_id)),
      queued: new Set(inserted.filter((r) => r.queued).map((r) => r.declaration_id)),
      prior: new Map(rows.filter((r) => r.kind === 'prior').map((r) => [r.declaration_id, { hash: r.declaration_hash!, record: r.record! }])),
    };
  }

  /** The stored decisions (hash and record) of these declaration ids; ids never screened are absent. */
  async findByDeclarationIds(ids: string[]): Promise<Map<string, StoredDecision>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .getRepository(DecisionRecordEntity)
      .createQueryBuilder('d')
      .select(['d.id', 'd.declarationId', 'd.declarationHash', 'd.record'])
      .where('d.declarationId = ANY(:ids)', { ids })
      .getMany();
    return new Map(rows.map((r) => [r.declarationId, { hash: r.declarationHash, record: r.record as unknown as DecisionRecordBody }]));
  }

  /** The stored record of one declaration with its row id, or null when it was never screened. */
  async findOne(declarationId: string): Promise<(DecisionRecordBody & { id: string }) | null> {
    const row = await this.db
      .getRepository(DecisionRecordEntity)
      .createQueryBuilder('d')
      .select(['d.id', 'd.record'])
      .where('d.declarationId = :declarationId', { declarationId })
      .getOne();
    return row ? { id: row.id, ...(row.record as unknown as DecisionRecordBody) } : null;
  }

  /**
   * The fired criteria recorded with a declaration's decision (`record.firedCriteria`: id,
   * version, risk area, ...), or null when the declaration was never screened or its record
   * lists none.
   */
  async firedCriteria(declarationId: string): Promise<Array<{ id: string; riskArea?: string }> | null> {
    const row = await this.db
      .getRepository(DecisionRecordEntity)
      .createQueryBuilder('d')
      .select(`d.record->'firedCriteria'`, 'fired')
      .where('d.declarationId = :declarationId', { declarationId })
      .getRawOne<{ fired: Array<{ id: string; riskArea?: string }> | null }>();
    return row?.fired ?? null;
  }

  /**
   * An office's decisions over the last `days` days: how many, and whether its first decision is
   * at least that old (so a mean over the period is not diluted by days before it started).
   */
  async recentVolume(officeId: string, days: number): Promise<{ decisions: number; covered: boolean }> {
    const [r]: Array<{ decisions: number; covered: boolean }> = await this.db.query(
      `SELECT count(*) FILTER (WHERE decided_at >= now() - make_interval(days => $2))::int AS decisions,
              coalesce(min(decided_at) <= now() - make_interval(days => $2), false) AS covered
       FROM ${table(this.db, DecisionRecordEntity)} WHERE office_id = $1`,
      [officeId, days],
    );
    return r;
  }

  /**
   * An office's decisions of the last `days` days (newest first, at most `limit`), for the
   * policy preview: each record as stored.
   */
  async recentRecords(officeId: string, days: number, limit: number): Promise<DecisionRecordBody[]> {
    const rows = await this.db
      .getRepository(DecisionRecordEntity)
      .createQueryBuilder('d')
      .select(['d.id', 'd.record'])
      .where('d.officeId = :officeId', { officeId })
      .andWhere(`d.decidedAt >= now() - make_interval(days => :days)`, { days })
      .orderBy('d.decidedAt', 'DESC')
      .limit(limit)
      .getMany();
    return rows.map((r) => r.record as unknown as DecisionRecordBody);
  }

  /**
   * The `id@version` list of a stored criteria set, sorted, or null when no set has this fingerprint.
   */
  async criteriaSetVersions(fingerprint: string): Promise<string[] | null> {
    const row = await this.db.getRepository(CriteriaSetEntity).findOne({ where: { fingerprint }, select: { versions: true, fingerprint: true } });
    return row ? row.versions : null;
  }

  /**
   * For every pair of a central and a local criterion that fired on the same declarations in the
   * last `days` days (both directions): how many each selected, and how many they selected
   * together. Criteria are told apart by their ids (`CEN-...` central, `LOC-...` local).
   */
  async coSelections(days: number): Promise<CoSelection[]> {
    const rows: Array<{ criterion_id: string; selected: number; other_id: string; both: number }> = await this.db.query(
      `WITH f AS (
         SELECT DISTINCT d.id, x->>'id' AS cid
         FROM ${table(this.db, DecisionRecordEntity)} d, jsonb_array_elements(d.record->'firedCriteria') x
         WHERE d.decided_at >= now() - make_interval(days => $1)),
       n AS (SELECT cid, count(*)::int AS selected FROM f GROUP BY cid)
       SELECT a.cid AS criterion_id, n.selected, b.cid AS other_id, count(*)::int AS both
       FROM f a JOIN f b ON a.id = b.id AND left(a.cid, 4) <> left(b.cid, 4) JOIN n ON n.cid = a.cid
       GROUP BY a.cid, n.selected, b.cid
       ORDER BY a.cid, b.cid`,
      [days],
    );
    return rows.map((r) => ({ criterionId: r.criterion_id, selected: r.selected, otherId: r.other_id, both: r.both }));
  }

  /**
   * One page of the decisions made in `[from, to)`, in id order after `afterId`, as a criterion
   * backtest reads them: the declaration, the lane, the ids of the criteria that fired, and
   * whether a recorded inspection (source `INSPECTION`) found fraud (null: none recorded).
   * Rows whose record holds no declaration object (none the API writes) are skipped.
   * Pages of `limit`, so a backtest of 100,000 decisions never holds them all.
   */
  async backtestPage(from: Date, to: Date, afterId: string, limit: number): Promise<Array<BacktestRow & { id: string }>> {
    const rows: Array<{ id: string; declaration: Declaration; lane: Lane; fired: string[] | null; decided_at: Date; fraud: number | null }> = await this.db.query(
      `SELECT d.id, d.record->'declaration' AS declaration, d.lane,
              (SELECT array_agg(f->>'id') FROM jsonb_array_elements(d.record->'firedCriteria') f) AS fired,
              d.decided_at, o.fraud
       FROM ${table(this.db, DecisionRecordEntity)} d
       LEFT JOIN ${table(this.db, InspectionOutcomeEntity)} o ON o.declaration_id = d.declaration_id AND o.source = 'INSPECTION'
       WHERE d.decided_at >= $1 AND d.decided_at < $2 AND d.id > $3
         AND jsonb_typeof(d.record->'declaration') = 'object'
       ORDER BY d.id LIMIT $4`,
      [from, to, afterId, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      declaration: r.declaration,
      lane: r.lane,
      firedCriteria: r.fired ?? [],
      decidedAt: r.decided_at.toISOString(),
      fraud: r.fraud === null ? null : r.fraud > 0,
    }));
  }
}

/** How often two criteria selected the same declarations (see `DecisionRecordRepository.coSelections`). */
export interface CoSelection {
  criterionId: string;
  /** Declarations `criterionId` selected in the period. */
  selected: number;
  otherId: string;
  /** Of those, how many `otherId` selected too. */
  both: number;
}

/** A stored decision as a criterion backtest reads it (see `CriterionBacktest` of `@customs/selectivity`). */
export interface BacktestRow {
  declaration: Declaration;
  lane: Lane;
  firedCriteria: string[];
  /** ISO timestamp of the decision. */
  decidedAt: string;
  fraud: boolean | null;
}
