import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { RuntimeConfig } from '@customs/config';
import { inspectionCaseWorkflow } from '@customs/workflows';
import { inspectionCaseId, type InspectionCaseInput } from '@customs/workflows/messages';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { TEMPORAL_CLIENT } from '../../services/temporal/temporal.module';
import type { DecisionRecordBody } from './decision-record';

/** What a start attempt found: this call started the workflow, or it already existed (running or closed). */
export type CaseStartOutcome = 'STARTED' | 'EXISTED';

/**
 * Starts the inspection-case workflow of a YELLOW/RED decision. Idempotent: the workflow id
 * is derived from the declaration id and Temporal refuses a second execution with it,
 * running or closed (`REJECT_DUPLICATE`), so a re-sent declaration never opens a second case.
 * Called by the case-start outbox dispatcher, never on the request path.
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
      await this.client.workflow.start(inspectionCaseWorkflow, {
        taskQueue: this.config.taskQueue,
        workflowId: input.caseId,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        workflowIdConflictPolicy: 'FAIL',
      });
      return 'STARTED';
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return 'EXISTED';
      throw err;
    }
  }
}
