import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { splitShipmentCriterion } from '@customs/selectivity/testing';
import { loginAs, startE2eStack, type E2eStack } from '../support/e2e-stack';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'e2e/fixtures/express-manifest-sample.json');

interface ExpressLine {
  manifestId: string;
  received: number;
  release: number;
  xrayFlagged: number;
  intrusiveInspection: number;
  duplicates: number;
  casesStarted: number;
  seconds: number;
}

/**
 * `npm run ingest -- --express <manifest.json>` against the running API (issue 15): the synthetic
 * sample manifest screened in one request with two express criteria in force (counterfeit brands
 * RED, split shipments YELLOW, both scoped to the sample's manifest id so other suites' manifests
 * are untouched), a harmless re-run, and refused manifests (a bad row, a conflicting re-send) that
 * exit non-zero naming the problem and write nothing.
 */
describe('express manifest ingest CLI (e2e)', () => {
  let stack: E2eStack;
  let dir: string;
  const sample = JSON.parse(fs.readFileSync(SAMPLE, 'utf8')) as {
    manifest: { manifestId: string; waybills: Array<{ waybillNumber: string; [field: string]: unknown }> };
    planted: Array<{ waybillNumber: string; pattern: string }>;
  };
  const manifestId = sample.manifest.manifestId;
  const suffix = () => String(100 + (randomBytes(2).readUInt16BE(0) % 900));
  const redId = `CEN-EXI-${suffix()}`;
  const yellowId = `CEN-EXJ-${suffix()}`;

  beforeAll(async () => {
    stack = await startE2eStack();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'express-ingest-'));
    const analyst = await loginAs(stack, 'analyst-kim');
    const checker = await loginAs(stack, 'analyst-lee');
    const common = { scope: 'CENTRAL', officeId: null, targetDocument: 'EXPRESS_MANIFEST', validFrom: '2026-11-01', validTo: '2026-12-31' };
    const scoped = { fact: 'manifestId', operator: 'equal', value: manifestId };
    for (const body of [
      {
        ...common, id: redId, lane: 'RED', riskArea: 'UNFAIR_TRADE', reason: 'Counterfeit luxury brands at implausible values',
        pointsOfInterest: 'Labels, stitching, serial numbers', keywords: ['counterfeit', 'brand', 'express'],
        conditions: { all: [scoped, { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['GUCCI', 'NIKE', 'HERMES', 'OMEGA', 'ROLEX', 'VUITTON', 'BURBERRY', 'AIRPODS'] }, { fact: 'declaredValueUsd', operator: 'lessThan', value: 60 }] },
      },
      {
        ...common, id: yellowId, lane: 'YELLOW', riskArea: 'TAX_EVASION', reason: 'Split shipment under the USD 150 duty-free threshold',
        pointsOfInterest: 'Compare the parcels to the address', keywords: ['split', 'duty-free', 'express'],
        conditions: { all: [scoped, ...(splitShipmentCriterion.conditions as { all: unknown[] }).all] },
      },
    ]) {
      const created = await analyst.post('/api/criteria').send(body).expect(201);
      await checker.post(`/api/criteria/${body.id}/versions/${created.body.version}/approve`).expect(200);
    }
    await new Promise((r) => setTimeout(r, 2500)); // the screening engine refreshes within 2 s
  }, 120_000);
  afterAll(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await stack?.stop();
  });

  /** Runs `ingest.ts --express <file>` as a child process (asynchronously: the API answering it lives in this process). */
  function ingest(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, ['-r', '@swc-node/register', 'tools/ingest/ingest.ts', '--express', file, '--api', stack.baseUrl], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
        timeout: 120_000,
      }, (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
    });
  }
  const line = (stdout: string): ExpressLine => {
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    return JSON.parse(lines[0]);
  };
  const stored = async (id: string) => {
    const { rows } = await stack.db.query(
      `SELECT (SELECT count(*) FROM express_manifest WHERE manifest_id = $1)::int AS manifests,
              (SELECT count(*) FROM express_decision WHERE manifest_id = $1)::int AS decisions,
              (SELECT count(*) FROM express_decision WHERE manifest_id = $1 AND outcome = 'INTRUSIVE_INSPECTION')::int AS intrusive,
              (SELECT count(*) FROM express_decision WHERE manifest_id = $1 AND outcome = 'XRAY_FLAGGED')::int AS flagged`,
      [id],
    );
    return rows[0] as { manifests: number; decisions: number; intrusive: number; flagged: number };
  };

  it('screens the sample manifest in one request and prints the counts; a re-run gives duplicates and opens nothing', async () => {
    const first = await ingest(SAMPLE);
    expect({ code: first.code, stderr: first.code === 0 ? '' : first.stderr }).toEqual({ code: 0, stderr: '' });
    const counts = line(first.stdout);
    const n = sample.manifest.waybills.length;
    expect(counts).toMatchObject({ manifestId, received: n });
    expect(counts.release + counts.xrayFlagged + counts.intrusiveInspection).toBe(n);
    // The planted counterfeits (all under USD 60) go to intrusive inspection, the planted split shipments are flagged.
    expect(counts.intrusiveInspection).toBe(sample.planted.filter((p) => p.pattern === 'counterfeit-brand').length);
    expect(counts.xrayFlagged).toBeGreaterThan(0);
    expect(counts.seconds).toBeGreaterThan(0);
    // A database that saw the sample before has its decisions already (duplicates) and opens no case again.
    expect(counts.casesStarted).toBe(counts.duplicates === 0 ? counts.intrusiveInspection : 0);
    expect(await stored(manifestId)).toEqual({ manifests: 1, decisions: n, intrusive: counts.intrusiveInspection, flagged: counts.xrayFlagged });

    const again = await ingest(SAMPLE);
    expect(again.code).toBe(0);
    expect(line(again.stdout)).toMatchObject({ ...counts, duplicates: n, casesStarted: 0, seconds: expect.any(Number) });
    expect(await stored(manifestId)).toEqual({ manifests: 1, decisions: n, intrusive: counts.intrusiveInspection, flagged: counts.xrayFlagged });
  }, 180_000);

  it('refuses a manifest with bad rows: exits non-zero naming each waybills[i].field, and writes nothing', async () => {
    const badId = `EXI-${randomBytes(3).toString('hex').toUpperCase()}-BAD`;
    const waybills: Array<Record<string, unknown>> = sample.manifest.waybills.map((w, i) => ({ ...w, waybillNumber: `BI${badId.slice(4, 10)}${String(i).padStart(4, '0')}` }));
    waybills[3] = { ...waybills[3], grossWeightKg: -3 };
    waybills[417] = { ...waybills[417], consigneeId: 'nobody' };
    const file = path.join(dir, 'bad-rows.json');
    fs.writeFileSync(file, JSON.stringify({ ...sample.manifest, manifestId: badId, waybills }));

    const r = await ingest(file);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`manifest ${badId} refused (HTTP 400); nothing was screened`);
    expect(r.stderr).toMatch(new RegExp(`^waybills\\[3\\]\\.grossWeightKg .* \\(waybill ${waybills[3].waybillNumber}\\)$`, 'm'));
    expect(r.stderr).toMatch(new RegExp(`^waybills\\[417\\]\\.consigneeId .* \\(waybill ${waybills[417].waybillNumber}\\)$`, 'm'));
    expect(await stored(badId)).toEqual({ manifests: 0, decisions: 0, intrusive: 0, flagged: 0 });
  }, 120_000);

  it('refuses a conflicting re-send of the sample (a waybill with other content) and writes nothing', async () => {
    const changed: Array<Record<string, unknown>> = sample.manifest.waybills.map((w, i) => (i === 5 ? { ...w, declaredValueUsd: 9999 } : w));
    const file = path.join(dir, 'conflict.json');
    fs.writeFileSync(file, JSON.stringify({ ...sample, manifest: { ...sample.manifest, waybills: changed } }));
    const before = await stored(manifestId);
    const r = await ingest(file);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('refused (HTTP 409)');
    expect(r.stderr).toContain(changed[5].waybillNumber);
    expect(await stored(manifestId)).toEqual(before);
  }, 120_000);
});
