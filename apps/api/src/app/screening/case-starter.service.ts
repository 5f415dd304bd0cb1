import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { RuntimeConfig } from '@customs/config';
import { inspectionCaseWorkflow } from '@customs/workflows';
import { inspectionCaseId, type InspectionCaseInput } from '@customs/workflows/messages';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { TEMPORAL_CLIENT } from '../../services/temporal/temporal.module';
import type { DecisionRecordBody } from './decision-record';

/** Case starts in flight at once per request (bounded so a large batch does not flood Temporal). */
const START_CONCURRENCY = 32;

/**
 * Starts inspection-case workflows for YELLOW/RED decisions. Idempotent: the workflow id
 * is derived from the declaration id and Temporal refuses a second execution with it,
 * running or closed (`REJECT_DUPLICATE`), so a re-sent declaration never opens a second case.
 */
@Injectable()
export class CaseStarterService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /** The case (workflow) id of a declaration. */
  caseIdOf(declarationId: string): string {
    return inspectionCaseId(declarationId);
  }

  /**
   * Starts the case of each record, with bounded parallelism.
   * @returns per declaration id, true when this call started it, false when it existed.
   * @throws the first Temporal error other than "already started".
   */
  async startCases(records: DecisionRecordBody[]): Promise<Map<string, boolean>> {
    const started = new Map<string, boolean>();
    let next = 0;
    const startOne = async (r: DecisionRecordBody) => {
      const input: InspectionCaseInput = {
        caseId: this.caseIdOf(r.declarationId),
        declarationId: r.declarationId,
        officeId: r.declaration.officeId,
        lane: r.lane === 'RED' ? 'RED' : 'YELLOW',
        riskScore: r.model.score,
        controlSample: r.controlSample,
        firedCriteria: r.firedCriteria.map((c) => ({ id: c.id, version: c.version })),
        escalateAfterMs: this.config.caseEscalateAfterMs,
      };
      try {
        await this.client.workflow.start(inspectionCaseWorkflow, {
          taskQueue: this.config.taskQueue,
          workflowId: input.caseId,
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          workflowIdConflictPolicy: 'FAIL',
        });
        started.set(r.declarationId, true);
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) started.set(r.declarationId, false);
        else throw err;
      }
    };
    const lanes = Array.from({ length: Math.min(START_CONCURRENCY, records.length) }, async () => {
      while (next < records.length) await startOne(records[next++]);
    });
    await Promise.all(lanes);
    return started;
  }
}
