import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { CaseStartOutboxEntity } from '../entities';

/** Where a declaration's case stands: queued in the outbox, or its workflow exists. */
export type CaseStartStatus = 'QUEUED' | 'STARTED';

/** What a start attempt found: the dispatcher started the workflow, or it already existed. */
export type CaseStartOutcome = 'STARTED' | 'EXISTED';

/** A row claimed by a dispatcher: its case id, the workflow input as stored, and the attempts so far (this one included). */
export interface ClaimedCaseStart<TInput> {
  caseId: string;
  input: TInput;
  attempts: number;
  /** When the row was written: with its YELLOW/RED decision, in the same statement. */
  createdAt: Date;
}

/**
 * The case-start outbox (`case_start_outbox`): rows are added with their decision (see
 * `DecisionRecordRepository.record`) or by {@link enqueue}, claimed with a lease by the API's
 * dispatchers (`FOR UPDATE SKIP LOCKED`), and stamped when their workflow exists.
 * @typeParam TInput the workflow input stored per row (JSON).
 */
export class CaseStartOutboxRepository<TInput extends { caseId: string; declarationId: string }> {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get table(): string {
    return this.db.getRepository(CaseStartOutboxEntity).metadata.tableName;
  }

  /**
   * Adds the rows that are missing (a row already there is left alone).
   * @returns the declaration ids whose row this call added.
   */
  async enqueue(inputs: TInput[]): Promise<Set<string>> {
    if (inputs.length === 0) return new Set();
    const rows: Array<{ declaration_id: string }> = await this.db.query(
      `INSERT INTO ${this.table} (case_id, declaration_id, input)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::jsonb[])
       ON CONFLICT DO NOTHING
       RETURNING declaration_id`,
      [inputs.map((i) => i.caseId), inputs.map((i) => i.declarationId), inputs.map((i) => JSON.stringify(i))],
    );
    return new Set(rows.map((r) => r.declaration_id));
  }

  /** Where each declaration's case stands; declarations without a row are absent. */
  async statusOf(declarationIds: string[]): Promise<Map<string, CaseStartStatus>> {
    if (declarationIds.length === 0) return new Map();
    const rows = await this.db
      .getRepository(CaseStartOutboxEntity)
      .createQueryBuilder('o')
      .select(['o.caseId', 'o.declarationId', 'o.startedAt'])
      .where('o.declarationId = ANY(:ids)', { ids: declarationIds })
      .getMany();
    return new Map(rows.map((r) => [r.declarationId, r.startedAt ? 'STARTED' : 'QUEUED']));
  }

  /** Claims up to `limit` due rows, oldest first, leasing them for `leaseSeconds` and counting the attempt. */
  async claim(limit: number, leaseSeconds: number): Promise<Array<ClaimedCaseStart<TInput>>> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [Array<{ case_id: string; input: TInput; attempts: number; created_at: Date }>, number] = await this.db.query(
      `UPDATE ${this.table} o
       SET available_at = now() + make_interval(secs => $2), attempts = o.attempts + 1
       FROM (SELECT case_id FROM ${this.table}
             WHERE started_at IS NULL AND available_at <= now()
             ORDER BY available_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
       WHERE o.case_id = due.case_id
       RETURNING o.case_id, o.input, o.attempts, o.created_at`,
      [limit, leaseSeconds],
    );
    return rows.map((r) => ({ caseId: r.case_id, input: r.input, attempts: r.attempts, createdAt: new Date(r.created_at) }));
  }

  /** Stamps finished starts with their outcome (one statement for the batch). */
  async markStarted(batch: Array<{ caseId: string; outcome: CaseStartOutcome }>): Promise<void> {
    if (batch.length === 0) return;
    await this.db.query(
      `UPDATE ${this.table} o SET started_at = now(), outcome = s.outcome, last_error = NULL
       FROM unnest($1::varchar[], $2::varchar[]) AS s(case_id, outcome)
       WHERE o.case_id = s.case_id`,
      [batch.map((b) => b.caseId), batch.map((b) => b.outcome)],
    );
  }

  /** Pushes a failed row back by `backoffSeconds`, keeping the error (first 2,000 characters) for operators. */
  async markFailed(caseId: string, backoffSeconds: number, error: string): Promise<void> {
    const seconds = Math.max(0, Math.floor(Number(backoffSeconds)));
    await this.db
      .getRepository(CaseStartOutboxEntity)
      .update({ caseId }, { availableAt: () => `now() + make_interval(secs => ${seconds})`, lastError: error.slice(0, 2000) });
  }

  /** Makes claimed rows that were not tried due again at once, uncounting the attempt. */
  async release(caseIds: string[]): Promise<void> {
    if (caseIds.length === 0) return;
    await this.db
      .getRepository(CaseStartOutboxEntity)
      .update({ caseId: In(caseIds), startedAt: IsNull() }, { availableAt: () => 'now()', attempts: () => 'attempts - 1' });
  }
}
