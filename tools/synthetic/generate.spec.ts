import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatRecords, parseArgs, run, SYNTHETIC_NOTICE } from './generate';

const FIXTURES = join(__dirname, '../../e2e/fixtures');

describe('generate CLI', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'synthetic-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes an express manifest with the notice and returns the summary', () => {
    const out = join(dir, 'express.json');
    const summary = run(['express', '--seed', '7', '--waybills', '100', '--out', out]);
    expect(summary).toMatchObject({ kind: 'express', seed: 7, waybills: 100, planted: { 'split-shipment': 4, 'counterfeit-brand': 2, 'drug-concealment': 1 } });
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.notice).toBe(SYNTHETIC_NOTICE);
    expect(file.manifest.waybills).toHaveLength(100);
  });

  it('writes passengers', () => {
    const out = join(dir, 'passengers.json');
    expect(run(['passengers', '--seed', '7', '--flights', '2', '--per-flight', '50', '--out', out])).toMatchObject({ kind: 'passengers', apis: 100, planted: { 'drug-courier': 2, 'companion-link': 2 } });
  });

  it('formats one record a line, as JSON that parses back to the value', () => {
    const value = { notice: 'x', list: [{ a: 1, b: [1, 2] }, { a: 2, b: [] }], nested: { rows: [{ c: null }], n: 3 }, empty: [] };
    const text = formatRecords(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text.split('\n')).toContain('  {"a":1,"b":[1,2]},');
  });

  it('rejects bad arguments', () => {
    expect(() => run(['express', '--seed', '7', '--waybills', '10'])).toThrow('--out is required');
    expect(() => run(['express', '--seed', 'x', '--waybills', '10', '--out', join(dir, 'x.json')])).toThrow('--seed must be a non-negative integer, got x');
    expect(() => run(['trucks', '--seed', '7', '--out', join(dir, 'x.json')])).toThrow('kind must be express or passengers');
    expect(() => parseArgs(['express', '--seed'])).toThrow('expected --name value');
  });

  it.each([
    ['express-manifest-sample.json', ['express', '--seed', '7', '--waybills', '500']],
    ['passenger-sample.json', ['passengers', '--seed', '7', '--flights', '3', '--per-flight', '100']],
  ])('the committed fixture %s is what its seed regenerates', (name, args) => {
    const out = join(dir, name);
    run([...args, '--out', out]);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(FIXTURES, name), 'utf8'));
  });
});
