import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { KCS_COLUMNS, type Declaration } from '@customs/domain';
import { readDeclarationFile } from '@customs/io';
import { sampleDeclaration } from '@customs/domain/testing';
import { loginAs, startE2eStack, uniqueDeclarationId, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';
import { recordInspectionResult } from '../support/inspection';

const ROOT = path.resolve(__dirname, '../..');
/** Acceptance date of this suite's declarations: the export period holds them and nothing else. */
const DATE = '2021-06-23';

/** The training export: labelled inspection results from Postgres in the KCS layout, read back by the project's own reader. */
describe('training export (e2e)', () => {
  let stack: E2eStack;
  let svc: AuthorisedHttp;
  let auditor: AuthorisedHttp;
  /** Declaration id -> [Fraud, Critical Fraud] expected, and the declaration as screened. */
  const expected = new Map<string, { labels: [string, string]; declaration: Declaration }>();
  let tmp: string;

  beforeAll(async () => {
    stack = await startE2eStack();
    [svc, auditor] = await Promise.all([loginAs(stack, 'svc-ingest'), loginAs(stack, 'auditor-han')]);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'training-export-'));
    const officer = await loginAs(stack, 'officer-40-01');
    const people = { assigner: officer, officer, officerId: 'officer-40-01' };

    /** Screens a declaration, inspects its case with `outcome` and verdicts (the weapons criteria CEN-WPN-* judged `weaponsAppropriate`). */
    const inspect = async (over: Partial<Declaration>, outcome: 'NO_FINDING' | 'DISCREPANCY' | 'SEIZURE', weaponsAppropriate: boolean, labels: [string, string]) => {
      const d = sampleDeclaration({ declarationId: uniqueDeclarationId(), date: DATE, officeId: '40', ...over });
      const screened = (await svc.post('/api/declarations').send(d).expect(201)).body;
      expect(screened.lane).not.toBe('GREEN');
      const verdicts = (screened.firedCriteria as string[]).map((criterionId) => ({ criterionId, appropriate: criterionId.startsWith('CEN-WPN-') ? weaponsAppropriate : true }));
      await recordInspectionResult(stack, screened.caseId, people, { outcome, verdicts });
      const record = (await auditor.get(`/api/declarations/${d.declarationId}/selection`).expect(200)).body;
      expect(record.firedCriteria.map((c: { id: string }) => c.id)).toContain(over.hsCode === '851712' ? 'CEN-UVL-001' : 'CEN-WPN-001');
      expected.set(d.declarationId, { labels, declaration: record.declaration });
    };
    // Pistols (CEN-WPN-001, SMUGGLING_WEAPONS -> RED): a seizure the officer confirms is critical fraud.
    await inspect({ hsCode: '930200' }, 'SEIZURE', true, ['1', '2']);
    // The weapons selections judged inappropriate, a duty discrepancy found anyway: fraud, not critical.
    await inspect({ hsCode: '930200', sellerId: null }, 'DISCREPANCY', false, ['1', '1']);
    await inspect({ hsCode: '930200', taxRate: 12.5 }, 'NO_FINDING', true, ['0', '0']);
    // Phones at 100 KRW/kg (CEN-UVL-001, UNDERVALUATION -> YELLOW): undervaluation found, fraud not critical.
    await inspect({ hsCode: '851712', netMassKg: 1000, itemPriceKrw: 100000 }, 'DISCREPANCY', true, ['1', '1']);
    // A case without a result is not a label: not exported.
    const open = sampleDeclaration({ declarationId: uniqueDeclarationId(), date: DATE, officeId: '40', hsCode: '930200' });
    await svc.post('/api/declarations').send(open).expect(201);
  });
  afterAll(async () => {
    await stack?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('exports every recorded result of the period with its labels and selection basis, in the KCS layout', async () => {
    const res = await auditor.get('/api/inspection-results/export.csv').query({ from: DATE, to: DATE }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = parse(res.text) as string[][];
    expect(header).toEqual([...KCS_COLUMNS, 'Selection Basis']);
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      const want = expected.get(row[0]);
      expect(want).toBeDefined();
      expect(row.slice(20, 22)).toEqual(want!.labels);
      // Criteria selected them all (the model may have decided the lane of the YELLOW criterion's one).
      expect(row[22]).toMatch(/^(CRITERION|MODEL)(\|[A-Z]+)*$/);
      expect(row[22].split('|')).toContain('CRITERION');
    }
    // Ordered by acceptance date, then declaration id.
    expect(rows.map((r) => r[0])).toEqual([...rows.map((r) => r[0])].sort());

    // Round trip: the project's KCS reader takes the export back as the declarations that were screened.
    const file = path.join(tmp, 'export.csv');
    fs.writeFileSync(file, res.text);
    const back = new Map<string, Declaration>();
    for await (const r of readDeclarationFile(file)) {
      if (!('declaration' in r)) throw new Error(`row ${r.rowNumber} refused: ${r.error}`);
      back.set(r.declaration.declarationId, r.declaration);
    }
    expect(back.size).toBe(expected.size);
    for (const [id, { declaration }] of expected) expect(back.get(id)).toEqual(declaration);

    const empty = await auditor.get('/api/inspection-results/export.csv').query({ from: '1999-01-01', to: '1999-01-31' }).expect(200);
    expect(empty.text.trim()).toBe([...KCS_COLUMNS, 'Selection Basis'].join(','));
  });

  it('refuses officers and a malformed period', async () => {
    await (await loginAs(stack, 'officer-40-01')).get('/api/inspection-results/export.csv').expect(403);
    await (await loginAs(stack, 'supervisor-40')).get('/api/inspection-results/export.csv').expect(403);
    const bad = await auditor.get('/api/inspection-results/export.csv').query({ from: 'last week' }).expect(400);
    expect(String(bad.body.message)).toMatch(/from must be a (real )?date YYYY-MM-DD/);
  });

  it('npm run export:training writes the same file', async () => {
    const out = path.join(tmp, 'cli.csv');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/export/export-training.ts', out, '--from', DATE, '--to', DATE, '--api', stack.baseUrl],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') }, timeout: 120_000 },
    );
    expect(JSON.parse(stdout.trim())).toEqual({ file: out, rows: expected.size, from: DATE, to: DATE });
    const viaApi = await auditor.get('/api/inspection-results/export.csv').query({ from: DATE, to: DATE }).expect(200);
    expect(fs.readFileSync(out, 'utf8')).toBe(viaApi.text);
    expect(fs.readdirSync(tmp).filter((f) => f.includes('.partial-'))).toEqual([]);
  });
});
