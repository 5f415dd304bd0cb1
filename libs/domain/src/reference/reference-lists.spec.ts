import { CODE_FIELDS } from './data-quality';
import { compiledReferenceLists, isReferenceListName, REFERENCE_LIST_NAMES, referenceCodeProblem, referenceListOf } from './reference-lists';

describe('reference lists', () => {
  it('cover every code field, each field in exactly one list', () => {
    for (const field of CODE_FIELDS) expect(REFERENCE_LIST_NAMES).toContain(referenceListOf(field));
    expect(referenceListOf('taxType')).toBe('tax-type');
    expect(referenceListOf('originCountry')).toBe('country');
  });

  it('know their names and nothing inherited', () => {
    expect(isReferenceListName('office')).toBe(true);
    expect(isReferenceListName('constructor')).toBe(false);
    expect(isReferenceListName(7)).toBe(false);
  });

  it('seed every list with well-formed codes only: KCS offices, tax types, ISO countries, HS 2022 subheadings with labels', () => {
    const lists = compiledReferenceLists();
    for (const name of REFERENCE_LIST_NAMES) {
      expect(lists[name].length).toBeGreaterThan(0);
      for (const { code } of lists[name]) expect([name, code, referenceCodeProblem(name, code)]).toEqual([name, code, null]);
    }
    expect(lists.office.map((c) => c.code)).toContain('40');
    expect(lists.office.map((c) => c.code)).not.toContain('101');
    expect(lists['tax-type'].map((c) => c.code)).not.toContain('FUS6');
    expect(lists.country.map((c) => c.code)).toEqual(expect.arrayContaining(['CN', 'KR', 'ZZ']));
    expect(lists.hs.find((c) => c.code === '930200')?.label).toMatch(/revolvers|pistols/i);
  });

  it('refuse a malformed code, naming the list and the shape', () => {
    expect(referenceCodeProblem('tax-type', 'fus6')).toBe('code of list tax-type must be a KCS tax type (a capital letter, then up to 4 capitals or digits): "fus6"');
    expect(referenceCodeProblem('office', '101')).toBeNull();
  });
});
