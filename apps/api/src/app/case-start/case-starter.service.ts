import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { RuntimeConfig } from '@customs/config';
import { inspectionCaseWorkflow } from '@customs/workflows';
import { inspectionCaseId, type InspectionCaseInput } from '@customs/workflows/messages';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import type { DecisionRecordBody } from '@customs/decision';
import type { CaseStartOutcome } from '@customs/persistence';


/**
 * Starts the inspection-case workflow of a YELLOW/RED decision. Idempotent: the workflow id
 * is derived from the declaration id and Temporal refuses a second execution with it,
 * running or closed (`REJECT_DUPLICATE`), so a re-sent declaration never opens a second case.
 * Called by the case-start outbox dispatcher, never on the request path.
 *
 * Starts go over a connection of their own, Temporal's native (Rust core) client, not the
 * API's @grpc/grpc-js client: measured on the 2-core machine, a start costs the API process
 * about 1.3-1.7 ms of CPU that way against 3.9 ms through grpc-js (tmp experiment, see the
 * issue 6 note), and most of it runs off the event loop, so screening requests wait less.
 * The connection is made on the first start; a start that fails for any reason but
 * "already started" drops it, so the next attempt (the outbox retries) reconnects, e.g.
 * after a Temporal restart.
 */
@Injectable()
export class CaseStarterService implements OnApplicationShutdown {
  private connecting: Promise<{ connection: NativeConnection; client: Client }> | null = null;

  constructor(@Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig) {}

  /** After every module's onModuleDestroy, so the outbox has finished its starts in flight. */
  async onApplicationShutdown(): Promise<void> {
    await this.disconnect();
  }

  /** The case (workflow) id of a declaration. */
  caseIdOf(declarationId: string): string {
    return inspectionCaseId(declarationId);
  }

  /** The workflow input of a YELLOW/RED decision (what the outbox row stores). */
  inputFor(r: DecisionRecordBody): InspectionCaseInput {
    return {
      caseId: this.caseIdOf(r.declarationId),
      declarationId: r.declarationId,
      officeId: r.declaration.officeId,
      lane: r.lane === 'RED' ? 'RED' : 'YELLOW',
      riskScore: r.model.score,
      controlSample: r.controlSample,
      firedCriteria: r.firedCriteria.map((c) => ({ id: c.id, version: c.version })),
      escalateAfterMs: this.config.caseEscalateAfterMs,
    };
  }

  /**
   * Starts one case workflow.
   * @returns `STARTED`, or `EXISTED` when Temporal already has a workflow with this id.
   * @throws any other Temporal error (unreachable server, ...): the caller retries.
   */
  async start(input: InspectionCaseInput): Promise<CaseStartOutcome> {
    try {
      const { client } = await this.connect();
      await client.workflow.start(inspectionCaseWorkflow, {
        taskQueue: this.config.taskQueue,
        workflowId: input.caseId,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        workflowIdConflictPolicy: 'FAIL',
      });
      return 'STARTED';
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return 'EXISTED';
      await this.disconnect();
      throw err;
    }
  }

  private connect(): Promise<{ connection: NativeConnection; client: Client }> {
    this.connecting ??= NativeConnection.connect({ address: this.config.temporalAddress, tls: this.config.temporalTls })
      .then((connection) => ({ connection, client: new Client({ connection, namespace: this.config.temporalNamespace }) }));
    // A failed connect is forgotten at once, so the next start tries again.
    this.connecting.catch(() => (this.connecting = null));
    return this.connecting;
  }

  private async disconnect(): Promise<void> {
    const pending = this.connecting;
    this.connecting = null;
    if (!pending) return;
    const open = await pending.catch(() => null);
    await open?.connection.close().catch(() => undefined);
  }
}
