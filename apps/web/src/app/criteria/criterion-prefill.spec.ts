import { flattenConditions, revisionForm, valueText } from './criterion-prefill';

describe('flattenConditions', () => {
  it('flattens the shape a risk case drafts: one subject group, HS prefixes and origins under all', () => {
    const flat = flattenConditions({
      all: [
        { any: [{ fact: 'importerId', operator: 'equal', value: 'IMP1' }] },
        { fact: 'hsCode', operator: 'hsStartsWithAny', value: ['930200'] },
        { fact: 'originCountry', operator: 'in', value: ['CN', 'HK'] },
      ],
    });
    expect(flat).toEqual({
      combinator: 'all',
      rows: [
        { fact: 'importerId', operator: 'equal', value: 'IMP1' },
        { fact: 'hsCode', operator: 'hsStartsWithAny', value: '930200' },
        { fact: 'originCountry', operator: 'in', value: 'CN, HK' },
      ],
      kept: [],
    });
  });

  it('turns an any-group testing one field for equality into one `in` row, without repeats', () => {
    const flat = flattenConditions({ all: [{ any: [{ fact: 'importerId', operator: 'equal', value: 'A' }, { fact: 'importerId', operator: 'in', value: ['B', 'A'] }] }] });
    expect(flat.rows).toEqual([{ fact: 'importerId', operator: 'in', value: 'A, B' }]);
    expect(flat.kept).toEqual([]);
  });

  it('keeps a group of mixed fields, and a not, whole', () => {
    const mixed = { any: [{ fact: 'importerId', operator: 'equal', value: 'A' }, { fact: 'declarantId', operator: 'equal', value: 'D' }] };
    const not = { not: { fact: 'officeId', operator: 'equal', value: '40' } };
    const flat = flattenConditions({ all: [mixed, { fact: 'hsCode', operator: 'hsStartsWithAny', value: ['93'] }, not] });
    expect(flat.rows).toEqual([{ fact: 'hsCode', operator: 'hsStartsWithAny', value: '93' }]);
    expect(flat.kept).toEqual([mixed, not]);
  });

  it('merges nested groups of the same combinator, and keeps a top-level not whole', () => {
    expect(flattenConditions({ any: [{ any: [{ fact: 'a', operator: 'equal', value: 1 }] }, { fact: 'b', operator: 'lessThan', value: 2 }] }).rows).toEqual([
      { fact: 'a', operator: 'equal', value: '1' },
      { fact: 'b', operator: 'lessThan', value: '2' },
    ]);
    const top = { not: { fact: 'a', operator: 'equal', value: 1 } };
    expect(flattenConditions(top)).toEqual({ combinator: 'all', rows: [], kept: [top] });
  });
});

describe('revisionForm', () => {
  it('keeps the id and every field, with dates as YYYY-MM-DD and keywords comma-separated', () => {
    const { value, conditions } = revisionForm({
      id: 'CEN-WPN-123', scope: 'CENTRAL', officeId: null, lane: 'RED', riskArea: 'SMUGGLING_WEAPONS', reason: 'tip', pointsOfInterest: 'open cartons',
      keywords: ['pistol', 'grip', 'steel'], validFrom: '2026-12-06', validTo: '2026-12-20', conditions: { all: [{ fact: 'importerId', operator: 'equal', value: 'X' }] },
    } as unknown as Parameters<typeof revisionForm>[0]);
    expect(value).toEqual({
      document: 'IMPORT_DECLARATION', id: 'CEN-WPN-123', scope: 'CENTRAL', officeId: '', lane: 'RED', riskArea: 'SMUGGLING_WEAPONS', reason: 'tip', pointsOfInterest: 'open cartons',
      keywords: 'pistol, grip, steel', validFrom: '2026-12-06', validTo: '2026-12-20',
    });
    expect(conditions.rows).toEqual([{ fact: 'importerId', operator: 'equal', value: 'X' }]);
  });

  it('keeps the target document of an express or passenger criterion, so a revision screens the same stream', () => {
    const stored = {
      targetDocument: 'EXPRESS_MANIFEST', id: 'CEN-SMG-201', scope: 'CENTRAL', officeId: null, lane: 'YELLOW', riskArea: 'SMUGGLING_OTHER', reason: 'brands', pointsOfInterest: 'X-ray',
      keywords: ['rolex', 'nike', 'counterfeit'], validFrom: '2026-12-06', validTo: '2026-12-20',
      conditions: { all: [{ fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['ROLEX', 'NIKE'] }] },
    } as unknown as Parameters<typeof revisionForm>[0];
    const { value, conditions } = revisionForm(stored);
    expect(value.document).toBe('EXPRESS_MANIFEST');
    expect(conditions.rows).toEqual([{ fact: 'goodsDescription', operator: 'containsAnyKeyword', value: 'ROLEX, NIKE' }]);
    expect(revisionForm({ ...stored, targetDocument: 'PASSENGER' }).value.document).toBe('PASSENGER');
  });

  it('types values as the form does', () => {
    expect(valueText(['a', 1])).toBe('a, 1');
    expect(valueText(27)).toBe('27');
    expect(valueText(null)).toBe('');
  });
});
