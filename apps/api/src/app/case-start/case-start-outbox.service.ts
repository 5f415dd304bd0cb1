import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { RuntimeConfig } from '@customs/config';
import { CaseStartOutboxRepository, type CaseStartOutcome, type CaseStartStatus, type ClaimedCaseStart } from '@customs/persistence';
import type { InspectionCaseInput } from '@customs/workflows/messages';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { CustomsMetrics } from '../../services/metrics/customs-metrics';
import { CaseStarterService } from './case-starter.service';

/** Where a declaration's case stands: queued in the outbox, or its workflow exists. */
export type CaseStatus = CaseStartStatus;

/** Seconds a claimed row stays invisible to other dispatchers while its start is in flight. */
const LEASE_SECONDS = 60;
/** Longest back-off between two failed start attempts of one row, seconds. */
const MAX_BACKOFF_SECONDS = 300;
/** Finished starts are stamped in one UPDATE once this many are waiting (or the queue ran dry). */
const STAMP_BATCH = 64;

type ClaimedRow = ClaimedCaseStart<InspectionCaseInput>;

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
    private readonly outbox: CaseStartOutboxRepository<InspectionCaseInput>,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly starter: CaseStarterService,
    private readonly metrics: CustomsMetrics,
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
    const added = await this.outbox.enqueue(inputs);
    if (added.size > 0) this.nudge();
    return added;
  }

  /** Where each declaration's case stands; declarations without an outbox row are absent. */
  async statusOf(declarationIds: string[]): Promise<Map<string, CaseStatus>> {
    return this.outbox.statusOf(declarationIds);
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
      if (batch.length > 0) stamping = stamping.then(() => this.outbox.markStarted(batch));
      return stamping;
    };
    const take = async (): Promise<ClaimedRow | undefined> => {
      while (buffer.length === 0 && !halt && !this.stopped) {
        refill ??= this.outbox.claim(width * 4, LEASE_SECONDS)
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
          const outcome = await this.starter.start(row.input);
          this.logger.debug({ message: 'case workflow started', caseId: row.caseId, workflowId: row.caseId, declarationId: row.input.declarationId, outcome });
          // Only the start that opened the workflow: one that found it existing measures a re-send.
          if (outcome === 'STARTED') this.metrics.caseStartDelay.observe(Math.max(0, (Date.now() - row.createdAt.getTime()) / 1000));
          finished.push({ caseId: row.caseId, outcome });
          if (finished.length >= STAMP_BATCH) void stamp();
        } catch (err) {
          halt = true;
          failed.push(err as Error);
          this.logger.debug({ message: `case start failed, retried with back-off: ${(err as Error).message}`, caseId: row.caseId, workflowId: row.caseId, attempts: row.attempts });
          await this.markFailed(row, err as Error);
        }
      }
    };
    const lanes = await Promise.allSettled(Array.from({ length: width }, lane));
    await stamp();
    // Rows claimed but not tried (stopping, or a start failed) are due again at once.
    if (buffer.length > 0) await this.outbox.release(buffer.map((r) => r.caseId));
    const failure = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
    if (failure) throw failure.reason;
    if (failed.length > 0) throw new Error(`${failed.length} case start(s) failed and will be retried with back-off: ${failed[0].message}`);
  }

  private async markFailed(row: ClaimedRow, err: Error): Promise<void> {
    const backoff = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.max(0, row.attempts - 1));
    await this.outbox.markFailed(row.caseId, backoff, err.message);
  }
}
