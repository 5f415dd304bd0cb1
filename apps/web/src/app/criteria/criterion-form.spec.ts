import type { AuthUser } from '../core/api.types';
import { criteriaMetaMock } from './criteria-meta.mock';
import {
  authorDefaults, canBacktest, checkCriterionForm, defaultFact, documentKey, factLabel, factsOf, fieldOfPath, initialFormValues, problemsByField, problemsOf,
  rowsForDocument, suggestedId, type CriterionFormValue,
} from './criterion-form';

const meta = criteriaMetaMock();

/** A form an officer of office 40 could save as it stands. */
function localForm(over: Partial<CriterionFormValue> = {}): CriterionFormValue {
  return {
    document: 'IMPORT_DECLARATION',
    combinator: 'all',
    conditions: [
      { fact: 'hsCode', operator: 'hsStartsWithAny', value: '9302, 9303' },
      { fact: 'itemPriceKrw', operator: 'lessThan', value: '50000' },
    ],
    pointsOfInterest: '  Check the serial numbers.  ',
    reason: ' Undervalued handguns reported by the port. ',
    keywords: 'pistol, handgun , undervaluation',
    scope: 'LOCAL',
    officeId: ' 40 ',
    lane: 'RED',
    riskArea: 'UNDERVALUATION',
    id: 'loc-40-004',
    validFrom: '2026-03-01',
    validTo: '2026-03-15',
    ...over,
  };
}

describe('checkCriterionForm', () => {
  it('builds the POST /api/criteria body from a valid form: trimmed texts and office, upper-case id, typed values, ACTIVE', () => {
    expect(checkCriterionForm(localForm(), meta, false)).toEqual({
      body: {
        id: 'LOC-40-004',
        scope: 'LOCAL',
        officeId: '40',
        lane: 'RED',
        riskArea: 'UNDERVALUATION',
        reason: 'Undervalued handguns reported by the port.',
        pointsOfInterest: 'Check the serial numbers.',
        keywords: ['pistol', 'handgun', 'undervaluation'],
        validFrom: '2026-03-01',
        validTo: '2026-03-15',
        status: 'ACTIVE',
        conditions: {
          all: [
            { fact: 'hsCode', operator: 'hsStartsWithAny', value: ['9302', '9303'] },
            { fact: 'itemPriceKrw', operator: 'lessThan', value: 50000 },
          ],
        },
      },
      problems: {},
    });
  });

  it('combines the conditions with any when asked', () => {
    const { body } = checkCriterionForm(localForm({ combinator: 'any' }), meta, false);
    expect(body?.conditions).toEqual({
      any: [
        { fact: 'hsCode', operator: 'hsStartsWithAny', value: ['9302', '9303'] },
        { fact: 'itemPriceKrw', operator: 'lessThan', value: 50000 },
      ],
    });
  });

  it('lets an analyst write a central criterion, which has no office', () => {
    const { body, problems } = checkCriterionForm(localForm({ scope: 'CENTRAL', officeId: '40', id: 'CEN-UVL-002' }), meta, true);
    expect(problems).toEqual({});
    expect(body).toMatchObject({ id: 'CEN-UVL-002', scope: 'CENTRAL', officeId: null });
  });

  it('refuses a central criterion from anyone but an analyst', () => {
    const { body, problems } = checkCriterionForm(localForm({ scope: 'CENTRAL', id: 'CEN-UVL-002' }), meta, false);
    expect(body).toBeNull();
    expect(problems).toEqual({ scope: [{ key: 'builder.error.centralAnalystsOnly', params: undefined }] });
  });

  it('names the condition row (from 1) and the part that is wrong: field, operator for its type, value', () => {
    const { body, problems } = checkCriterionForm(
      localForm({
        conditions: [
          { fact: 'colour', operator: 'equal', value: 'red' },
          { fact: 'originCountry', operator: 'greaterThan', value: '5' },
          { fact: 'originCountry', operator: 'hsStartsWithAny', value: '93' },
          { fact: 'taxRate', operator: 'greaterThanInclusive', value: 'high' },
          { fact: 'hsCode', operator: 'hsStartsWithAny', value: '9' },
          { fact: 'originCountry', operator: 'in', value: ' , ' },
          { fact: 'originCountry', operator: 'equal', value: ' ' },
          { fact: 'originCountry', operator: 'equal', value: 'CN' },
        ],
      }),
      meta,
      false,
    );
    expect(body).toBeNull();
    expect(problems).toEqual({
      'cond.0.fact': [{ key: 'builder.error.fact', params: { n: 1 } }],
      'cond.1.operator': [{ key: 'builder.error.operator', params: { n: 2 } }],
      'cond.2.operator': [{ key: 'builder.error.operator', params: { n: 3 } }],
      'cond.3.value': [{ key: 'builder.error.number', params: { n: 4 } }],
      'cond.4.value': [{ key: 'builder.error.hsPrefix', params: { n: 5 } }],
      'cond.5.value': [{ key: 'builder.error.list', params: { n: 6 } }],
      'cond.6.value': [{ key: 'builder.error.value', params: { n: 7 } }],
    });
  });

  it('sends no targetDocument for import declarations (the API default, as older criteria are stored)', () => {
    expect(checkCriterionForm(localForm(), meta, false).body).not.toHaveProperty('targetDocument');
  });

  it('builds an express-manifest criterion with a keyword condition on the goods description and carries its document', () => {
    const { body, problems } = checkCriterionForm(
      localForm({
        document: 'EXPRESS_MANIFEST',
        conditions: [
          { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: 'ROLEX, NIKE' },
          { fact: 'declaredValueUsd', operator: 'lessThanInclusive', value: '150' },
          { fact: 'consigneeKind', operator: 'equal', value: 'PERSONAL' },
        ],
      }),
      meta,
      false,
    );
    expect(problems).toEqual({});
    expect(body).toMatchObject({
      targetDocument: 'EXPRESS_MANIFEST',
      conditions: {
        all: [
          { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['ROLEX', 'NIKE'] },
          { fact: 'declaredValueUsd', operator: 'lessThanInclusive', value: 150 },
          { fact: 'consigneeKind', operator: 'equal', value: 'PERSONAL' },
        ],
      },
    });
  });

  it("checks each field against the chosen document's facts: an import-declaration field on a passenger criterion is refused", () => {
    const { body, problems } = checkCriterionForm(
      localForm({
        document: 'PASSENGER',
        conditions: [
          { fact: 'bookingDaysBeforeDeparture', operator: 'lessThanInclusive', value: '3' },
          { fact: 'hsCode', operator: 'hsStartsWithAny', value: '9302' },
          { fact: 'companions', operator: 'equal', value: 'none' },
        ],
      }),
      meta,
      false,
    );
    expect(body).toBeNull();
    expect(problems).toEqual({
      'cond.1.fact': [{ key: 'builder.error.fact', params: { n: 2 } }],
      'cond.2.value': [{ key: 'builder.error.number', params: { n: 3 } }],
    });
    const passenger = checkCriterionForm(
      localForm({ document: 'PASSENGER', conditions: [{ fact: 'bookingDaysBeforeDeparture', operator: 'lessThanInclusive', value: '3' }, { fact: 'ageBand', operator: 'in', value: '18-24, 25-34' }] }),
      meta,
      false,
    );
    expect(passenger.body).toMatchObject({
      targetDocument: 'PASSENGER',
      conditions: { all: [{ fact: 'bookingDaysBeforeDeparture', operator: 'lessThanInclusive', value: 3 }, { fact: 'ageBand', operator: 'in', value: ['18-24', '25-34'] }] },
    });
  });

  it('refuses a document the API does not offer', () => {
    const { body, problems } = checkCriterionForm(localForm({ document: 'CONTAINER' as CriterionFormValue['document'] }), meta, false);
    expect(body).toBeNull();
    expect(problems['document']).toEqual([{ key: 'builder.error.document', params: undefined }]);
    expect(problems['cond.0.fact']).toEqual([{ key: 'builder.error.fact', params: { n: 1 } }]);
  });

  it('needs at least one condition', () => {
    expect(checkCriterionForm(localForm({ conditions: [] }), meta, false).problems).toEqual({
      conditions: [{ key: 'builder.error.noCondition', params: undefined }],
    });
  });

  it('needs points of interest and a reason that are not blank', () => {
    expect(checkCriterionForm(localForm({ pointsOfInterest: '  ', reason: '\n' }), meta, false).problems).toEqual({
      pointsOfInterest: [{ key: 'builder.error.required', params: undefined }],
      reason: [{ key: 'builder.error.required', params: undefined }],
    });
  });

  it('needs three non-blank keywords', () => {
    expect(checkCriterionForm(localForm({ keywords: 'pistol, , handgun,' }), meta, false).problems).toEqual({
      keywords: [{ key: 'builder.error.keywords', params: { min: 3 } }],
    });
    expect(checkCriterionForm(localForm({ keywords: 'a,b,c' }), meta, false).problems).toEqual({});
  });

  it('needs an office for a local criterion, and the id to carry that office', () => {
    expect(checkCriterionForm(localForm({ officeId: ' ' }), meta, false).problems).toEqual({
      officeId: [{ key: 'builder.error.office', params: undefined }],
      id: [{ key: 'builder.error.idLocal', params: { office: '' } }],
    });
    expect(checkCriterionForm(localForm({ id: 'LOC-41-004' }), meta, false).problems).toEqual({
      id: [{ key: 'builder.error.idLocal', params: { office: '40' } }],
    });
    expect(checkCriterionForm(localForm({ id: 'LOC-400-004' }), meta, false).problems).toEqual({
      id: [{ key: 'builder.error.idLocal', params: { office: '40' } }],
    });
  });

  it('needs an id of the right form, and a CEN- id for a central criterion', () => {
    expect(checkCriterionForm(localForm({ id: 'LOC-40-4' }), meta, false).problems).toEqual({ id: [{ key: 'builder.error.idFormat', params: undefined }] });
    expect(checkCriterionForm(localForm({ scope: 'CENTRAL', id: 'LOC-40-004' }), meta, true).problems).toEqual({
      id: [{ key: 'builder.error.idCentral', params: undefined }],
    });
  });

  it('needs a risk area the API knows', () => {
    expect(checkCriterionForm(localForm({ riskArea: 'PIRACY' }), meta, false).problems).toEqual({
      riskArea: [{ key: 'builder.error.required', params: undefined }],
    });
  });

  it('needs ISO dates, the end not before the start (one day is fine)', () => {
    expect(checkCriterionForm(localForm({ validFrom: '', validTo: '01/03/2026' }), meta, false).problems).toEqual({
      validFrom: [{ key: 'builder.error.date', params: undefined }],
      validTo: [{ key: 'builder.error.date', params: undefined }],
    });
    expect(checkCriterionForm(localForm({ validTo: '2026-02-28' }), meta, false).problems).toEqual({
      validTo: [{ key: 'builder.error.dateOrder', params: undefined }],
    });
    expect(checkCriterionForm(localForm({ validTo: '2026-03-01' }), meta, false).body).not.toBeNull();
  });

  it('reports every problem at once', () => {
    const { body, problems } = checkCriterionForm(
      localForm({ conditions: [], reason: '', keywords: '', officeId: '', riskArea: '', id: '', validFrom: '', validTo: '' }),
      meta,
      false,
    );
    expect(body).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(['conditions', 'id', 'keywords', 'officeId', 'reason', 'riskArea', 'validFrom', 'validTo']);
  });
});

describe('fieldOfPath and problemsByField', () => {
  it('puts each of the API problems next to its field', () => {
    const cases: [string, string][] = [
      ['conditions.all[0].value: "in" on "originCountry" needs a non-empty array', 'cond.0.value'],
      ['conditions.any[3].operator: "greaterThan" does not apply to string fact "originCountry"', 'cond.3.operator'],
      ['conditions.all[12].fact: unknown fact "colour"', 'cond.12.fact'],
      ['conditions.all[2]: unexpected key(s) path', 'cond.2.value'],
      ['conditions: must be an object with all, any or not at the top', 'conditions'],
      ['conditions.all: must be a non-empty array', 'conditions'],
      ['keywords: needs at least 3 non-blank keywords', 'keywords'],
      ['officeId: must be a known customs office code, got "99"', 'officeId'],
      ['id: office part of "LOC-41-001" does not match officeId "40"', 'id'],
      ['validTo: 2026-03-01 is before validFrom 2026-03-02', 'validTo'],
      ['(root): must be an object', '(root)'],
      [': no path', 'form'],
    ];
    for (const [problem, field] of cases) expect({ problem, field: fieldOfPath(problem) }).toEqual({ problem, field });
  });

  it('groups the API texts by field, in the order given', () => {
    expect(problemsByField(['id: a', 'conditions.all[1].value: b', 'id: c'])).toEqual({
      id: [{ text: 'id: a' }, { text: 'id: c' }],
      'cond.1.value': [{ text: 'conditions.all[1].value: b' }],
    });
    expect(problemsByField([])).toEqual({});
  });

  it('lists the problems of several fields in the order asked', () => {
    const problems = { lane: [{ key: 'l' }], scope: [{ key: 's1' }, { key: 's2' }] };
    expect(problemsOf(problems, 'scope', 'officeId', 'lane')).toEqual([{ key: 's1' }, { key: 's2' }, { key: 'l' }]);
    expect(problemsOf(problems, 'id')).toEqual([]);
  });
});

describe('suggestedId', () => {
  const existing = ['LOC-40-001', 'LOC-40-002', 'CEN-UVL-007', 'CEN-GEN-001'];

  it('numbers on from the office for a local criterion', () => {
    expect(suggestedId({ scope: 'LOCAL', officeId: ' 40 ', riskArea: 'UNDERVALUATION' }, existing)).toBe('LOC-40-003');
    expect(suggestedId({ scope: 'LOCAL', officeId: '', riskArea: 'UNDERVALUATION' }, existing)).toBe('LOC-XX-001');
  });

  it('numbers on from the risk area code for a central criterion', () => {
    expect(suggestedId({ scope: 'CENTRAL', officeId: '40', riskArea: 'UNDERVALUATION' }, existing)).toBe('CEN-UVL-008');
    expect(suggestedId({ scope: 'CENTRAL', officeId: '', riskArea: 'ILLEGAL_FOREIGN_EXCHANGE' }, existing)).toBe('CEN-FX-001');
    expect(suggestedId({ scope: 'CENTRAL', officeId: '', riskArea: '' }, existing)).toBe('CEN-GEN-002');
  });
});

describe('target documents', () => {
  const declaration = factsOf(meta, 'IMPORT_DECLARATION');
  const express = factsOf(meta, 'EXPRESS_MANIFEST');
  const passenger = factsOf(meta, 'PASSENGER');

  it("offers each document's own facts, import declarations' from facts when an older API sends no factsByDocument", () => {
    expect(Object.keys(express)).toContain('goodsDescription');
    expect(Object.keys(express)).toContain('declaredValueUsd');
    expect(Object.keys(express)).not.toContain('hsCode');
    expect(Object.keys(passenger)).toContain('bookingDaysBeforeDeparture');
    expect(Object.keys(passenger)).not.toContain('goodsDescription');
    expect(declaration).toEqual(meta.facts);
    const older = { ...meta, factsByDocument: undefined } as unknown as typeof meta;
    expect(factsOf(older, 'IMPORT_DECLARATION')).toEqual(meta.facts);
    expect(factsOf(older, 'PASSENGER')).toEqual({});
  });

  it('keeps the rows whose field the new document has with the same type, and resets the others to its first field', () => {
    const rows = [
      { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: 'ROLEX' },
      { fact: 'hsCode', operator: 'hsStartsWithAny', value: '9102' },
      { fact: 'originCountry', operator: 'equal', value: 'CN' },
    ];
    const moved = rowsForDocument(rows, [], declaration, express, meta.operators);
    expect(moved.rows).toEqual([rows[0], { fact: 'waybillNumber', operator: 'equal', value: '' }, rows[2]]);
    expect(moved.reset).toBe(1);
    const toPassenger = rowsForDocument(rows, [], declaration, passenger, meta.operators);
    expect(toPassenger.rows.map((r) => r.fact)).toEqual(['passengerRecordId', 'passengerRecordId', 'originCountry']);
    expect(toPassenger.reset).toBe(2);
    // Back to import declarations: a new row starts on hsCode, as the builder's first row does.
    expect(rowsForDocument([{ fact: 'bags', operator: 'greaterThan', value: '3' }], [], passenger, declaration, meta.operators).rows)
      .toEqual([{ fact: 'hsCode', operator: 'equal', value: '' }]);
  });

  it('resets a row whose field has another type in the new document, and drops kept groups naming a field it lacks', () => {
    const from = { n: { type: 'number', nullable: false, unit: null, description: '' } } as const;
    const to = { n: { type: 'string', nullable: false, unit: null, description: '' } } as const;
    expect(rowsForDocument([{ fact: 'n', operator: 'greaterThan', value: '1' }], [], from, to, meta.operators)).toMatchObject({ rows: [{ fact: 'n', operator: 'equal', value: '' }], reset: 1 });
    const kept = [
      { any: [{ fact: 'originCountry', operator: 'equal', value: 'CN' }, { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['NIKE'] }] },
      { not: { fact: 'hsCode', operator: 'equal', value: '910211' } },
    ];
    const moved = rowsForDocument([], kept, declaration, express, meta.operators);
    expect(moved.kept).toEqual([kept[0]]);
    expect(moved.dropped).toBe(1);
  });

  it('backtests import-declaration criteria only (the API replays stored declaration decisions)', () => {
    expect(canBacktest('IMPORT_DECLARATION')).toBe(true);
    expect(canBacktest('EXPRESS_MANIFEST')).toBe(false);
    expect(canBacktest('PASSENGER')).toBe(false);
  });

  it('names each document with an i18n key', () => {
    expect(meta.targetDocuments.map(documentKey)).toEqual(['builder.documents.IMPORT_DECLARATION', 'builder.documents.EXPRESS_MANIFEST', 'builder.documents.PASSENGER']);
  });
});

describe('form defaults', () => {
  const analyst: AuthUser = { id: 'analyst-01', name: 'A', role: 'cbtc_analyst', officeId: null };
  const officer: AuthUser = { id: 'officer-40-01', name: 'O', role: 'local_officer', officeId: '40' };

  it('labels a field with its unit when it has one', () => {
    expect(factLabel('netMassKg', meta.facts['netMassKg'])).toBe('netMassKg (kg)');
    expect(factLabel('hsCode', meta.facts['hsCode'])).toBe('hsCode');
    expect(factLabel('colour', undefined)).toBe('colour');
  });

  it('starts a condition on hsCode when offered, else on the first field', () => {
    expect(defaultFact(Object.keys(meta.facts))).toBe('hsCode');
    expect(defaultFact(['taxRate', 'netMassKg'])).toBe('taxRate');
    expect(defaultFact([])).toBe('');
  });

  it('starts on UNDERVALUATION and a 15-day window from today inclusive', () => {
    expect(initialFormValues(meta, '2026-12-25')).toEqual({ riskArea: 'UNDERVALUATION', validFrom: '2026-12-25', validTo: '2027-01-08' });
    expect(initialFormValues({ ...meta, riskAreas: ['ENVIRONMENT', 'TAX_EVASION'], defaultValidityDays: 1 }, '2026-03-01')).toEqual({
      riskArea: 'ENVIRONMENT', validFrom: '2026-03-01', validTo: '2026-03-01',
    });
  });

  it('starts analysts on CENTRAL and everyone else on LOCAL to their own office', () => {
    expect(authorDefaults(analyst)).toEqual({ scope: 'CENTRAL', officeId: '' });
    expect(authorDefaults(officer)).toEqual({ scope: 'LOCAL', officeId: '40' });
    expect(authorDefaults(null)).toEqual({ scope: 'LOCAL', officeId: '' });
  });
});
