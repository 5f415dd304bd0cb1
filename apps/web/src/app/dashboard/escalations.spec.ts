import { escalatedCasesQuery, ESCALATIONS_SHOWN, overdue, showsEscalations } from './escalations';

describe('escalation list', () => {
  it('is for supervisors, analysts and auditors, not officers', () => {
    expect(showsEscalations('supervisor')).toBe(true);
    expect(showsEscalations('cbtc_analyst')).toBe(true);
    expect(showsEscalations('auditor')).toBe(true);
    expect(showsEscalations('local_officer')).toBe(false);
    expect(showsEscalations(undefined)).toBe(false);
  });

  it('asks for the open escalated cases, longest overdue first', () => {
    expect(escalatedCasesQuery()).toEqual({ escalated: 'true', open: 'true', sort: 'due', limit: ESCALATIONS_SHOWN, offset: 0 });
  });

  it('says how overdue in minutes, hours, then days, rounding down', () => {
    const due = '2026-12-01T00:00:00.000Z';
    const at = (ms: number) => Date.parse(due) + ms;
    expect(overdue(due, at(-5_000))).toEqual({ value: 0, unit: 'min' });
    expect(overdue(due, at(59 * 60_000 + 59_000))).toEqual({ value: 59, unit: 'min' });
    expect(overdue(due, at(60 * 60_000))).toEqual({ value: 1, unit: 'h' });
    expect(overdue(due, at(47 * 3_600_000 + 3_599_000))).toEqual({ value: 47, unit: 'h' });
    expect(overdue(due, at(49 * 3_600_000))).toEqual({ value: 2, unit: 'd' });
    expect(overdue('not a date', at(0))).toEqual({ value: 0, unit: 'min' });
  });
});
