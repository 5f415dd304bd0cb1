import type { DataSource, EntityManager } from 'typeorm';
import { RiskCaseCriterionEntity, RiskCaseEntity, RiskCaseEventEntity } from '../entities';
import { selectProperties } from './select-properties';

/** A risk case as listed: the `risk_case` read model without its snapshot and bookkeeping. */
export interface RiskCaseSummary {
  riskCaseId: string;
  status: string;
  riskArea: string;
  /** CBTC or LOCAL. */
  route: string;
  /** Offices the case is routed to or shared with. */
  officeIds: string[];
  riskLevel: string | null;
  /** What is smuggled (the intelligence's subtype) when the risk area is SMUGGLING; null otherwise. */
  smugglingSubtype: string | null;
  /** ISO timestamps. */
  windowEndsAt: string | null;
  openedAt: string;
  updatedAt: string;
}

/** Filters of {@link RiskCaseRepository.page}; each applies when set, all together. */
export interface RiskCaseFilter {
  /** When not undefined, only the cases routed to or shared with this office (null: none). */
  officeId?: string | null;
  status?: string | null;
  riskArea?: string | null;
  /** `CBTC`: the cases routed to the CBTC desk; an office code: the cases routed to or shared with that office. */
  desk?: string | null;
  /** Only the cases whose age in whole days (rounded down) is at most this. */
  maxAgeDays?: number | null;
}

/** A risk case with the workflow state last projected (`state`, the workflow's `RiskCaseState`). */
export interface RiskCaseRow<TState> extends RiskCaseSummary {
  state: TState;
}

/** One event of a risk case's history as served (`occurredAt` is an ISO timestamp). */
export interface RiskCaseEventView {
  seq: number;
  type: string;
  actor: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

/** One risk-case transition to project (see {@link RiskCaseRepository.project}). */
export interface RiskCaseProjection {
  riskCaseId: string;
  /** 1, 2, ... per case, from the workflow. */
  seq: number;
  type: string;
  actor: string;
  payload: Record<string, unknown>;
  status: string;
  riskArea: string;
  route: string;
  /** Offices routed to or shared with, sorted, without duplicates. */
  officeIds: string[];
  riskLevel: string | null;
  /** ISO timestamp, or null without a validity window. */
  windowEndsAt: string | null;
  /** The workflow state after the event, stored as the read model's snapshot. */
  state: object;
  /** Set on CRITERION_LINKED: the criterion drafted from the case, linked once. */
  linkedCriterionId?: string;
  /** When the event was projected: `occurred_at`, `updated_at` (and `opened_at`, `linked_at` of new rows). */
  at: Date;
}

/** The read model's properties a summary shows. */
const SUMMARY_PROPERTIES = ['riskCaseId', 'status', 'riskArea', 'route', 'officeIds', 'riskLevel', 'windowEndsAt', 'openedAt', 'updatedAt'] as const;

const summary = (e: Pick<RiskCaseEntity, (typeof SUMMARY_PROPERTIES)[number]>, smugglingSubtype: unknown): RiskCaseSummary => ({
  riskCaseId: e.riskCaseId,
  status: e.status,
  riskArea: e.riskArea,
  route: e.route,
  officeIds: e.officeIds,
  riskLevel: e.riskLevel,
  smugglingSubtype: typeof smugglingSubtype === 'string' ? smugglingSubtype : null,
  windowEndsAt: e.windowEndsAt ? e.windowEndsAt.toISOString() : null,
  openedAt: e.openedAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

/** Statuses of a risk case that has ended (its workflow is complete). */
const ENDED = ['CLOSED', 'DISMISSED'];

/**
 * The risk cases aggregate: the `risk_case` read model (written only by the risk-case
 * workflow's projection activity), its append-only, hash-chained history `risk_case_event`,
 * and `risk_case_criterion`, which criteria were drafted from which case.
 */
export class RiskCaseRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get cases() {
    return this.db.getRepository(RiskCaseEntity);
  }

  /**
   * Projects one transition in one transaction: appends the event (once per case and seq; a
   * re-delivered one takes no hash-chain position), inserts or moves the read model forward
   * (only when `seq` is newer than the last applied), and on CRITERION_LINKED records the
   * criterion link once (primary key). Raw SQL: each write leans on its own `ON CONFLICT`.
   */
  async project(p: RiskCaseProjection): Promise<void> {
    const manager = 'manager' in this.db ? this.db.manager : this.db;
    await manager.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO ${tx.getRepository(RiskCaseEventEntity).metadata.tableName} (risk_case_id, seq, type, actor, payload, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ON CONSTRAINT uq_risk_case_event_seq DO NOTHING`,
        [p.riskCaseId, p.seq, p.type, p.actor, JSON.stringify(p.payload), p.at],
      );
      const table = tx.getRepository(RiskCaseEntity).metadata.tableName;
      await tx.query(
        `INSERT INTO ${table} (risk_case_id, status, risk_area, route, office_ids, risk_level, window_ends_at, state, last_seq, opened_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
         ON CONFLICT (risk_case_id) DO UPDATE SET status = EXCLUDED.status, office_ids = EXCLUDED.office_ids,
           risk_level = EXCLUDED.risk_level, window_ends_at = EXCLUDED.window_ends_at, state = EXCLUDED.state,
           last_seq = EXCLUDED.last_seq, updated_at = EXCLUDED.updated_at
         WHERE ${table}.last_seq < EXCLUDED.last_seq`,
        [p.riskCaseId, p.status, p.riskArea, p.route, JSON.stringify(p.officeIds), p.riskLevel,
          p.windowEndsAt, JSON.stringify(p.state), p.seq, p.at],
      );
      if (p.linkedCriterionId !== undefined) {
        await tx.query(
          `INSERT INTO ${tx.getRepository(RiskCaseCriterionEntity).metadata.tableName} (criterion_id, risk_case_id, linked_at)
           VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [p.linkedCriterionId, p.riskCaseId, p.at],
        );
      }
    });
  }

  /** The risk cases not yet ended (not CLOSED or DISMISSED) that any of these criteria was drafted from. */
  async openCasesDrafting(criterionIds: string[]): Promise<string[]> {
    if (criterionIds.length === 0) return [];
    const rows = await this.db
      .getRepository(RiskCaseCriterionEntity)
      .createQueryBuilder('l')
      .innerJoin(RiskCaseEntity, 'r', 'r.riskCaseId = l.riskCaseId')
      .select('l.riskCaseId', 'riskCaseId')
      .distinct(true)
      .where('l.criterionId = ANY(:criterionIds)', { criterionIds })
      .andWhere('r.status NOT IN (:...ended)', { ended: ENDED })
      .getRawMany<{ riskCaseId: string }>();
    return rows.map((r) => r.riskCaseId);
  }

  /** Every risk case a criterion was drafted from (ended ones included). */
  async casesDrafting(criterionId: string): Promise<string[]> {
    const rows = await this.db.getRepository(RiskCaseCriterionEntity).find({ where: { criterionId }, select: { criterionId: true, riskCaseId: true } });
    return rows.map((r) => r.riskCaseId);
  }

  /**
   * One page of risk cases, newest first (then by id), with the number matching `filter` and,
   * under the same filter but its status, how many are in each status (statuses with none absent).
   */
  async page(filter: RiskCaseFilter, limit: number, offset: number): Promise<{ riskCases: RiskCaseSummary[]; total: number; counts: Record<string, number> }> {
    const q = this.cases.createQueryBuilder('r');
    // jsonb `?`: the office is an element of the array.
    if (filter.officeId !== undefined) q.andWhere('r.officeIds ? :officeId', { officeId: filter.officeId });
    if (filter.riskArea) q.andWhere('r.riskArea = :riskArea', { riskArea: filter.riskArea });
    if (filter.desk === 'CBTC') q.andWhere(`r.route = 'CBTC'`);
    else if (filter.desk) q.andWhere('r.officeIds ? :desk', { desk: filter.desk });
    // Age in whole days rounded down, as the board shows it: at most N days <=> opened less than N + 1 days ago.
    if (typeof filter.maxAgeDays === 'number') q.andWhere(`r.openedAt > now() - make_interval(days => :ageDays)`, { ageDays: filter.maxAgeDays + 1 });
    const byStatus = await q.clone().select('r.status', 'status').addSelect('count(*)::int', 'count').groupBy('r.status').getRawMany<{ status: string; count: number }>();
    const counts = Object.fromEntries(byStatus.map((c) => [c.status, c.count]));
    if (filter.status) q.andWhere('r.status = :status', { status: filter.status });
    const total = filter.status ? (counts[filter.status] ?? 0) : byStatus.reduce((n, c) => n + c.count, 0);
    const rows = await selectProperties(q, 'r', SUMMARY_PROPERTIES)
      .addSelect(`r.state->>'smugglingSubtype'`, 'smugglingSubtype')
      .orderBy('r.openedAt', 'DESC').addOrderBy('r.riskCaseId', 'ASC')
      .limit(limit).offset(offset)
      .getRawMany<Pick<RiskCaseEntity, (typeof SUMMARY_PROPERTIES)[number]> & { smugglingSubtype: string | null }>();
    return { riskCases: rows.map((r) => summary(r, r.smugglingSubtype)), total, counts };
  }

  /** One risk case with its last projected state, or null when unknown. */
  async findWithState<TState>(riskCaseId: string): Promise<RiskCaseRow<TState> | null> {
    const row = await this.cases.findOneBy({ riskCaseId });
    return row ? { ...summary(row, row.state['smugglingSubtype']), state: row.state as TState } : null;
  }

  /** A risk case's history in order (empty for an unknown case). */
  async history(riskCaseId: string): Promise<RiskCaseEventView[]> {
    const rows = await this.db.getRepository(RiskCaseEventEntity).find({
      where: { riskCaseId },
      order: { seq: 'ASC' },
      select: { id: true, seq: true, type: true, actor: true, payload: true, occurredAt: true },
    });
    return rows.map((e) => ({ seq: e.seq, type: e.type, actor: e.actor, payload: e.payload, occurredAt: e.occurredAt.toISOString() }));
  }
}
