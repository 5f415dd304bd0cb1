import type { AuthUser } from '../core/api.types';
import { queryParams } from '../core/query-params';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, canAssignSelf, canPickOffice, caseListQuery, initialQueueFilters } from './queue-filters';

const officer: AuthUser = { id: 'officer-40-01', name: 'O', role: 'local_officer', officeId: '40' };
const supervisor: AuthUser = { id: 'supervisor-40', name: 'S', role: 'supervisor', officeId: '40' };
const auditor: AuthUser = { id: 'auditor-01', name: 'A', role: 'auditor', officeId: null };

describe('initialQueueFilters', () => {
  it("starts on the user's office, queued cases, every lane, first page of 50", () => {
    expect(initialQueueFilters(officer)).toEqual({ officeId: '40', status: 'QUEUED', lane: '', pageIndex: 0, pageSize: 50 });
    expect(initialQueueFilters(auditor).officeId).toBe('');
    expect(initialQueueFilters(null).officeId).toBe('');
    expect(PAGE_SIZES).toContain(DEFAULT_PAGE_SIZE);
  });
});

describe('caseListQuery', () => {
  it('asks for one page: limit = page size, offset = page index x page size', () => {
    expect(caseListQuery({ officeId: '40', status: 'ASSIGNED', lane: 'RED', pageIndex: 2, pageSize: 25 })).toEqual({
      officeId: '40', status: 'ASSIGNED', lane: 'RED', limit: 25, offset: 50,
    });
  });

  it('leaves "all" filters out of the URL and keeps offset 0', () => {
    expect(queryParams(caseListQuery({ officeId: '', status: '', lane: '', pageIndex: 0, pageSize: 50 }))).toEqual({ limit: '50', offset: '0' });
    expect(queryParams(caseListQuery(initialQueueFilters(officer)))).toEqual({ officeId: '40', status: 'QUEUED', limit: '50', offset: '0' });
  });
});

describe('who may do what on the queue', () => {
  it('lets only users without an office pick one', () => {
    expect(canPickOffice(auditor)).toBe(true);
    expect(canPickOffice(officer)).toBe(false);
    expect(canPickOffice(supervisor)).toBe(false);
  });

  it('lets only local officers take cases themselves', () => {
    expect(canAssignSelf(officer)).toBe(true);
    expect(canAssignSelf(supervisor)).toBe(false);
    expect(canAssignSelf(auditor)).toBe(false);
    expect(canAssignSelf(null)).toBe(false);
  });
});
