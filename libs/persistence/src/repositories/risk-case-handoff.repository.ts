import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { RiskCaseHandoffEntity, type RiskCaseHandoffKind, type RiskCaseHandoffOutcome } from '../entities';

/** A hand-off claimed by a dispatcher. */
export interface ClaimedRiskCaseHandoff {
  /** Row id (bigint as text): also the Temporal update id, so a repeated delivery is deduplicated. */
  id: string;
  riskCaseId: string;
  kind: RiskCaseHandoffKind;
  payload: Record<string, unknown>;
  /** Attempts so far, this one included. */
  attempts: number;
}

/**
 * The risk-case hand-off outbox (`risk_case_handoff`): rows are added inside the transaction that
 * decides them ({@link enqueue} on a transaction's manager), claimed with a lease by the API's
 * dispatchers (`FOR UPDATE SKIP LOCKED`), and stamped once the workflow took or refused them.
 */
export class RiskCaseHandoffRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get table(): string {
    return this.db.getRepository(RiskCaseHandoffEntity).metadata.tableName;
  }

  /** Adds one pending row per risk case. */
  async enqueue(kind: RiskCaseHandoffKind, riskCaseIds: string[], payload: Record<string, unknown>): Promise<void> {
    if (riskCaseIds.length === 0) return;
    await this.db.query(
      `INSERT INTO ${this.table} (risk_case_id, kind, payload) SELECT unnest($1::varchar[]), $2, $3::jsonb`,
      [riskCaseIds, kind, JSON.stringify(payload)],
    );
  }

  /** Claims up to `limit` due rows, oldest first, leasing them for `leaseSeconds` and counting the attempt. */
  async claim(limit: number, leaseSeconds: number): Promise<ClaimedRiskCaseHandoff[]> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [Array<{ id: string; risk_case_id: string; kind: RiskCaseHandoffKind; payload: Record<string, unknown>; attempts: number }>, number] =
      await this.db.query(
        `UPDATE ${this.table} h
         SET available_at = now() + make_interval(secs => $2), attempts = h.attempts + 1
         FROM (SELECT id FROM ${this.table}
               WHERE delivered_at IS NULL AND available_at <= now()
               ORDER BY available_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due
         WHERE h.id = due.id
         RETURNING h.id, h.risk_case_id, h.kind, h.payload, h.attempts`,
        [limit, leaseSeconds],
      );
    return rows.map((r) => ({ id: String(r.id), riskCaseId: r.risk_case_id, kind: r.kind, payload: r.payload, attempts: r.attempts }));
  }

  /** Stamps a row done: the workflow took it (`DELIVERED`) or refused it for good (`REFUSED`, with the reason). */
  async markDone(id: string, outcome: RiskCaseHandoffOutcome, reason: string | null = null): Promise<void> {
    await this.db
      .getRepository(RiskCaseHandoffEntity)
      .update({ id }, { deliveredAt: () => 'now()', outcome, lastError: reason === null ? null : reason.slice(0, 2000) });
  }

  /** Pushes a failed row back by `backoffSeconds`, keeping the error (first 2,000 characters) for operators. */
  async markFailed(id: string, backoffSeconds: number, error: string): Promise<void> {
    const seconds = Math.max(0, Math.floor(Number(backoffSeconds)));
    await this.db
      .getRepository(RiskCaseHandoffEntity)
      .update({ id }, { availableAt: () => `now() + make_interval(secs => ${seconds})`, lastError: error.slice(0, 2000) });
  }

  /** Whether the start of this risk case's workflow is still waiting in the outbox. */
  async startPending(riskCaseId: string): Promise<boolean> {
    return this.db.getRepository(RiskCaseHandoffEntity).exists({ where: { riskCaseId, kind: 'START_RISK_CASE', deliveredAt: IsNull() } });
  }

  /** Rows of one risk case, oldest first (for tests and operators). */
  async ofRiskCase(riskCaseId: string): Promise<RiskCaseHandoffEntity[]> {
    return this.db.getRepository(RiskCaseHandoffEntity).find({ where: { riskCaseId }, order: { id: 'ASC' } });
  }
}
