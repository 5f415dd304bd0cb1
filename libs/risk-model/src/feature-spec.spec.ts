/* eslint-disable @typescript-eslint/no-explicit-any -- the cases below mutate a parsed JSON spec into invalid shapes on purpose */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FeatureSpecError, loadFeatureSpec, parseFeatureSpec } from './feature-spec';
import { MODELS_DIR } from './risk-scorer';

/** The 1.0.0 spec has target tables; the 2.0.0 spec has supply-chain history features. */
const specFile = path.join(MODELS_DIR, '1.0.0', 'feature-spec.json');
const spec2File = path.join(MODELS_DIR, '2.0.0', 'feature-spec.json');
const fresh = () => JSON.parse(readFileSync(specFile, 'utf8'));
const fresh2 = () => JSON.parse(readFileSync(spec2File, 'utf8'));

describe('loadFeatureSpec', () => {
  it('loads the shipped spec', () => {
    const spec = loadFeatureSpec(specFile);
    expect(spec.model.name).toBe('kcs-fraud-gbdt');
    expect(spec.model.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(spec.numFeatures).toBe(spec.features.length);
    expect(spec.quantiles.length).toBeGreaterThanOrEqual(5);
  });

  it('names a missing file', () => {
    expect(() => loadFeatureSpec('/nonexistent/feature-spec.json')).toThrow(FeatureSpecError);
    expect(() => loadFeatureSpec('/nonexistent/feature-spec.json')).toThrow(/nonexistent\/feature-spec\.json: cannot read/);
  });

  it('names a file that is not JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'spec-'));
    try {
      const f = path.join(dir, 'feature-spec.json');
      writeFileSync(f, '{ nope');
      expect(() => loadFeatureSpec(f)).toThrow(/feature-spec\.json: not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parseFeatureSpec', () => {
  const cases: [string, (s: any) => void, RegExp][] = [
    ['not an object', (s) => Object.keys(s).forEach((k) => delete s[k]), /specVersion/],
    ['wrong version', (s) => (s.specVersion = 3), /specVersion: expected one of 1, 2, got 3/],
    ['no model name', (s) => delete s.model.name, /model\.name: expected a non-empty string/],
    ['bad sha', (s) => (s.model.sha256 = 'xyz'), /model\.sha256/],
    ['numFeatures off', (s) => (s.numFeatures = 3), /numFeatures: expected \d+ \(the length of features\), got 3/],
    ['unknown kind', (s) => (s.features[2].kind = 'magic'), /features\[2\]\.kind: unknown feature kind "magic"/],
    ['bad numeric source', (s) => (s.features[0].source = 'weight'), /features\[0\]\.source: expected one of taxRate/],
    ['duplicate name', (s) => (s.features[1].name = s.features[0].name), /features\[1\]\.name: duplicate/],
    ['unknown table', (s) => {
      const i = s.features.findIndex((f: any) => f.kind === 'targetRate');
      s.features[i].table = 'nope';
    }, /features\[\d+\]\.table: expected the name of an entry of tables, got "nope"/],
    ['bad ordinal code', (s) => {
      const f = s.features.find((x: any) => x.kind === 'ordinal');
      f.codes[Object.keys(f.codes)[0]] = 'one';
    }, /\.codes\[".*"\]: expected a finite number/],
    ['bad key part', (s) => (s.tables.importerId.source = ['importer']), /tables\.importerId\.source\[0\]: expected one of/],
    ['bad table entry', (s) => (s.tables.importerId.entries.X = [2, 1]), /tables\.importerId\.entries\["X"\]: expected \[rate/],
    ['bad prior', (s) => (s.tables.importerId.prior = -1), /tables\.importerId\.prior/],
    ['bad quantile', (s) => (s.quantiles[0].topShare = 5), /quantiles\[0\]\.topShare: expected a number in \(0, 1\)/],
    ['no thresholds', (s) => delete s.thresholds, /thresholds: expected an object/],
  ];
  it.each(cases)('rejects %s with a message naming the path', (_, mutate, message) => {
    const s = fresh();
    mutate(s);
    expect(() => parseFeatureSpec(s, 'test-spec')).toThrow(FeatureSpecError);
    expect(() => parseFeatureSpec(s, 'test-spec')).toThrow(message);
    expect(() => parseFeatureSpec(s, 'test-spec')).toThrow(/^test-spec: /);
  });

  const historyCases: [string, (s: any) => void, RegExp][] = [
    ['history key part', (s) => (s.features.find((f: any) => f.kind === 'historyCount').keys = ['importer']), /\.keys\[0\]: expected one of/],
    ['history rate of', (s) => (s.features.find((f: any) => f.kind === 'historyRate').of = 'seizure'), /\.of: expected "fraud" or "critical"/],
    ['history prior', (s) => (s.features.find((f: any) => f.kind === 'historyRate').prior = 1.5), /\.prior: expected a number in \[0, 1\]/],
    ['history smoothing', (s) => (s.features.find((f: any) => f.kind === 'historyRate').smoothing = 0), /\.smoothing: expected a number > 0/],
    ['unit price floor', (s) => (s.features.find((f: any) => f.kind === 'historyUnitPriceZ').varianceFloor = -1), /\.varianceFloor: expected a number > 0/],
  ];
  it.each(historyCases)('rejects a 2.0.0 spec with a bad %s, naming the path', (_, mutate, message) => {
    expect(() => parseFeatureSpec(fresh2(), 'spec2')).not.toThrow();
    const s = fresh2();
    mutate(s);
    expect(() => parseFeatureSpec(s, 'spec2')).toThrow(message);
  });

  it('rejects non-objects', () => {
    expect(() => parseFeatureSpec(null)).toThrow(/\(root\): expected a JSON object/);
    expect(() => parseFeatureSpec([])).toThrow(FeatureSpecError);
  });
});
