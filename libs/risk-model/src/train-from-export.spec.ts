import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Declaration } from '@customs/domain';
import { RiskScorer } from './risk-scorer';
import type { KeyPart } from './feature-spec';
import type { HistoryAggregate, HistoryLookup } from './supply-chain/outcome-history';

/**
 * `npm run train -- --from-export <export.csv> --version X.Y.Z` (python/train_v3.py) on the
 * committed fixture (python/fixtures: 1,496 rows of KCS train.csv as the base set, and 405 rows in
 * the `npm run export:training` layout, 3 of them already in the base set): it writes a
 * servable candidate with its model card, which Node scores like Python, and refuses to
 * overwrite an existing version. Needs the venv libs/risk-model/.venv (`npm test` installs it:
 * tools/stack/run.sh).
 */
const LIB = path.resolve(__dirname, '..');
const REPO = path.resolve(LIB, '..', '..');
const PYTHON = path.join(LIB, '.venv', 'bin', 'python');
const FIXTURES = path.join(LIB, 'python', 'fixtures');

function train(out: string): ReturnType<typeof spawnSync> {
  return spawnSync(
    PYTHON,
    [path.join(LIB, 'python', 'train_v3.py'), '--data', FIXTURES, '--from-export', path.join(FIXTURES, 'export.csv'),
      '--version', '3.9.9', '--out', out, '--no-valid', '--fixtures', '40'],
    { cwd: REPO, encoding: 'utf8', timeout: 120_000 },
  );
}

describe('train_v3.py --from-export (retraining candidate)', () => {
  let tmp: string;
  let out: string;
  let first: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'train-from-export-'));
    out = path.join(tmp, '3.9.9');
    first = train(out);
  }, 150_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes the 2.0.0 file set and a model card naming the export', () => {
    expect({ status: first.status, stderr: String(first.stderr).split('\n').filter((l) => !/warn/i.test(l)).join('\n') }).toMatchObject({ status: 0 });
    expect(String(first.stdout)).toMatch(/export .*export\.csv: 402 new labelled rows/);
    for (const f of ['risk-model.onnx', 'critical-model.onnx', 'trees.json', 'feature-spec.json', 'parity-fixtures.json', 'history-fixtures.json', 'MODEL_CARD.md'])
      expect(existsSync(path.join(out, f))).toBe(true);
    const spec = JSON.parse(readFileSync(path.join(out, 'feature-spec.json'), 'utf8'));
    expect(spec.model).toMatchObject({ name: 'kcs-fraud-gbdt', version: '3.9.9' });
    expect(spec.training).toMatchObject({ exportFile: 'export.csv', exportRows: 402, trainRows: 1496 + 402 });
    const card = readFileSync(path.join(out, 'MODEL_CARD.md'), 'utf8');
    expect(card).toContain('# Model card: kcs-fraud-gbdt 3.9.9');
    expect(card).toContain('402 exported inspection results');
    expect(card).toContain('Selection Basis');
  });

  it('is servable: Node loads it and scores its parity rows like Python', async () => {
    const fx: { historyKeys: Record<string, KeyPart[]>; rows: Array<{ declaration: Declaration; history: Record<string, number[]>; score: number }> } =
      JSON.parse(readFileSync(path.join(out, 'parity-fixtures.json'), 'utf8'));
    const scorer = await RiskScorer.load(out);
    try {
      expect(scorer.version).toBe('3.9.9');
      let worst = 0;
      for (const row of fx.rows) {
        const byParts = new Map<string, HistoryAggregate>();
        for (const [name, parts] of Object.entries(fx.historyKeys)) {
          const [n, frauds, criticals, priceN, priceSum, priceSumSq] = row.history[name];
          byParts.set(parts.join('+'), { n, frauds, criticals, priceN, priceSum, priceSumSq });
        }
        const h: HistoryLookup = { aggregate: (parts) => byParts.get(parts.join('+'))! };
        const [s] = await scorer.scoreBatch([row.declaration], h);
        worst = Math.max(worst, Math.abs(s - row.score));
      }
      expect(fx.rows.length).toBeGreaterThanOrEqual(30);
      expect(worst).toBeLessThanOrEqual(1e-5);
    } finally {
      await scorer.close();
    }
  });

  it('refuses to overwrite an existing version', () => {
    const again = train(out);
    expect(again.status).not.toBe(0);
    expect(String(again.stderr)).toContain('never overwrites a version');
  }, 60_000);
});
