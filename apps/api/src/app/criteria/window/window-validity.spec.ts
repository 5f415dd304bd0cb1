import type { SelectivityCriterion } from '@customs/selectivity';
import { parseSetEntry, setEntry, withWindowValidity } from './window-validity';

const criterion = { id: 'CEN-WPN-101', version: 2, validFrom: '2026-12-01', validTo: '2026-12-15' } as SelectivityCriterion;

describe('withWindowValidity', () => {
  it('extends validTo to the last day of an open window that ends after it', () => {
    const c = withWindowValidity(criterion, new Date('2026-12-22T23:30:00Z'));
    expect(c).toEqual({ definition: { ...criterion, validTo: '2026-12-22' }, extendedTo: '2026-12-22' });
    expect(criterion.validTo).toBe('2026-12-15');
  });

  it('leaves a criterion without an open window, or whose validTo covers it, as stored', () => {
    expect(withWindowValidity(criterion, null)).toEqual({ definition: criterion, extendedTo: null });
    expect(withWindowValidity(criterion, new Date('2026-12-15T10:00:00Z'))).toEqual({ definition: criterion, extendedTo: null });
  });
});

describe('criteria-set entries', () => {
  it('name the version, and the extension when there is one, and read back', () => {
    expect(setEntry({ definition: criterion, extendedTo: null })).toBe('CEN-WPN-101@2');
    expect(setEntry({ definition: criterion, extendedTo: '2026-12-22' })).toBe('CEN-WPN-101@2~2026-12-22');
    expect(parseSetEntry('CEN-WPN-101@2~2026-12-22')).toEqual({ id: 'CEN-WPN-101', version: 2, extendedTo: '2026-12-22' });
    expect(parseSetEntry('LOC-40-003@11')).toEqual({ id: 'LOC-40-003', version: 11, extendedTo: null });
  });
});
