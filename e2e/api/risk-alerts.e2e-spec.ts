import { randomBytes } from 'node:crypto';
import { eventually, loginAs, startE2eStack, type E2eStack } from '../support/e2e-stack';

/**
 * Risk alerts on the real services: a CBTC analyst shares a risk case with office 40 ->
 * office 40's officer and supervisor see it with what to look for, an officer of office 20
 * does not; acknowledging is per user and idempotent; analysts and auditors have no alerts (403).
 */
describe('risk alerts (e2e)', () => {
  let stack: E2eStack;
  const importerId = `ALR${randomBytes(3).toString('hex').toUpperCase()}`;

  beforeAll(async () => {
    stack = await startE2eStack();
  });
  afterAll(async () => stack?.stop());

  /** Registers intelligence about a fresh importer and waits for its risk case in the read model. */
  async function openRiskCase(subject: string): Promise<string> {
    const analyst = await loginAs(stack, 'analyst-kim');
    const created = await analyst
      .post('/api/intelligence')
      .send({
        source: { organisation: 'Japan Customs', type: 'FOREIGN_CUSTOMS' },
        riskArea: 'SMUGGLING',
        smugglingSubtype: 'WEAPONS',
        subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: subject }, { kind: 'COMPANY', name: `${subject} Trading` }],
        goods: [{ hsCode: '930200', description: 'pistol parts declared as hand tools' }],
        routes: [{ originCountry: 'CN', departureCountry: 'HK' }],
        text: `Importer ${subject} ships pistol parts from China via Hong Kong.`,
      })
      .expect(201);
    const riskCaseId: string = created.body.riskCaseId;
    await eventually('the risk case in the read model', async () => ((await analyst.get(`/api/risk-cases/${riskCaseId}`)).status === 200 ? true : undefined));
    return riskCaseId;
  }

  const scores = { timeliness: 5, importance: 5, applicability: 4, accuracy: 4, reliability: 5, influence: 4 };

  it('alerts the chosen office\u2019s officers and supervisors to a shared case, not other offices', async () => {
    const riskCaseId = await openRiskCase(importerId);
    const officer40 = await loginAs(stack, 'officer-40-01');
    const alertOf = async (who: Awaited<ReturnType<typeof loginAs>>) => {
      const res = await who.get('/api/risk-alerts').expect(200);
      return (res.body.alerts as Array<{ riskCaseId: string }>).find((a) => a.riskCaseId === riskCaseId);
    };
    // Not yet shared: no alert.
    expect(await alertOf(officer40)).toBeUndefined();

    const analyst = await loginAs(stack, 'analyst-kim');
    const before = Date.now();
    await analyst.post(`/api/risk-cases/${riskCaseId}/assess`).send({ scores, decision: 'SHARE', shareWith: ['40'], note: 'Check pistol parts from CN via HK' }).expect(200);

    const supervisor40 = await loginAs(stack, 'supervisor-40');
    for (const who of [officer40, supervisor40]) {
      const alert = await eventually('the alert', () => alertOf(who));
      expect(alert).toMatchObject({
        riskCaseId, status: 'ASSESSED', riskArea: 'SMUGGLING', smugglingSubtype: 'WEAPONS', riskLevel: 'HIGH', composite: 4.5,
        note: 'Check pistol parts from CN via HK', sharedWith: ['40'], sharedBy: 'analyst-kim', acknowledged: false, acknowledgedAt: null,
        lookFor: {
          subjects: [
            { kind: 'IDENTIFIER', label: `importerId ${importerId}`, idType: 'importerId', value: importerId },
            { kind: 'COMPANY', label: `${importerId} Trading`, idType: null, value: null },
          ],
          goods: [{ hsCode: '930200', description: 'pistol parts declared as hand tools' }],
          routes: [{ originCountry: 'CN', departureCountry: 'HK' }],
        },
      });
      expect(Date.parse((alert as unknown as { sharedAt: string }).sharedAt)).toBeGreaterThanOrEqual(before - 1000);
    }
    // Another office has no alert of it, and may not acknowledge it.
    const officer20 = await loginAs(stack, 'officer-20-01');
    expect(await alertOf(officer20)).toBeUndefined();
    const refused = await officer20.post(`/api/risk-alerts/${riskCaseId}/acknowledge`).expect(403);
    expect(refused.body.message).toMatch(/not shared with office 20/);
    // The office's people may open the case it alerts them to.
    await officer40.get(`/api/risk-cases/${riskCaseId}`).expect(200);

    // Acknowledging is per user and idempotent: the same time on a repeat.
    const unackBefore = (await officer40.get('/api/risk-alerts').expect(200)).body.unacknowledged as number;
    const first = await officer40.post(`/api/risk-alerts/${riskCaseId}/acknowledge`).expect(200);
    expect(first.body).toEqual({ riskCaseId, userId: 'officer-40-01', acknowledgedAt: expect.any(String) });
    const again = await officer40.post(`/api/risk-alerts/${riskCaseId}/acknowledge`).expect(200);
    expect(again.body).toEqual(first.body);
    const after = (await officer40.get('/api/risk-alerts').expect(200)).body;
    expect(after.unacknowledged).toBe(unackBefore - 1);
    expect(after.alerts.find((a: { riskCaseId: string }) => a.riskCaseId === riskCaseId)).toMatchObject({ acknowledged: true, acknowledgedAt: first.body.acknowledgedAt });
    expect(await alertOf(supervisor40)).toMatchObject({ acknowledged: false });
    const { rows } = await stack.db.query('SELECT user_id, office_id FROM risk_alert_acknowledgement WHERE risk_case_id = $1', [riskCaseId]);
    expect(rows).toEqual([{ user_id: 'officer-40-01', office_id: '40' }]);
  }, 60_000);

  it('lists no alert of a case routed or targeted without a share, nor of a dismissed one', async () => {
    const analyst = await loginAs(stack, 'analyst-kim');
    const targeted = await openRiskCase(`${importerId}T`);
    await analyst.post(`/api/risk-cases/${targeted}/assess`).send({ scores, decision: 'TARGET' }).expect(200);
    const dismissed = await openRiskCase(`${importerId}D`);
    await analyst.post(`/api/risk-cases/${dismissed}/assess`).send({ scores, decision: 'DISMISS' }).expect(200);
    const ids = ((await (await loginAs(stack, 'supervisor-40')).get('/api/risk-alerts').expect(200)).body.alerts as Array<{ riskCaseId: string }>).map((a) => a.riskCaseId);
    expect(ids).not.toContain(targeted);
    expect(ids).not.toContain(dismissed);
  }, 60_000);

  it('answers 404 for an unknown risk case, 400 for a malformed id, 403 to analysts and auditors', async () => {
    const officer = await loginAs(stack, 'officer-40-01');
    const unknown = 'risk-case-00000000-0000-0000-0000-000000000000';
    const res = await officer.post(`/api/risk-alerts/${unknown}/acknowledge`).expect(404);
    expect(res.body.message).toMatch(/unknown/);
    await officer.post('/api/risk-alerts/not-a-case/acknowledge').expect(400);
    await (await loginAs(stack, 'analyst-kim')).get('/api/risk-alerts').expect(403);
    await (await loginAs(stack, 'auditor-han')).get('/api/risk-alerts').expect(403);
  });
});
