import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { parseSamples } from '@customs/api';
import type { DecisionRecordBody } from '@customs/decision';
import type { Declaration } from '@customs/domain';
import { readDeclarationFile } from '@customs/io';
import { addDays, driftFeatures, isoWeekStart, loadDriftReference, MODELS_DIR, psiAgainst, quantileSorted, referenceFromQuantiles, type FeatureSpec } from '@customs/risk-model';
import { loginAs, startE2eStack, uniqueDeclarationId, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';
import { recordInspectionResult } from '../support/inspection';

const ROOT = path.resolve(__dirname, '../..');
/**
 * A week of a far year of its own per run (2040..2089, weeks 10..40), so the drift of this file's
 * declarations is not mixed with any other suite's (they date theirs 2019..2021 or today).
 */
const YEAR = 2040 + Math.floor(Math.random() * 50);
const WEEK_NO = 10 + Math.floor(Math.random() * 31);
const WEEK = `${YEAR}-W${String(WEEK_NO).padStart(2, '0')}`;
const PREVIOUS = `${YEAR}-W${String(WEEK_NO - 1).padStart(2, '0')}`;
/** An office no demo user belongs to: the bulk of this file's cases sit there unseen. */
const BULK_OFFICE = '122';

/**
 * The drift report in service (`GET /api/drift`, `customs_drift_*` gauges) on this file's own
 * week of declarations, recomputed here from their decision records with the library and the
 * committed reference; and the simulator's figures served per office.
 */
describe('drift and simulation figures (e2e)', () => {
  let stack: E2eStack;
  let analyst: AuthorisedHttp;
  let svc: AuthorisedHttp;
  let supervisor20: AuthorisedHttp;
  let records: DecisionRecordBody[];
  let inspected: DecisionRecordBody;
  const spec = JSON.parse(readFileSync(path.join(MODELS_DIR, '2.0.0', 'feature-spec.json'), 'utf8')) as FeatureSpec;

  beforeAll(async () => {
    stack = await startE2eStack();
    [analyst, svc, supervisor20] = await Promise.all(['analyst-kim', 'svc-ingest', 'supervisor-20'].map((u) => loginAs(stack, u)));
    const monday = isoWeekStart(WEEK);
    const prefix = uniqueDeclarationId();
    const declarations: Declaration[] = [];
    for await (const r of readDeclarationFile(path.join(ROOT, 'e2e/fixtures/kcs-valid-sample.csv'))) {
      if (!('declaration' in r)) continue;
      const i = declarations.length;
      if (i < 20) {
        // the previous week: as the sample has them
        declarations.push({ ...r.declaration, declarationId: `${prefix}P${i}`, officeId: BULK_OFFICE, date: addDays(monday, -7 + (i % 7)) });
      } else if (i < 50) {
        // this week, office 20 (a supervisor and an officer can record a result), goods as declared
        declarations.push({ ...r.declaration, declarationId: `${prefix}T${i}`, officeId: '20', date: addDays(monday, i % 7) });
      } else {
        // this week, one office and one HS code: the goods mix moved
        declarations.push({ ...r.declaration, declarationId: `${prefix}B${i}`, officeId: BULK_OFFICE, hsCode: '870323', date: addDays(monday, i % 7) });
      }
      if (declarations.length === 150) break;
    }
    await svc.post('/api/declarations/batch').send({ declarations }).expect(200);
    const { rows } = await stack.db.query(`SELECT record FROM decision_record WHERE declaration_id = ANY($1)`, [declarations.map((d) => d.declarationId)]);
    records = rows.map((r: { record: DecisionRecordBody }) => r.record);
    expect(records).toHaveLength(150);

    // One inspection result this week: a seizure on a selected office-20 declaration.
    const selected = records.find((r) => r.declaration.officeId === '20' && r.lane !== 'GREEN');
    if (!selected) throw new Error(`none of the 30 office-20 declarations of ${WEEK} was selected: no case to record a result on`);
    inspected = selected;
    const officer = await loginAs(stack, 'officer-20-01');
    await recordInspectionResult(stack, `inspection-case-${selected.declarationId}`, { assigner: supervisor20, officer, officerId: 'officer-20-01' }, {
      outcome: 'SEIZURE',
      verdicts: selected.firedCriteria.map((c) => ({ criterionId: c.id, appropriate: true })),
    });
  }, 120_000);
  afterAll(async () => stack?.stop());

  const weekRecords = (week: string) => {
    const monday = isoWeekStart(week);
    return records.filter((r) => r.declaration.date >= monday && r.declaration.date <= addDays(monday, 6));
  };

  it('reports this week against the previous one: score PSI, feature PSI, alerts, cut-offs and hit rates as the library computes them', async () => {
    const res = await analyst.get('/api/drift').query({ week: WEEK, weeks: 2 }).expect(200);
    const report = res.body;
    const model = records[0].model;
    expect(report.model).toEqual({ name: model.name, version: model.version });
    expect(report.period).toEqual({ firstWeek: PREVIOUS, lastWeek: WEEK, from: isoWeekStart(PREVIOUS), to: addDays(isoWeekStart(WEEK), 6) });
    expect(report.weeks.map((w: { week: string; n: number }) => [w.week, w.n])).toEqual([[PREVIOUS, 20], [WEEK, 130]]);
    expect(report.featureReference).toMatchObject({ kind: 'train', rows: 30309 });
    expect(report.thresholds).toEqual({ warn: 0.1, alert: 0.25, minRows: 100 });

    const week = report.latest;
    expect(week.week).toBe(WEEK);
    expect(week.lowVolume).toBe(false);
    expect(report.weeks[0].lowVolume).toBe(true);
    expect(report.weeks[0].alerts).toEqual([]);
    const mine = weekRecords(WEEK);
    const scores = mine.map((r) => r.model.score);
    expect(week.scorePsi).toBeCloseTo(psiAgainst(referenceFromQuantiles(spec.quantiles), scores), 9);

    // the HS chapter of 100 of 130 declarations is 87: against the training mix, an ALERT
    const reference = loadDriftReference(model.name, model.version)!;
    const hs = driftFeatures(spec).find((f) => f.name === 'hs_chapter_number')!;
    const hsPsi = psiAgainst(reference.features['hs_chapter_number'], mine.map((r) => r.model.inputs![hs.index]));
    expect(week.featurePsi.find((f: { feature: string }) => f.feature === 'hs_chapter_number').psi).toBeCloseTo(hsPsi, 9);
    expect(hsPsi).toBeGreaterThan(0.25);
    expect(week.alerts).toContainEqual({ level: 'ALERT', what: 'feature:hs_chapter_number', value: week.featurePsi.find((f: { feature: string }) => f.feature === 'hs_chapter_number').psi, threshold: 0.25 });
    expect(week.withInputs).toBe(130);
    expect(week.featurePsi).toHaveLength(driftFeatures(spec).length);

    const sorted = [...scores].sort((a, b) => a - b);
    expect(week.recalibration.red).toMatchObject({ topShare: spec.thresholds.red.topShare, recorded: spec.thresholds.red.score });
    expect(week.recalibration.red.suggested).toBeCloseTo(quantileSorted(sorted, 1 - spec.thresholds.red.topShare), 9);
    expect(week.recalibration.yellow.shareAtRecorded).toBeCloseTo(scores.filter((s) => s >= spec.thresholds.yellow.score).length / scores.length, 9);

    // hit rates: the one seizure counts for the inspected record's model lane and its criteria, nothing else was inspected
    for (const lane of week.hitRates.lanes) {
      const n = mine.filter((r) => r.model.lane === lane.id).length;
      expect(n).toBeGreaterThan(0);
      expect(lane).toMatchObject(lane.id === inspected.model.lane ? { inspected: 1, fraud: 1, hitRate: 1 } : { inspected: 0, fraud: 0, hitRate: null });
    }
    expect(week.hitRates.lanes.map((l: { id: string }) => l.id)).toContain(inspected.model.lane);
    for (const c of inspected.firedCriteria) expect(week.hitRates.criteria.find((h: { id: string }) => h.id === c.id)).toMatchObject({ inspected: 1, fraud: 1, hitRate: 1 });
  });

  it('refuses officers, a malformed week and a week the year lacks', async () => {
    const officer = await loginAs(stack, 'officer-40-01');
    await officer.get('/api/drift').expect(403);
    await analyst.get('/api/drift').query({ week: '2041-14' }).expect(400);
    await analyst.get('/api/drift').query({ week: WEEK, weeks: 27 }).expect(400);
    const res = await analyst.get('/api/drift').query({ week: '2041-W53' }).expect(400);
    expect(JSON.stringify(res.body)).toMatch(/no week 53/);
  });

  it('exposes the latest week of the default report as gauges', async () => {
    const auditor = await loginAs(stack, 'auditor-han');
    const report = (await auditor.get('/api/drift').expect(200)).body;
    expect(report.latest).not.toBeNull();
    const samples = parseSamples((await request(stack.baseUrl).get('/metrics').expect(200)).text);
    const at = samples.find((s) => s.name === 'customs_drift_computed_timestamp_seconds');
    expect(at).toBeDefined();
    // The gauges show the cached default report, the one just served unless the 5-minute refresh ran in between.
    if (at!.value === Date.parse(report.computedAt) / 1000) {
      const psi = (subject: string) => samples.find((s) => s.name === 'customs_drift_psi' && s.labels['subject'] === subject);
      expect(psi('score')).toEqual({ name: 'customs_drift_psi', labels: { subject: 'score', model: report.model.name, version: report.model.version }, value: report.latest.scorePsi });
      for (const f of report.latest.featurePsi) expect(psi(f.feature)?.value).toBe(f.psi);
      for (const level of ['WARN', 'ALERT'])
        expect(samples.find((s) => s.name === 'customs_drift_alerts' && s.labels['level'] === level)?.value).toBe(report.latest.alerts.filter((a: { level: string }) => a.level === level).length);
    }
    expect(samples.filter((s) => s.name === 'customs_drift_psi').length).toBeGreaterThan(1);
  });

  it('serves the simulator\u2019s figures for an office beside its shares in force', async () => {
    const supervisor40 = await loginAs(stack, 'supervisor-40');
    const committed = JSON.parse(readFileSync(path.join(ROOT, 'tools/simulate/results/office-shares.json'), 'utf8'));
    const policy = (await supervisor40.get('/api/offices/40/risk-policy').expect(200)).body;
    const sim = (await supervisor40.get('/api/offices/40/risk-policy/simulation').expect(200)).body;
    expect(sim.officeId).toBe('40');
    expect(sim.run).toMatchObject({ source: committed.source, model: committed.model, capacity: committed.capacity, seed: committed.seed });
    expect(sim.office).toEqual({
      declarations: committed.offices['40'].declarations,
      totalFraud: committed.offices['40'].totalFraud,
      criteria: committed.offices['40'].criteria,
      exploit: committed.offices['40'].exploit,
      explore: committed.offices['40'].explore,
      control: committed.offices['40'].control,
    });
    expect(sim.current).toMatchObject({ controlShare: policy.controlShare, explorationShare: policy.explorationShare });
    expect([0, ...committed.sweep.control]).toContain(sim.current.nearestControl);
    expect([0, ...committed.sweep.explore]).toContain(sim.current.nearestExploration);
    const officer20 = await loginAs(stack, 'officer-20-01');
    await officer20.get('/api/offices/40/risk-policy/simulation').expect(403);
    await analyst.get('/api/offices/0999/risk-policy/simulation').expect((r) => expect([400, 404]).toContain(r.status));
  });
});
