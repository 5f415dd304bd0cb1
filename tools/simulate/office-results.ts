/**
 * The simulator's per-office figures as a JSON artefact (`npm run simulate -- --out <file>`), what
 * the office risk-policy page shows (`GET /api/offices/:officeId/risk-policy/simulation`): for each
 * office, pure exploitation and the criteria, then the exploration and control policies at
 * several shares of the capacity (a sweep), each with fraud found, precision and fraud by unseen
 * parties. Pure: `simulate.ts` runs the replays and hands their results here.
 */
import type { PolicyMetrics } from './metrics';
import type { ReplayResult } from './replay';

/** The figures of one policy kept in the artefact (counts are declarations; ratios 0..1, null when undefined). */
export interface SimulatedFigures {
  inspections: number;
  fraudFound: number;
  /** fraudFound / inspections. */
  precision: number | null;
  criticalFound: number;
  /** Inspections of declarations whose importer had no inspected declaration in the policy's history before that day, and the fraud found on them. */
  unseenInspections: number;
  unseenFraudFound: number;
  /** fraudFound / all fraud of the office's replayed declarations. */
  recall: number | null;
}

/** One share of a sweep: the policy run with that share of the capacity random (exploration or control). */
export interface SimulatedShare extends SimulatedFigures {
  /** Share (0..1) of the inspection capacity given to the random slots. */
  share: number;
}

/** The simulation of one office (or of all, `overall`). */
export interface OfficeSimulation {
  declarations: number;
  totalFraud: number;
  criteria: SimulatedFigures;
  exploit: SimulatedFigures;
  /** The `explore` policy at each share of `sweep.explore`, ascending. */
  explore: SimulatedShare[];
  /** The `control` policy at each share of `sweep.control`, ascending. */
  control: SimulatedShare[];
}

/** The artefact `npm run simulate -- --out` writes (`tools/simulate/results/office-shares.json`). */
export interface SimulationResults {
  /** `valid` (KCS valid split, history seeded from train) or `sample` (the bundled 1,000 rows, empty history). */
  source: 'valid' | 'sample';
  /** Model name and version replayed. */
  model: string;
  /** Share of each office-day's declarations that can be inspected (at least 1). */
  capacity: number;
  seed: number;
  declarations: number;
  days: number;
  /** Declaration dates replayed, `YYYY-MM-DD`. */
  from: string;
  to: string;
  sweep: { explore: number[]; control: number[] };
  /** The command that wrote the file. */
  command: string;
  overall: OfficeSimulation;
  /** By office id (KCS office code). */
  offices: Record<string, OfficeSimulation>;
}

/** The artefact's figures of a policy's metrics. */
export function figures(m: PolicyMetrics | undefined): SimulatedFigures {
  if (!m) throw new Error('office results: a policy that was not run');
  return { inspections: m.inspections, fraudFound: m.fraudFound, precision: m.precision, criticalFound: m.criticalFound, unseenInspections: m.unseenInspections, unseenFraudFound: m.unseenFraudFound, recall: m.recall };
}

/**
 * Assembles the artefact from one replay of `criteria` and `exploit` and one replay per swept
 * share (each with at least the `explore` or `control` policy).
 * @param base the replay holding `criteria` and `exploit`.
 * @param explore replays by exploration share; @param control replays by control share.
 * @throws Error when a replay lacks the policy it stands for.
 */
export function officeResults(
  meta: Omit<SimulationResults, 'overall' | 'offices' | 'sweep' | 'declarations' | 'days'>,
  base: ReplayResult,
  explore: ReadonlyArray<{ share: number; result: ReplayResult }>,
  control: ReadonlyArray<{ share: number; result: ReplayResult }>,
): SimulationResults {
  const byShare = (runs: ReadonlyArray<{ share: number; result: ReplayResult }>) => [...runs].sort((a, b) => a.share - b.share);
  const ex = byShare(explore);
  const co = byShare(control);
  const sim = (
    declarations: number,
    totalFraud: number,
    of: (r: ReplayResult) => Partial<Record<string, PolicyMetrics>> | undefined,
  ): OfficeSimulation => ({
    declarations,
    totalFraud,
    criteria: figures(of(base)?.['criteria']),
    exploit: figures(of(base)?.['exploit']),
    explore: ex.map(({ share, result }) => ({ share, ...figures(of(result)?.['explore']) })),
    control: co.map(({ share, result }) => ({ share, ...figures(of(result)?.['control']) })),
  });
  const offices: Record<string, OfficeSimulation> = {};
  for (const [office, o] of Object.entries(base.offices)) offices[office] = sim(o.declarations, o.totalFraud, (r) => r.offices[office]?.policies);
  return {
    ...meta,
    declarations: base.declarations,
    days: base.days,
    sweep: { explore: ex.map((r) => r.share), control: co.map((r) => r.share) },
    overall: sim(base.declarations, base.totalFraud, (r) => r.policies),
    offices,
  };
}
