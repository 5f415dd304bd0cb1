import { shareLabel, simulationRows, type RiskPolicySimulation } from './policy-simulation-view';

const f = (inspections: number, fraudFound: number, unseenInspections: number, unseenFraudFound: number) => ({
  inspections, fraudFound, precision: Math.round((fraudFound / inspections) * 10000) / 10000, criticalFound: 0, unseenInspections, unseenFraudFound, recall: null,
});

const sim: RiskPolicySimulation = {
  officeId: '40',
  run: { source: 'valid', model: 'kcs-fraud-gbdt 2.0.0', capacity: 0.05, seed: 17, from: '2021-01-01', to: '2021-03-31', days: 90, command: 'npm run simulate -- --out x' },
  office: {
    declarations: 3001,
    totalFraud: 649,
    criteria: f(40, 6, 4, 1),
    exploit: f(174, 139, 21, 17),
    explore: [{ share: 0.05, ...f(174, 137, 22, 17) }, { share: 0.1, ...f(174, 131, 25, 19) }],
    control: [{ share: 0.05, ...f(174, 136, 21, 16) }],
  },
  current: { controlShare: 0.05, explorationShare: 0.12, nearestControl: 0.05, nearestExploration: 0.1 },
  note: 'n',
};

describe('simulationRows', () => {
  it('starts with pure exploitation, then each swept share, then the criteria, with differences from exploitation', () => {
    const rows = simulationRows(sim);
    expect(rows.map((r) => [r.policy, r.share, r.fraudFound, r.fraudDelta, r.precisionDelta, r.unseen, r.unseenDelta, r.current])).toEqual([
      ['exploit', null, 139, '—', '—', '17 / 21', '—', false],
      ['explore', '5 %', 137, '−2', '−1.2', '17 / 22', '±0', false],
      ['explore', '10 %', 131, '−8', '−4.6', '19 / 25', '+2', true],
      ['control', '5 %', 136, '−3', '−1.7', '16 / 21', '−1', true],
      ['criteria', null, 6, '−133', '−64.9', '1 / 4', '−16', false],
    ]);
    expect(rows[0].precision).toBe('79.9 %');
    expect(rows[0].zero).toEqual([]);
  });

  it('marks exploitation as nearest when a policy share is nearest 0', () => {
    const rows = simulationRows({ ...sim, current: { ...sim.current, explorationShare: 0, nearestExploration: 0 } });
    expect(rows[0]).toMatchObject({ policy: 'exploit', current: true, zero: ['exploration'] });
    expect(rows.filter((r) => r.policy === 'explore' && r.current)).toEqual([]);
  });

  it('is empty without the office\u2019s figures; shares print without trailing zeros', () => {
    expect(simulationRows({ ...sim, office: null })).toEqual([]);
    expect([0.05, 0.025, 0.1].map(shareLabel)).toEqual(['5 %', '2.5 %', '10 %']);
  });
});
