import type { Schema } from '@customs/api-contract';

/** `GET /api/offices/:officeId/risk-policy/simulation`: what the simulator found for the office. */
export type RiskPolicySimulation = Schema<'RiskPolicySimulation'>;
type Figures = Schema<'SimulatedPolicyFigures'>;

/** The simulated policies, in table order. */
export type SimulatedPolicy = 'exploit' | 'explore' | 'control' | 'criteria';
export const SIMULATED_POLICIES: readonly SimulatedPolicy[] = ['exploit', 'explore', 'control', 'criteria'];

/** One row of the simulation table. Differences are against pure exploitation ("—" on its own row). */
export interface SimulationRow {
  policy: SimulatedPolicy;
  /** Share of the capacity drawn at random, as "10 %"; null for exploitation and the criteria. */
  share: string | null;
  inspections: number;
  fraudFound: number;
  /** fraudFound − exploitation's, signed ("−29", "+3", "±0"). */
  fraudDelta: string;
  /** "44.5 %" or "—". */
  precision: string;
  /** Precision − exploitation's, in points, signed ("−2.7"). */
  precisionDelta: string;
  /** Fraud found on declarations of importers never inspected before, "83 / 228". */
  unseen: string;
  unseenFraudFound: number;
  /** unseenFraudFound − exploitation's, signed. */
  unseenDelta: string;
  /** True for the row nearest to the office's shares in force (exploitation when a share is nearest 0). */
  current: boolean;
  /** On the exploitation row: which of the policy's shares are nearest 0 (i18n keys `policy.sim.zero.*`). */
  zero: Array<'exploration' | 'control'>;
}

const signedInt = (x: number) => (x > 0 ? `+${x}` : x < 0 ? `−${-x}` : '±0');
const signedPts = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)}`;
const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);
/** A share 0..1 as "5 %" / "2.5 %". */
export const shareLabel = (x: number) => `${Number((100 * x).toFixed(1))} %`;

/**
 * The table rows of an office's simulation: pure exploitation (the baseline), the exploration
 * policy at each swept share, the control policy at each, then the criteria alone; each with its
 * difference from exploitation in fraud found, precision (points) and unseen-party fraud. Empty
 * when the office has no simulated figures.
 */
export function simulationRows(sim: RiskPolicySimulation): SimulationRow[] {
  const o = sim.office;
  if (!o) return [];
  const base = o.exploit;
  const row = (policy: SimulatedPolicy, f: Figures, share: number | null, current: boolean): SimulationRow => ({
    policy,
    share: share === null ? null : shareLabel(share),
    inspections: f.inspections,
    fraudFound: f.fraudFound,
    fraudDelta: policy === 'exploit' ? '—' : signedInt(f.fraudFound - base.fraudFound),
    precision: pct(f.precision),
    precisionDelta: policy === 'exploit' || f.precision === null || base.precision === null ? '—' : signedPts(100 * (f.precision - base.precision)),
    unseen: `${f.unseenFraudFound} / ${f.unseenInspections}`,
    unseenFraudFound: f.unseenFraudFound,
    unseenDelta: policy === 'exploit' ? '—' : signedInt(f.unseenFraudFound - base.unseenFraudFound),
    current,
    zero: [],
  });
  const zero = ([['exploration', sim.current.nearestExploration], ['control', sim.current.nearestControl]] as const).filter(([, n]) => n === 0).map(([k]) => k);
  return [
    { ...row('exploit', base, null, zero.length > 0), zero },
    ...o.explore.map((e) => row('explore', e, e.share, e.share === sim.current.nearestExploration)),
    ...o.control.map((c) => row('control', c, c.share, c.share === sim.current.nearestControl)),
    row('criteria', o.criteria, null, false),
  ];
}
