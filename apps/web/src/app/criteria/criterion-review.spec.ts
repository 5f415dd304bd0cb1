import type { AuthUser, ReviewedCriterion } from '../core/api.types';
import { canApprove, criterionDocument, criterionState, documentChipKey, filterCriteria, validityDay } from './criterion-review';

function criterion(over: Partial<ReviewedCriterion> = {}): ReviewedCriterion {
  return {
    id: 'LOC-40-003', version: 2, scope: 'LOCAL', officeId: '40', lane: 'RED', status: 'ACTIVE', riskArea: 'UNDERVALUATION',
    reason: 'Undervalued handguns', pointsOfInterest: 'Invoice against the price list', keywords: ['pistol', 'handgun', 'Busan'], validFrom: '2026-03-01', validTo: '2026-03-15',
    conditions: { all: [] }, createdBy: 'officer-40-01', createdAt: '2026-02-28T09:00:00Z', approvedBy: 'supervisor-40', approvedAt: '2026-02-28T10:00:00Z',
    approved: true, ...over,
  };
}

const user = (id: string, role: AuthUser['role'], officeId: string | null): AuthUser => ({ id, name: id, role, officeId });

describe('criterionState', () => {
  const today = '2026-03-10';

  it('is in force when approved, ACTIVE and today within the window (both ends inclusive)', () => {
    expect(criterionState(criterion(), today)).toBe('IN_FORCE');
    expect(criterionState(criterion({ validFrom: today, validTo: today }), today)).toBe('IN_FORCE');
  });

  it('awaits approval until approved, whatever its dates', () => {
    expect(criterionState(criterion({ approved: false, validTo: '2026-01-01' }), today)).toBe('AWAITING');
  });

  it('is retired when the newest version retires it, approved or not', () => {
    expect(criterionState(criterion({ status: 'RETIRED', approved: false }), today)).toBe('RETIRED');
    expect(criterionState(criterion({ status: 'RETIRED' }), today)).toBe('RETIRED');
  });

  it('tells drafts, expired and not yet valid versions apart', () => {
    expect(criterionState(criterion({ status: 'DRAFT' }), today)).toBe('DRAFT');
    expect(criterionState(criterion({ validTo: '2026-03-09' }), today)).toBe('EXPIRED');
    expect(criterionState(criterion({ validFrom: '2026-03-11' }), today)).toBe('SCHEDULED');
  });
});

describe('canApprove (maker-checker)', () => {
  const supervisor40 = user('supervisor-40', 'supervisor', '40');
  const pending = criterion({ approved: false, approvedBy: null, approvedAt: null });

  it('lets a supervisor of the office approve a local version someone else wrote', () => {
    expect(canApprove(supervisor40, pending)).toBe(true);
  });

  it('refuses the author, another office, officers, analysts on local criteria, and approved versions', () => {
    expect(canApprove(supervisor40, { ...pending, createdBy: 'supervisor-40' })).toBe(false);
    expect(canApprove(user('supervisor-41', 'supervisor', '41'), pending)).toBe(false);
    expect(canApprove(user('officer-40-02', 'local_officer', '40'), pending)).toBe(false);
    expect(canApprove(user('analyst-02', 'cbtc_analyst', null), pending)).toBe(false);
    expect(canApprove(supervisor40, criterion())).toBe(false);
    expect(canApprove(null, pending)).toBe(false);
  });

  it('lets another analyst, and only an analyst, approve a central version', () => {
    const central = criterion({ id: 'CEN-UVL-001', scope: 'CENTRAL', officeId: null, approved: false, createdBy: 'analyst-01' });
    expect(canApprove(user('analyst-02', 'cbtc_analyst', null), central)).toBe(true);
    expect(canApprove(user('analyst-01', 'cbtc_analyst', null), central)).toBe(false);
    expect(canApprove(supervisor40, central)).toBe(false);
    expect(canApprove(user('auditor-01', 'auditor', null), central)).toBe(false);
  });
});

describe('filterCriteria', () => {
  const list = [
    criterion(),
    criterion({ id: 'CEN-DRG-001', scope: 'CENTRAL', officeId: null, lane: 'YELLOW', riskArea: 'SMUGGLING_DRUGS', reason: 'Precursors', keywords: ['ephedrine', 'pseudoephedrine', 'drugs'] }),
  ];

  it('keeps every criterion for a blank filter', () => {
    expect(filterCriteria(list, '  ')).toEqual(list);
  });

  it('matches id, reason, area, lane, scope, office and keywords, ignoring case and surrounding blanks', () => {
    expect(filterCriteria(list, ' cen-drg ').map((c) => c.id)).toEqual(['CEN-DRG-001']);
    expect(filterCriteria(list, 'HANDGUNS').map((c) => c.id)).toEqual(['LOC-40-003']);
    expect(filterCriteria(list, 'smuggling').map((c) => c.id)).toEqual(['CEN-DRG-001']);
    expect(filterCriteria(list, 'yellow').map((c) => c.id)).toEqual(['CEN-DRG-001']);
    expect(filterCriteria(list, 'local').map((c) => c.id)).toEqual(['LOC-40-003']);
    expect(filterCriteria(list, 'busan').map((c) => c.id)).toEqual(['LOC-40-003']);
    expect(filterCriteria(list, 'ephedrine').map((c) => c.id)).toEqual(['CEN-DRG-001']);
    expect(filterCriteria(list, 'nothing like it')).toEqual([]);
  });

  it('keeps the criteria of one target document when asked, those naming none being import-declaration criteria', () => {
    const express = criterion({ id: 'CEN-SMG-201', targetDocument: 'EXPRESS_MANIFEST', keywords: ['rolex', 'nike', 'counterfeit'] });
    const passenger = criterion({ id: 'CEN-DRG-101', targetDocument: 'PASSENGER', keywords: ['courier', 'drugs', 'short stay'] });
    const all = [...list, express, passenger];
    expect(filterCriteria(all, '', 'IMPORT_DECLARATION').map((c) => c.id)).toEqual(['LOC-40-003', 'CEN-DRG-001']);
    expect(filterCriteria(all, '', 'EXPRESS_MANIFEST').map((c) => c.id)).toEqual(['CEN-SMG-201']);
    expect(filterCriteria(all, 'drugs', 'PASSENGER').map((c) => c.id)).toEqual(['CEN-DRG-101']);
    expect(filterCriteria(all, 'drugs', null).map((c) => c.id)).toEqual(['CEN-DRG-001', 'CEN-DRG-101']);
  });
});

describe('criterionDocument', () => {
  it('reads a criterion without targetDocument as an import-declaration criterion', () => {
    expect(criterionDocument({})).toBe('IMPORT_DECLARATION');
    expect(criterionDocument({ targetDocument: 'PASSENGER' })).toBe('PASSENGER');
  });

  it('gives express and passenger criteria a chip, import-declaration ones none', () => {
    expect(documentChipKey('IMPORT_DECLARATION')).toBeNull();
    expect(documentChipKey('EXPRESS_MANIFEST')).toBe('criteria.documentChip.EXPRESS_MANIFEST');
    expect(documentChipKey('PASSENGER')).toBe('criteria.documentChip.PASSENGER');
  });
});

describe('validityDay', () => {
  it('shows the date part, or an ellipsis for an open bound', () => {
    expect(validityDay('2026-03-15')).toBe('2026-03-15');
    expect(validityDay('2026-03-15T00:00:00.000Z')).toBe('2026-03-15');
    expect(validityDay(null)).toBe('…');
  });
});
