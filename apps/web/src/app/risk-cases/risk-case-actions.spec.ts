import type { AuthUser } from '../core/api.types';
import { actionsFor, activationDay, liftOverControl, linkedCriteria, mayActOn, suggestedCriterionId } from './risk-case-actions';
import { shortCaseId } from './short-id';

const analyst: AuthUser = { id: 'analyst-kim', name: 'K', role: 'cbtc_analyst', officeId: null };
const sup40: AuthUser = { id: 'supervisor-40', name: 'S', role: 'supervisor', officeId: '40' };
const officer: AuthUser = { id: 'officer-40-01', name: 'O', role: 'local_officer', officeId: '40' };

describe('actionsFor', () => {
  it('offers each action in the states the workflow accepts it', () => {
    expect(actionsFor('IDENTIFIED', true)).toEqual({ assess: true, draftCriterion: false, adjustWindow: false, retire: false, close: false });
    expect(actionsFor('ASSESSED', true)).toMatchObject({ assess: false, draftCriterion: true });
    expect(actionsFor('ACTIVE', true)).toEqual({ assess: false, draftCriterion: true, adjustWindow: true, retire: true, close: false });
    expect(actionsFor('FEEDBACK', true)).toMatchObject({ adjustWindow: false, retire: true, close: true });
    expect(actionsFor('CLOSED', true)).toEqual({ assess: false, draftCriterion: false, adjustWindow: false, retire: false, close: false });
    expect(actionsFor('IDENTIFIED', false).assess).toBe(false);
  });
});

describe('mayActOn', () => {
  const local = { route: 'LOCAL' as const, routing: { route: 'LOCAL' as const, officeIds: ['40'], ruleId: 'RT-LOCAL-PORT', reason: '' } };
  const central = { route: 'CBTC' as const, routing: { route: 'CBTC' as const, officeIds: [], ruleId: 'RT-CBTC-FOREIGN', reason: '' } };
  it('lets analysts act on every case and supervisors on those routed to their office', () => {
    expect(mayActOn(analyst, central)).toBe(true);
    expect(mayActOn(sup40, local)).toBe(true);
    expect(mayActOn(sup40, central)).toBe(false);
    expect(mayActOn(officer, local)).toBe(false);
    expect(mayActOn(null, local)).toBe(false);
  });
});

describe('suggestedCriterionId', () => {
  it('suggests a central id for analysts and a local one for supervisors, matching the API pattern', () => {
    const c = { riskCaseId: 'risk-case-0b7e', riskArea: 'SMUGGLING', smugglingSubtype: 'WEAPONS' };
    expect(suggestedCriterionId(c, analyst)).toMatch(/^CEN-WPN-\d{3}$/);
    expect(suggestedCriterionId(c, sup40)).toMatch(/^LOC-40-\d{3}$/);
    expect(suggestedCriterionId({ ...c, riskArea: 'UNDERVALUATION' }, analyst)).toMatch(/^CEN-VAL-\d{3}$/);
    expect(suggestedCriterionId(c, analyst)).toBe(suggestedCriterionId(c, analyst));
    const first = suggestedCriterionId(c, analyst);
    const next = suggestedCriterionId(c, analyst, [first]);
    expect(next).not.toBe(first);
    expect(next).toMatch(/^CEN-WPN-\d{3}$/);
  });
});

describe('linkedCriteria', () => {
  it('lists the newest version of each criterion with its feedback and hit rate in %', () => {
    const rows = linkedCriteria({
      criteria: [
        { criterionId: 'CEN-WPN-101', version: 1, windowMs: 1, approved: true, approvedBy: 'analyst-lee' },
        { criterionId: 'CEN-WPN-101', version: 2, windowMs: 1, approved: false, approvedBy: null, retires: true },
        { criterionId: 'CEN-WPN-102', version: 1, windowMs: 1, approved: false, approvedBy: null },
      ],
      feedback: [{ criterionId: 'CEN-WPN-101', selections: 4, results: { NO_FINDING: 2, DISCREPANCY: 0, SEIZURE: 1 }, hits: 1, hitRate: 1 / 3, appropriate: 2, notAppropriate: 1, notes: ['glue gun'] }],
    });
    expect(rows).toEqual([
      expect.objectContaining({ criterionId: 'CEN-WPN-101', version: 2, retires: true, approved: false, inForce: true, hitRatePct: 33.3 }),
      expect.objectContaining({ criterionId: 'CEN-WPN-102', inForce: false, feedback: null, hitRatePct: null }),
    ]);
  });
});

describe('shortCaseId', () => {
  it('keeps the first block of the uuid', () => {
    expect(shortCaseId('risk-case-1f2e3d4c-aaaa-bbbb-cccc-000000000000')).toBe('1f2e3d4c');
    expect(shortCaseId('other')).toBe('other');
  });
});

describe('liftOverControl', () => {
  it('divides the criterion hit rate by the control sample one', () => {
    expect(liftOverControl(50, 12.5)).toBe(4);
  });
  it('is null without a baseline or a hit rate', () => {
    expect(liftOverControl(50, 0)).toBeNull();
    expect(liftOverControl(null, 10)).toBeNull();
    expect(liftOverControl(50, null)).toBeNull();
  });
});

describe('activationDay', () => {
  it('is the day of the first ACTIVATED event', () => {
    const events = [
      { type: 'IDENTIFIED', occurredAt: '2026-12-01T08:00:00.000Z' },
      { type: 'ACTIVATED', occurredAt: '2026-12-03T23:59:00.000Z' },
      { type: 'ACTIVATED', occurredAt: '2026-12-09T10:00:00.000Z' },
    ];
    expect(activationDay(events)).toBe('2026-12-03');
    expect(activationDay(events.slice(0, 1))).toBeNull();
  });
});
