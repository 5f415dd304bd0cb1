import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { inspectionReported, type CaseEvent, type InspectionReport, type RiskCaseActivities, type RiskCaseEvent } from '@customs/workflows/messages';

/**
 * Builds the activities that project risk-case transitions into Postgres.
 * @param dataSource an initialised TypeORM DataSource on the system's database.
 */
export function createRiskCaseProjectionActivities(dataSource: DataSource): RiskCaseActivities {
  return {
    /**
     * Writes one risk-case event and moves the `risk_case` read model forward; on
     * CRITERION_LINKED also records the criterion -> risk case link.
     * Idempotent: the event once (`UNIQUE(risk_case_id, seq)`; a re-delivered one takes no
     * hash-chain position), the row only when `seq` is newer, the criterion link once (primary key).
     */
    async projectRiskCaseEvent(event: RiskCaseEvent): Promise<void> {
      const now = new Date();
      const s = event.state;
      const offices = [...new Set([...s.routing.officeIds, ...s.sharedWith])].sort();
      await dataSource.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO risk_case_event (risk_case_id, seq, type, actor, payload, occurred_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ON CONSTRAINT uq_risk_case_event_seq DO NOTHING`,
          [event.riskCaseId, event.seq, event.type, event.actor, JSON.stringify(event.payload), now],
        );
        await tx.query(
          `INSERT INTO risk_case (risk_case_id, status, risk_area, route, office_ids, risk_level, window_ends_at, state, last_seq, opened_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
           ON CONFLICT (risk_case_id) DO UPDATE SET status = EXCLUDED.status, office_ids = EXCLUDED.office_ids,
             risk_level = EXCLUDED.risk_level, window_ends_at = EXCLUDED.window_ends_at, state = EXCLUDED.state,
             last_seq = EXCLUDED.last_seq, updated_at = EXCLUDED.updated_at
           WHERE risk_case.last_seq < EXCLUDED.last_seq`,
          [s.riskCaseId, s.status, s.riskArea, s.routing.route, JSON.stringify(offices), s.assessment?.riskLevel ?? null,
            s.windowEndsAt, JSON.stringify(s), event.seq, now],
        );
        if (event.type === 'CRITERION_LINKED') {
          await tx.query(
            `INSERT INTO risk_case_criterion (criterion_id, risk_case_id, linked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
            [event.payload.criterionId, event.riskCaseId, now],
          );
        }
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
 */
export async function reportInspectionToRiskCases(dataSource: DataSource, event: CaseEvent): Promise<void> {
  if (event.type !== 'OPENED' && event.type !== 'RESULT_RECORDED') return;
  const fired = event.opened?.firedCriteria
    ?? ((await dataSource.query(`SELECT fired_criteria AS "firedCriteria" FROM inspection_case WHERE case_id = $1`, [event.caseId]))[0]?.firedCriteria as Array<{ id: string }> | undefined)
    ?? [];
  const criterionIds = fired.map((c) => c.id);
  if (criterionIds.length === 0) return;
  const links: Array<{ riskCaseId: string }> = await dataSource.query(
    `SELECT DISTINCT l.risk_case_id AS "riskCaseId" FROM risk_case_criterion l
     JOIN risk_case r ON r.risk_case_id = l.risk_case_id
     WHERE l.criterion_id = ANY($1::varchar[]) AND r.status NOT IN ('CLOSED', 'DISMISSED')`,
    [criterionIds],
  );
  const s = event.state;
  const report: InspectionReport = event.type === 'OPENED'
    ? { kind: 'SELECTED', inspectionCaseId: s.caseId, declarationId: s.declarationId, criterionIds, lane: s.lane }
    : { kind: 'RESULT', inspectionCaseId: s.caseId, declarationId: s.declarationId, criterionIds, lane: s.lane, outcome: s.outcome ?? undefined, verdicts: s.verdicts };
  for (const { riskCaseId } of links) {
    try {
      await Context.current().client.workflow.getHandle(riskCaseId).signal(inspectionReported, report);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err; // ended meanwhile: nothing to tell
    }
  }
}
