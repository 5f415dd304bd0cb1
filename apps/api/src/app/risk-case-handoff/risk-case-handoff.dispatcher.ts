import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { RuntimeConfig } from '@customs/config';
import { RiskCaseHandoffRepository, type ClaimedRiskCaseHandoff } from '@customs/persistence';
import { riskCaseWorkflow } from '@customs/workflows';
import { criterionApproved, reportLinked, type RiskCaseInput } from '@customs/workflows/messages';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { TEMPORAL_CLIENT } from '../../services/temporal/temporal.module';

/** Seconds a claimed row stays invisible to other dispatchers while its delivery is in flight. */
const LEASE_SECONDS = 30;
/** Longest back-off between two failed deliveries of one row, seconds. */
const MAX_BACKOFF_SECONDS = 300;
/** Rows claimed per look. */
const BATCH = 32;
/** Longest wait for one delivery before it counts as failed (Temporal unreachable), ms. */
const DELIVERY_TIMEOUT_MS = 5000;

/**
 * Delivers the risk-case hand-off outbox (`risk_case_handoff`, see `RiskCaseHandoffRepository`):
 * what the API decided in its own transaction and a risk-case workflow must learn: an intake's
 * new case (the workflow start) or duplicate report (`reportLinked` signal), a criterion's
 * approval (`criterionApproved` update: TARGETING -> ACTIVE, the window starts).
 *
 * The deciding request calls {@link deliverDue} after its commit, so in the usual case the
 * workflow has the news before the request answers; every `caseStartPollMs` a loop in each API
 * process delivers whatever is still due, so nothing is lost while Temporal is unreachable or a
 * process dies (a claimed row's lease runs out). Repeats are harmless: the start uses the case
 * id as workflow id, the update the id `handoff-<row id>`, and the workflow ignores a report it
 * holds. A workflow that refuses the update (the case ended, the version was never linked) or
 * no longer exists stamps the row `REFUSED` with the reason: the approval itself stands (a row
 * for a case whose own start still waits is retried instead). Any other failure retries with back-off (1 s, 2 s, ... 5 min).
 */
@Injectable()
export class RiskCaseHandoffDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RiskCaseHandoffDispatcher.name);
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;

  constructor(
    private readonly handoffs: RiskCaseHandoffRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
  }

  /**
   * Delivers every due row now (one pass at a time per process: a call during a pass waits for it
   * and starts another). Never throws: failures are stamped on their rows.
   */
  async deliverDue(): Promise<void> {
    while (this.draining) await this.draining;
    this.draining = this.drain().finally(() => (this.draining = null));
    await this.draining;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.deliverDue().finally(() => this.schedule()), this.config.caseStartPollMs);
  }

  private async drain(): Promise<void> {
    try {
      for (let rows = await this.handoffs.claim(BATCH, LEASE_SECONDS); rows.length > 0 && !this.stopped; rows = await this.handoffs.claim(BATCH, LEASE_SECONDS)) {
        for (const row of rows) {
          if (!(await this.deliver(row))) return; // Temporal is most likely down: the next look retries
        }
      }
    } catch (err) {
      this.logger.warn(`risk-case hand-off: ${(err as Error).message}`);
    }
  }

  /** Sends one row to its workflow: the start, the signal or the update of its kind. */
  private send(row: ClaimedRiskCaseHandoff): Promise<unknown> {
    switch (row.kind) {
      case 'START_RISK_CASE':
        // Workflow id = case id: a second start (a repeated delivery) finds it running.
        return this.temporal.workflow
          .start(riskCaseWorkflow, { taskQueue: this.config.taskQueue, workflowId: row.riskCaseId, args: [row.payload as unknown as RiskCaseInput] })
          .catch((err: unknown) => {
            if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
          });
      case 'REPORT_LINKED':
        // The workflow ignores a report it already holds: a repeated delivery changes nothing.
        return this.temporal.workflow.getHandle(row.riskCaseId).signal(reportLinked, row.payload as { reportId: string; subjectKeys: string[]; actor: string });
      case 'CRITERION_APPROVED':
        return this.temporal.workflow.getHandle(row.riskCaseId).executeUpdate(criterionApproved, {
          args: [row.payload as { criterionId: string; version: number; actor: string }],
          updateId: `handoff-${row.id}`,
        });
    }
  }

  /** @returns false when the delivery failed and should be retried later. */
  private async deliver(row: ClaimedRiskCaseHandoff): Promise<boolean> {
    const sending = this.send(row);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from Temporal within ${DELIVERY_TIMEOUT_MS} ms`)), DELIVERY_TIMEOUT_MS);
    });
    try {
      await Promise.race([sending, timeout]);
      await this.handoffs.markDone(row.id, 'DELIVERED');
      return true;
    } catch (err) {
      // The case's own start still waits in the outbox (behind a failed attempt): not final.
      const notStarted = err instanceof WorkflowNotFoundError && row.kind !== 'START_RISK_CASE' && (await this.handoffs.startPending(row.riskCaseId));
      if (!notStarted && (err instanceof WorkflowUpdateFailedError || err instanceof WorkflowNotFoundError)) {
        const reason = err instanceof WorkflowUpdateFailedError ? ((err.cause as Error | undefined)?.message ?? err.message) : err.message;
        this.logger.warn(`risk case ${row.riskCaseId} refused ${row.kind} ${JSON.stringify(row.payload)}: ${reason}`);
        await this.handoffs.markDone(row.id, 'REFUSED', reason);
        return true;
      }
      const backoff = Math.min(2 ** (row.attempts - 1), MAX_BACKOFF_SECONDS);
      await this.handoffs.markFailed(row.id, backoff, (err as Error).message);
      return false;
    } finally {
      clearTimeout(timer);
      sending.catch(() => undefined); // a late answer after the timeout is no one's to handle
    }
  }
}
