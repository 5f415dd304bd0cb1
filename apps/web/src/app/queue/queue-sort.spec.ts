import type { InspectionCase } from '../core/api.types';
import { sortQueue } from './queue-sort';

function kase(caseId: string, riskScore: number, openedAt: string): InspectionCase {
  return {
    caseId, declarationId: caseId.replace('case', 'decl'), officeId: '40', documentType: 'IMPORT_DECLARATION', lane: 'RED', status: 'QUEUED', riskScore, controlSample: false,
    firedCriteria: [], assigneeId: null, escalated: false, outcome: null, findings: null, verdicts: null, openedAt, updatedAt: openedAt, closedAt: null,
  };
}

// The API's order: riskiest first, then oldest.
const page = [
  kase('case-a', 0.91, '2026-03-10T08:00:00Z'),
  kase('case-b', 0.91, '2026-03-09T08:00:00Z'),
  kase('case-c', 0.42, '2026-03-01T08:00:00Z'),
  kase('case-d', 0.77, '2026-03-10T09:30:00Z'),
];
const ids = (cases: InspectionCase[]) => cases.map((c) => c.caseId);

describe('sortQueue', () => {
  it("keeps the API's order when no column is sorted", () => {
    expect(ids(sortQueue(page, { active: '', direction: '' }))).toEqual(['case-a', 'case-b', 'case-c', 'case-d']);
    expect(ids(sortQueue(page, { active: 'riskScore', direction: '' }))).toEqual(['case-a', 'case-b', 'case-c', 'case-d']);
  });

  it('sorts by risk score, ties in the API order', () => {
    expect(ids(sortQueue(page, { active: 'riskScore', direction: 'desc' }))).toEqual(['case-a', 'case-b', 'case-d', 'case-c']);
    expect(ids(sortQueue(page, { active: 'riskScore', direction: 'asc' }))).toEqual(['case-c', 'case-d', 'case-a', 'case-b']);
  });

  it('sorts by age: desc oldest first, asc youngest first', () => {
    expect(ids(sortQueue(page, { active: 'age', direction: 'desc' }))).toEqual(['case-c', 'case-b', 'case-a', 'case-d']);
    expect(ids(sortQueue(page, { active: 'age', direction: 'asc' }))).toEqual(['case-d', 'case-a', 'case-b', 'case-c']);
  });

  it('compares instants, not the text of the timestamps', () => {
    const zones = [kase('case-x', 0.5, '2026-03-10T09:00:00+09:00'), kase('case-y', 0.5, '2026-03-10T01:00:00Z')];
    // 09:00 in Seoul is 00:00 UTC, an hour before case-y.
    expect(ids(sortQueue(zones, { active: 'age', direction: 'desc' }))).toEqual(['case-x', 'case-y']);
  });

  it('returns a new array and leaves the page as loaded', () => {
    const sorted = sortQueue(page, { active: 'riskScore', direction: 'asc' });
    expect(sorted).not.toBe(page);
    expect(ids(page)).toEqual(['case-a', 'case-b', 'case-c', 'case-d']);
  });
});
