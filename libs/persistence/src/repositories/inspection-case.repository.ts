import type { DataSource, EntityManager } from 'typeorm';
import { CaseEventEntity, InspectionCaseEntity } from '../entities';
import { selectProperties } from './select-properties';

/** A case as the queue serves it: the `inspection_case` read model without its bookkeeping (`lastSeq`). */
export interface InspectionCaseView {
  caseId: string;
  /** The inspected document's id: a declaration id, or `EXP-<waybill number>` for an express waybill. */
  declarationId: string;
  /** What the case inspects: IMPORT_DECLARATION or EXPRESS_WAYBILL. */
  documentType: 'IMPORT_DECLARATION' | 'EXPRESS_WAYBILL' | 'PASSENGER';
  officeId: string;
  lane: string;
  status: string;
  /** Deciding model's score in [0, 1]. */
  riskScore: number;
  controlSample: boolean;
  firedCriteria: Array<{ id: string; version: number }>;
  assigneeId: string | null;
  escalated: boolean;
  outcome: string | null;
  findings: string | null;
  verdicts: Array<Record<string, unknown>> | null;
  /** ISO timestamps. */
  openedAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** What an action needs to know about a case before it is sent to the workflow. */
export interface InspectionCaseHead {
  status: string;
  officeId: string;
  assigneeId: string | null;
}

/** One event of a case's history as served (`occurredAt` is an ISO timestamp). */
export interface CaseEventView {
  seq: number;
  type: string;
  actor: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

/** Orders of the queue: riskiest first (`score`), oldest first (`age`), soonest SLA due date first (`due`). */
export const CASE_SORTS = ['score', 'age', 'due'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** Filters of the queue (each optional; given ones must all match). */
export interface CaseQueueFilter {
  officeId?: string | null;
  status?: string | null;
  lane?: string | null;
  assigneeId?: string | null;
  escalated?: boolean | null;
  /** true: only cases not CLOSED; false: only CLOSED ones. */
  open?: boolean | null;
  /** Default `score`. */
  sort?: CaseSort;
}

/** One transition of a case as the workflow numbered it, to append to `case_event`. */
export interface NewCaseEvent {
  caseId: string;
  /** 1, 2, ... per case, from the workflow. */
  seq: number;
  type: string;
  actor: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** The read model's columns fixed when a case opens (see {@link InspectionCaseRepository.open}). */
export interface OpenedCase {
  declarationId: string;
  officeId: string;
  lane: string;
  status: string;
  riskScore: number;
  controlSample: boolean;
  firedCriteria: Array<{ id: string; version: number }>;
  /** IMPORT_DECLARATION (default) or EXPRESS_WAYBILL. */
  documentType?: string;
}

/** The read model's columns a later event may change (see {@link InspectionCaseRepository.applyState}). */
export interface CaseProgress {
  status: string;
  assigneeId: string | null;
  escalated: boolean;
  outcome: string | null;
  findings: string | null;
  /** The officer's verdicts; an empty list is stored as NULL (no verdicts yet). */
  verdicts: ReadonlyArray<object>;
}

/** The read model's properties a view shows (all but `lastSeq`). */
const VIEW_PROPERTIES = ['caseId', 'declarationId', 'documentType', 'officeId', 'lane', 'status', 'riskScore', 'controlSample', 'firedCriteria', 'assigneeId',
  'escalated', 'outcome', 'findings', 'verdicts', 'openedAt', 'updatedAt', 'closedAt'] as const;

type ViewRow = Pick<InspectionCaseEntity, (typeof VIEW_PROPERTIES)[number]>;

const view = (e: ViewRow): InspectionCaseView => ({
  caseId: e.caseId,
  declarationId: e.declarationId,
  documentType: e.documentType === 'EXPRESS_WAYBILL' || e.documentType === 'PASSENGER' ? e.documentType : 'IMPORT_DECLARATION',
  officeId: e.officeId,
  lane: e.lane,
  status: e.status,
  riskScore: e.riskScore,
  controlSample: e.controlSample,
  firedCriteria: e.firedCriteria,
  assigneeId: e.assigneeId,
  escalated: e.escalated,
  outcome: e.outcome,
  findings: e.findings,
  verdicts: e.verdicts,
  openedAt: e.openedAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
  closedAt: e.closedAt ? e.closedAt.toISOString() : null,
});

/**
 * The inspection cases aggregate: the `inspection_case` read model (written only by the case
 * workflow's projection activity in the worker, read by the queues) and its append-only,
 * hash-chained history `case_event` (a trigger refuses UPDATE, DELETE and TRUNCATE and fills
 * the chain columns). The projection writes are raw SQL on purpose: they are the worker's hot
 * path (one statement per case opened) and rely on `ON CONFLICT ON CONSTRAINT` and a guarded UPDATE.
 */
export class InspectionCaseRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get cases() {
    return this.db.getRepository(InspectionCaseEntity);
  }

  private get events() {
    return this.db.getRepository(CaseEventEntity);
  }

  /**
   * Writes a case's OPENED event and its queue row in ONE statement (atomic, one round trip).
   * Idempotent: the event once (`uq_case_event_case_seq`; a re-delivered one takes no
   * hash-chain position), the row once (primary key); `opened_at` and `updated_at` are the
   * event's time, `last_seq` its seq.
   */
  async open(event: NewCaseEvent, c: OpenedCase): Promise<void> {
    await this.db.query(
      `WITH opened_event AS (
         INSERT INTO ${this.events.metadata.tableName} (case_id, seq, type, actor, payload, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ON CONSTRAINT uq_case_event_case_seq DO NOTHING
       )
       INSERT INTO ${this.cases.metadata.tableName} (case_id, declaration_id, office_id, lane, status, risk_score, control_sample,
         fired_criteria, assignee_id, escalated, last_seq, opened_at, updated_at, document_type)
       VALUES ($1, $7, $8, $9, $10, $11, $12, $13, NULL, false, $2, $6, $6, $14)
       ON CONFLICT (case_id) DO NOTHING`,
      [event.caseId, event.seq, event.type, event.actor, JSON.stringify(event.payload), event.occurredAt,
        c.declarationId, c.officeId, c.lane, c.status, c.riskScore, c.controlSample, JSON.stringify(c.firedCriteria), c.documentType ?? 'IMPORT_DECLARATION'],
    );
  }

  /**
   * Appends one event to a case's history, once: a re-delivered event (same case and seq)
   * is skipped and takes no hash-chain position.
   */
  async appendEvent(event: NewCaseEvent): Promise<void> {
    await this.db.query(
      `INSERT INTO ${this.events.metadata.tableName} (case_id, seq, type, actor, payload, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ON CONSTRAINT uq_case_event_case_seq DO NOTHING`,
      [event.caseId, event.seq, event.type, event.actor, JSON.stringify(event.payload), event.occurredAt],
    );
  }

  /**
   * Moves a case's read model to its state after event `seq`, only when `seq` is newer than
   * the last one applied (a retried or late event never moves a case backwards). `closed_at`
   * is set to `at` when the new status is CLOSED, else kept.
   */
  async applyState(caseId: string, seq: number, p: CaseProgress, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE ${this.cases.metadata.tableName} SET status = $2::varchar, assignee_id = $3, escalated = $4, outcome = $5, findings = $6,
         verdicts = $7, last_seq = $8, updated_at = $9,
         closed_at = CASE WHEN $2::varchar = 'CLOSED' THEN $9 ELSE closed_at END
       WHERE case_id = $1 AND last_seq < $8`,
      [caseId, p.status, p.assigneeId, p.escalated, p.outcome, p.findings,
        p.verdicts.length > 0 ? JSON.stringify(p.verdicts) : null, seq, at],
    );
  }

  /** The criteria that selected a case's declaration (`[{ id, version }]`), or null for an unknown case. */
  async firedCriteria(caseId: string): Promise<Array<{ id: string; version: number }> | null> {
    const row = await this.cases.findOne({ where: { caseId }, select: { caseId: true, firedCriteria: true } });
    return row ? row.firedCriteria : null;
  }

  /**
   * One page of the queue: riskiest first, then oldest, then by case id (a total order, so
   * pages do not overlap), with the number of cases matching the filter. Rows are read raw
   * (see `selectProperties`): this is the queues' hot read.
   * @param limit cases per page; @param offset cases skipped.
   */
  async page(filter: CaseQueueFilter, limit: number, offset: number): Promise<{ cases: InspectionCaseView[]; total: number }> {
    const q = this.cases.createQueryBuilder('c');
    if (filter.officeId) q.andWhere('c.officeId = :officeId', { officeId: filter.officeId });
    if (filter.status) q.andWhere('c.status = :status', { status: filter.status });
    if (filter.lane) q.andWhere('c.lane = :lane', { lane: filter.lane });
    if (filter.assigneeId) q.andWhere('c.assigneeId = :assigneeId', { assigneeId: filter.assigneeId });
    if (typeof filter.escalated === 'boolean') q.andWhere('c.escalated = :escalated', { escalated: filter.escalated });
    if (typeof filter.open === 'boolean') q.andWhere(filter.open ? "c.status <> 'CLOSED'" : "c.status = 'CLOSED'");
    const total = await q.getCount();
    const ordered = selectProperties(q, 'c', VIEW_PROPERTIES);
    // Every case has the same SLA (opened + CASE_ESCALATE_AFTER_MS): the due order is the age order.
    if (filter.sort === 'age' || filter.sort === 'due') ordered.orderBy('c.openedAt', 'ASC').addOrderBy('c.riskScore', 'DESC');
    else ordered.orderBy('c.riskScore', 'DESC').addOrderBy('c.openedAt', 'ASC');
    const rows = await ordered.addOrderBy('c.caseId', 'ASC')
      .limit(limit).offset(offset)
      .getRawMany<ViewRow>();
    return { cases: rows.map(view), total };
  }

  /** The officers an office's cases have been assigned to, sorted. */
  async assigneesOf(officeId: string): Promise<string[]> {
    const rows = await this.cases
      .createQueryBuilder('c')
      .select('DISTINCT c.assigneeId', 'assigneeId')
      .where('c.officeId = :officeId AND c.assigneeId IS NOT NULL', { officeId })
      .orderBy('c.assigneeId')
      .getRawMany<{ assigneeId: string }>();
    return rows.map((r) => r.assigneeId);
  }

  /** One case, or null when unknown. */
  async findView(caseId: string): Promise<InspectionCaseView | null> {
    const row = await selectProperties(this.cases.createQueryBuilder('c'), 'c', VIEW_PROPERTIES).where('c.caseId = :caseId', { caseId }).getRawOne<ViewRow>();
    return row ? view(row) : null;
  }

  /** Status, office and assignee of a case, or null when unknown. */
  async head(caseId: string): Promise<InspectionCaseHead | null> {
    const row = await this.cases.findOne({ where: { caseId }, select: { caseId: true, status: true, officeId: true, assigneeId: true } });
    return row ? { status: row.status, officeId: row.officeId, assigneeId: row.assigneeId } : null;
  }

  /** A case's history in order (empty for an unknown case). */
  async history(caseId: string): Promise<CaseEventView[]> {
    const rows = await this.events.find({
      where: { caseId },
      order: { seq: 'ASC' },
      select: { id: true, seq: true, type: true, actor: true, payload: true, occurredAt: true },
    });
    return rows.map((e) => ({ seq: e.seq, type: e.type, actor: e.actor, payload: e.payload, occurredAt: e.occurredAt.toISOString() }));
  }
}
