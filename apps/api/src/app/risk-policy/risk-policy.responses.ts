import type { DerivedThresholds, PolicySource } from '@customs/decision';
import type { PolicyVersionView } from '@customs/persistence';
import type { PolicyInForce } from './risk-policy.service';

/** A model version by name and version, as the policy answers name the deciding model. */
export interface ModelVersionRef {
  name: string;
  version: string;
}

/** The cut-offs derived from a policy for the deciding model: RED / YELLOW scores, shares, exploration band, expected selections. */
export interface ThresholdsInForce extends DerivedThresholds {
  /** The model whose score quantiles the cut-offs were derived from. */
  model: ModelVersionRef;
}

/**
 * `GET /api/offices/{officeId}/risk-policy`: the policy an office decides with. The figures,
 * author and reason are those of the office's newest version, all null when the office has none
 * and the global configuration applies (`source` GLOBAL_DEFAULT).
 */
export interface RiskPolicyView {
  officeId: string;
  /** OFFICE_POLICY: the office's own version; GLOBAL_DEFAULT: the global configuration (RED_TOP_SHARE, YELLOW_TOP_SHARE, CONTROL_SHARE). */
  source: PolicySource;
  /** Version number of the office's policy (1, 2, ...); null for the global default. */
  version: number | null;
  /** Physical inspections (RED) the office can do per day; null for the global default. */
  dailyPhysicalCapacity: number | null;
  /** Document reviews (YELLOW) the office can do per day; null for the global default. */
  dailyDocumentCapacity: number | null;
  /** Declarations the office receives per day, configured or measured; null for the global default. */
  expectedDailyDeclarations: number | null;
  /** CONFIGURED (given when written) or MEASURED (mean daily decisions of the 28 days before); null for the global default. */
  expectedDailyDeclarationsSource: 'CONFIGURED' | 'MEASURED' | null;
  /** Share (0..1) of otherwise-GREEN declarations drawn at random for the control sample. */
  controlShare: number;
  /** Expected share (0..1) of all declarations drawn from the exploration band below YELLOW. */
  explorationShare: number;
  /** Who wrote the version (user id); null for the global default. */
  createdBy: string | null;
  /** Why the version was written; null for the global default. */
  reason: string | null;
  /** ISO timestamp the version was written; null for the global default. */
  createdAt: string | null;
  /** The cut-offs in force for the deciding model. */
  inForce: ThresholdsInForce;
}

/** `PUT /api/offices/{officeId}/risk-policy`: the policy in force after the write. */
export interface RiskPolicyWrite extends RiskPolicyView {
  /** True (201) when a new version was written; false (200) when the figures and reason repeat the newest version. */
  created: boolean;
}

/** `GET /api/offices/{officeId}/risk-policy/history`: every version of the office's policy, newest first (empty when it has none). */
export interface RiskPolicyHistory {
  officeId: string;
  versions: PolicyVersionView[];
}

/** The policy in force as the API shows it: figures, author and reason, and the cut-offs for the deciding model. */
export function riskPolicyView(p: PolicyInForce): RiskPolicyView {
  const v = p.version;
  return {
    officeId: p.officeId,
    source: v ? 'OFFICE_POLICY' : 'GLOBAL_DEFAULT',
    version: v?.version ?? null,
    dailyPhysicalCapacity: v?.dailyPhysicalCapacity ?? null,
    dailyDocumentCapacity: v?.dailyDocumentCapacity ?? null,
    expectedDailyDeclarations: v?.expectedDailyDeclarations ?? null,
    expectedDailyDeclarationsSource: v?.expectedDailyDeclarationsSource ?? null,
    controlShare: p.derived.controlShare,
    explorationShare: p.derived.exploration.share,
    createdBy: v?.createdBy ?? null,
    reason: v?.reason ?? null,
    createdAt: v?.createdAt ?? null,
    inForce: { model: p.model, ...p.derived },
  };
}

/** What the selection-policy simulator found with one policy over the replayed months (counts are declarations; ratios 0..1, null when undefined). */
export interface SimulatedPolicyFigures {
  inspections: number;
  fraudFound: number;
  /** fraudFound / inspections. */
  precision: number | null;
  /** Critical fraud (public safety) found. */
  criticalFound: number;
  /** Inspections of declarations whose importer the policy had never inspected before that day. */
  unseenInspections: number;
  /** Fraud found on those: what exploration is for. */
  unseenFraudFound: number;
  /** fraudFound / all fraud of the office's replayed declarations. */
  recall: number | null;
}

/** The simulator's figures for one share of the capacity given to random slots (exploration or control). */
export interface SimulatedShareFigures extends SimulatedPolicyFigures {
  /** Share (0..1) of the inspection capacity drawn at random. */
  share: number;
}

/**
 * `GET /api/offices/{officeId}/risk-policy/simulation`: what `npm run simulate` says about the
 * office's exploration and control shares, from the committed artefact
 * `tools/simulate/results/office-shares.json` (see tools/simulate/README.md).
 */
export interface RiskPolicySimulation {
  officeId: string;
  /** How the figures were made: data (`valid`: KCS valid split with the history seeded from train; `sample`: the bundled 1,000 rows), model, capacity, seed, dates, the command. Null when no artefact is installed. */
  run: { source: 'valid' | 'sample'; model: string; capacity: number; seed: number; from: string; to: string; days: number; command: string } | null;
  /** The office's figures: null when the replayed data hold no declaration of this office (or no artefact). */
  office: {
    declarations: number;
    totalFraud: number;
    criteria: SimulatedPolicyFigures;
    /** Pure exploitation: the model's highest scores fill the capacity (the baseline the shares are compared with). */
    exploit: SimulatedPolicyFigures;
    /** The model with each share of the capacity explored at random among what it did not pick, ascending shares. */
    explore: SimulatedShareFigures[];
    /** The model with each share of the capacity a uniform random control sample, ascending shares. */
    control: SimulatedShareFigures[];
  } | null;
  /** The office's shares in force (`controlShare`, `explorationShare` of its policy) and the shares nearest to them among 0 (pure exploitation) and the swept ones (null without an artefact). */
  current: { controlShare: number; explorationShare: number; nearestControl: number | null; nearestExploration: number | null };
  /** How to read the shares: the simulator's are shares of the inspection capacity; the policy's are shares of declarations. */
  note: string;
}
