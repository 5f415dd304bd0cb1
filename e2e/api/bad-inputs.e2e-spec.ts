import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { sampleDeclaration } from '@customs/domain/testing';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type E2eStack } from '../support/e2e-stack';

/**
 * One entry of the hostile-input corpus (`e2e/fixtures/bad-inputs/*.json`, see its README):
 * a request and the refusal it must get.
 */
interface BadInput {
  name: string;
  category: string;
  /** Demo user sending it; null: no token. */
  as: string | null;
  method: 'GET' | 'POST';
  /** Path with placeholders `{queuedCase}`, `{assignedCase}`, `{identifiedRiskCase}`, `{dismissedRiskCase}`, `{report}`. */
  path: string;
  /** A valid body of this kind (fresh ids) with `patch` merged over it and `omit` removed. */
  base?: 'declaration' | 'criterion' | 'intelligence' | 'result' | 'assess';
  patch?: Record<string, unknown>;
  omit?: string[];
  /** Batch of valid declarations (fresh ids) with these patches, one item each. */
  batch?: Array<Record<string, unknown>>;
  /** A literal JSON body. */
  body?: unknown;
  /** A body sent byte for byte: text, or bytes in base64 (`rawBase64`). */
  raw?: string;
  rawBase64?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** A generated raw body: `prefix` + `unit` x count + `middle` + `closeUnit` x count + `suffix`. */
  repeat?: { prefix: string; unit: string; count: number; middle: string; closeUnit: string; suffix: string };
  /** Valid body of `base` with `field` set to `char` repeated `length` times. */
  longString?: { field: string; char: string; length: number };
  /** A batch of `count` valid declarations. */
  batchOf?: number;
  /** A multipart upload: `text` or `bytesBase64` repeated to `size` bytes (when given), in `field` (default `file`). */
  upload?: { field?: string; fileName: string; contentType: string; text?: string; bytesBase64?: string; size?: number; none?: boolean };
  expect: { status: number; message: string };
}

/**
 * A declaration that is not bad, only ahead of the reference lists: a well-formed code missing
 * from them (`screened-with-finding.json`). It used to be refused; it is screened now, with the
 * code named as a data-quality finding and at least YELLOW (issue 14).
 */
interface ScreenedWithFinding {
  name: string;
  category: string;
  as: string;
  method: 'POST';
  path: '/api/declarations';
  base: 'declaration';
  patch: Record<string, string>;
  expect: { status: 201; finding: { field: string; value: string; finding: 'UNKNOWN_CODE' } };
}

const DIR = path.resolve(__dirname, '../fixtures/bad-inputs');
const SCREENED_FILE = 'screened-with-finding.json';
const screenedWithFinding = JSON.parse(fs.readFileSync(path.join(DIR, SCREENED_FILE), 'utf8')) as ScreenedWithFinding[];
const corpus: Array<BadInput & { file: string }> = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'csv.json' && f !== SCREENED_FILE)
  .sort()
  .flatMap((file) => (JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as BadInput[]).map((e) => ({ ...e, file })));

/** Tables a refused request must leave unchanged. */
const TABLES = [
  'decision_record', 'selectivity_criterion', 'criterion_approval', 'inspection_case', 'case_event',
  'risk_case', 'risk_case_event', 'risk_case_criterion', 'intelligence_report', 'intelligence_attachment',
];

/** Every string of a response body, so a message fragment is found wherever the API put it (`message`, `errors[]`). */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

/**
 * The hostile-input corpus against the real API (PostgreSQL, Temporal): every entry is
 * refused with its expected 4xx and a message naming the problem, and writes nothing.
 */
describe('hostile and broken input (e2e corpus)', () => {
  let stack: E2eStack;
  const fixtures: Record<string, string> = {};

  beforeAll(async () => {
    // Limits set explicitly: the corpus sends hundreds of ingest and login requests in a minute.
    stack = await startE2eStack({ attachmentMaxBytes: 64 * 1024, rateLimits: { windowSeconds: 60, login: 0, ingest: 0, ingestService: 0 } });
    const [service, analyst, supervisor] = await Promise.all(['svc-ingest', 'analyst-kim', 'supervisor-20'].map((u) => loginAs(stack, u)));
    // Two RED weapons cases in office 20: one left QUEUED, one ASSIGNED.
    const openCase = async () => {
      const d = sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-03-02', hsCode: '930591', officeId: '20' });
      const res = await service.post('/api/declarations').send(d).expect(201);
      await eventually('queue row', async () => ((await analyst.get(`/api/cases/${res.body.caseId}`)).status === 200 ? true : undefined));
      return res.body.caseId as string;
    };
    fixtures.queuedCase = await openCase();
    fixtures.assignedCase = await openCase();
    await supervisor.post(`/api/cases/${fixtures.assignedCase}/assign`).send({ officerId: 'officer-20-01' }).expect(200);
    const report = (importerId: string) => ({
      source: { organisation: 'Japan Customs', type: 'FOREIGN_CUSTOMS' },
      riskArea: 'UNDERVALUATION',
      subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: importerId }],
      text: `Importer ${importerId} undervalues invoices.`,
    });
    const identified = await analyst.post('/api/intelligence').send(report(`BAD${randomBytes(3).toString('hex').toUpperCase()}`)).expect(201);
    fixtures.identifiedRiskCase = identified.body.riskCaseId;
    fixtures.report = identified.body.reportId;
    const dismissed = await analyst.post('/api/intelligence').send(report(`BAD${randomBytes(3).toString('hex').toUpperCase()}`)).expect(201);
    fixtures.dismissedRiskCase = dismissed.body.riskCaseId;
    for (const id of [fixtures.identifiedRiskCase, fixtures.dismissedRiskCase]) {
      await eventually('risk case read model', async () => ((await analyst.get(`/api/risk-cases/${id}`)).status === 200 ? true : undefined));
    }
    const scores = { timeliness: 1, importance: 1, applicability: 1, accuracy: 1, reliability: 1, influence: 1 };
    await analyst.post(`/api/risk-cases/${fixtures.dismissedRiskCase}/assess`).send({ scores, decision: 'DISMISS' }).expect(200);
    // Let the projections of the set-up settle, so the row counts below move only for the corpus.
    await eventually('projections settled', async () => {
      const r = await analyst.get(`/api/risk-cases/${fixtures.dismissedRiskCase}`);
      const c = await analyst.get(`/api/cases/${fixtures.assignedCase}`);
      return r.body.status === 'DISMISSED' && c.body.status === 'ASSIGNED' ? true : undefined;
    });
  });
  afterAll(async () => stack?.stop());

  async function counts(): Promise<Record<string, number>> {
    const { rows } = await stack.db.query(`SELECT ${TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
    return rows[0];
  }

  function validBody(kind: NonNullable<BadInput['base']>): Record<string, unknown> {
    switch (kind) {
      case 'declaration':
        return { ...sampleDeclaration({ declarationId: uniqueDeclarationId() }) };
      case 'criterion':
        return {
          id: `CEN-BAD-${String(100 + Math.floor(Math.random() * 900))}`, scope: 'CENTRAL', officeId: null, lane: 'YELLOW', riskArea: 'TAX_EVASION',
          reason: 'Corpus base criterion', pointsOfInterest: 'Invoices', keywords: ['tax', 'invoice', 'corpus'], status: 'ACTIVE',
          conditions: { all: [{ fact: 'taxRate', operator: 'greaterThan', value: 50 }] },
        };
      case 'intelligence':
        return {
          source: { organisation: 'Japan Customs', type: 'FOREIGN_CUSTOMS' }, riskArea: 'UNDERVALUATION',
          subjects: [{ kind: 'COMPANY', name: 'Corpus Trading' }], text: 'Undervalued invoices.',
        };
      case 'result':
        return { outcome: 'NO_FINDING', findings: '', verdicts: [{ criterionId: 'CEN-WPN-001', appropriate: true }] };
      case 'assess':
        return { scores: { timeliness: 3, importance: 3, applicability: 3, accuracy: 3, reliability: 3, influence: 3 }, decision: 'SHARE', shareWith: ['40'] };
    }
  }

  function build(entry: BadInput): { body?: string | Buffer; contentType?: string } {
    const json = (v: unknown) => ({ body: JSON.stringify(v), contentType: entry.contentType ?? 'application/json' });
    if (entry.raw !== undefined) return { body: entry.raw, contentType: entry.contentType ?? 'application/json' };
    if (entry.rawBase64 !== undefined) return { body: Buffer.from(entry.rawBase64, 'base64'), contentType: entry.contentType ?? 'application/json' };
    if (entry.repeat) {
      const r = entry.repeat;
      return { body: r.prefix + r.unit.repeat(r.count) + r.middle + r.closeUnit.repeat(r.count) + r.suffix, contentType: 'application/json' };
    }
    if (entry.batch) return json({ declarations: entry.batch.map((p) => ({ ...validBody('declaration'), ...p })) });
    if (entry.batchOf !== undefined) return json({ declarations: Array.from({ length: entry.batchOf }, () => validBody('declaration')) });
    if (entry.base) {
      const body: Record<string, unknown> = { ...validBody(entry.base), ...(entry.patch ?? {}) };
      for (const k of entry.omit ?? []) delete body[k];
      if (entry.longString) body[entry.longString.field] = entry.longString.char.repeat(entry.longString.length);
      return json(body);
    }
    if (entry.longString) return json({ [entry.longString.field]: entry.longString.char.repeat(entry.longString.length) });
    if ('body' in entry) return json(entry.body);
    return {};
  }

  async function send(entry: BadInput): Promise<request.Response> {
    const url = entry.path.replace(/\{(\w+)\}/g, (_m, k: string) => {
      if (!(k in fixtures)) throw new Error(`unknown placeholder {${k}} in ${entry.name}`);
      return fixtures[k];
    });
    const server = stack.app.getHttpServer();
    let req = entry.method === 'GET' ? request(server).get(url) : request(server).post(url);
    if (entry.as) req = req.set((await loginAs(stack, entry.as)).headers);
    for (const [k, v] of Object.entries(entry.headers ?? {})) req = req.set(k, v);
    if (entry.upload) {
      const u = entry.upload;
      if (u.none) return req.field('note', 'no file here');
      let bytes = u.bytesBase64 !== undefined ? Buffer.from(u.bytesBase64, 'base64') : Buffer.from(u.text ?? '', 'utf8');
      if (u.size !== undefined) bytes = Buffer.concat([bytes, Buffer.alloc(Math.max(0, u.size - bytes.length), 'a')]);
      return req.attach(u.field ?? 'file', bytes, { filename: u.fileName, contentType: u.contentType });
    }
    const { body, contentType } = build(entry);
    if (contentType) req = req.set('content-type', contentType);
    if (Buffer.isBuffer(body)) {
      // Bytes as they are: .send() would serialise a Buffer as JSON.
      req.write(body);
      return req;
    }
    return body === undefined ? req : req.send(body);
  }

  it('holds at least 200 entries, each with a category, an expected 4xx and a message fragment', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const names = new Set<string>();
    for (const e of corpus) {
      expect({ name: e.name, status: e.expect.status >= 400 && e.expect.status < 500, message: e.expect.message.length > 0, category: e.category.length > 0 }).toEqual({
        name: e.name, status: true, message: true, category: true,
      });
      expect(names.has(e.name)).toBe(false);
      names.add(e.name);
    }
    const byCategory: Record<string, number> = {};
    for (const e of corpus) byCategory[e.category] = (byCategory[e.category] ?? 0) + 1;
    console.log(`bad-inputs corpus: ${corpus.length} HTTP entries ${JSON.stringify(byCategory)}`);
  });

  it('refuses every entry with its 4xx and a message naming the problem, and writes nothing', async () => {
    const failures: string[] = [];
    for (const entry of corpus) {
      const before = await counts();
      const res = await send(entry);
      const after = await counts();
      const found = texts(res.body).join('\n');
      const problems = [
        res.status >= 500 ? `answered ${res.status} (server error)` : null,
        res.status !== entry.expect.status ? `status ${res.status}, expected ${entry.expect.status}` : null,
        !found.includes(entry.expect.message) ? `message ${JSON.stringify(found.slice(0, 300))} lacks ${JSON.stringify(entry.expect.message)}` : null,
        !String(res.headers['content-type'] ?? '').startsWith('application/json') ? `content-type ${res.headers['content-type']}` : null,
        JSON.stringify(before) !== JSON.stringify(after)
          ? `wrote rows: ${TABLES.filter((t) => (before as Record<string, number>)[t] !== (after as Record<string, number>)[t]).join(', ')}`
          : null,
      ].filter((p): p is string => p !== null);
      if (problems.length > 0) failures.push(`${entry.file} / ${entry.name}: ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('screens every declaration of the "screened with a data-quality finding" list: 201, at least YELLOW, the code named in its trace', async () => {
    expect(screenedWithFinding.length).toBeGreaterThanOrEqual(8);
    const fields = new Set(screenedWithFinding.map((e) => e.expect.finding.field));
    for (const f of ['officeId', 'taxType', 'hsCode', 'departureCountry', 'transportMode', 'importType']) expect(fields.has(f)).toBe(true);
    const failures: string[] = [];
    const reader = await loginAs(stack, 'analyst-kim');
    for (const entry of screenedWithFinding) {
      const body = { ...validBody('declaration'), ...entry.patch };
      const who = await loginAs(stack, entry.as);
      const res = await who.post(entry.path).send(body);
      const trace = res.status === 201 ? await reader.get(`/api/declarations/${body.declarationId}/selection`) : null;
      const problems = [
        res.status !== entry.expect.status ? `status ${res.status}, expected ${entry.expect.status}: ${JSON.stringify(res.body).slice(0, 300)}` : null,
        res.status === 201 && res.body.lane === 'GREEN' ? 'lane GREEN, expected at least YELLOW' : null,
        trace && trace.status !== 200 ? `selection answered ${trace.status}` : null,
        trace && JSON.stringify(trace.body.dataQuality) !== JSON.stringify([entry.expect.finding]) ? `dataQuality ${JSON.stringify(trace.body.dataQuality)}` : null,
        trace && trace.body.dataQualityMinLane !== 'YELLOW' ? `dataQualityMinLane ${trace.body.dataQualityMinLane}` : null,
      ].filter((p): p is string => p !== null);
      if (problems.length > 0) failures.push(`${entry.name}: ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
