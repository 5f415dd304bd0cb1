import type { AuthUser, CaseStatus } from '../core/api.types';
import { caseActions, isSupervisorOf, mayActOn, resultBody, verdictRowsStale } from './case-actions';

const user = (id: string, role: AuthUser['role'], officeId: string | null): AuthUser => ({ id, name: id, role, officeId });
const officer = user('officer-40-01', 'local_officer', '40');
const otherOfficer = user('officer-40-02', 'local_officer', '40');
const supervisor = user('supervisor-40', 'supervisor', '40');
const otherSupervisor = user('supervisor-41', 'supervisor', '41');
const auditor = user('auditor-01', 'auditor', null);
const kase = (status: CaseStatus, assigneeId: string | null = null) => ({ status, officeId: '40', assigneeId });

describe('mayActOn and isSupervisorOf', () => {
  it('lets the assigned officer and a supervisor of the office act', () => {
    expect(mayActOn(officer, kase('ASSIGNED', 'officer-40-01'))).toBe(true);
    expect(mayActOn(supervisor, kase('ASSIGNED', 'officer-40-01'))).toBe(true);
  });

  it('refuses other officers, other offices, auditors and the signed-out', () => {
    expect(mayActOn(otherOfficer, kase('ASSIGNED', 'officer-40-01'))).toBe(false);
    expect(mayActOn(otherSupervisor, kase('ASSIGNED', 'officer-40-01'))).toBe(false);
    expect(mayActOn(auditor, kase('ASSIGNED', 'officer-40-01'))).toBe(false);
    expect(mayActOn(null, kase('ASSIGNED', 'officer-40-01'))).toBe(false);
    expect(mayActOn(officer, null)).toBe(false);
    expect(isSupervisorOf(otherSupervisor, { officeId: '40' })).toBe(false);
  });
});

describe('caseActions', () => {
  const none = { assignToMe: false, assignOther: false, recordResult: false, close: false };

  it('offers an officer "Assign to me" on a queued case only', () => {
    expect(caseActions(officer, kase('QUEUED'))).toEqual({ ...none, assignToMe: true });
    expect(caseActions(officer, kase('ASSIGNED', 'officer-40-02'))).toEqual(none);
  });

  it('offers a supervisor of the office assigning while queued and reassigning while assigned', () => {
    expect(caseActions(supervisor, kase('QUEUED'))).toEqual({ ...none, assignOther: true });
    expect(caseActions(supervisor, kase('ASSIGNED', 'officer-40-01'))).toEqual({ ...none, assignOther: true, recordResult: true });
    expect(caseActions(otherSupervisor, kase('QUEUED'))).toEqual(none);
  });

  it('offers the result form on an assigned case and "Close" once the result is recorded', () => {
    expect(caseActions(officer, kase('ASSIGNED', 'officer-40-01'))).toEqual({ ...none, recordResult: true });
    expect(caseActions(officer, kase('RESULT_RECORDED', 'officer-40-01'))).toEqual({ ...none, close: true });
    expect(caseActions(supervisor, kase('RESULT_RECORDED', 'officer-40-01'))).toEqual({ ...none, close: true });
  });

  it('offers nothing on a closed case, to auditors, or before the case is loaded', () => {
    expect(caseActions(supervisor, kase('CLOSED', 'officer-40-01'))).toEqual(none);
    expect(caseActions(officer, kase('CLOSED', 'officer-40-01'))).toEqual(none);
    expect(caseActions(auditor, kase('QUEUED'))).toEqual(none);
    expect(caseActions(officer, null)).toEqual(none);
  });
});

describe('resultBody', () => {
  it('sends the outcome, findings and each verdict, unanswered ones as not appropriate', () => {
    expect(
      resultBody({
        outcome: 'DISCREPANCY',
        findings: 'Declared 10 kg, found 14 kg',
        verdicts: [
          { criterionId: 'LOC-40-003', appropriate: true, note: 'right on' },
          { criterionId: 'CEN-DRG-001', appropriate: false, note: '' },
          { criterionId: 'CEN-UVL-002', appropriate: null, note: '' },
        ],
      }),
    ).toEqual({
      outcome: 'DISCREPANCY',
      findings: 'Declared 10 kg, found 14 kg',
      verdicts: [
        { criterionId: 'LOC-40-003', appropriate: true, note: 'right on' },
        { criterionId: 'CEN-DRG-001', appropriate: false, note: '' },
        { criterionId: 'CEN-UVL-002', appropriate: false, note: '' },
      ],
    });
  });
});

describe('verdictRowsStale', () => {
  const fired = (...ids: string[]) => ({ firedCriteria: ids.map((id) => ({ id, version: 1 })) });

  it('keeps the rows while they match the fired criteria in order', () => {
    expect(verdictRowsStale(['A', 'B'], fired('A', 'B'))).toBe(false);
    expect(verdictRowsStale([], fired())).toBe(false);
  });

  it('rebuilds them when the criteria or their order differ', () => {
    expect(verdictRowsStale([], fired('A'))).toBe(true);
    expect(verdictRowsStale(['A', 'B'], fired('B', 'A'))).toBe(true);
    expect(verdictRowsStale(['A'], fired('A', 'B'))).toBe(true);
  });
});
