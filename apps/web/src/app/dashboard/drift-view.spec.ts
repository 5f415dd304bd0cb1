import { alertCounts, criterionHitRows, cutoffRows, laneHitRows, psiLevel, subjectRows, type DriftWeek } from './drift-view';

const thresholds = { warn: 0.1, alert: 0.25 };

function week(over: Partial<DriftWeek> = {}): DriftWeek {
  return {
    week: '2021-W05',
    from: '2021-02-01',
    to: '2021-02-07',
    n: 923,
    withInputs: 923,
    lowVolume: false,
    scorePsi: 0.0028,
    featurePsi: [
      { feature: 'hist_critical_office', psi: 4.1578, history: true },
      { feature: 'hs_chapter_number', psi: 0.1256, history: false },
      { feature: 'tax_rate', psi: 0.01, history: false },
    ],
    hitRates: {
      criteria: [
        { id: 'CEN-DRG-001', inspected: 3, fraud: 0, hitRate: 0, previous: 0, change: 0 },
        { id: 'CEN-DRG-002', inspected: 3, fraud: 1, hitRate: 1 / 3, previous: 0, change: 1 / 3 },
        { id: 'CEN-NEW-001', inspected: 1, fraud: 1, hitRate: 1, previous: null, change: null },
      ],
      lanes: [
        { id: 'GREEN', inspected: 832, fraud: 109, hitRate: 0.131, previous: 0.1528, change: -0.0218 },
        { id: 'RED', inspected: 17, fraud: 17, hitRate: 1, previous: 0.8333, change: 0.1667 },
        { id: 'YELLOW', inspected: 0, fraud: 0, hitRate: null, previous: 0.8, change: null },
      ],
    },
    alerts: [
      { level: 'ALERT', what: 'feature:hist_critical_office', value: 4.1578, threshold: 0.25 },
      { level: 'WARN', what: 'feature:hs_chapter_number', value: 0.1256, threshold: 0.1 },
    ],
    recalibration: {
      red: { topShare: 0.02, recorded: 0.8413, suggested: 0.8273, delta: -0.014, shareAtRecorded: 0.0184 },
      yellow: { topShare: 0.1, recorded: 0.5086, suggested: 0.5151, delta: 0.0066, shareAtRecorded: 0.1 },
    },
    ...over,
  };
}

describe('drift view', () => {
  it('reads a PSI strictly above the thresholds as WARN / ALERT', () => {
    expect([0.05, 0.1, 0.11, 0.25, 0.26].map((p) => psiLevel(p, thresholds))).toEqual(['OK', 'OK', 'WARN', 'WARN', 'ALERT']);
  });

  it('puts the score first, then the features with the largest PSI, and counts the rest', () => {
    const { rows, more } = subjectRows(week(), thresholds, 2);
    expect(rows.map((r) => [r.subject, r.psi, r.level, r.history])).toEqual([
      ['score', '0.003', 'OK', false],
      ['hist_critical_office', '4.158', 'ALERT', true],
      ['hs_chapter_number', '0.126', 'WARN', false],
    ]);
    expect(more).toBe(1);
    expect(alertCounts(week())).toEqual({ ALERT: 1, WARN: 1 });
  });

  it('shows the suggested cut-offs with signed deltas and shares in percent', () => {
    expect(cutoffRows(week())).toEqual([
      { lane: 'RED', topShare: '2 %', recorded: '0.841', suggested: '0.827', delta: '−0.014', shareAtRecorded: '1.8 %' },
      { lane: 'YELLOW', topShare: '10 %', recorded: '0.509', suggested: '0.515', delta: '+0.007', shareAtRecorded: '10 %' },
    ]);
    expect(cutoffRows(week({ recalibration: null }))).toEqual([]);
  });

  it('orders lanes RED, YELLOW, GREEN with changes in points; criteria by the largest change', () => {
    expect(laneHitRows(week()).map((h) => [h.id, h.hitRate, h.change])).toEqual([
      ['RED', '100 %', '+16.7'],
      ['YELLOW', '—', '—'],
      ['GREEN', '13.1 %', '−2.2'],
    ]);
    expect(criterionHitRows(week()).map((h) => [h.id, h.change])).toEqual([
      ['CEN-DRG-002', '+33.3'],
      ['CEN-DRG-001', '±0.0'],
    ]);
  });
});
