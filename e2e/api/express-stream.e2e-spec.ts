import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitShipmentCriterion } from '@customs/selectivity/testing';
import { eventually, loginAs, startE2eStack, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';
import { recordInspectionResult } from '../support/inspection';

interface Waybill {
  waybillNumber: string;
  consigneeId: string;
  consigneeAddress: string;
  goodsDescription: string;
  declaredValueUsd: number;
  [field: string]: unknown;
}
interface Outcome {
  waybillNumber: string;
  outcome: string;
  lane: string;
  firedCriteria: string[];
  caseId: string | null;
  duplicate: boolean;
}

/**
 * The express cargo stream end to end on a real PostgreSQL and a real Temporal server (issue 15):
 * two express criteria (a counterfeit-brand keyword criterion, RED; the split-shipment pattern,
 * YELLOW) approved maker-checker; a manifest of ten waybills screened by the ingest service;
 * re-sends (idempotent), a conflicting re-send and a bad manifest (refused, nothing written);
 * the X-ray queue of logistics centre 40 in conveyor order with the selection's reasons; the
 * interpreters' decisions (release, hold, send to inspection, refusals); the inspection cases of
 * the selected and the interpreter-sent parcels on the same workflow (document type
 * EXPRESS_WAYBILL), their results, and the criteria hit rates they feed; the audit chains.
 */
describe('express cargo stream (e2e)', () => {
  let stack: E2eStack;
  let svc: AuthorisedHttp;
  let officer: AuthorisedHttp;
  let supervisor: AuthorisedHttp;
  let otherOfficer: AuthorisedHttp;
  const run = randomBytes(3).toString('hex').toUpperCase();
  const manifestId = `EX-${run}-40`;
  const wb = Array.from({ length: 10 }, (_, i) => `EX${run}${String(i).padStart(4, '0')}`);
  const COUNTERFEIT = [2, 7];
  const SPLIT = [3, 4, 5];
  const suffix = () => String(100 + (randomBytes(2).readUInt16BE(0) % 900));
  const redId = `CEN-EXR-${suffix()}`;
  const yellowId = `CEN-EXY-${suffix()}`;
  let screened: Outcome[];

  /** Ten waybills: plain parcels of the demo manifest, two counterfeit brands (RED), three split shipments to one address (YELLOW). */
  function manifest() {
    const sample = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'express-manifest-sample.json'), 'utf8')) as {
      manifest: { waybills: Waybill[] };
      planted: Array<{ waybillNumber: string; pattern: string }>;
    };
    const plantedNumbers = new Set(sample.planted.map((p) => p.waybillNumber));
    const plain = sample.manifest.waybills.filter((w) => !plantedNumbers.has(w.waybillNumber) && !/NIKE|ROLEX/.test(w.goodsDescription));
    const waybills: Waybill[] = wb.map((number, i) => ({ ...plain[i], waybillNumber: number }));
    COUNTERFEIT.forEach((i, k) => (waybills[i] = { ...waybills[i], goodsDescription: k === 0 ? 'NIKE AIR MAX SHOES 2 PAIRS' : 'ROLEX SUBMARINER WATCH', declaredValueUsd: 60 }));
    // Three parcels to one personal consignee at one address, each under USD 150, together above it.
    SPLIT.forEach((i) => (waybills[i] = { ...waybills[i], consigneeId: 'P900000000001', consigneeAddress: '12, Split-ro, Jung-gu, Incheon 22300', declaredValueUsd: 120 }));
    return { manifestId, transportMode: 'AIR', voyage: 'OZ0362', arrivalAt: '2026-11-30T20:00:00Z', logisticsCentreId: '40', waybills };
  }
  const counts = async () => {
    const { rows } = await stack.db.query(
      `SELECT (SELECT count(*) FROM express_decision WHERE manifest_id = $1)::int AS decisions,
              (SELECT count(*) FROM case_start_outbox WHERE declaration_id LIKE $2)::int AS starts`,
      [manifestId, `EXP-EX${run}%`],
    );
    return rows[0] as { decisions: number; starts: number };
  };

  beforeAll(async () => {
    stack = await startE2eStack();
    const analyst = await loginAs(stack, 'analyst-kim');
    const checker = await loginAs(stack, 'analyst-lee');
    const common = { scope: 'CENTRAL', officeId: null, targetDocument: 'EXPRESS_MANIFEST', validFrom: '2026-11-01', validTo: '2026-12-31' };
    const scoped = { fact: 'manifestId', operator: 'equal', value: manifestId };
    for (const body of [
      {
        ...common, id: redId, lane: 'RED', riskArea: 'UNFAIR_TRADE',
        reason: 'Counterfeit luxury brands in express parcels', pointsOfInterest: 'Labels, stitching, serial numbers', keywords: ['counterfeit', 'brand', 'express'],
        conditions: { all: [scoped, { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['NIKE', 'ROLEX'] }] },
      },
      {
        ...common, id: yellowId, lane: 'YELLOW', riskArea: 'TAX_EVASION',
        reason: 'Split shipment under the USD 150 duty-free threshold', pointsOfInterest: 'Compare the parcels to the address', keywords: ['split', 'duty-free', 'express'],
        conditions: { all: [scoped, ...(splitShipmentCriterion.conditions as { all: unknown[] }).all] },
      },
    ]) {
      const created = await analyst.post('/api/criteria').send(body);
      expect({ status: created.status, body: created.status === 201 ? undefined : created.body }).toEqual({ status: 201, body: undefined });
      await checker.post(`/api/criteria/${body.id}/versions/${created.body.version}/approve`).expect(200);
    }
    await new Promise((r) => setTimeout(r, 2500)); // the screening engine refreshes within 2 s
    svc = await loginAs(stack, 'svc-ingest');
    officer = await loginAs(stack, 'officer-40-01');
    supervisor = await loginAs(stack, 'supervisor-40');
    otherOfficer = await loginAs(stack, 'officer-20-01');
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('screens the manifest: counterfeit brands to intrusive inspection, split shipments flagged for X-ray, the rest left to the interpreter', async () => {
    const res = await svc.post('/api/express/manifests').send(manifest()).expect(201);
    screened = res.body.results;
    expect(screened.map((r) => r.waybillNumber)).toEqual(wb);
    expect(screened.map((r) => r.outcome)).toEqual(wb.map((_, i) => (COUNTERFEIT.includes(i) ? 'INTRUSIVE_INSPECTION' : SPLIT.includes(i) ? 'XRAY_FLAGGED' : 'RELEASE')));
    expect(screened.map((r) => r.lane)).toEqual(wb.map((_, i) => (COUNTERFEIT.includes(i) ? 'RED' : SPLIT.includes(i) ? 'YELLOW' : 'GREEN')));
    expect(screened[2].firedCriteria).toEqual([redId]);
    expect(screened[3].firedCriteria).toEqual([yellowId]);
    expect(screened[2].caseId).toBe(`inspection-case-EXP-${wb[2]}`);
    expect(screened[0].caseId).toBeNull();
    expect(res.body.summary).toEqual({ received: 10, release: 5, xrayFlagged: 3, intrusiveInspection: 2, duplicates: 0, casesStarted: 2 });
    expect(await counts()).toEqual({ decisions: 10, starts: 2 });
  });

  it('answers a re-sent manifest with the stored selections and refuses a conflicting or invalid one, writing nothing', async () => {
    const again = await svc.post('/api/express/manifests').send(manifest()).expect(200);
    expect(again.body.results.map((r: Outcome) => [r.outcome, r.duplicate])).toEqual(screened.map((r) => [r.outcome, true]));
    expect(again.body.summary.casesStarted).toBe(0);

    const changed = manifest();
    changed.waybills[6] = { ...changed.waybills[6], declaredValueUsd: 999 };
    const conflict = await svc.post('/api/express/manifests').send(changed).expect(409);
    expect(conflict.body.message).toContain(wb[6]);

    const header = await svc.post('/api/express/manifests').send({ ...manifest(), voyage: 'OZ0364' }).expect(409);
    expect(header.body.message).toContain(`manifest ${manifestId} was received before with another header`);

    const bad = manifest();
    bad.waybills[1] = { ...bad.waybills[1], grossWeightKg: -3 };
    bad.waybills[4] = { ...bad.waybills[4], consigneeId: 'nobody' };
    const refused = await svc.post('/api/express/manifests').send({ ...bad, manifestId: `EX-${run}-BAD` }).expect(400);
    expect(refused.body.errors).toEqual([expect.stringMatching(/^waybills\[1\]\.grossWeightKg /), expect.stringMatching(/^waybills\[4\]\.consigneeId /)]);
    await svc.post('/api/express/manifests').send('{"manifestId": ').set('Content-Type', 'application/json').expect(400);
    expect(await counts()).toEqual({ decisions: 10, starts: 2 });
    const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM express_manifest WHERE manifest_id = $1', [`EX-${run}-BAD`]);
    expect(rows[0].n).toBe(0);
  });

  it('queues every waybill at the X-ray station of its centre in conveyor order, the flagged ones with why', async () => {
    const queue = (await officer.get('/api/express/xray-queue?limit=100').expect(200)).body;
    expect(queue.centreId).toBe('40');
    const ours = queue.items.filter((i: { manifestId: string }) => i.manifestId === manifestId);
    expect(ours.map((i: { waybillNumber: string }) => i.waybillNumber)).toEqual(wb);
    expect(ours[3].reasons).toEqual([expect.stringContaining(`${yellowId} v1 (YELLOW): `)]);
    expect(ours[3].reasons[0]).toContain('addressWaybillsInManifest 3 >= 2; addressValueInManifestUsd 360 > 150');
    expect(ours[3].firedCriteria).toEqual([{ id: yellowId, version: 1, name: expect.stringContaining('Split shipment'), lane: 'YELLOW' }]);
    expect(ours[0].reasons).toEqual([]);
    expect(ours[2].caseId).toBe(`inspection-case-EXP-${wb[2]}`);

    // Another centre's officer sees neither the queue nor the waybill; an auditor reads, but may not decide.
    await otherOfficer.get('/api/express/xray-queue?centre=40').expect(403);
    await otherOfficer.get(`/api/express/waybills/${wb[0]}`).expect(403);
    const auditor = await loginAs(stack, 'auditor-han');
    const detail = (await auditor.get(`/api/express/waybills/${wb[3]}`).expect(200)).body;
    expect(detail.trace[0].conditions.map((c: { fact: string; result: boolean }) => [c.fact, c.result])).toEqual([
      ['manifestId', true], ['consigneeKind', true], ['declaredValueUsd', true], ['addressWaybillsInManifest', true], ['addressValueInManifestUsd', true],
    ]);
    await auditor.post(`/api/express/waybills/${wb[0]}/interpretation`).send({ decision: 'RELEASE' }).expect(403);
    // The auditor's replay: the recorded facts against the criterion versions in force then give the same selection.
    const replay = (await auditor.get(`/api/express/waybills/${wb[3]}/replay`).expect(200)).body;
    expect(replay).toMatchObject({
      waybillNumber: wb[3], identical: true,
      recorded: { outcome: 'XRAY_FLAGGED', lane: 'YELLOW', firedCriteria: [`${yellowId}@1`] },
      replayed: { outcome: 'XRAY_FLAGGED', lane: 'YELLOW', firedCriteria: [`${yellowId}@1`] },
    });
    expect(replay.criteriaVersions).toEqual(expect.arrayContaining([`${redId}@1`, `${yellowId}@1`]));
    await officer.get('/api/express/waybills/NOSUCH0000001').expect(404);
    await officer.get('/api/express/waybills/a-b').expect(400);
  });

  it('records the interpreters\u2019 decisions with who and when; a final decision is given once', async () => {
    const released = await officer.post(`/api/express/waybills/${wb[0]}/interpretation`).send({ decision: 'RELEASE' }).expect(201);
    expect(released.body).toEqual({ waybillNumber: wb[0], decision: 'RELEASE', note: null, interpretedBy: 'officer-40-01', interpretedAt: expect.any(String), caseId: null });
    const repeated = await officer.post(`/api/express/waybills/${wb[0]}/interpretation`).send({ decision: 'RELEASE' }).expect(200);
    expect(repeated.body.interpretedAt).toBe(released.body.interpretedAt);
    await supervisor.post(`/api/express/waybills/${wb[0]}/interpretation`).send({ decision: 'INSPECT' }).expect(409);
    await officer.post(`/api/express/waybills/${wb[2]}/interpretation`).send({ decision: 'RELEASE' }).expect(409);
    await officer.post(`/api/express/waybills/${wb[1]}/interpretation`).send({ decision: 'SHRUG' }).expect(400);

    // A held parcel leaves the pending list for the held list, and is decided from there.
    await officer.post(`/api/express/waybills/${wb[1]}/interpretation`).send({ decision: 'HOLD', note: 'dense block, second look' }).expect(201);
    const held = (await officer.get('/api/express/xray-queue?state=HELD&limit=100').expect(200)).body;
    expect(held.items.map((i: { waybillNumber: string }) => i.waybillNumber)).toContain(wb[1]);
    const pending = (await officer.get('/api/express/xray-queue?limit=100').expect(200)).body;
    expect(pending.items.map((i: { waybillNumber: string }) => i.waybillNumber)).not.toContain(wb[1]);
    expect(pending.items.map((i: { waybillNumber: string }) => i.waybillNumber)).not.toContain(wb[0]);

    const sent = await officer.post(`/api/express/waybills/${wb[3]}/interpretation`).send({ decision: 'INSPECT', note: 'organic mass in the lining' }).expect(201);
    expect(sent.body.caseId).toBe(`inspection-case-EXP-${wb[3]}`);
    const detail = (await officer.get(`/api/express/waybills/${wb[1]}`).expect(200)).body;
    expect(detail.interpretations.map((i: { decision: string; note: string }) => [i.decision, i.note])).toEqual([['HOLD', 'dense block, second look']]);
  });

  it('runs the inspection cases on the same workflow, and their results feed the criteria hit rates', async () => {
    const people = { assigner: supervisor, officer, officerId: 'officer-40-01' };
    const selected = `inspection-case-EXP-${wb[2]}`;
    await recordInspectionResult(stack, selected, people, { outcome: 'SEIZURE', verdicts: [{ criterionId: redId, appropriate: true }] });
    await recordInspectionResult(stack, `inspection-case-EXP-${wb[7]}`, people, { outcome: 'NO_FINDING', verdicts: [{ criterionId: redId, appropriate: false }] });
    await recordInspectionResult(stack, `inspection-case-EXP-${wb[3]}`, people, { outcome: 'DISCREPANCY', verdicts: [{ criterionId: yellowId, appropriate: true }] });

    const kase = (await officer.get(`/api/cases/${selected}`).expect(200)).body;
    expect(kase).toMatchObject({ declarationId: `EXP-${wb[2]}`, documentType: 'EXPRESS_WAYBILL', lane: 'RED', officeId: '40', outcome: 'SEIZURE' });
    const { rows } = await stack.db.query('SELECT document_type FROM inspection_case WHERE case_id = $1', [selected]);
    expect(rows[0].document_type).toBe('EXPRESS_WAYBILL');

    const rates = await eventually('hit rates of the express criteria', async () => {
      const body = (await (await loginAs(stack, 'analyst-kim')).get('/api/stats/criteria').expect(200)).body as { criteria: Array<{ criterionId: string; inspected: number }> };
      const red = body.criteria.find((c) => c.criterionId === redId);
      return red && red.inspected === 2 ? body : undefined;
    });
    expect(rates.criteria.find((c) => c.criterionId === redId)).toEqual({
      criterionId: redId, selections: 2, inspected: 2, hits: 1, hitRatePct: 50, appropriate: 1, notAppropriate: 1,
    });
    expect(rates.criteria.find((c) => c.criterionId === yellowId)).toEqual({
      criterionId: yellowId, selections: 3, inspected: 1, hits: 1, hitRatePct: 100, appropriate: 1, notAppropriate: 0,
    });
  }, 120_000);

  it('keeps the express selections and interpretations on intact, append-only hash chains', async () => {
    await expect(stack.db.query(`UPDATE express_decision SET outcome = 'RELEASE' WHERE waybill_number = $1`, [wb[2]])).rejects.toThrow();
    await expect(stack.db.query(`DELETE FROM xray_interpretation WHERE waybill_number = $1`, [wb[0]])).rejects.toThrow();
    const verify = (await (await loginAs(stack, 'auditor-han')).get('/api/audit/verify').expect(200)).body as { ok: boolean; chains: Array<{ table: string; ok: boolean; rows: number }> };
    expect(verify.ok).toBe(true);
    const express = verify.chains.filter((c) => ['express_decision', 'xray_interpretation'].includes(c.table));
    expect(express.map((c) => c.table)).toEqual(['express_decision', 'xray_interpretation']);
    expect(express[0].rows).toBeGreaterThanOrEqual(10);
    expect(express[1].rows).toBeGreaterThanOrEqual(3);
  });
});
