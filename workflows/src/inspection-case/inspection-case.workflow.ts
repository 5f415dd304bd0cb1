import {
  allHandlersFinished,
  condition,
  patched,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import {
  assignCase,
  closeCase,
  getCaseState,
  INSPECTION_OUTCOMES,
  recordResult,
  type AssignCaseInput,
  type CaseEvent,
  type InspectionCaseActivities,
  type InspectionCaseInput,
  type InspectionCaseState,
  type RecordResultInput,
} from './inspection-case.messages';
import { PROJECTION_ACTIVITY_OPTIONS } from '../shared/projection-options';
import { illegal, invalid, requireText } from '../shared/update-failures';

const { projectCaseEvent } = proxyLocalActivities<InspectionCaseActivities>(PROJECTION_ACTIVITY_OPTIONS);

/**
 * One inspection case per YELLOW/RED declaration (workflow id `inspection-case-<declarationId>`).
 *
 * States: QUEUED -> ASSIGNED -> RESULT_RECORDED -> CLOSED.
 * Updates (each with a validator that refuses an illegal move before it touches history):
 * - `assignCase` in QUEUED or ASSIGNED (reassignment; to the officer who has it already: no-op, no event);
 * - `recordResult` in ASSIGNED, once; needs one verdict per fired criterion;
 * - `closeCase` in RESULT_RECORDED.
 * Query: `getCaseState`.
 * Timer: while QUEUED, after `escalateAfterMs` the case is marked escalated (once).
 * Every transition is projected into Postgres by the idempotent `projectCaseEvent` activity.
 * Returns the final state when closed.
 *
 * Versioning: inspection cases wait in queues for days, so code released while cases are open
 * must replay their histories unchanged. Any change to what this workflow does (commands, timers, local activity
 * calls, their order, handler effects) after release goes behind `patched('<change-id>')` from
 * `@temporalio/workflow` (old branch kept until no open case predates it, then
 * `deprecatePatch`); record a history of the new shape with `tools/histories/record-histories.ts`
 * and keep the old files: `workflows/src/replay.spec.ts` replays every one of them.
 */
export async function inspectionCaseWorkflow(input: InspectionCaseInput): Promise<InspectionCaseState> {
  const state: InspectionCaseState = {
    caseId: input.caseId,
    declarationId: input.declarationId,
    officeId: input.officeId,
    lane: input.lane,
    status: 'QUEUED',
    assigneeId: null,
    escalated: false,
    outcome: null,
    findings: null,
    verdicts: [],
    seq: 0,
  };

  // Transitions are serialised so events reach Postgres in seq order.
  let projecting: Promise<void> = Promise.resolve();
  const emit = (type: CaseEvent['type'], actor: string, payload: Record<string, unknown>, extra?: Partial<CaseEvent>) => {
    state.seq += 1;
    const event: CaseEvent = { caseId: state.caseId, seq: state.seq, type, actor, payload, state: { ...state }, ...extra };
    projecting = projecting.then(() => projectCaseEvent(event));
    return projecting;
  };

  // The opening event must be seq 1. An update that reaches a new case before its first
  // workflow task completed (a worker killed mid-task) is dispatched as soon as its handler is
  // set, so OPENED is emitted before any handler exists. (patched: histories recorded before
  // this change emitted it after the handlers.)
  const openedFirst = patched('opening-event-before-handlers');
  const open = () =>
    emit('OPENED', 'system', { lane: input.lane, riskScore: input.riskScore, controlSample: input.controlSample }, {
      opened: {
        riskScore: input.riskScore, controlSample: input.controlSample, firedCriteria: input.firedCriteria,
        ...(input.documentType ? { documentType: input.documentType } : {}),
      },
    });
  const opening = openedFirst ? open() : undefined;

  setHandler(getCaseState, () => state);

  setHandler(
    assignCase,
    async ({ officerId, actor }: AssignCaseInput) => {
      // Assigning a case to the officer who already has it changes nothing and writes no
      // event. (patched: histories recorded before this change wrote a second ASSIGNED event.)
      if (state.status === 'ASSIGNED' && state.assigneeId === officerId && patched('no-op-reassignment')) return { ...state };
      state.status = 'ASSIGNED';
      state.assigneeId = officerId;
      await emit('ASSIGNED', actor, { officerId });
      return { ...state };
    },
    {
      validator: ({ officerId, actor }: AssignCaseInput) => {
        requireText('officerId', officerId, 64);
        requireText('actor', actor, 64);
        if (state.status !== 'QUEUED' && state.status !== 'ASSIGNED') {
          throw illegal(`cannot assign a case in status ${state.status}: only QUEUED or ASSIGNED cases can be assigned`);
        }
      },
    },
  );

  setHandler(
    recordResult,
    async (result: RecordResultInput) => {
      state.status = 'RESULT_RECORDED';
      state.outcome = result.outcome;
      state.findings = result.findings;
      state.verdicts = result.verdicts.map((v) => ({ criterionId: v.criterionId, appropriate: v.appropriate, note: v.note ?? '' }));
      await emit('RESULT_RECORDED', result.actor, { outcome: result.outcome, findings: result.findings, verdicts: state.verdicts });
      return { ...state };
    },
    {
      validator: (result: RecordResultInput) => {
        requireText('actor', result.actor, 64);
        if (state.status === 'RESULT_RECORDED' || state.status === 'CLOSED') {
          throw illegal(`a result is already recorded for this case (status ${state.status})`);
        }
        if (state.status !== 'ASSIGNED') throw illegal(`cannot record a result for a case in status ${state.status}: assign it first`);
        if (!INSPECTION_OUTCOMES.includes(result.outcome)) {
          throw invalid(`outcome must be one of ${INSPECTION_OUTCOMES.join(', ')}`);
        }
        if (typeof result.findings !== 'string' || result.findings.length > 10_000) {
          throw invalid('findings must be a text of at most 10000 characters');
        }
        if (result.outcome !== 'NO_FINDING' && result.findings.trim() === '') {
          throw invalid(`findings must describe what was found when the outcome is ${result.outcome}`);
        }
        validateVerdicts(result, input.firedCriteria.map((c) => c.id));
      },
    },
  );

  setHandler(
    closeCase,
    async ({ actor }) => {
      state.status = 'CLOSED';
      await emit('CLOSED', actor, {});
      return { ...state };
    },
    {
      validator: ({ actor }) => {
        requireText('actor', actor, 64);
        if (state.status !== 'RESULT_RECORDED') {
          throw illegal(`cannot close a case in status ${state.status}: record the inspection result first`);
        }
      },
    },
  );

  await (opening ?? open());

  // Escalate once if nobody takes the case in time.
  if (!(await condition(() => state.status !== 'QUEUED', input.escalateAfterMs))) {
    state.escalated = true;
    await emit('ESCALATED', 'system', { afterMs: input.escalateAfterMs });
  }

  await condition(() => state.status === 'CLOSED');
  await projecting;
  await condition(allHandlersFinished);
  return { ...state };
}

function validateVerdicts(result: RecordResultInput, firedIds: string[]): void {
  if (!Array.isArray(result.verdicts)) throw invalid('verdicts must be an array');
  const seen = new Set<string>();
  for (const [i, v] of result.verdicts.entries()) {
    if (!firedIds.includes(v?.criterionId)) {
      throw invalid(`verdicts[${i}].criterionId ${JSON.stringify(v?.criterionId)} did not select this declaration (fired: ${firedIds.join(', ') || 'none'})`);
    }
    if (seen.has(v.criterionId)) throw invalid(`verdicts[${i}]: a second verdict for ${v.criterionId}`);
    if (typeof v.appropriate !== 'boolean') throw invalid(`verdicts[${i}].appropriate must be true or false`);
    if (v.note !== undefined && (typeof v.note !== 'string' || v.note.length > 2000)) {
      throw invalid(`verdicts[${i}].note must be a text of at most 2000 characters`);
    }
    seen.add(v.criterionId);
  }
  const missing = firedIds.filter((id) => !seen.has(id));
  if (missing.length > 0) throw invalid(`verdicts missing for fired criteria: ${missing.join(', ')}`);
}
