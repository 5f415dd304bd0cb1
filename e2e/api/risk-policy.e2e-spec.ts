import * as path from 'node:path';
import request from 'supertest';
import type { DecisionRecordBody } from '@customs/decision';
import { readDeclarationFile } from '@customs/io';
import { sampleDeclaration } from '@customs/domain/testing';
import { type Declaration } from '@customs/domain';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';
import { recordInspectionResult } from '../support/inspection';

const ROOT = path.resolve(__dirname, '../..');
/** An office no other suite screens declarations of: its policy changes affect nobody else. */
const OFFICE = '154';
/** Acceptance date of the control / exploration declarations, so the hit rates are those of this test only. */
const HIT_RATE_DATE = '2021-06-11';

interface PolicyBody {
  dailyPhysicalCapacity: unknown;
  dailyDocumentCapacity: unknown;
  expectedDailyDeclarations?: unknown;
  controlShare: unknown;
  explorationShare: unknown;
  reason?: unknown;
}

/** Per-office risk policies: capacity-derived cut-offs, audited changes, control and exploration selections. */
describe('risk policies (e2e)', () => {
  let stack: E2eStack;
  let analyst: AuthorisedHttp;
  let auditor: AuthorisedHttp;
  let svc: AuthorisedHttp;
  let supervisor20: AuthorisedHttp;
  /** Office 20's figures equal to the global default (2 % RED, 10 % YELLOW, CONTROL_SHARE, no exploration): restored after the test that changes them. */
  let defaultFigures: PolicyBody;

  const put = (who: AuthorisedHttp, officeId: string, body: PolicyBody) =>
    request(stack.app.getHttpServer()).put(`/api/offices/${officeId}/risk-policy`).set(who.headers).send(body);
  const selection = async (declarationId: string) => (await analyst.get(`/api/declarations/${declarationId}/selection`).expect(200)).body;
  const screen = async (d: Declaration) => (await svc.post('/api/declarations').send(d).expect(201)).body;

  beforeAll(async () => {
    stack = await startE2eStack();
    [analyst, auditor, svc, supervisor20] = await Promise.all(['analyst-kim', 'auditor-han', 'svc-ingest', 'supervisor-20'].map((u) => loginAs(stack, u)));
    defaultFigures = {
      dailyPhysicalCapacity: stack.config.redTopShare * 1000,
      dailyDocumentCapacity: (stack.config.yellowTopShare - stack.config.redTopShare) * 1000,
      expectedDailyDeclarations: 1000,
      controlShare: stack.config.controlShare,
      explorationShare: 0,
    };
  });
  afterAll(async () => stack?.stop());

  it('serves the global configuration for an office without a policy', async () => {
    const res = await auditor.get('/api/offices/153/risk-policy').expect(200);
    expect(res.body).toMatchObject({ officeId: '153', source: 'GLOBAL_DEFAULT', version: null, dailyPhysicalCapacity: null, controlShare: stack.config.controlShare, explorationShare: 0 });
    expect(res.body.inForce).toMatchObject({ model: { name: 'kcs-fraud-gbdt' }, redTopShare: stack.config.redTopShare, yellowTopShare: stack.config.yellowTopShare });
    const d = sampleDeclaration({ declarationId: uniqueDeclarationId(), officeId: '153', date: '2021-06-01' });
    await screen(d);
    const record = await selection(d.declarationId);
    expect(record.model.thresholds).toMatchObject({ red: res.body.inForce.red, yellow: res.body.inForce.yellow, policy: { officeId: '153', source: 'GLOBAL_DEFAULT', version: null } });
    expect(record.selectionBasis).toEqual({ reasons: expect.any(Array), decidedBy: record.lane === 'GREEN' ? null : expect.any(String) });
  });

  it('a PUT changes the cut-offs of the next decision (recorded with it); history lists every version with author and reason', async () => {
    const first = await put(analyst, OFFICE, { dailyPhysicalCapacity: 20, dailyDocumentCapacity: 80, expectedDailyDeclarations: 1000, controlShare: 0, explorationShare: 0, reason: 'baseline from the 2021 staffing plan' }).expect(201);
    expect(first.body).toMatchObject({ created: true, officeId: OFFICE, source: 'OFFICE_POLICY', dailyPhysicalCapacity: 20, expectedDailyDeclarationsSource: 'CONFIGURED', createdBy: 'analyst-kim' });
    const d1 = sampleDeclaration({ declarationId: uniqueDeclarationId(), officeId: OFFICE, date: '2021-06-02' });
    await screen(d1);
    const r1 = await selection(d1.declarationId);
    expect(r1.model.thresholds).toMatchObject({
      red: first.body.inForce.red,
      yellow: first.body.inForce.yellow,
      redTopShare: 0.02,
      yellowTopShare: 0.1,
      policy: { officeId: OFFICE, source: 'OFFICE_POLICY', version: first.body.version, dailyPhysicalCapacity: 20, dailyDocumentCapacity: 80, expectedDailyDeclarations: 1000, expectedDailyDeclarationsSource: 'CONFIGURED' },
    });

    const body = { dailyPhysicalCapacity: 50, dailyDocumentCapacity: 150, expectedDailyDeclarations: 1000, controlShare: 0, explorationShare: 0, reason: 'two more inspectors from June' };
    const second = await put(analyst, OFFICE, body).expect(201);
    expect(second.body.version).toBe(first.body.version + 1);
    expect(second.body.inForce).toMatchObject({ redTopShare: 0.05, yellowTopShare: 0.2 });
    expect(second.body.inForce.red).toBeLessThan(first.body.inForce.red);
    expect(second.body.inForce.yellow).toBeLessThan(first.body.inForce.yellow);
    const d2 = sampleDeclaration({ declarationId: uniqueDeclarationId(), officeId: OFFICE, date: '2021-06-02' });
    await screen(d2);
    const r2 = await selection(d2.declarationId);
    expect(r2.model.thresholds).toMatchObject({ red: second.body.inForce.red, yellow: second.body.inForce.yellow, policy: { version: second.body.version, dailyPhysicalCapacity: 50 } });
    // The earlier decision keeps its cut-offs, and both replay identically under their recorded ones.
    expect((await selection(d1.declarationId)).model.thresholds.policy.version).toBe(first.body.version);
    for (const d of [d1, d2]) expect((await analyst.get(`/api/declarations/${d.declarationId}/replay`).expect(200)).body.identical).toBe(true);

    // Re-sending the same PUT writes nothing.
    const again = await put(analyst, OFFICE, body).expect(200);
    expect(again.body).toMatchObject({ created: false, version: second.body.version });

    const history = await auditor.get(`/api/offices/${OFFICE}/risk-policy/history`).expect(200);
    expect(history.body.versions.map((v: { version: number; createdBy: string; reason: string }) => [v.version, v.createdBy, v.reason])).toEqual([
      [second.body.version, 'analyst-kim', 'two more inspectors from June'],
      [first.body.version, 'analyst-kim', 'baseline from the 2021 staffing plan'],
    ]);
    expect(history.body.versions[0].derivedAtWrite).toMatchObject({ red: second.body.inForce.red, model: { name: 'kcs-fraud-gbdt' } });
    await expect(stack.db.query(`UPDATE office_risk_policy SET reason = 'rewritten' WHERE office_id = $1`, [OFFICE])).rejects.toThrow(/office_risk_policy is append-only: UPDATE refused|permission denied for table office_risk_policy/);
    await expect(stack.db.query(`DELETE FROM office_risk_policy WHERE office_id = $1`, [OFFICE])).rejects.toThrow(/append-only: DELETE refused|permission denied for table office_risk_policy/);
  });

  it('previews figures on the office\u2019s recent decisions under the policy in force and the proposed one, writing nothing', async () => {
    const preview = (who: AuthorisedHttp, body: Omit<PolicyBody, 'reason'>) =>
      request(stack.app.getHttpServer()).post(`/api/offices/${OFFICE}/risk-policy/preview`).set(who.headers).send(body);
    const inForce = (await auditor.get(`/api/offices/${OFFICE}/risk-policy`).expect(200)).body;
    const before = (await auditor.get(`/api/offices/${OFFICE}/risk-policy/history`).expect(200)).body.versions.length;
    const same = { dailyPhysicalCapacity: inForce.dailyPhysicalCapacity, dailyDocumentCapacity: inForce.dailyDocumentCapacity, expectedDailyDeclarations: inForce.expectedDailyDeclarations, controlShare: inForce.controlShare, explorationShare: inForce.explorationShare };
    const unchanged = (await preview(auditor, same).expect(200)).body;
    expect(unchanged).toMatchObject({ officeId: OFFICE, model: { name: 'kcs-fraud-gbdt' }, days: 28, changed: 0, moves: {} });
    expect(unchanged.decisions).toBeGreaterThanOrEqual(2);
    expect(unchanged.proposed.lanes).toEqual(unchanged.current.lanes);
    expect(unchanged.proposedThresholds).toMatchObject({ red: inForce.inForce.red, yellow: inForce.inForce.yellow });
    const laneTotal = (o: { lanes: Record<string, number> }) => Object.values(o.lanes).reduce((a, b) => a + b, 0);
    expect(laneTotal(unchanged.current)).toBe(unchanged.decisions);
    // No capacity at all: the model selects nothing, so every declaration no criterion selects is GREEN.
    const closed = (await preview(analyst, { ...same, dailyPhysicalCapacity: 0, dailyDocumentCapacity: 0, controlShare: 0 }).expect(200)).body;
    expect(closed.proposed.decidedBy.MODEL).toBe(0);
    expect(closed.proposed.lanes.GREEN).toBeGreaterThanOrEqual(closed.current.lanes.GREEN);
    expect(closed.changed).toBe(Object.values(closed.moves as Record<string, number>).reduce((a, b) => a + b, 0));
    await preview(analyst, { ...same, dailyPhysicalCapacity: 5000 }).expect(400);
    await preview(supervisor20, same).expect(403);
    expect((await auditor.get(`/api/offices/${OFFICE}/risk-policy/history`).expect(200)).body.versions).toHaveLength(before);
  });

  it('lets a supervisor change their own office only; officers, auditors and other offices get 403', async () => {
    const [supervisor40, officer40, officer20] = await Promise.all(['supervisor-40', 'officer-40-01', 'officer-20-01'].map((u) => loginAs(stack, u)));
    const body = { ...defaultFigures, reason: 'office 40 figures equal to the global default' };
    const before = (await auditor.get('/api/offices/40/risk-policy/history').expect(200)).body.versions.length;
    let res = await put(supervisor20, '40', body).expect(403);
    expect(res.body.message).toMatch(/supervisor supervisor-20 of office 20 may not access the risk policy of office 40/);
    res = await put(officer40, '40', body).expect(403);
    expect(res.body.message).toMatch(/role local_officer may not call PUT/);
    await put(auditor, '40', body).expect(403);
    await officer20.get('/api/offices/40/risk-policy').expect(403);
    expect((await auditor.get('/api/offices/40/risk-policy/history').expect(200)).body.versions).toHaveLength(before);

    // The office's own supervisor may (figures that keep office 40's cut-offs those of the default, for the other suites).
    const own = await put(supervisor40, '40', body).expect((r) => expect([200, 201]).toContain(r.status));
    expect(own.body).toMatchObject({ officeId: '40', createdBy: 'supervisor-40', source: 'OFFICE_POLICY' });
    const def = (await auditor.get('/api/offices/153/risk-policy').expect(200)).body.inForce;
    expect([own.body.inForce.red, own.body.inForce.yellow]).toEqual([def.red, def.yellow]);
    expect((await officer40.get('/api/offices/40/risk-policy').expect(200)).body.version).toBe(own.body.version);
  });

  it('refuses absurd figures with 400 naming the field, and writes nothing', async () => {
    const before = (await auditor.get(`/api/offices/${OFFICE}/risk-policy/history`).expect(200)).body.versions.length;
    const ok = { dailyPhysicalCapacity: 10, dailyDocumentCapacity: 40, expectedDailyDeclarations: 500, controlShare: 0.01, explorationShare: 0.01, reason: 'test' };
    const cases: Array<[Partial<PolicyBody>, RegExp]> = [
      [{ dailyPhysicalCapacity: -5 }, /dailyPhysicalCapacity must be >= 0/],
      [{ dailyPhysicalCapacity: 'NaN' }, /dailyPhysicalCapacity must be a finite number/],
      [{ dailyPhysicalCapacity: null }, /dailyPhysicalCapacity must be a finite number/],
      [{ dailyPhysicalCapacity: 600 }, /dailyPhysicalCapacity \(600\) exceeds the expected daily declarations \(500\)/],
      [{ dailyDocumentCapacity: 495 }, /dailyDocumentCapacity \(495\) plus dailyPhysicalCapacity \(10\) exceeds the expected daily declarations \(500\)/],
      [{ expectedDailyDeclarations: 0 }, /expectedDailyDeclarations must be > 0/],
      [{ controlShare: 0.9 }, /controlShare must be between 0 and 0.5/],
      [{ explorationShare: -0.1 }, /explorationShare must be between 0 and 0.25/],
      [{ reason: '' }, /reason must say why the policy changes/],
    ];
    for (const [change, message] of cases) {
      const res = await put(analyst, OFFICE, { ...ok, ...change }).expect(400);
      expect(String(res.body.message)).toMatch(message);
    }
    const { expectedDailyDeclarations: _omitted, ...unmeasurable } = ok;
    const res = await put(analyst, '153', unmeasurable).expect(409);
    expect(String(res.body.message)).toMatch(/expectedDailyDeclarations is required: office 153 has \d+ decision\(s\) in the last 28 days and not 28 days of history/);
    await put(analyst, '99', ok).expect(404);
    await put(analyst, 'abc', ok).expect(400);
    expect((await auditor.get(`/api/offices/${OFFICE}/risk-policy/history`).expect(200)).body.versions).toHaveLength(before);
    expect((await auditor.get('/api/offices/153/risk-policy/history').expect(200)).body.versions).toHaveLength(0);
  });

  it('measures the expected daily declarations over the last 28 days when they are not given', async () => {
    // Office 131's decisions over 30 days: 280 in the last 28 (10 a day) and one older, as if screened since then
    // (no other suite and no row of the KCS sample is of office 131).
    const prefix = uniqueDeclarationId().slice(0, 12);
    await stack.db.query(
      `INSERT INTO decision_record (declaration_id, declaration_hash, office_id, lane, risk_score, control_sample, record, decided_at)
       SELECT $1 || n, repeat('0', 64), '131', 'GREEN', 0.01, false,
              jsonb_build_object('declarationId', $1 || n, 'lane', 'GREEN', 'firedCriteria', '[]'::jsonb, 'criteriaLane', 'GREEN'),
              now() - make_interval(hours => n * 2)
       FROM generate_series(1, 280) n
       UNION ALL SELECT $1 || 'OLD', repeat('0', 64), '131', 'GREEN', 0.01, false, '{"firedCriteria": []}'::jsonb, now() - interval '30 days'`,
      [prefix],
    );
    const res = await put(analyst, '131', { dailyPhysicalCapacity: 1, dailyDocumentCapacity: 2, controlShare: 0, explorationShare: 0, reason: 'measured volume' }).expect(201);
    expect(res.body).toMatchObject({ expectedDailyDeclarations: 10, expectedDailyDeclarationsSource: 'MEASURED', inForce: { requestedRedTopShare: 0.1, requestedYellowTopShare: 0.3 } });
  });

  describe('control and exploration selections', () => {
    afterAll(async () => {
      await put(supervisor20, '20', { ...defaultFigures, reason: 'e2e: office 20 back to figures equal to the global default' });
    });

    it('flags them in the decision record and counts their inspection results apart', async () => {
      const policy = await put(supervisor20, '20', {
        dailyPhysicalCapacity: 20, dailyDocumentCapacity: 80, expectedDailyDeclarations: 1000, controlShare: 0.3, explorationShare: 0.1, reason: 'e2e: wide control and exploration sample',
      }).expect(201);
      expect(policy.body).toMatchObject({ createdBy: 'supervisor-20', controlShare: 0.3, explorationShare: 0.1, inForce: { exploration: { share: 0.1, floorTopShare: 0.3, drawProbability: 0.5 } } });

      const declarations: Declaration[] = [];
      const prefix = uniqueDeclarationId();
      for await (const r of readDeclarationFile(path.join(ROOT, 'e2e/fixtures/kcs-valid-sample.csv'))) {
        if ('declaration' in r) declarations.push({ ...r.declaration, declarationId: `${prefix}${declarations.length}`, officeId: '20', date: HIT_RATE_DATE });
        if (declarations.length === 150) break;
      }
      await svc.post('/api/declarations/batch').send({ declarations }).expect(200);
      const { rows } = await stack.db.query(`SELECT declaration_id, record FROM decision_record WHERE declaration_id = ANY($1)`, [declarations.map((d) => d.declarationId)]);
      expect(rows).toHaveLength(declarations.length);
      /** A stored record of this office's policy era: every one carries its selection basis and policy. */
      type StoredRecord = DecisionRecordBody & { selectionBasis: NonNullable<DecisionRecordBody['selectionBasis']> };
      const byBasis = new Map<string, Array<{ declaration_id: string; record: StoredRecord }>>();
      for (const r of rows) {
        const rec = r.record;
        expect(rec.model.thresholds.policy).toMatchObject({ officeId: '20', version: policy.body.version, dailyPhysicalCapacity: 20 });
        expect(rec.control).toEqual({ share: 0.3, seed: stack.config.controlSeed });
        const basis = rec.selectionBasis.decidedBy ?? 'GREEN';
        byBasis.set(basis, [...(byBasis.get(basis) ?? []), r]);
        if (basis === 'CONTROL') {
          expect(rec).toMatchObject({ lane: 'YELLOW', controlSample: true, criteriaLane: 'GREEN', model: { lane: 'GREEN' } });
        } else if (basis === 'EXPLORATION') {
          expect(rec).toMatchObject({ lane: 'YELLOW', controlSample: false, criteriaLane: 'GREEN', model: { lane: 'GREEN' } });
          expect(rec.model.score).toBeGreaterThanOrEqual(rec.model.thresholds.exploration.floor);
          expect(rec.model.score).toBeLessThan(rec.model.thresholds.yellow);
          expect(rec.summary).toMatch(/drawn at random from the exploration band just below the YELLOW threshold/);
        } else if (basis === 'GREEN') {
          expect(rec.lane).toBe('GREEN');
        }
      }
      const control = byBasis.get('CONTROL') ?? [];
      const exploration = byBasis.get('EXPLORATION') ?? [];
      const selected = [...(byBasis.get('MODEL') ?? []), ...(byBasis.get('CRITERION') ?? [])];
      expect(control.length).toBeGreaterThan(0);
      expect(exploration.length).toBeGreaterThan(0);
      expect(selected.length).toBeGreaterThan(0);
      console.log(`office 20, ${declarations.length} declarations: ${[...byBasis].map(([b, l]) => `${b} ${l.length}`).join(', ')}`);

      // Inspect one of each: the control one finds a discrepancy, the exploration one nothing, the selected one a seizure.
      const officer = await loginAs(stack, 'officer-20-01');
      const people = { assigner: supervisor20, officer, officerId: 'officer-20-01' };
      const inspected = [
        { row: control[0], outcome: 'DISCREPANCY' as const },
        { row: exploration[0], outcome: 'NO_FINDING' as const },
        { row: selected[0], outcome: 'SEIZURE' as const },
      ];
      for (const { row, outcome } of inspected) {
        const verdicts = row.record.firedCriteria.map((c: { id: string }) => ({ criterionId: c.id, appropriate: true }));
        await recordInspectionResult(stack, `inspection-case-${row.declaration_id}`, people, { outcome, verdicts });
      }

      const stats = await analyst.get('/api/stats/hit-rates').query({ officeId: '20', from: HIT_RATE_DATE, to: HIT_RATE_DATE }).expect(200);
      const of = (basis: string) => stats.body.byDecidingBasis.find((b: { basis: string }) => b.basis === basis);
      expect(of('CONTROL')).toEqual({ basis: 'CONTROL', selected: control.length, inspected: 1, hits: 1, hitRatePct: 100 });
      expect(of('EXPLORATION')).toEqual({ basis: 'EXPLORATION', selected: exploration.length, inspected: 1, hits: 0, hitRatePct: 0 });
      const deciderOfSelected = selected[0].record.selectionBasis.decidedBy ?? '';
      expect(of(deciderOfSelected)).toMatchObject({ selected: byBasis.get(deciderOfSelected)!.length, inspected: 1, hits: 1 });
      // The control estimate: every drawn declaration, whatever decided it (the selected one counts when it was drawn too).
      const drawn = rows.filter((r) => r.record.selectionBasis.reasons.includes('CONTROL'));
      const drawnInspected = inspected.filter(({ row }) => row.record.selectionBasis.reasons.includes('CONTROL'));
      expect(stats.body.control).toMatchObject({
        drawn: drawn.length,
        inspected: drawnInspected.length,
        hits: drawnInspected.filter((i) => i.outcome !== 'NO_FINDING').length,
      });
      // A supervisor sees their own office's figures only.
      await (await loginAs(stack, 'supervisor-40')).get('/api/stats/hit-rates').query({ officeId: '20' }).expect(403);
      await eventually('supervisor-20 defaults to office 20', async () => {
        const own = await supervisor20.get('/api/stats/hit-rates').query({ from: HIT_RATE_DATE, to: HIT_RATE_DATE }).expect(200);
        return own.body.officeId === '20' ? true : undefined;
      });
    });
  });
});
