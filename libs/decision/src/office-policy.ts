import { criticalCutoff, thresholdForTopShare, type ModelQuantiles, type ModelThresholds, type ScoreQuantilePoint } from './model-thresholds';

/**
 * Probability with which a declaration in the exploration band is drawn: the band is
 * `explorationShare / EXPLORATION_DRAW_PROBABILITY` of the score distribution wide, so the
 * expected exploration selections are `explorationShare` of all declarations, spread at random
 * over a band twice as wide as what is inspected (a wider look below the cut-off for the same budget).
 */
export const EXPLORATION_DRAW_PROBABILITY = 0.5;

/** Where the figures of a policy came from. */
export type PolicySource = 'OFFICE_POLICY' | 'GLOBAL_DEFAULT';

/** An office's capacity figures as written through `PUT /api/offices/:officeId/risk-policy`. */
export interface CapacityPolicy {
  source: 'OFFICE_POLICY';
  /** Physical inspections (RED) the office can do per day (>= 0). */
  dailyPhysicalCapacity: number;
  /** Document reviews (YELLOW) the office can do per day (>= 0). */
  dailyDocumentCapacity: number;
  /** Declarations the office receives per day (> 0), configured or measured. */
  expectedDailyDeclarations: number;
  /** Share (0..1) of otherwise-GREEN declarations drawn at random for the control sample. */
  controlShare: number;
  /** Expected share (0..1) of all declarations drawn from the exploration band below YELLOW. */
  explorationShare: number;
}

/** The global configuration (RED_TOP_SHARE, YELLOW_TOP_SHARE, CONTROL_SHARE), for offices without a policy. */
export interface DefaultSharePolicy {
  source: 'GLOBAL_DEFAULT';
  redTopShare: number;
  yellowTopShare: number;
  controlShare: number;
  explorationShare: number;
}

/** What cut-offs are derived from. */
export type PolicyFigures = CapacityPolicy | DefaultSharePolicy;

/**
 * The exploration band: an otherwise-GREEN declaration scoring in `[floor, yellow)` is drawn
 * with `drawProbability` (its own hash draw, see `explorationSeed`) and goes YELLOW.
 * Empty (`floor === yellow`) when `share` is 0 or nothing lies below YELLOW in the quantiles.
 */
export interface ExplorationBand {
  /** The policy's exploration share (expected share of all declarations). */
  share: number;
  /** Lowest score of the band (inclusive). */
  floor: number;
  /** Top share of the distribution at the band's floor (the YELLOW top share plus the band's width). */
  floorTopShare: number;
  drawProbability: number;
}

/** Where the cut-offs in force came from: recorded with every decision for the auditor. */
export interface PolicyProvenance {
  officeId: string;
  source: PolicySource;
  /** Version of the office's policy (`office_risk_policy.version`), null for the global default. */
  version: number | null;
  dailyPhysicalCapacity: number | null;
  dailyDocumentCapacity: number | null;
  expectedDailyDeclarations: number | null;
  /** CONFIGURED (given in the policy) or MEASURED (mean daily decisions over the 28 days before it was written). */
  expectedDailyDeclarationsSource: 'CONFIGURED' | 'MEASURED' | null;
  /** Shares as asked for, before clamping to the model's quantile range. */
  requestedRedTopShare: number;
  requestedYellowTopShare: number;
  /** Clamping and capacity notes, in plain English. */
  notes: string[];
}

/** The thresholds in force for a decision: model cut-offs, exploration band and their provenance. */
export interface PolicyThresholds extends ModelThresholds {
  /** Absent on decisions made before per-office risk policies. */
  exploration?: ExplorationBand;
  /** Absent on decisions made before per-office risk policies. */
  policy?: PolicyProvenance;
}

/** Cut-offs derived from a policy for one model's score distribution. */
export interface DerivedThresholds {
  /** Score (probability 0..1) at or above which the model asks for RED; 1.01 (above any score) when the RED share is 0. */
  red: number;
  /** Score (probability 0..1) at or above which the model asks for YELLOW; 1.01 (above any score) when the YELLOW share is 0. */
  yellow: number;
  /** Shares the cut-offs select, after clamping to the quantile range (0..1; YELLOW includes RED). */
  redTopShare: number;
  yellowTopShare: number;
  /** Shares as asked for (0..1), before clamping to the model's quantile range. */
  requestedRedTopShare: number;
  requestedYellowTopShare: number;
  exploration: ExplorationBand;
  /** Share (0..1) of otherwise-GREEN declarations drawn at random for the control sample. */
  controlShare: number;
  /** Expected selections per day (declarations) by source (office policies only; criteria not included). */
  expectedDailySelections: { red: number; yellow: number; control: number; exploration: number } | null;
  notes: string[];
}

const round = (x: number, digits = 6) => Number(x.toFixed(digits));

/**
 * The shares a capacity policy asks for: RED = physical / expected; YELLOW (YELLOW or worse,
 * as `YELLOW_TOP_SHARE`) = (physical + document) / expected, so that the YELLOW lane alone is
 * expected to hold `dailyDocumentCapacity` declarations a day. RED <= YELLOW by construction.
 * @throws RangeError naming the field when a figure is not finite, negative, or exceeds the expected declarations.
 */
export function capacityShares(p: CapacityPolicy): { red: number; yellow: number } {
  for (const [name, value] of [
    ['dailyPhysicalCapacity', p.dailyPhysicalCapacity],
    ['dailyDocumentCapacity', p.dailyDocumentCapacity],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
  if (!Number.isFinite(p.expectedDailyDeclarations) || p.expectedDailyDeclarations <= 0) {
    throw new RangeError(`expectedDailyDeclarations must be a finite number > 0, got ${p.expectedDailyDeclarations}`);
  }
  if (p.dailyPhysicalCapacity > p.expectedDailyDeclarations) {
    throw new RangeError(`dailyPhysicalCapacity (${p.dailyPhysicalCapacity}) exceeds the expected daily declarations (${p.expectedDailyDeclarations})`);
  }
  if (p.dailyPhysicalCapacity + p.dailyDocumentCapacity > p.expectedDailyDeclarations) {
    throw new RangeError(
      `dailyDocumentCapacity (${p.dailyDocumentCapacity}) plus dailyPhysicalCapacity (${p.dailyPhysicalCapacity}) exceeds the expected daily declarations (${p.expectedDailyDeclarations})`,
    );
  }
  return { red: p.dailyPhysicalCapacity / p.expectedDailyDeclarations, yellow: (p.dailyPhysicalCapacity + p.dailyDocumentCapacity) / p.expectedDailyDeclarations };
}

/**
 * Clamps a share into the model's quantile range (0 stays 0: the model then selects nothing).
 * @returns the share used and a note when it was moved.
 */
function clampShare(what: string, share: number, min: number, max: number): { share: number; note: string | null } {
  if (share === 0) return { share, note: null };
  if (share < min) {
    return { share: min, note: `${what} share ${round(share)} is below the smallest share the model's quantiles cover (${min}): clamped to ${min}, so the model is expected to select more than asked` };
  }
  if (share > max) {
    return { share: max, note: `${what} share ${round(share)} is above the largest share the model's quantiles cover (${max}): clamped to ${max}, so the model is expected to select less than asked` };
  }
  return { share, note: null };
}

/**
 * Derives the RED / YELLOW cut-offs and the exploration band of a policy for one model, from
 * the model's recorded score quantiles (`scorer.quantiles`: the cut-off selecting each top
 * share of its validation months), interpolated by `thresholdForTopShare`.
 *
 * - Shares: a capacity policy's from {@link capacityShares}; the default's as configured.
 * - A share outside the quantile range is clamped into it, with a note; a share of 0 gives a
 *   cut-off above any score (the model selects nothing).
 * - Exploration band: the next `explorationShare / EXPLORATION_DRAW_PROBABILITY` of the
 *   distribution below the YELLOW cut-off (clamped to the quantile range, with a note).
 *
 * Pure: same inputs, same result (cache it per policy version and model).
 * @param quantiles at least one point, shares in (0, 1].
 * @throws RangeError for figures that cannot give shares (see `capacityShares`), shares outside
 *   0..1, YELLOW < RED, or no quantiles.
 */
export function deriveThresholds(policy: PolicyFigures, quantiles: readonly ScoreQuantilePoint[]): DerivedThresholds {
  if (quantiles.length === 0) throw new RangeError('the model has no recorded score quantiles');
  const shares = quantiles.map((q) => q.topShare);
  const min = Math.min(...shares);
  const max = Math.max(...shares);
  const requested = policy.source === 'OFFICE_POLICY' ? capacityShares(policy) : { red: policy.redTopShare, yellow: policy.yellowTopShare };
  for (const [name, value] of [
    ['controlShare', policy.controlShare],
    ['explorationShare', policy.explorationShare],
    ['RED share', requested.red],
    ['YELLOW share', requested.yellow],
  ] as const) {
    if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${value}`);
  }
  if (requested.yellow < requested.red) throw new RangeError(`the YELLOW share (${requested.yellow}) must be >= the RED share (${requested.red})`);

  const notes: string[] = [];
  const red = clampShare('RED', requested.red, min, max);
  const yellow = clampShare('YELLOW', requested.yellow, min, max);
  for (const n of [red.note, yellow.note]) if (n) notes.push(n);
  const redCut = thresholdForTopShare(quantiles, red.share);
  const yellowCut = thresholdForTopShare(quantiles, yellow.share);

  let floorTopShare = yellow.share;
  if (policy.explorationShare > 0) {
    const wanted = yellow.share + policy.explorationShare / EXPLORATION_DRAW_PROBABILITY;
    const band = clampShare('exploration band floor', wanted, min, max);
    if (band.note) notes.push(band.note);
    floorTopShare = band.share;
    if (floorTopShare <= yellow.share) notes.push('no exploration band: nothing lies below the YELLOW cut-off within the model\u2019s quantiles');
  }
  const floor = floorTopShare > yellow.share ? thresholdForTopShare(quantiles, floorTopShare) : yellowCut;
  const exploration: ExplorationBand = { share: policy.explorationShare, floor: round(floor), floorTopShare: round(floorTopShare), drawProbability: EXPLORATION_DRAW_PROBABILITY };

  let expectedDailySelections: DerivedThresholds['expectedDailySelections'] = null;
  if (policy.source === 'OFFICE_POLICY') {
    const n = policy.expectedDailyDeclarations;
    const explorationShare = Math.max(0, floorTopShare - yellow.share) * EXPLORATION_DRAW_PROBABILITY;
    expectedDailySelections = {
      red: round(red.share * n, 2),
      yellow: round((yellow.share - red.share) * n, 2),
      control: round(policy.controlShare * (1 - yellow.share - explorationShare) * n, 2),
      exploration: round(explorationShare * n, 2),
    };
    const documentLoad = expectedDailySelections.yellow + expectedDailySelections.control + expectedDailySelections.exploration;
    if (documentLoad > policy.dailyDocumentCapacity + 1e-9) {
      notes.push(
        `expected YELLOW load ${round(documentLoad, 2)}/day (model ${expectedDailySelections.yellow} + control ${expectedDailySelections.control} + exploration ${expectedDailySelections.exploration}) exceeds the document capacity ${policy.dailyDocumentCapacity}/day; criteria selections come on top`,
      );
    }
  }
  return {
    red: round(redCut),
    yellow: round(yellowCut),
    redTopShare: round(red.share),
    yellowTopShare: round(yellow.share),
    requestedRedTopShare: round(requested.red),
    requestedYellowTopShare: round(requested.yellow),
    exploration,
    controlShare: policy.controlShare,
    expectedDailySelections,
    notes,
  };
}

/** The settings of the control draw in force for a decision, as recorded in `decision_record.record.control`. */
export interface ControlSettings {
  /** Share (0..1) of otherwise-GREEN declarations drawn for the control sample. */
  share: number;
  /** The seed of the draws (`CONTROL_SEED`). */
  seed: string;
}

/** An office's stored policy version, as far as the thresholds record it (see `PolicyProvenance`). */
export interface OfficePolicyVersion {
  /** Version number of the office's policy (1, 2, ...). */
  version: number;
  /** Physical inspections (RED) the office can do per day. */
  dailyPhysicalCapacity: number;
  /** Document reviews (YELLOW) the office can do per day. */
  dailyDocumentCapacity: number;
  /** Declarations the office receives per day, configured or measured. */
  expectedDailyDeclarations: number;
  /** CONFIGURED (given in the policy) or MEASURED (mean daily decisions over the 28 days before it was written). */
  expectedDailyDeclarationsSource: 'CONFIGURED' | 'MEASURED';
  /** Share (0..1) of otherwise-GREEN declarations drawn at random for the control sample. */
  controlShare: number;
  /** Expected share (0..1) of all declarations drawn from the exploration band below YELLOW. */
  explorationShare: number;
}

/** What an office decides with, for one model version: the derivation, the thresholds as recorded, and the control settings. */
export interface OfficeThresholds {
  derived: DerivedThresholds;
  /** The thresholds as recorded in `decision_record.record.model.thresholds` (with the critical cut-off). */
  thresholds: PolicyThresholds;
  control: ControlSettings;
}

/** The global configuration an office without a policy of its own decides with. */
export interface GlobalPolicyDefaults {
  redTopShare: number;
  yellowTopShare: number;
  controlShare: number;
  /** `CRITICAL_RED_TOP_SHARE` (0..1): the critical-fraud model's own RED share, for every office. */
  criticalRedTopShare: number;
  /** `CONTROL_SEED`. */
  controlSeed: string;
}

/** The capacity figures of a stored policy version, as {@link deriveThresholds} reads them. */
export function capacityPolicy(v: Pick<OfficePolicyVersion, 'dailyPhysicalCapacity' | 'dailyDocumentCapacity' | 'expectedDailyDeclarations' | 'controlShare' | 'explorationShare'>): CapacityPolicy {
  return {
    source: 'OFFICE_POLICY',
    dailyPhysicalCapacity: v.dailyPhysicalCapacity,
    dailyDocumentCapacity: v.dailyDocumentCapacity,
    expectedDailyDeclarations: v.expectedDailyDeclarations,
    controlShare: v.controlShare,
    explorationShare: v.explorationShare,
  };
}

/**
 * The thresholds an office decides with under one model version: the RED / YELLOW cut-offs and
 * exploration band derived from its policy version (or from the global shares when it has none,
 * with no exploration), the critical-fraud cut-off of the global `CRITICAL_RED_TOP_SHARE` (not part
 * of office policies), and the provenance recorded for the auditor. The one place a decision's
 * cut-offs come from: screening, the policy API and the policy preview all call it.
 * Pure: cache the result per (office, policy version, model version).
 * @throws RangeError when the figures cannot give cut-offs (see {@link deriveThresholds}).
 */
export function officeThresholds(officeId: string, version: OfficePolicyVersion | null, model: ModelQuantiles, defaults: GlobalPolicyDefaults): OfficeThresholds {
  const figures: PolicyFigures = version
    ? capacityPolicy(version)
    : { source: 'GLOBAL_DEFAULT', redTopShare: defaults.redTopShare, yellowTopShare: defaults.yellowTopShare, controlShare: defaults.controlShare, explorationShare: 0 };
  const derived = deriveThresholds(figures, model.quantiles);
  const thresholds: PolicyThresholds = {
    red: derived.red,
    yellow: derived.yellow,
    redTopShare: derived.redTopShare,
    yellowTopShare: derived.yellowTopShare,
    exploration: derived.exploration,
    policy: {
      officeId,
      source: figures.source,
      version: version?.version ?? null,
      dailyPhysicalCapacity: version?.dailyPhysicalCapacity ?? null,
      dailyDocumentCapacity: version?.dailyDocumentCapacity ?? null,
      expectedDailyDeclarations: version?.expectedDailyDeclarations ?? null,
      expectedDailyDeclarationsSource: version?.expectedDailyDeclarationsSource ?? null,
      requestedRedTopShare: derived.requestedRedTopShare,
      requestedYellowTopShare: derived.requestedYellowTopShare,
      notes: derived.notes,
    },
    ...criticalCutoff(model, defaults.criticalRedTopShare),
  };
  return { derived, thresholds, control: { share: derived.controlShare, seed: defaults.controlSeed } };
}
