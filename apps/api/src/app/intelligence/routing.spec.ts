import * as path from 'node:path';
import { IntelligenceRouter, type RoutingFacts } from './routing';

const router = IntelligenceRouter.fromDir(path.resolve(__dirname, '../../../../../rules/routing'));
const facts = (over: Partial<RoutingFacts> = {}): RoutingFacts => ({
  sourceType: 'DOMESTIC_AGENCY', riskArea: 'PUBLIC_HEALTH', smugglingSubtype: null, reportingOfficeId: null, portOfficeId: null, hsChapters: [], ...over,
});

describe('IntelligenceRouter (rules/routing)', () => {
  it('loads the shipped rules', () => {
    expect(router.ruleIds).toEqual(['RT-CBTC-FOREIGN', 'RT-CBTC-GOODS', 'RT-CBTC-SECURITY', 'RT-LOCAL-DETECTION', 'RT-LOCAL-PORT']);
  });

  it('sends weapons and drugs to the CBTC even when a local office detected them', async () => {
    const r = await router.route(facts({ sourceType: 'LOCAL_CUSTOMS', riskArea: 'SMUGGLING', smugglingSubtype: 'WEAPONS', reportingOfficeId: '40' }));
    expect(r).toMatchObject({ route: 'CBTC', officeIds: [], ruleId: 'RT-CBTC-SECURITY' });
  });

  it('keeps a local detection with its office, and port valuation intelligence with the port', async () => {
    expect(await router.route(facts({ sourceType: 'LOCAL_CUSTOMS', riskArea: 'UNDERVALUATION', reportingOfficeId: '40' })))
      .toMatchObject({ route: 'LOCAL', officeIds: ['40'], ruleId: 'RT-LOCAL-DETECTION' });
    expect(await router.route(facts({ riskArea: 'ORIGIN_FRAUD', portOfficeId: '20' })))
      .toMatchObject({ route: 'LOCAL', officeIds: ['20'], ruleId: 'RT-LOCAL-PORT' });
  });

  it('sends public-safety goods (arms, explosives, precursors, pharmaceuticals) to the CBTC whoever reports them', async () => {
    expect(await router.route(facts({ sourceType: 'LOCAL_CUSTOMS', riskArea: 'UNDERVALUATION', reportingOfficeId: '40', hsChapters: ['39', '93'] })))
      .toMatchObject({ route: 'CBTC', officeIds: [], ruleId: 'RT-CBTC-GOODS' });
    expect(await router.route(facts({ sourceType: 'LOCAL_CUSTOMS', riskArea: 'UNDERVALUATION', reportingOfficeId: '40', hsChapters: ['39'] })))
      .toMatchObject({ route: 'LOCAL', ruleId: 'RT-LOCAL-DETECTION' });
  });

  it('sends foreign intelligence to the CBTC and falls back to the CBTC desk', async () => {
    expect(await router.route(facts({ sourceType: 'FOREIGN_CUSTOMS', riskArea: 'UNDERVALUATION', portOfficeId: '20' }))).toMatchObject({ route: 'CBTC', ruleId: 'RT-CBTC-FOREIGN' });
    expect(await router.route(facts())).toMatchObject({ route: 'CBTC', ruleId: 'default' });
  });
});
