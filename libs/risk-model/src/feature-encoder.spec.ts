import { Declaration } from '@customs/domain';
import * as path from 'node:path';
import { encodeFeatures, FeatureEncodingError, featureNames } from './feature-encoder';
import { FeatureSpec, historyKeyDefinitions, loadFeatureSpec, parseFeatureSpec } from './feature-spec';
import { MODELS_DIR } from './risk-scorer';
import type { KeyPart } from './feature-spec';
import { EMPTY_AGGREGATE, OutcomeHistory } from './supply-chain/outcome-history';

const base: Declaration = {
  declarationId: '1',
  date: '2021-02-03', // a Wednesday
  officeId: '40',
  processType: 'B',
  importType: '11',
  importUse: '21',
  paymentType: '11',
  transportMode: '40',
  declarantId: 'D1',
  importerId: 'I1',
  sellerId: 'S1',
  courierId: null,
  hsCode: '392690',
  departureCountry: 'CN',
  originCountry: 'CN',
  taxRate: 8,
  taxType: 'A',
  originIndicator: 'Y',
  netMassKg: 100,
  itemPriceKrw: 250000,
};

/** A tiny hand-written spec covering every feature kind. */
const tiny: FeatureSpec = parseFeatureSpec({
  specVersion: 1,
  model: { name: 'm', version: '0', file: 'm.onnx', inputName: 'features', outputName: 'probabilities', positiveClassIndex: 1 },
  training: {},
  numFeatures: 15,
  features: [
    { name: 'tax', kind: 'numeric', source: 'taxRate' },
    { name: 'lmass', kind: 'log1p', source: 'netMassKg' },
    { name: 'lunit', kind: 'logUnitPrice', fallback: -1 },
    { name: 'dow', kind: 'dayOfWeek' },
    { name: 'month', kind: 'month' },
    { name: 'ch', kind: 'hsChapterNumber' },
    { name: 'dep_ne_org', kind: 'notEqual', sources: ['departureCountry', 'originCountry'] },
    { name: 'seller_missing', kind: 'isMissing', source: 'sellerId' },
    { name: 'courier_missing', kind: 'isMissing', source: 'courierId' },
    { name: 'ord_office', kind: 'ordinal', source: ['officeId'], unknown: -1, codes: { '20': 0, '40': 1 } },
    { name: 'ord_heading', kind: 'ordinal', source: ['hsHeading'], unknown: -1, codes: { '3926': 7 } },
    { name: 'te_seller', kind: 'targetRate', table: 'sellerId' },
    { name: 'n_seller', kind: 'targetCount', table: 'sellerId' },
    { name: 'te_imp_hs', kind: 'targetRate', table: 'importerId|hsChapter' },
    { name: 'n_courier_missing_key', kind: 'targetCount', table: 'courierId' },
  ],
  tables: {
    sellerId: { source: ['sellerId'], prior: 0.2, smoothing: 20, entries: { S1: [0.5, 10], '': [0.1, 300] } },
    'importerId|hsChapter': { source: ['importerId', 'hsChapter'], prior: 0.2, smoothing: 20, entries: { 'I1|39': [0.9, 3] } },
    courierId: { source: ['courierId'], prior: 0.2, smoothing: 20, entries: { '': [0.15, 1000], C1: [0.3, 5] } },
  },
  quantiles: [{ topShare: 0.05, score: 0.9 }],
  thresholds: { red: { topShare: 0.02, score: 0.95 }, yellow: { topShare: 0.1, score: 0.8 } },
});

function row(d: Partial<Declaration>, spec: FeatureSpec = tiny): Record<string, number> {
  const x = encodeFeatures([{ ...base, ...d }], spec);
  return Object.fromEntries(featureNames(spec).map((n, i) => [n, x[i]]));
}

describe('encodeFeatures', () => {
  it('returns a row-major [N, F] Float32Array', () => {
    const x = encodeFeatures([base, { ...base, taxRate: 3 }], tiny);
    expect(x).toBeInstanceOf(Float32Array);
    expect(x.length).toBe(2 * tiny.numFeatures);
    expect(x[0]).toBe(8);
    expect(x[tiny.numFeatures]).toBe(3);
    expect(encodeFeatures([], tiny).length).toBe(0);
  });

  it('computes numeric, log, date and HS features (float32 of the float64 value)', () => {
    const r = row({});
    expect(r['tax']).toBe(8);
    expect(r['lmass']).toBe(Math.fround(Math.log1p(100)));
    expect(r['lunit']).toBe(Math.fround(Math.log1p(2500)));
    expect(r['dow']).toBe(3); // Wednesday, 0 = Sunday
    expect(r['month']).toBe(2);
    expect(r['ch']).toBe(39);
    expect(r['dep_ne_org']).toBe(0);
    expect(row({ departureCountry: 'HK' })['dep_ne_org']).toBe(1);
    expect(row({ date: '2021-01-03' })['dow']).toBe(0); // Sunday
    expect(row({ hsCode: '010121' })['ch']).toBe(1); // leading zero kept as text, value 1
    expect(row({ hsCode: 'XX0121' })['ch']).toBe(-1);
  });

  it('handles zero and negative mass and negative price', () => {
    expect(row({ netMassKg: 0 })['lunit']).toBe(-1);
    expect(row({ netMassKg: 0 })['lmass']).toBe(0);
    expect(row({ netMassKg: -5 })['lunit']).toBe(-1);
    expect(row({ netMassKg: -5 })['lmass']).toBe(0);
    expect(row({ itemPriceKrw: -10 })['lunit']).toBe(0);
  });

  it('encodes null seller / courier as missing keys', () => {
    const r = row({ sellerId: null, courierId: null });
    expect(r['seller_missing']).toBe(1);
    expect(r['courier_missing']).toBe(1);
    expect(r['te_seller']).toBe(Math.fround(0.1)); // the '' (missing) entry
    expect(r['n_seller']).toBe(300);
    expect(r['n_courier_missing_key']).toBe(1000);
    // an empty string is the same as null
    expect(row({ sellerId: '' })).toEqual(row({ sellerId: null }));
    const withCourier = row({ courierId: 'C1' });
    expect(withCourier['courier_missing']).toBe(0);
    expect(withCourier['n_courier_missing_key']).toBe(5);
  });

  it('maps unknown categories to the unknown code, the prior and a zero count', () => {
    const r = row({ officeId: '999', sellerId: 'NEW', importerId: 'NEW', hsCode: '999999' });
    expect(r['ord_office']).toBe(-1);
    expect(r['ord_heading']).toBe(-1);
    expect(r['te_seller']).toBe(Math.fround(0.2));
    expect(r['n_seller']).toBe(0);
    expect(r['te_imp_hs']).toBe(Math.fround(0.2));
  });

  it('does not resolve keys through Object.prototype', () => {
    const r = row({ officeId: 'constructor', sellerId: '__proto__', importerId: 'toString' });
    expect(r['ord_office']).toBe(-1);
    expect(r['te_seller']).toBe(Math.fround(0.2));
    expect(r['n_seller']).toBe(0);
  });

  it('looks up known categories and interaction keys', () => {
    const r = row({});
    expect(r['ord_office']).toBe(1);
    expect(r['ord_heading']).toBe(7);
    expect(r['te_seller']).toBe(Math.fround(0.5));
    expect(r['n_seller']).toBe(10);
    expect(r['te_imp_hs']).toBe(Math.fround(0.9));
  });

  it('throws naming the declaration for a bad date or a non-finite number', () => {
    expect(() => row({ date: '2021-02-30' })).toThrow(FeatureEncodingError);
    expect(() => row({ date: '03/02/2021' })).toThrow(/declaration 1: date/);
    expect(() => row({ netMassKg: Number.NaN })).toThrow(/netMassKg must be a finite number/);
    expect(() => row({ taxRate: undefined as unknown as number })).toThrow(/taxRate/);
  });

  it('keeps every input finite at the extremes validation allows (a top price over a subnormal mass)', () => {
    const r = row({ netMassKg: 5e-324, itemPriceKrw: 1e15 });
    expect(Object.values(r).every(Number.isFinite)).toBe(true);
    expect(r['lunit']).toBeCloseTo(Math.fround(Math.log1p(Number.MAX_VALUE)), 3);
  });

  it('encodes a declaration with the shipped spec, unknown everything included', () => {
    const spec = loadFeatureSpec(path.join(MODELS_DIR, '1.0.0', 'feature-spec.json'));
    const odd: Declaration = {
      ...base,
      officeId: 'ZZZ',
      importerId: 'never-seen',
      declarantId: 'never-seen',
      sellerId: null,
      courierId: null,
      netMassKg: 0,
      taxType: '??',
    };
    const x = encodeFeatures([odd], spec);
    expect(x.length).toBe(spec.numFeatures);
    expect(Array.from(x).every(Number.isFinite)).toBe(true);
    const names = featureNames(spec);
    expect(x[names.indexOf('log_unit_price')]).toBe(-1);
    expect(x[names.indexOf('ord_officeId')]).toBe(-1);
    expect(x[names.indexOf('te_count_importerId')]).toBe(0);
    expect(x[names.indexOf('te_rate_importerId')]).toBe(Math.fround(spec.tables['importerId'].prior));
    // labels are never inputs
    expect(names.some((n) => /fraud/i.test(n))).toBe(false);
  });

  it('encodes the codes missing from the reference lists (tax type FUS6, office 101) as unseen, like any new category', () => {
    const spec = loadFeatureSpec(path.join(MODELS_DIR, '1.0.0', 'feature-spec.json'));
    const names = featureNames(spec);
    const x = encodeFeatures([{ ...base, taxType: 'FUS6', officeId: '101' }], spec);
    expect(Array.from(x).every(Number.isFinite)).toBe(true);
    expect(x[names.indexOf('ord_officeId')]).toBe(-1);
    expect(x[names.indexOf('ord_taxType')]).toBe(-1);
    expect(x[names.indexOf('te_count_taxType')]).toBe(0);
    expect(x[names.indexOf('te_rate_taxType')]).toBe(Math.fround(spec.tables['taxType'].prior));
  });

  it('2.0.0: a party with no history gets count 0, the prior rates and no unit-price deviation', () => {
    const spec = loadFeatureSpec(path.join(MODELS_DIR, '2.0.0', 'feature-spec.json'));
    expect(() => encodeFeatures([base], spec)).toThrow(/needs the supply-chain history/);
    const asked: string[] = [];
    const history = { aggregate: (parts: readonly KeyPart[], key: string, date: string) => (asked.push(`${parts.join('+')}=${key}@${date}`), { ...EMPTY_AGGREGATE }) };
    const x = encodeFeatures([{ ...base, sellerId: null }], spec, history);
    const names = featureNames(spec);
    expect(x[names.indexOf('hist_n_importer')]).toBe(0);
    const rate = spec.features.find((f) => f.name === 'hist_fraud_importer') as { prior: number };
    expect(x[names.indexOf('hist_fraud_importer')]).toBe(Math.fround(rate.prior));
    expect(x[names.indexOf('unit_price_z_heading')]).toBe(0);
    // the history is asked with the declaration's date; a missing seller is never looked up
    expect(asked).toContain(`importerId=${base.importerId}@${base.date}`);
    expect(asked.some((a) => a.startsWith('sellerId='))).toBe(false);
    // the labels themselves are never features: only statistics of EARLIER declarations' results
    expect(spec.features.every((f) => !('source' in f) || !/fraud/i.test(String(f.source)))).toBe(true);
  });
  it('3.0.0: the declaration\'s own result and its day\'s never count; the day before does, in every key (3-part keys too)', () => {
    const spec = loadFeatureSpec(path.join(MODELS_DIR, '3.0.0', 'feature-spec.json'));
    const keys = historyKeyDefinitions([spec]);
    expect(keys.length).toBe(39);
    expect(keys.map((k) => k.join('+'))).toContain('originCountry+departureCountry+hsHeading');
    const d: Declaration = { ...base, courierId: 'C1' };
    const empty = encodeFeatures([d], spec, new OutcomeHistory(keys));
    // its own result and another seizure of the same parties and goods on the same day: nothing changes
    const sameDay = new OutcomeHistory(keys);
    sameDay.add([{ declaration: d, fraud: 1, critical: 1 }, { declaration: { ...d, declarationId: 'other' }, fraud: 1, critical: 1 }]);
    expect(encodeFeatures([d], spec, sameDay)).toEqual(empty);
    // the same seizure a day earlier moves every count
    const dayBefore = new OutcomeHistory(keys);
    dayBefore.add([{ declaration: { ...d, declarationId: 'earlier', date: '2021-02-02' }, fraud: 1, critical: 1 }]);
    const x = encodeFeatures([d], spec, dayBefore);
    const names = featureNames(spec);
    for (const f of spec.features.filter((g) => g.kind === 'historyCount')) expect({ f: f.name, v: x[names.indexOf(f.name)] }).toEqual({ f: f.name, v: 1 });
    expect(x[names.indexOf('hist_fraud_origin_departure_heading')]).toBeGreaterThan(empty[names.indexOf('hist_fraud_origin_departure_heading')]);
  });
});
