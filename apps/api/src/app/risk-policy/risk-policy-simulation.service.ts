import { Injectable, Logger } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RiskPolicySimulation } from './risk-policy.responses';

/** The committed simulator artefact (`npm run simulate -- --out tools/simulate/results/office-shares.json`). */
export const SIMULATION_RESULTS_FILE = path.resolve(__dirname, '../../../../../tools/simulate/results/office-shares.json');

/** What the page's note says about the two meanings of "share". */
export const SIMULATION_NOTE =
  'Simulator shares are shares of the inspection capacity given to random slots (capacity: 5 % of each office-day\u2019s declarations, at least 1); the policy\u2019s control share is of otherwise-GREEN declarations and its exploration share of all declarations. The highlighted rows are the swept shares nearest to the policy\u2019s (0: pure exploitation).';

type Artefact = {
  source: 'valid' | 'sample';
  model: string;
  capacity: number;
  seed: number;
  from: string;
  to: string;
  days: number;
  command: string;
  sweep: { explore: number[]; control: number[] };
  offices: Record<string, NonNullable<RiskPolicySimulation['office']>>;
};

/**
 * The share nearest to `x` among 0 (no random slots: pure exploitation) and the swept `values`,
 * the larger on a tie (a policy with some share is nearer some random slots than none).
 */
export function nearestShare(values: readonly number[], x: number): number {
  let best = 0;
  for (const v of values) if (Math.abs(v - x) <= Math.abs(best - x) + 1e-12) best = v;
  return best;
}

/**
 * Serves the selection-policy simulator's per-office figures (issue 17) for the office risk-policy
 * page: read once from the committed artefact (`SIMULATION_RESULTS_FILE`), sliced by office.
 * A missing artefact is not an error: the answer then says so (`run: null`).
 */
@Injectable()
export class RiskPolicySimulationService {
  private readonly logger = new Logger(RiskPolicySimulationService.name);
  private artefact: Artefact | null | undefined;
  /** The artefact read (tests point it elsewhere before the first call). */
  file = SIMULATION_RESULTS_FILE;

  private load(): Artefact | null {
    if (this.artefact === undefined) {
      this.artefact = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Artefact) : null;
      if (!this.artefact) this.logger.warn(`no simulator results at ${this.file}`);
    }
    return this.artefact;
  }

  /**
   * The simulator's figures for one office beside its shares in force.
   * @param shares the office's policy in force: control share (of otherwise-GREEN declarations) and exploration share (of all), 0..1.
   */
  forOffice(officeId: string, shares: { controlShare: number; explorationShare: number }): RiskPolicySimulation {
    const a = this.load();
    const office = a?.offices[officeId] ?? null;
    return {
      officeId,
      run: a ? { source: a.source, model: a.model, capacity: a.capacity, seed: a.seed, from: a.from, to: a.to, days: a.days, command: a.command } : null,
      office: office ? { declarations: office.declarations, totalFraud: office.totalFraud, criteria: office.criteria, exploit: office.exploit, explore: office.explore, control: office.control } : null,
      current: {
        ...shares,
        nearestControl: a ? nearestShare(a.sweep.control, shares.controlShare) : null,
        nearestExploration: a ? nearestShare(a.sweep.explore, shares.explorationShare) : null,
      },
      note: SIMULATION_NOTE,
    };
  }
}
