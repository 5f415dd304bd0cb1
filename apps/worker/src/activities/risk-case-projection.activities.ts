import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { InspectionCaseRepository, RiskCaseRepository } from '@customs/persistence';
import { activityLog } from '../logging/activity-log';
import { inspectionReported, type CaseEvent, type InspectionReport, type RiskCaseActivities, type RiskCaseEvent } from '@customs/workflows/messages';

/**
 * Builds the activities that project risk-case transitions into Postgres.
 * @param riskCases the risk cases repository over the worker's DataSource.
 */
export function createRiskCaseProjectionActivities(riskCases: RiskCaseRepository): RiskCaseActivities {
  return {
    /**
     * Writes one risk-case event and moves the `risk_case` read model forward; on
     * CRITERION_LINKED also records the criterion -> risk case link.
     * Idempotent: the event once (`UNIQUE(risk_case_id, seq)`; a re-delivered one takes no
     * hash-chain position), the row only when `seq` is newer, the criterion link once (primary key).
     * All three in one transaction.
     */
    async projectRiskCaseEvent(event: RiskCaseEvent): Promise<void> {
      const s = event.state;
      activityLog('info', `projecting risk-case event ${event.type}`, { riskCaseId: s.riskCaseId, seq: event.seq, eventType: event.type, status: s.status });
      await riskCases.project({
        riskCaseId: s.riskCaseId,
        seq: event.seq,
        type: event.type,
        actor: event.actor,
        payload: event.payload,
        status: s.status,
        riskArea: s.riskArea,
        route: s.routing.route,
        officeIds: [...new Set([...s.routing.officeIds, ...s.sharedWith])].sort(),
        riskLevel: s.assessment?.riskLevel ?? null,
        windowEndsAt: s.windowEndsAt,
        state: s,
        linkedCriterionId: event.type === 'CRITERION_LINKED' ? (event.payload.criterionId as string) : undefined,
        at: new Date(),
      });
    },
  };
}

/**
 * Tells the risk cases that drafted an inspection case's fired criteria about it: on OPENED
 * (a selection) and RESULT_RECORDED (the outcome and the officer's verdicts), by the
 * `inspectionReported` signal. Idempotent: the risk case counts each inspection case and kind once.
 * A risk case that has already ended is skipped. Called after the inspection case's projection,
 * inside the same activity, so the inspection-case workflow itself is unchanged.
 * @param repositories the worker's inspection cases (for the fired criteria of a later event) and risk cases.
 */
export async function reportInspectionToRiskCases(
  repositories: { cases: InspectionCaseRepository; riskCases: RiskCaseRepository },
  event: CaseEvent,
): Promise<void> {
  if (event.type !== 'OPENED' && event.type !== 'RESULT_RECORDED') return;
  const fired = event.opened?.firedCriteria ?? (await repositories.cases.firedCriteria(event.caseId)) ?? [];
  const criterionIds = fired.map((c) => c.id);
  if (criterionIds.length === 0) return;
  const links = await repositories.riskCases.openCasesDrafting(criterionIds);
  const s = event.state;
  const report: InspectionReport = event.type === 'OPENED'
    ? { kind: 'SELECTED', inspectionCaseId: s.caseId, declarationId: s.declarationId, criterionIds, lane: s.lane }
    : { kind: 'RESULT', inspectionCaseId: s.caseId, declarationId: s.declarationId, criterionIds, lane: s.lane, outcome: s.outcome ?? undefined, verdicts: s.verdicts };
  for (const riskCaseId of links) {
    try {
      await Context.current().client.workflow.getHandle(riskCaseId).signal(inspectionReported, report);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err; // ended meanwhile: nothing to tell
    }
  }
}
