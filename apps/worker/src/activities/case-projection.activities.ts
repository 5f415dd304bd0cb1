import type { DataSource } from 'typeorm';
import { DecisionRecordRepository, InspectionCaseRepository, InspectionOutcomeRepository } from '@customs/persistence';
import { inspectionLabels } from '@customs/selectivity';
import type { CaseEvent, InspectionCaseActivities } from '@customs/workflows/messages';
import { activityLog } from '../logging/activity-log';

/**
 * Builds the activities that project inspection-case transitions into Postgres.
 * @param dataSource an initialised TypeORM DataSource on the system's database.
 */
export function createCaseProjectionActivities(dataSource: DataSource): InspectionCaseActivities {
  const cases = new InspectionCaseRepository(dataSource);
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
      const row = { caseId: event.caseId, seq: event.seq, type: event.type, actor: event.actor, payload: event.payload, occurredAt: now };
      activityLog('info', `projecting case event ${event.type}`, { caseId: event.caseId, declarationId: s.declarationId, seq: event.seq, eventType: event.type, status: s.status });
      if (event.type === 'OPENED') {
        // One statement (atomic on its own, one round trip: a case opens per YELLOW/RED declaration).
        const opened = event.opened;
        if (!opened) throw new Error(`OPENED event of ${event.caseId} lacks its opening details`);
        await cases.open(row, {
          declarationId: s.declarationId,
          officeId: s.officeId,
          lane: s.lane,
          status: s.status,
          riskScore: opened.riskScore,
          controlSample: opened.controlSample,
          firedCriteria: opened.firedCriteria,
          documentType: opened.documentType,
        });
        return;
      }
      // The case's history, its read model and the outcome row commit together.
      await dataSource.transaction(async (tx) => {
        const txCases = new InspectionCaseRepository(tx);
        await txCases.appendEvent(row);
        await txCases.applyState(s.caseId, event.seq, s, now);
        if (event.type === 'RESULT_RECORDED' && s.outcome) {
          const fired = await new DecisionRecordRepository(tx).firedCriteria(s.declarationId);
          const { fraud, criticalFraud } = inspectionLabels({ outcome: s.outcome, firedCriteria: fired ?? [], verdicts: s.verdicts });
          await new InspectionOutcomeRepository(tx).recordInspection({ declarationId: s.declarationId, fraud, criticalFraud, caseId: s.caseId, recordedAt: now });
        }
      });
    },
  };
}
