import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import request from 'supertest';
import { sampleDeclaration } from '@customs/domain/testing';
import { TokenService } from '@customs/api';
import { DEMO_USERS, type AuthUser } from '@customs/identity';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type E2eStack } from '../support/e2e-stack';

/** The identities every route is tried with: one demo user per role, and the office and ownership variants. */
const USERS = ['analyst-kim', 'officer-40-01', 'officer-40-02', 'officer-20-01', 'supervisor-40', 'supervisor-20', 'auditor-han', 'paxdesk-40', 'svc-ingest'] as const;
type UserName = (typeof USERS)[number];

/** Tokens that must be refused with 401 on every non-public route, and the message each gets. */
const BAD_TOKENS = ['no token', 'malformed header', 'not a JWT', 'expired', 'forged (other key)', 'wrong audience', 'unsigned (alg none)'] as const;
type BadToken = (typeof BAD_TOKENS)[number];
const BAD_TOKEN_MESSAGE: Record<BadToken, RegExp> = {
  'no token': /missing bearer token/,
  'malformed header': /malformed Authorization header/,
  'not a JWT': /malformed bearer token/,
  expired: /token expired at .*log in again/,
  'forged (other key)': /signature is invalid: it was not signed by a trusted key/,
  'wrong audience': /audience "another-api" is not this API/,
  'unsigned (alg none)': /algorithm is not accepted/,
};

/** Expected answer of an allowed caller: an exact status, or "anything but 401/403". */
type Allowed = number | 'allowed';

/** One request of the matrix and who may make it. */
interface Probe {
  /** What varies, e.g. `?officeId=20`. */
  label?: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Identities allowed, with the status they get; every other identity gets 403. */
  allow: Partial<Record<UserName, Allowed>>;
}

interface Fixture {
  declarationId: string;
  caseId: string;
}

const everyone = (status: Allowed): Record<UserName, Allowed> => Object.fromEntries(USERS.map((u) => [u, status])) as Record<UserName, Allowed>;
const readers = (status: Allowed) => ({ 'analyst-kim': status, 'officer-40-01': status, 'officer-40-02': status, 'officer-20-01': status, 'supervisor-40': status, 'supervisor-20': status, 'auditor-han': status });
/** Of office 40 (the fixture case's office), plus the office-free readers. */
const office40Readers = (status: Allowed) => ({ 'analyst-kim': status, 'auditor-han': status, 'officer-40-01': status, 'officer-40-02': status, 'supervisor-40': status });

/** A well-formed risk-case id that does not exist: allowed readers get 404, allowed actors a 400 for the empty body. */
const NO_RISK_CASE = 'risk-case-00000000-0000-0000-0000-000000000000';
/** A well-formed intelligence report id that does not exist. */
const NO_REPORT = 'intel-00000000-0000-0000-0000-000000000000';
/** Who may act on risk cases (analysts; supervisors for their office's local cases). */
const riskCaseActors = (status: Allowed) => ({ 'analyst-kim': status, 'supervisor-40': status, 'supervisor-20': status });

/**
 * The access policy, written down independently of the code: route (Express path) -> probes.
 * `public` routes answer without a token. A route of the API that is missing here fails the test.
 */
const POLICY: Record<string, 'public' | ((f: Fixture) => Probe[])> = {
  'GET /api/health': 'public',
  'GET /api/health/live': 'public',
  'GET /api/health/ready': 'public',
  // Prometheus scrapes without a token; kept off the public ingress (README, "Metrics and health").
  'GET /metrics': 'public',
  'POST /api/auth/token': 'public',
  'GET /api/auth/jwks': 'public',
  'GET /api/auth/me': () => [{ path: '/api/auth/me', allow: everyone(200) }],
  // Screening: the ingest service and analysts; an empty body is refused after the role check, so nothing is written.
  'POST /api/declarations': () => [{ path: '/api/declarations', body: {}, allow: { 'svc-ingest': 400, 'analyst-kim': 400 } }],
  'POST /api/declarations/batch': () => [{ path: '/api/declarations/batch', body: { declarations: [] }, allow: { 'svc-ingest': 400, 'analyst-kim': 400 } }],
  'GET /api/declarations/:id/selection': (f) => [{ path: `/api/declarations/${f.declarationId}/selection`, allow: office40Readers(200) }],
  'GET /api/declarations/:id/replay': (f) => [{ path: `/api/declarations/${f.declarationId}/replay`, allow: { 'auditor-han': 'allowed', 'analyst-kim': 'allowed' } }],
  // Express cargo: manifests from the ingest service and analysts; the X-ray queues for the centre's officers and
  // supervisors (their own office), analysts and auditors naming a centre. A well-formed waybill number that does not exist: 404.
  'POST /api/express/manifests': () => [{ path: '/api/express/manifests', body: {}, allow: { 'svc-ingest': 400, 'analyst-kim': 400 } }],
  'GET /api/express/xray-queue': () => [
    { path: '/api/express/xray-queue', allow: { 'officer-40-01': 200, 'officer-40-02': 200, 'officer-20-01': 200, 'supervisor-40': 200, 'supervisor-20': 200, 'analyst-kim': 400, 'auditor-han': 400 } },
    { label: '?centre=40', path: '/api/express/xray-queue', query: { centre: '40' }, allow: office40Readers(200) },
  ],
  'GET /api/express/waybills/:waybillNumber/replay': () => [{ path: '/api/express/waybills/NOSUCHWAYBILL1/replay', allow: { 'analyst-kim': 404, 'auditor-han': 404 } }],
  'GET /api/express/waybills/:waybillNumber': () => [{ path: '/api/express/waybills/NOSUCHWAYBILL1', allow: readers(404) }],
  'POST /api/express/waybills/:waybillNumber/interpretation': () => [
    { path: '/api/express/waybills/NOSUCHWAYBILL1/interpretation', body: { decision: 'HOLD' }, allow: { 'officer-40-01': 404, 'officer-40-02': 404, 'officer-20-01': 404, 'supervisor-40': 404, 'supervisor-20': 404 } },
  ],
  // Passengers: lists and bookings from the ingest service and analysts; the arrival-hall queue and records for the
  // office's desk, officers and supervisors (their own office), analysts and auditors naming an office. Unknown passenger: 404.
  'POST /api/passengers/apis': () => [{ path: '/api/passengers/apis', body: {}, allow: { 'svc-ingest': 400, 'analyst-kim': 400 } }],
  'POST /api/passengers/pnr': () => [{ path: '/api/passengers/pnr', body: {}, allow: { 'svc-ingest': 400, 'analyst-kim': 400 } }],
  'GET /api/passengers/queue': () => [
    { path: '/api/passengers/queue', allow: { 'paxdesk-40': 200, 'officer-40-01': 200, 'officer-40-02': 200, 'officer-20-01': 200, 'supervisor-40': 200, 'supervisor-20': 200, 'analyst-kim': 400, 'auditor-han': 400 } },
    { label: '?office=40', path: '/api/passengers/queue', query: { office: '40' }, allow: { ...office40Readers(200), 'paxdesk-40': 200 } },
  ],
  'GET /api/passengers/:passengerId': () => [{ path: '/api/passengers/PAX-0000000000000000', allow: { ...readers(404), 'paxdesk-40': 404 } }],
  'GET /api/cases': () => [
    { path: '/api/cases', allow: readers(200) },
    { label: '?officeId=40', path: '/api/cases', query: { officeId: '40' }, allow: office40Readers(200) },
  ],
  'GET /api/cases/:id': (f) => [{ path: `/api/cases/${f.caseId}`, allow: office40Readers(200) }],
  // Actions on a CLOSED case of office 40 assigned to officer-40-01: an allowed caller gets 409, nothing changes.
  'POST /api/cases/:id/assign': (f) => [{ path: `/api/cases/${f.caseId}/assign`, body: { officerId: 'officer-40-01' }, allow: { 'officer-40-01': 409, 'supervisor-40': 409 } }],
  'POST /api/cases/:id/result': (f) => [
    { path: `/api/cases/${f.caseId}/result`, body: { outcome: 'NO_FINDING', findings: '', verdicts: [] }, allow: { 'officer-40-01': 409, 'supervisor-40': 409 } },
  ],
  'POST /api/cases/:id/close': (f) => [{ path: `/api/cases/${f.caseId}/close`, body: {}, allow: { 'officer-40-01': 409, 'supervisor-40': 409 } }],
  // Criteria: everyone reads; analysts and the office's people write; analysts and supervisors approve.
  'GET /api/criteria': () => [{ path: '/api/criteria', allow: readers(200) }],
  'GET /api/criteria/meta': () => [{ path: '/api/criteria/meta', allow: readers(200) }],
  // Reference lists: every signed-in role reads them, the ingest service included.
  'GET /api/reference/:list': () => [{ path: '/api/reference/tax-type', allow: everyone(200) }],
  'GET /api/criteria/:id': () => [{ path: '/api/criteria/CEN-WPN-001', allow: readers(200) }],
  'POST /api/criteria': () => [
    { path: '/api/criteria', body: [], allow: { 'analyst-kim': 400, 'officer-40-01': 400, 'officer-40-02': 400, 'officer-20-01': 400, 'supervisor-40': 400, 'supervisor-20': 400 } },
  ],
  'POST /api/criteria/:id/versions/:version/approve': () => [
    { path: '/api/criteria/NO-SUCH-CRIT-1/versions/1/approve', body: {}, allow: { 'analyst-kim': 'allowed', 'supervisor-40': 'allowed', 'supervisor-20': 'allowed' } },
  ],
  // Before approval: drafts backtested by criterion writers (an empty criterion: 400 after the role check); stored versions by readers too.
  'POST /api/criteria/backtest': () => [
    { path: '/api/criteria/backtest', body: { criterion: {} }, allow: { 'analyst-kim': 400, 'officer-40-01': 400, 'officer-40-02': 400, 'officer-20-01': 400, 'supervisor-40': 400, 'supervisor-20': 400 } },
  ],
  'GET /api/criteria/:id/versions/:version/backtest': () => [{ path: '/api/criteria/CEN-WPN-001/versions/1/backtest', allow: readers(200) }],
  // The approvals inbox: the checkers (CBTC analysts, supervisors), each their own.
  'GET /api/criteria/approvals': () => [{ path: '/api/criteria/approvals', allow: { 'analyst-kim': 200, 'supervisor-40': 200, 'supervisor-20': 200 } }],
  'GET /api/criteria/overlaps': () => [{ path: '/api/criteria/overlaps', allow: readers(200) }],
  // Bulk assignment: supervisors only (the fixture case is CLOSED: refused per case, 200 with the refusal).
  'POST /api/cases/assign': (f) => [{ path: '/api/cases/assign', body: { caseIds: [f.caseId], officerId: 'officer-40-01' }, allow: { 'supervisor-40': 200, 'supervisor-20': 200 } }],
  // The office's officers: its own people, and the office-free readers.
  'GET /api/offices/:officeId/officers': () => [{ path: '/api/offices/40/officers', allow: office40Readers(200) }],
  // Risk alerts: the office's officers and supervisors only (analysts and auditors read the risk cases themselves); an unknown case is a 404.
  'GET /api/risk-alerts': () => [{ path: '/api/risk-alerts', allow: { 'officer-40-01': 200, 'officer-40-02': 200, 'officer-20-01': 200, 'supervisor-40': 200, 'supervisor-20': 200 } }],
  'POST /api/risk-alerts/:riskCaseId/acknowledge': () => [
    { path: `/api/risk-alerts/${NO_RISK_CASE}/acknowledge`, allow: { 'officer-40-01': 404, 'officer-40-02': 404, 'officer-20-01': 404, 'supervisor-40': 404, 'supervisor-20': 404 } },
  ],
  'GET /api/stats/lanes': () => [
    { path: '/api/stats/lanes', allow: readers(200) },
    { label: '?officeId=40', path: '/api/stats/lanes', query: { officeId: '40' }, allow: office40Readers(200) },
  ],
  // Intelligence and risk cases: analysts, and the office's people for their own office (data checks in e2e/api/risk-cases).
  // The desks' inbox: every reader (officers and supervisors see their office's reports; scoping in e2e/api/intelligence-inbox).
  'GET /api/intelligence': () => [{ path: '/api/intelligence', allow: readers(200) }],
  'POST /api/intelligence': () => [
    { path: '/api/intelligence', body: {}, allow: { 'analyst-kim': 400, 'officer-40-01': 400, 'officer-40-02': 400, 'officer-20-01': 400, 'supervisor-40': 400, 'supervisor-20': 400 } },
  ],
  // Attachments: a well-formed report id that does not exist; allowed uploaders and readers get 404 (office checks in e2e/api/intelligence-attachments).
  'POST /api/intelligence/:id/attachments': () => [
    { path: `/api/intelligence/${NO_REPORT}/attachments`, allow: { 'analyst-kim': 404, 'officer-40-01': 404, 'officer-40-02': 404, 'officer-20-01': 404, 'supervisor-40': 404, 'supervisor-20': 404 } },
  ],
  'GET /api/intelligence/:id/attachments': () => [{ path: `/api/intelligence/${NO_REPORT}/attachments`, allow: readers(404) }],
  'GET /api/risk-cases': () => [{ path: '/api/risk-cases', allow: readers(200) }],
  'GET /api/risk-cases/:id': () => [{ path: `/api/risk-cases/${NO_RISK_CASE}`, allow: readers(404) }],
  'POST /api/risk-cases/:id/assess': () => [{ path: `/api/risk-cases/${NO_RISK_CASE}/assess`, body: {}, allow: riskCaseActors(400) }],
  'POST /api/risk-cases/:id/criteria': () => [{ path: `/api/risk-cases/${NO_RISK_CASE}/criteria`, body: {}, allow: riskCaseActors(400) }],
  'POST /api/risk-cases/:id/criteria/:criterionId/retire': () => [{ path: `/api/risk-cases/${NO_RISK_CASE}/criteria/CEN-XXX-001/retire`, allow: riskCaseActors(404) }],
  'POST /api/risk-cases/:id/window': () => [{ path: `/api/risk-cases/${NO_RISK_CASE}/window`, body: {}, allow: riskCaseActors(400) }],
  'POST /api/risk-cases/:id/close': () => [{ path: `/api/risk-cases/${NO_RISK_CASE}/close`, body: {}, allow: riskCaseActors(400) }],
  'GET /api/stats/open-cases': () => [{ path: '/api/stats/open-cases', allow: readers(200) }],
  'GET /api/stats/criteria': () => [{ path: '/api/stats/criteria', allow: { 'analyst-kim': 200, 'supervisor-40': 200, 'supervisor-20': 200, 'auditor-han': 200 } }],
  'GET /api/stats/hit-rates': () => [
    { path: '/api/stats/hit-rates', allow: { 'analyst-kim': 200, 'supervisor-40': 200, 'supervisor-20': 200, 'auditor-han': 200 } },
    { label: '?officeId=40', path: '/api/stats/hit-rates', query: { officeId: '40' }, allow: { 'analyst-kim': 200, 'supervisor-40': 200, 'auditor-han': 200 } },
  ],
  // Risk policies: the office and analysts and auditors read; a supervisor of the office or an analyst writes (an empty body: 400, nothing written).
  'GET /api/offices/:officeId/risk-policy': () => [{ path: '/api/offices/40/risk-policy', allow: office40Readers(200) }],
  'GET /api/offices/:officeId/risk-policy/history': () => [{ path: '/api/offices/40/risk-policy/history', allow: office40Readers(200) }],
  'GET /api/offices/:officeId/risk-policy/simulation': () => [{ path: '/api/offices/40/risk-policy/simulation', allow: office40Readers(200) }],
  'GET /api/drift': () => [{ path: '/api/drift', allow: { 'analyst-kim': 200, 'supervisor-40': 200, 'supervisor-20': 200, 'auditor-han': 200 } }],
  'PUT /api/offices/:officeId/risk-policy': () => [{ path: '/api/offices/40/risk-policy', body: {}, allow: { 'analyst-kim': 400, 'supervisor-40': 400 } }],
  // The policy preview writes nothing: writers and auditors (an empty body: 400).
  'POST /api/offices/:officeId/risk-policy/preview': () => [{ path: '/api/offices/40/risk-policy/preview', body: {}, allow: { 'analyst-kim': 400, 'supervisor-40': 400, 'auditor-han': 400 } }],
  // The training export: analysts and auditors (a period with nothing in it).
  'GET /api/inspection-results/export.csv': () => [
    { path: '/api/inspection-results/export.csv', query: { from: '1999-01-01', to: '1999-01-01' }, allow: { 'analyst-kim': 200, 'auditor-han': 200 } },
  ],
  'GET /api/audit/verify': () => [{ path: '/api/audit/verify', allow: { 'auditor-han': 200 } }],
  // Model registry: analysts, supervisors and auditors read; only CBTC analysts promote (an empty body: 400, nothing changed).
  'GET /api/models': () => [{ path: '/api/models', allow: { 'analyst-kim': 200, 'supervisor-40': 200, 'supervisor-20': 200, 'auditor-han': 200 } }],
  'GET /api/models/events': () => [{ path: '/api/models/events', allow: { 'analyst-kim': 200, 'supervisor-40': 200, 'supervisor-20': 200, 'auditor-han': 200 } }],
  'GET /api/models/compare': () => [{ path: '/api/models/compare', allow: { 'analyst-kim': 200, 'supervisor-40': 200, 'supervisor-20': 200, 'auditor-han': 200 } }],
  'POST /api/models/:version/promote': () => [{ path: '/api/models/1.0.0/promote', body: {}, allow: { 'analyst-kim': 400 } }],
  // Supply-chain history import: the ingest service and CBTC analysts (an empty list: 400, nothing written).
  'POST /api/supply-chain/outcomes': () => [{ path: '/api/supply-chain/outcomes', body: { outcomes: [] }, allow: { 'svc-ingest': 400, 'analyst-kim': 400 } }],
  // Party network: analysts, supervisors and auditors (the network crosses offices); a party on no declaration: 404.
  'GET /api/parties/:partyKey': () => [{ path: '/api/parties/IMPORTER:AUTHZNOBODY', allow: { 'analyst-kim': 404, 'supervisor-40': 404, 'supervisor-20': 404, 'auditor-han': 404 } }],
};

/**
 * Every route of the running API, from the Express router Nest registered them on
 * (`GET /api/cases/:id`): more complete than the OpenAPI document, which a route can opt out of.
 * Layers answering every method are Nest's catch-alls (middleware mounts), not endpoints.
 */
function routesOf(stack: E2eStack): string[] {
  const app = stack.app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } };
  const routes = new Set<string>();
  for (const layer of app.router.stack) {
    if (!layer.route) continue;
    const methods = Object.keys(layer.route.methods).filter((m) => m !== '_all');
    if (layer.route.methods._all || methods.length > 8) continue;
    for (const method of methods) routes.add(`${method.toUpperCase()} ${layer.route.path}`);
  }
  return [...routes].sort();
}

/**
 * The roles x routes matrix: every route of the API with every demo identity and with
 * refused tokens, asserting the allowed / denied answer and that a denial explains itself.
 */
describe('authorization matrix (e2e)', () => {
  let stack: E2eStack;
  let fixture: Fixture;
  const headers = new Map<UserName | BadToken, Record<string, string>>();

  beforeAll(async () => {
    stack = await startE2eStack();
    for (const u of USERS) headers.set(u, (await loginAs(stack, u)).headers);

    // A CLOSED case of office 40 assigned to officer-40-01, so every action probe is refused or a no-op 409.
    const svc = await loginAs(stack, 'svc-ingest');
    const d = sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-03-02', hsCode: '930591', officeId: '40' });
    const screened = await svc.post('/api/declarations').send(d).expect(201);
    const caseId = screened.body.caseId as string;
    const officer = await loginAs(stack, 'officer-40-01');
    await eventually('queue row', async () => ((await officer.get(`/api/cases/${caseId}`)).status === 200 ? true : undefined));
    await officer.post(`/api/cases/${caseId}/assign`).send({ officerId: 'officer-40-01' }).expect(200);
    const verdicts = (screened.body.firedCriteria as string[]).map((criterionId) => ({ criterionId, appropriate: true }));
    await officer.post(`/api/cases/${caseId}/result`).send({ outcome: 'NO_FINDING', findings: '', verdicts }).expect(200);
    await officer.post(`/api/cases/${caseId}/close`).send({}).expect(200);
    fixture = { declarationId: d.declarationId, caseId };

    // Refused tokens, each wrong in exactly one way.
    const tokens = stack.app.get(TokenService);
    const analyst = DEMO_USERS.find((u) => u.id === 'analyst-kim') as AuthUser;
    const now = Math.floor(Date.now() / 1000);
    const expired = (await tokens.issue(analyst, { issuedAt: now - 7200, ttlSeconds: 600 })).token;
    const wrongAudience = (await tokens.issue(analyst, { audience: 'another-api' })).token;
    const kid = tokens.publicJwks().keys[0].kid as string;
    const other = await generateKeyPair('ES256');
    const claims = { role: 'cbtc_analyst', name: 'Mallory' };
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject('analyst-kim')
      .setIssuer(stack.config.auth.issuer)
      .setAudience(stack.config.auth.audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(other.privateKey);
    const unsigned = new UnsecuredJWT(claims).setSubject('analyst-kim').setIssuer(stack.config.auth.issuer).setAudience(stack.config.auth.audience).setExpirationTime('1h').encode();
    headers.set('no token', {});
    headers.set('malformed header', { authorization: 'Token abc' });
    headers.set('not a JWT', { authorization: 'Bearer not.a-jwt' });
    headers.set('expired', { authorization: `Bearer ${expired}` });
    headers.set('forged (other key)', { authorization: `Bearer ${forged}` });
    headers.set('wrong audience', { authorization: `Bearer ${wrongAudience}` });
    headers.set('unsigned (alg none)', { authorization: `Bearer ${unsigned}` });
  });
  afterAll(async () => stack?.stop());

  const send = (method: string, probe: Pick<Probe, 'path' | 'query' | 'body'>, auth: Record<string, string>) => {
    const http = request(stack.app.getHttpServer());
    const req = method === 'GET' ? http.get(probe.path) : method === 'PUT' ? http.put(probe.path) : http.post(probe.path);
    req.set(auth).query(probe.query ?? {});
    return method === 'GET' ? req : req.send((probe.body ?? {}) as object);
  };

  it('has a policy row for every route of the API (a new route cannot be forgotten)', () => {
    const routes = routesOf(stack).filter((r) => !r.startsWith('GET /api/docs'));
    const missing = routes.filter((r) => !(r in POLICY));
    expect(missing).toEqual([]);
  });

  it('answers every route x identity as the policy says, and explains each denial', async () => {
    const routes = routesOf(stack).filter((r) => r in POLICY);
    const failures: string[] = [];
    let cells = 0;
    let probes = 0;
    const publicBody: Record<string, unknown> = { 'POST /api/auth/token': { username: 'auditor-han', password: 'auditor-han-demo' } };
    for (const route of routes) {
      const [method, pattern] = route.split(' ');
      const policy = POLICY[route];
      if (policy === 'public') {
        probes += 1;
        for (const who of [...USERS, ...BAD_TOKENS]) {
          cells += 1;
          const res = await send(method, { path: pattern, body: publicBody[route] }, headers.get(who)!);
          if (res.status !== 200) failures.push(`${route} as ${who}: expected 200 (public), got ${res.status} ${JSON.stringify(res.body)}`);
        }
        continue;
      }
      for (const probe of policy(fixture)) {
        probes += 1;
        const name = `${route}${probe.label ? ` ${probe.label}` : ''}`;
        for (const who of USERS) {
          cells += 1;
          const res = await send(method, probe, headers.get(who)!);
          const expected = probe.allow[who];
          const message = String(res.body?.message ?? '');
          if (expected === undefined) {
            if (res.status !== 403 || !/may not|cannot|only|needs one of/.test(message)) failures.push(`${name} as ${who}: expected 403 with a reason, got ${res.status} ${message}`);
          } else if (expected === 'allowed' ? res.status === 401 || res.status === 403 : res.status !== expected) {
            failures.push(`${name} as ${who}: expected ${expected}, got ${res.status} ${message}`);
          }
        }
        for (const bad of BAD_TOKENS) {
          cells += 1;
          const res = await send(method, probe, headers.get(bad)!);
          const message = String(res.body?.message ?? '');
          if (res.status !== 401 || !BAD_TOKEN_MESSAGE[bad].test(message) || !/^Bearer/.test(String(res.headers['www-authenticate']))) {
            failures.push(`${name} with ${bad}: expected 401 /${BAD_TOKEN_MESSAGE[bad].source}/ and WWW-Authenticate, got ${res.status} ${message}`);
          }
        }
      }
    }
    console.log(`authorization matrix: ${routes.length} routes (${probes} probes) x (${USERS.length} identities + ${BAD_TOKENS.length} refused tokens) = ${cells} requests`);
    expect(failures).toEqual([]);
    expect(cells).toBeGreaterThan(200);
  });

  it('leaves the fixture case unchanged by the refused and no-op requests', async () => {
    const view = await (await loginAs(stack, 'auditor-han')).get(`/api/cases/${fixture.caseId}`).expect(200);
    expect(view.body.events.map((e: { type: string; actor: string }) => `${e.type}:${e.actor}`).filter((t: string) => !t.startsWith('ESCALATED'))).toEqual([
      'OPENED:system', 'ASSIGNED:officer-40-01', 'RESULT_RECORDED:officer-40-01', 'CLOSED:officer-40-01',
    ]);
  });

  it('logs in demo users, refuses bad credentials with 401, and tells the caller who they are', async () => {
    const http = () => request(stack.app.getHttpServer());
    const res = await http().post('/api/auth/token').send({ username: 'supervisor-20', password: 'supervisor-20-demo' }).expect(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: stack.config.auth.tokenTtlSeconds, user: { id: 'supervisor-20', role: 'supervisor', officeId: '20' } });
    const me = await http().get('/api/auth/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toEqual(res.body.user);
    let bad = await http().post('/api/auth/token').send({ username: 'supervisor-20', password: 'wrong' }).expect(401);
    expect(bad.body.message).toBe('unknown username or wrong password');
    bad = await http().post('/api/auth/token').send({ username: 'nobody', password: 'x' }).expect(401);
    expect(bad.body.message).toBe('unknown username or wrong password');
    await http().post('/api/auth/token').send({ username: 'nobody' }).expect(400);
  });
});
