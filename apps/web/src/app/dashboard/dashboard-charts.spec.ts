import type { CriteriaStats, CriterionHitRate } from '../core/api.types';
import { COLOURS, TOP_CRITERIA, hitRateChartData, laneChartData, laneStatsQuery, openCasesChartData } from './dashboard-charts';

const t = {
  'lane.GREEN': 'GREEN', 'lane.YELLOW': 'YELLOW', 'lane.RED': 'RED', 'status.QUEUED': 'Queued', 'status.ASSIGNED': 'Assigned',
  'status.RESULT_RECORDED': 'Result recorded', 'dashboard.hitRatePct': 'Hit rate (%)', 'dashboard.controlSample': 'Control sample', 'queue.office': 'Office',
};

function rate(criterionId: string, selections: number, hits: number, inspected: number, hitRatePct: number | null): CriterionHitRate {
  return { criterionId, selections, inspected, hits, hitRatePct, appropriate: 0, notAppropriate: 0 };
}

describe('laneChartData', () => {
  it('counts GREEN, YELLOW and RED in the lane colours', () => {
    const lanes = { from: null, to: null, officeId: null, total: 100, green: 80, yellow: 15, red: 5, automaticClearancePct: 80 };
    expect(laneChartData(lanes, t)).toEqual({
      labels: ['GREEN', 'YELLOW', 'RED'],
      datasets: [{ data: [80, 15, 5], backgroundColor: ['#2e9e4f', '#e0b000', '#c62828'] }],
    });
  });

  it('has no figures before the stats arrive', () => {
    expect(laneChartData(null, t).datasets[0].data).toEqual([]);
  });
});

describe('openCasesChartData', () => {
  it('stacks queued, assigned and result recorded per office', () => {
    const offices = [
      { officeId: '40', queued: 3, assigned: 2, resultRecorded: 1, escalated: 1 },
      { officeId: '10', queued: 0, assigned: 5, resultRecorded: 0, escalated: 0 },
    ];
    expect(openCasesChartData(offices, t)).toEqual({
      labels: ['Office 40', 'Office 10'],
      datasets: [
        { label: 'Queued', data: [3, 0], backgroundColor: COLOURS.YELLOW },
        { label: 'Assigned', data: [2, 5], backgroundColor: COLOURS.BLUE },
        { label: 'Result recorded', data: [1, 0], backgroundColor: COLOURS.GREY },
      ],
    });
  });
});

describe('hitRateChartData', () => {
  const control = { inspected: 200, hits: 6, hitRatePct: 3 };

  it('shows the most selecting criteria with results, then the control sample as the baseline', () => {
    const stats: CriteriaStats = {
      criteria: [rate('LOC-40-001', 5, 2, 4, 50), rate('CEN-DRG-001', 40, 9, 30, 30), rate('CEN-UVL-002', 90, 0, 0, null), rate('LOC-40-002', 12, 1, 10, 10)],
      controlSample: control,
    };
    expect(hitRateChartData(stats, t)).toEqual({
      labels: ['CEN-DRG-001 (9/30)', 'LOC-40-002 (1/10)', 'LOC-40-001 (2/4)', 'Control sample (6/200)'],
      datasets: [{ label: 'Hit rate (%)', data: [30, 10, 50, 3], backgroundColor: [COLOURS.BLUE, COLOURS.BLUE, COLOURS.BLUE, COLOURS.DARK] }],
    });
  });

  it(`keeps the ${TOP_CRITERIA} most selecting ones, ties in the API order`, () => {
    const criteria = Array.from({ length: 25 }, (_, i) => rate(`LOC-40-${String(i + 1).padStart(3, '0')}`, i < 3 ? 100 : i, 1, 2, 50));
    const labels = hitRateChartData({ criteria, controlSample: { inspected: 0, hits: 0, hitRatePct: null } }, t).labels as string[];
    expect(labels).toHaveLength(20);
    expect(labels.slice(0, 4)).toEqual(['LOC-40-001 (1/2)', 'LOC-40-002 (1/2)', 'LOC-40-003 (1/2)', 'LOC-40-025 (1/2)']);
    expect(labels[19]).toBe('LOC-40-009 (1/2)');
  });

  it('leaves the baseline out when the control sample has no rate', () => {
    const data = hitRateChartData({ criteria: [rate('LOC-40-001', 1, 1, 1, 100)], controlSample: { inspected: 0, hits: 0, hitRatePct: null } }, t);
    expect(data.labels).toEqual(['LOC-40-001 (1/1)']);
  });

  it('is empty before the stats arrive and while no criterion has results', () => {
    expect(hitRateChartData(null, t)).toEqual({ labels: [], datasets: [] });
    expect(hitRateChartData({ criteria: [rate('CEN-UVL-002', 90, 0, 0, null)], controlSample: control }, t)).toEqual({ labels: [], datasets: [] });
  });

  it('does not reorder the stats it was given', () => {
    const criteria = [rate('A', 1, 1, 1, 100), rate('B', 2, 1, 1, 100)];
    hitRateChartData({ criteria, controlSample: control }, t);
    expect(criteria.map((c) => c.criterionId)).toEqual(['A', 'B']);
  });
});

describe('laneStatsQuery', () => {
  it("uses the user's own office, else the typed one trimmed", () => {
    expect(laneStatsQuery('2026-03-01', '2026-03-31', '40', '10')).toEqual({ from: '2026-03-01', to: '2026-03-31', officeId: '40' });
    expect(laneStatsQuery('', '', null, ' 10 ')).toEqual({ from: '', to: '', officeId: '10' });
  });
});
