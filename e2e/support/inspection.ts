import type { InspectionOutcome } from '@customs/workflows/messages';
import { eventually, type AuthorisedHttp, type E2eStack } from './e2e-stack';

/**
 * Takes a freshly opened inspection case through the API as an officer would: waits for its
 * queue row, has `assigner` assign it to `officerId`, `officer` record the result, and waits
 * until the result is projected into `inspection_case` (what stats and exports read).
 * @param verdicts one per fired criterion (the workflow refuses a result without them).
 */
export async function recordInspectionResult(
  stack: E2eStack,
  caseId: string,
  people: { assigner: AuthorisedHttp; officer: AuthorisedHttp; officerId: string },
  result: { outcome: InspectionOutcome; verdicts: Array<{ criterionId: string; appropriate: boolean }> },
): Promise<void> {
  const { assigner, officer, officerId } = people;
  await eventually(`queue row of ${caseId}`, async () => ((await assigner.get(`/api/cases/${caseId}`)).status === 200 ? true : undefined));
  await assigner.post(`/api/cases/${caseId}/assign`).send({ officerId }).expect(200);
  const findings = result.outcome === 'NO_FINDING' ? '' : `e2e: ${result.outcome.toLowerCase()} found on inspection`;
  await officer.post(`/api/cases/${caseId}/result`).send({ outcome: result.outcome, findings, verdicts: result.verdicts }).expect(200);
  await eventually(`result of ${caseId} projected`, async () => {
    const { rows } = await stack.db.query('SELECT outcome FROM inspection_case WHERE case_id = $1', [caseId]);
    return rows[0]?.outcome === result.outcome ? true : undefined;
  });
}
