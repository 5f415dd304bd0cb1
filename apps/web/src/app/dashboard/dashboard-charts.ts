import type { ChartConfiguration } from 'chart.js';
import type { CriteriaStats, LaneStats, OpenCasesOffice } from '../core/api.types';

/** Lane colours, the same as the lane badges (styles.scss). */
export const COLOURS = { GREEN: '#2e9e4f', YELLOW: '#e0b000', RED: '#c62828', BLUE: '#3f6cb0', GREY: '#8a8f99', DARK: '#44474f' } as const;
/** How many criteria the hit-rate chart shows (the most selecting ones). */
export const TOP_CRITERIA = 20;

/** Translated chart labels by i18n key (`lane.GREEN`, `dashboard.controlSample`, ...); a missing one shows as nothing. */
export type ChartTexts = Record<string, string>;

/** The i18n keys the charts use, fetched once per language. */
export const CHART_TEXT_KEYS: readonly string[] = [
  'lane.GREEN', 'lane.YELLOW', 'lane.RED', 'status.QUEUED', 'status.ASSIGNED', 'status.RESULT_RECORDED',
  'dashboard.hitRatePct', 'dashboard.controlSample', 'queue.office',
];

/** The lane doughnut: GREEN, YELLOW, RED declaration counts in the lane colours (no data until the stats are in). */
export function laneChartData(l: LaneStats | null, t: ChartTexts): ChartConfiguration<'doughnut'>['data'] {
  return {
    labels: [t['lane.GREEN'], t['lane.YELLOW'], t['lane.RED']],
    datasets: [{ data: l ? [l.green, l.yellow, l.red] : [], backgroundColor: [COLOURS.GREEN, COLOURS.YELLOW, COLOURS.RED] }],
  };
}

/** Open cases per office as stacked bars ("Office 40"): queued, assigned and result recorded, in the API's office order. */
export function openCasesChartData(offices: readonly OpenCasesOffice[], t: ChartTexts): ChartConfiguration<'bar'>['data'] {
  return {
    labels: offices.map((r) => `${t['queue.office']} ${r.officeId}`),
    datasets: [
      { label: t['status.QUEUED'], data: offices.map((r) => r.queued), backgroundColor: COLOURS.YELLOW },
      { label: t['status.ASSIGNED'], data: offices.map((r) => r.assigned), backgroundColor: COLOURS.BLUE },
      { label: t['status.RESULT_RECORDED'], data: offices.map((r) => r.resultRecorded), backgroundColor: COLOURS.GREY },
    ],
  };
}

/**
 * Hit rate per criterion (percent, 0..100) as horizontal bars: the {@link TOP_CRITERIA}
 * criteria with the most selections among those with inspection results (ties keep the API's
 * order), labelled "id (hits/inspected)", then the control sample in a darker colour as the
 * baseline when it has a rate. No labels and no datasets when no criterion has results yet.
 */
export function hitRateChartData(s: CriteriaStats | null, t: ChartTexts): ChartConfiguration<'bar'>['data'] {
  if (!s) return { labels: [], datasets: [] };
  const rows = s.criteria.filter((c) => c.hitRatePct !== null).sort((a, b) => b.selections - a.selections).slice(0, TOP_CRITERIA);
  if (rows.length === 0) return { labels: [], datasets: [] };
  const labels = rows.map((c) => `${c.criterionId} (${c.hits}/${c.inspected})`);
  const data = rows.map((c) => c.hitRatePct ?? 0);
  const colours: string[] = rows.map(() => COLOURS.BLUE);
  if (s.controlSample.hitRatePct !== null) {
    labels.push(`${t['dashboard.controlSample']} (${s.controlSample.hits}/${s.controlSample.inspected})`);
    data.push(s.controlSample.hitRatePct);
    colours.push(COLOURS.DARK);
  }
  return { labels, datasets: [{ label: t['dashboard.hitRatePct'], data, backgroundColor: colours }] };
}

/**
 * The `GET /api/stats/lanes` query: the period as typed (`YYYY-MM-DD`, '' = open) and the
 * user's own office when they have one (the API scopes them anyway), else the typed office
 * trimmed ('' = every office).
 */
export function laneStatsQuery(from: string, to: string, ownOffice: string | null, typedOffice: string): { from: string; to: string; officeId: string } {
  return { from, to, officeId: ownOffice ?? typedOffice.trim() };
}
