import { createHash } from 'node:crypto';
import { criteriaSetFingerprint } from './criteria-set.service';

describe('criteriaSetFingerprint', () => {
  it('is the SHA-256 of the sorted id@version list joined by newlines', () => {
    const expected = createHash('sha256').update('CEN-A@1\nCEN-B@2\nLOC-40-001@3').digest('hex');
    expect(criteriaSetFingerprint(['LOC-40-001@3', 'CEN-A@1', 'CEN-B@2'])).toBe(expected);
  });

  it('does not depend on the order of the list, and tells different sets and versions apart', () => {
    const a = criteriaSetFingerprint(['CEN-A@1', 'CEN-B@1']);
    expect(criteriaSetFingerprint(['CEN-B@1', 'CEN-A@1'])).toBe(a);
    expect(criteriaSetFingerprint(['CEN-A@1', 'CEN-B@2'])).not.toBe(a);
    expect(criteriaSetFingerprint(['CEN-A@1'])).not.toBe(a);
  });

  it('leaves the caller\'s list in its order', () => {
    const list = ['b@1', 'a@1'];
    criteriaSetFingerprint(list);
    expect(list).toEqual(['b@1', 'a@1']);
  });
});
