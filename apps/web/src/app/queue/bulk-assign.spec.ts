import type { AuthUser, InspectionCase } from '../core/api.types';
import { canBulkAssign, isAssignable, refusals, toggled, toggledAll } from './bulk-assign';
import { caseListQuery, escalatedCountQuery, initialQueueFilters } from './queue-filters';
import { queryParams } from '../core/query-params';

const sup: AuthUser = { id: 'supervisor-40', name: 'S', role: 'supervisor', officeId: '40' };
const officer: AuthUser = { id: 'officer-40-01', name: 'O', role: 'local_officer', officeId: '40' };
const c = (caseId: string, status: InspectionCase['status']) => ({ caseId, status }) as InspectionCase;

describe('bulk assignment', () => {
  it('is for supervisors, on queued or assigned cases', () => {
    expect(canBulkAssign(sup)).toBe(true);
    expect(canBulkAssign(officer)).toBe(false);
    expect(canBulkAssign(null)).toBe(false);
    expect([isAssignable(c('a', 'QUEUED')), isAssignable(c('b', 'ASSIGNED')), isAssignable(c('c', 'CLOSED'))]).toEqual([true, true, false]);
  });

  it('toggles one case, or every assignable case of the page', () => {
    expect([...toggled(new Set(['a']), 'b')]).toEqual(['a', 'b']);
    expect([...toggled(new Set(['a']), 'a')]).toEqual([]);
    const page = [c('a', 'QUEUED'), c('b', 'CLOSED'), c('d', 'ASSIGNED')];
    expect([...toggledAll(new Set(), page)]).toEqual(['a', 'd']);
    expect([...toggledAll(new Set(['a', 'd']), page)]).toEqual([]);
  });

  it('lists the refusals of an answer with their status and reason', () => {
    expect(refusals({
      assigned: 1, refused: 1,
      results: [
        { caseId: 'a', assigned: true, refusal: null, status: 'ASSIGNED' },
        { caseId: 'b', assigned: false, refusal: { statusCode: 409, message: 'closed' }, status: null },
      ],
    })).toEqual([{ caseId: 'b', statusCode: 409, message: 'closed' }]);
  });
});

describe('server-side sort and escalated filter', () => {
  it('adds sort and escalated=true to the query only when chosen', () => {
    const f = initialQueueFilters(sup);
    expect(queryParams(caseListQuery({ ...f, sort: 'due', escalatedOnly: true }))).toEqual({ officeId: '40', status: 'QUEUED', limit: '50', offset: '0', sort: 'due', escalated: 'true' });
    expect(queryParams(caseListQuery({ ...f, sort: '', escalatedOnly: false }))).toEqual({ officeId: '40', status: 'QUEUED', limit: '50', offset: '0' });
  });
  it('counts the escalated cases of the same office, status and lane with one row', () => {
    expect(queryParams(escalatedCountQuery({ ...initialQueueFilters(sup), pageIndex: 3 }))).toEqual({ officeId: '40', status: 'QUEUED', escalated: 'true', limit: '1', offset: '0' });
  });
});
