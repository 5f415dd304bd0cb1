import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '@customs/config';
import type { InspectionCaseInput } from '@customs/workflows/messages';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { CaseStarterService, type CaseStartOutcome } from './case-starter.service';

/** Where a declaration's case stands: queued in the outbox, or its workflow exists. */
export type CaseStatus = 'QUEUED' | 'STARTED';

/** Seconds a claimed row stays invisible to other dispatchers while its start is in flight. */
const LEASE_SECONDS = 60;
/** Longest back-off between two failed start attempts of one row, seconds. */
const MAX_BACKOFF_SECONDS = 300;
/** Finished starts are stamped in one UPDATE once this many are waiting (or the queue ran dry). */
const STAMP_BATCH = 64;

interface ClaimedRow {
  case_id: string;
  input: InspectionCaseInput;
  attempts: number;
}

/**
 * The case-start outbox (`case_start_outbox`) and its dispatcher.
 *
 * Screening writes a YELLOW/RED decision and its outbox row in one statement and answers at
 * once; this dispatcher, running in every API process, starts the workflows: it claims pending
 * rows (`FOR UPDATE SKIP LOCKED`, leased for `LEASE_SECONDS` by moving `available_at`), starts
 * them with `caseStartConcurrency` in flight, stamps `started_at` / `outcome`, and pushes a
 * failed row back with exponential back-off (1 s, 2 s, ... up to 5 min) and its error.
 * Nothing is lost when a process dies: the row stays in Postgres and its lease runs out.
 * A start is idempotent (workflow id = case id, `REJECT_DUPLICATE`), so a row started twice
 * (a lease that ran out mid-start) still opens one case.
 *
 * It looks at the outbox when nudged by screening and every `caseStartPollMs` otherwise.
 */
@Injectable()
export class CaseStartOutbox implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CaseStartOutbox.name);
  private stopped = false;
  private nudged = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly starter: CaseStarterService,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  /** Stops claiming, lets the starts in flight finish and stamps them. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** Tells the dispatcher new rows are waiting (no-op while it is draining anyway). */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /**
   * Queues the cases of decisions made before (a re-send): adds the rows that are missing, as
   * for decisions recorded before the outbox existed; a row already there is left alone.
   * @returns the declaration ids whose row this call added.
   */
  async enqueue(inputs: InspectionCaseInput[]): Promise<Set<string>> {
    if (inputs.length === 0) return new Set();
    const rows: Array<{ declaration_id: string }> = await this.db.query(
      `INSERT INTO case_start_outbox (case_id, declaration_id, input)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::jsonb[])
       ON CONFLICT DO NOTHING
       RETURNING declaration_id`,
      [inputs.map((i) => i.caseId), inputs.map((i) => i.declarationId), inputs.map((i) => JSON.stringify(i))],
    );
    if (rows.length > 0) this.nudge();
    return new Set(rows.map((r) => r.declaration_id));
  }

  /** Where each declaration's case stands; declarations without an outbox row are absent. */
  async statusOf(declarationIds: string[]): Promise<Map<string, CaseStatus>> {
    if (declarationIds.length === 0) return new Map();
    const rows: Array<{ declaration_id: string; started: boolean }> = await this.db.query(
      `SELECT declaration_id, started_at IS NOT NULL AS started FROM case_start_outbox WHERE declaration_id = ANY($1)`,
      [declarationIds],
    );
    return new Map(rows.map((r) => [r.declaration_id, r.started ? 'STARTED' : 'QUEUED']));
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.nudged = false;
      try {
        await this.drain();
      } catch (err) {
        this.logger.warn(`case-start outbox: ${(err as Error).message}`);
      }
      if (this.stopped || this.nudged) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.config.caseStartPollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /**
   * Starts pending rows until none is due, `caseStartConcurrency` at a time. Stops early at the
   * first failed start (Temporal is most likely down: the next look retries) or claim.
   */
  private async drain(): Promise<void> {
    const width = this.config.caseStartConcurrency;
    const buffer: ClaimedRow[] = [];
    const finished: Array<{ caseId: string; outcome: CaseStartOutcome }> = [];
    let halt = false;
    const failed: Error[] = [];
    let refill: Promise<void> | null = null;
    let stamping: Promise<void> = Promise.resolve();
    const stamp = () => {
      const batch = finished.splice(0, finished.length);
      if (batch.length > 0) stamping = stamping.then(() => this.markStarted(batch));
      return stamping;
    };
    const take = async (): Promise<ClaimedRow | undefined> => {
      while (buffer.length === 0 && !halt && !this.stopped) {
        refill ??= this.claim(width * 4)
          .then((rows) => {
            if (rows.length === 0) halt = true;
            buffer.push(...rows);
          })
          .finally(() => (refill = null));
        await refill;
      }
      return halt || this.stopped ? undefined : buffer.shift();
    };
    const lane = async () => {
      for (let row = await take(); row; row = await take()) {
        try {
          finished.push({ caseId: row.case_id, outcome: await this.starter.start(row.input) });
          if (finished.length >= STAMP_BATCH) void stamp();
        } catch (err) {
          halt = true;
          failed.push(err as Error);
          await this.markFailed(row, err as Error);
        }
      }
    };
    const lanes = await Promise.allSettled(Array.from({ length: width }, lane));
    await stamp();
    // Rows claimed but not tried (stopping, or a start failed) are due again at once.
    if (buffer.length > 0) await this.release(buffer.map((r) => r.case_id));
    const failure = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
    if (failure) throw failure.reason;
    if (failed.length > 0) throw new Error(`${failed.length} case start(s) failed and will be retried with back-off: ${failed[0].message}`);
  }

  /** Claims up to `limit` due rows, oldest first, leasing them for `LEASE_SECONDS`. */
  private async claim(limit: number): Promise<ClaimedRow[]> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [ClaimedRow[], number] = await this.db.query(
      `UPDATE case_start_outbox o
       SET available_at = now() + make_interval(secs => $2), attempts = o.attempts + 1
       FROM (SELECT case_id FROM case_start_outbox
             WHERE started_at IS NULL AND available_at <= now()
             ORDER BY available_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
       WHERE o.case_id = due.case_id
       RETURNING o.case_id, o.input, o.attempts`,
      [limit, LEASE_SECONDS],
    );
    return rows;
  }

  private async markStarted(batch: Array<{ caseId: string; outcome: CaseStartOutcome }>): Promise<void> {
    await this.db.query(
      `UPDATE case_start_outbox o SET started_at = now(), outcome = s.outcome, last_error = NULL
       FROM unnest($1::varchar[], $2::varchar[]) AS s(case_id, outcome)
       WHERE o.case_id = s.case_id`,
      [batch.map((b) => b.caseId), batch.map((b) => b.outcome)],
    );
  }

  private async markFailed(row: ClaimedRow, err: Error): Promise<void> {
    const backoff = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.max(0, row.attempts - 1));
    await this.db.query(
      `UPDATE case_start_outbox SET available_at = now() + make_interval(secs => $2), last_error = $3 WHERE case_id = $1`,
      [row.case_id, backoff, err.message.slice(0, 2000)],
    );
  }

  private async release(caseIds: string[]): Promise<void> {
    await this.db.query(`UPDATE case_start_outbox SET available_at = now(), attempts = attempts - 1 WHERE case_id = ANY($1) AND started_at IS NULL`, [caseIds]);
  }
}
