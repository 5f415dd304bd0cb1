import type { DataSource } from 'typeorm';
import { inspectionLabels } from '@customs/selectivity';
import type { CaseEvent, InspectionCaseActivities } from '@customs/workflows/messages';

/**
 * Builds the activities that project inspection-case transitions into Postgres.
 * @param dataSource an initialised TypeORM DataSource on the system's database.
 */
export function createCaseProjectionActivities(dataSource: DataSource): InspectionCaseActivities {
  return {
    /**
     * Writes one case event and moves the `inspection_case` read model forward.
     * Idempotent: the event is inserted once (`UNIQUE(case_id, seq)`), the OPENED row once
     * (primary key), and later updates apply only when `seq` is newer than `last_seq`, so a
     * retried or re-delivered activity never duplicates history or moves a case backwards.
     * A RESULT_RECORDED event also feeds the supply-chain history: one `inspection_outcome`
     * row per declaration (labels by `inspectionLabels`: the outcome and the risk areas of the
     * fired criteria the officer did not refute; the declaration snapshot from its
     * decision record), inserted once (`UNIQUE(declaration_id)`), in the same transaction.
     * The OPENED event and the new queue row are written by one statement (one round trip per
     * case opened); the later events, their read-model update and outcome row in one transaction.
     * The event's hash-chain position is taken by the database trigger inside that statement or
     * transaction; a re-delivered event that conflicts is skipped and takes none, so a retry
     * leaves no gap.
     */
    async projectCaseEvent(event: CaseEvent): Promise<void> {
      const now = new Date();
      const s = event.state;
      const eventRow = [event.caseId, event.seq, event.type, event.actor, JSON.stringify(event.payload), now];
      if (event.type === 'OPENED') {
        // One statement (atomic on its own, one round trip: a case opens per YELLOW/RED declaration).
        const opened = event.opened;
        if (!opened) throw new Error(`OPENED event of ${event.caseId} lacks its opening details`);
        await dataSource.query(
          `WITH opened_event AS (
             INSERT INTO case_event (case_id, seq, type, actor, payload, occurred_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ON CONSTRAINT uq_case_event_case_seq DO NOTHING
           )
           INSERT INTO inspection_case (case_id, declaration_id, office_id, lane, status, risk_score, control_sample,
             fired_criteria, assignee_id, escalated, last_seq, opened_at, updated_at)
           VALUES ($1, $7, $8, $9, $10, $11, $12, $13, NULL, false, $2, $6, $6)
           ON CONFLICT (case_id) DO NOTHING`,
          [...eventRow, s.declarationId, s.officeId, s.lane, s.status, opened.riskScore, opened.controlSample, JSON.stringify(opened.firedCriteria)],
        );
        return;
      }
      await dataSource.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO case_event (case_id, seq, type, actor, payload, occurred_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ON CONSTRAINT uq_case_event_case_seq DO NOTHING`,
          eventRow,
        );
        await tx.query(
          `UPDATE inspection_case SET status = $2::varchar, assignee_id = $3, escalated = $4, outcome = $5, findings = $6,
             verdicts = $7, last_seq = $8, updated_at = $9,
             closed_at = CASE WHEN $2::varchar = 'CLOSED' THEN $9 ELSE closed_at END
           WHERE case_id = $1 AND last_seq < $8`,
          [s.caseId, s.status, s.assigneeId, s.escalated, s.outcome, s.findings,
            s.verdicts.length > 0 ? JSON.stringify(s.verdicts) : null, event.seq, now],
        );
        if (event.type === 'RESULT_RECORDED' && s.outcome) {
          const fired: Array<Array<{ id: string; riskArea?: string }> | null> = (await tx.query(
            `SELECT record->'firedCriteria' AS fired FROM decision_record WHERE declaration_id = $1`, [s.declarationId],
          )).map((r: { fired: Array<{ id: string; riskArea?: string }> | null }) => r.fired);
          const { fraud, criticalFraud } = inspectionLabels({ outcome: s.outcome, firedCriteria: fired[0] ?? [], verdicts: s.verdicts });
          await tx.query(
            `INSERT INTO inspection_outcome (declaration_id, declaration_date, declaration, fraud, critical_fraud, source, case_id, recorded_at)
             SELECT d.declaration_id, (d.record->'declaration'->>'date')::date, d.record->'declaration', $2::smallint, $3::smallint, 'INSPECTION', $4::varchar, $5::timestamptz
             FROM decision_record d WHERE d.declaration_id = $1
             ON CONFLICT ON CONSTRAINT uq_inspection_outcome_declaration DO NOTHING`,
            [s.declarationId, fraud, criticalFraud, s.caseId, now],
          );
        }
      });
    },
  };
}
