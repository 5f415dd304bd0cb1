import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CriteriaLoadError, loadCriteriaFromDir } from './criteria-loader';
import { CriterionValidationError, explainCriterion, SelectivityEngine } from '@customs/selectivity';
import { mockCriterion, mockDeclaration } from '@customs/selectivity/testing';

const RULES = path.resolve(__dirname, '../../../rules');

function tmpRules(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

describe('loadCriteriaFromDir', () => {
  it('loads every seed criterion of the real rules/ folder with unique ids', async () => {
    const criteria = loadCriteriaFromDir(RULES);
    expect(criteria.length).toBeGreaterThanOrEqual(30);
    expect(new Set(criteria.map((c) => c.id)).size).toBe(criteria.length);
    expect(criteria.filter((c) => c.scope === 'LOCAL').map((c) => c.officeId)).toEqual(expect.arrayContaining(['40', '20', '30', '16']));
    const engine = SelectivityEngine.compile(criteria);
    expect(engine.size).toBe(criteria.length);
    const r = await engine.evaluate(
      mockDeclaration({ hsCode: '930510', goodsDescription: 'Military weapons; parts and accessories of revolvers or pistols' }),
    );
    expect(r.lane).toBe('RED');
    expect(r.fired.map((f) => f.id)).toEqual(expect.arrayContaining(['CEN-WPN-001', 'CEN-WPN-002']));
    expect(explainCriterion(r.fired.find((f) => f.id === 'CEN-WPN-001')!)).toBe('CEN-WPN-001 v1 (RED): hsCode 930510 starts with one of [93]');
  });

  it('does not select a spray/glue gun for the weapons keyword criterion', async () => {
    const engine = SelectivityEngine.compile(loadCriteriaFromDir(RULES));
    const r = await engine.evaluate(mockDeclaration({ hsCode: '842420', goodsDescription: 'Spray guns and similar appliances; glue gun' }));
    expect(r.fired.map((f) => f.riskArea)).not.toContain('SMUGGLING_WEAPONS');
  });

  it('names the file of an invalid criterion', () => {
    const bad = { ...mockCriterion(), conditions: { all: [{ fact: 'hsCode', operator: 'regex', value: '93' }] } };
    const dir = tmpRules({ 'central/CEN-WPN-001.json': bad });
    expect(() => loadCriteriaFromDir(dir)).toThrow(CriterionValidationError);
    expect(() => loadCriteriaFromDir(dir)).toThrow(/central\/CEN-WPN-001.json: invalid criterion: conditions.all\[0\].operator: unknown operator "regex"/);
  });

  it('rejects bad JSON, wrong file names, scope/office mismatches and duplicates', () => {
    expect(() => loadCriteriaFromDir(tmpRules({ 'central/CEN-WPN-001.json': '{ nope' }))).toThrow(/not valid JSON/);
    expect(() => loadCriteriaFromDir(tmpRules({ 'central/other.json': mockCriterion() }))).toThrow(/file name must be CEN-WPN-001.json/);
    const local = mockCriterion({ id: 'LOC-40-001', scope: 'LOCAL', officeId: '40' });
    expect(() => loadCriteriaFromDir(tmpRules({ 'central/LOC-40-001.json': local }))).toThrow(/scope LOCAL does not match folder/);
    expect(() => loadCriteriaFromDir(tmpRules({ 'local/30/LOC-40-001.json': local }))).toThrow(CriteriaLoadError);
    expect(() => loadCriteriaFromDir(tmpRules({ 'local/40/LOC-40-001.json': local }))).not.toThrow();
    const dup = tmpRules({ 'central/CEN-WPN-001.json': mockCriterion() });
    fs.mkdirSync(path.join(dup, 'local', '40'), { recursive: true });
    fs.writeFileSync(path.join(dup, 'local', '40', 'LOC-40-001.json'), JSON.stringify(local));
    fs.writeFileSync(path.join(dup, 'local', '40', 'extra.json'), JSON.stringify(local));
    expect(() => loadCriteriaFromDir(dup)).toThrow(/file name must be|duplicate criterion id/);
  });

  it('returns an empty list for an empty folder', () => {
    expect(loadCriteriaFromDir(tmpRules({}))).toEqual([]);
  });
});
