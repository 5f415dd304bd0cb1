import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { nearestShare, RiskPolicySimulationService, SIMULATION_RESULTS_FILE } from './risk-policy-simulation.service';

const figures = { inspections: 10, fraudFound: 5, precision: 0.5, criticalFound: 0, unseenInspections: 2, unseenFraudFound: 1, recall: 0.25 };
const artefact = {
  source: 'sample',
  model: 'kcs-fraud-gbdt 2.0.0',
  capacity: 0.05,
  seed: 17,
  from: '2021-01-01',
  to: '2021-01-14',
  days: 14,
  declarations: 100,
  command: 'npm run simulate -- --source sample --out x.json',
  sweep: { explore: [0.05, 0.1, 0.2], control: [0.02, 0.05, 0.1] },
  overall: {},
  offices: { '40': { declarations: 60, totalFraud: 20, criteria: figures, exploit: figures, explore: [{ share: 0.05, ...figures }], control: [{ share: 0.02, ...figures }] } },
};

describe('nearestShare', () => {
  it('picks the nearest of 0 and the swept shares, the larger on a tie', () => {
    expect(nearestShare([0.05, 0.1, 0.2], 0.12)).toBe(0.1);
    expect(nearestShare([0.05, 0.1, 0.2], 0)).toBe(0);
    expect(nearestShare([0.05, 0.1, 0.2], 0.02)).toBe(0);
    expect(nearestShare([0.02, 0.05], 0.01)).toBe(0.02);
    expect(nearestShare([0.1, 0.2], 0.15)).toBe(0.2);
    expect(nearestShare([], 0.1)).toBe(0);
  });
});

describe('RiskPolicySimulationService', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sim-')), 'office-shares.json');
  writeFileSync(file, JSON.stringify(artefact));
  const service = new RiskPolicySimulationService();
  service.file = file;

  it('slices the office and puts its shares in force beside the nearest swept ones', () => {
    const r = service.forOffice('40', { controlShare: 0.03, explorationShare: 0.2 });
    expect(r.run).toMatchObject({ source: 'sample', model: 'kcs-fraud-gbdt 2.0.0', days: 14 });
    expect(r.office).toMatchObject({ declarations: 60, totalFraud: 20, exploit: figures });
    expect(r.current).toEqual({ controlShare: 0.03, explorationShare: 0.2, nearestControl: 0.02, nearestExploration: 0.2 });
  });

  it('answers office null for an office the replayed data lack, and run null without an artefact', () => {
    expect(service.forOffice('99', { controlShare: 0.05, explorationShare: 0 }).office).toBeNull();
    const none = new RiskPolicySimulationService();
    none.file = path.join(path.dirname(file), 'absent.json');
    expect(none.forOffice('40', { controlShare: 0.05, explorationShare: 0 })).toMatchObject({ run: null, office: null, current: { nearestControl: null } });
  });

  it('the committed artefact holds office 40 with the three swept shares of each policy', () => {
    const r = Object.assign(new RiskPolicySimulationService(), { file: SIMULATION_RESULTS_FILE }).forOffice('40', { controlShare: 0.05, explorationShare: 0.1 });
    expect(r.run?.source).toBe('valid');
    expect(r.office?.explore.map((e) => e.share)).toEqual([0.05, 0.1, 0.2]);
    expect(r.office?.control.map((e) => e.share)).toEqual([0.02, 0.05, 0.1]);
  });
});
