import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { addDays, isoWeek, isoWeekStart } from './iso-week';
import { driftReferencePath, loadDriftReference, type DriftReferenceFile } from './reference-file';
import { driftFeatures } from './weekly-drift';
import { FEATURE_SPEC_FILE, MODELS_DIR } from '../risk-scorer';

describe('isoWeekStart', () => {
  it.each([
    ['2021-W01', '2021-01-04'],
    ['2020-W53', '2020-12-28'],
    ['2026-W50', '2026-12-07'],
  ])('%s starts on %s, and that Monday is in the week', (week, monday) => {
    expect(isoWeekStart(week)).toBe(monday);
    expect(isoWeek(monday)).toBe(week);
    expect(isoWeek(addDays(monday, 6))).toBe(week);
    expect(isoWeek(addDays(monday, 7))).not.toBe(week);
  });

  it('refuses a malformed week and a week 53 the year lacks', () => {
    expect(() => isoWeekStart('2021-1')).toThrow(RangeError);
    expect(() => isoWeekStart('2021-W00')).toThrow(RangeError);
    expect(() => isoWeekStart('2021-W53')).toThrow(/no week 53/);
  });
});

describe('loadDriftReference', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'drift-ref-'));
  const good: DriftReferenceFile = {
    model: { name: 'm', version: '1.0.0' },
    source: { file: 'x.csv', from: null, rows: 3, kind: 'sample' },
    features: { a: { kind: 'numeric', edges: [1], shares: [0.5, 0.5], n: 2 }, b: { kind: 'categorical', categories: [0, 1], shares: [0.5, 0.5, 0], n: 2 } },
  };

  it('returns null when no file exists for the version', () => {
    expect(loadDriftReference('m', '9.9.9', dir)).toBeNull();
  });

  it('reads a well-formed file, and refuses one of another model or with a malformed feature', () => {
    writeFileSync(driftReferencePath('m', '1.0.0', dir), JSON.stringify(good));
    expect(loadDriftReference('m', '1.0.0', dir)?.features['b']).toEqual(good.features['b']);
    writeFileSync(driftReferencePath('m', '1.0.1', dir), JSON.stringify(good));
    expect(() => loadDriftReference('m', '1.0.1', dir)).toThrow(/not m 1.0.1/);
    writeFileSync(driftReferencePath('m', '1.0.0', dir), JSON.stringify({ ...good, features: { a: { kind: 'numeric', edges: [1, 2], shares: [1] } } }));
    expect(() => loadDriftReference('m', '1.0.0', dir)).toThrow(/a is not a binned reference/);
  });

  it.each(['2.0.0', '3.0.0'])('the committed reference of %s covers exactly its main features, shares summing to 1', (version) => {
    const spec = JSON.parse(readFileSync(path.join(MODELS_DIR, version, FEATURE_SPEC_FILE), 'utf8'));
    const ref = loadDriftReference(spec.model.name, version);
    expect(ref).not.toBeNull();
    expect(Object.keys(ref!.features).sort()).toEqual(driftFeatures(spec).map((f) => f.name).sort());
    for (const r of Object.values(ref!.features)) expect(r.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  });
});
