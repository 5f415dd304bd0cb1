import type { DataQualityFinding, Declaration, Lane } from '@customs/domain';
import { dataQualityLane } from './data-quality-rule';
import type { FiredCriterion } from '@customs/selectivity';
import { drawsFor } from './draws';
import { decideLane, type SelectionBasisRecord } from './lane-decision';
import { modelLane, type ModelThresholds } from './model-thresholds';
import { summaryReasons, type SummaryReason } from './decision-summary';
import type { ControlSettings, PolicyThresholds } from './office-policy';

/**
 * The complete, replayable record of one screening decision, stored append-only in
 * `decision_record.record` and served by `GET /api/declarations/:id/selection`.
 */
export interface DecisionRecordBody {
  declarationId: string;
  /** Snapshot of the declaration as screened. */
  declaration: Declaration;
  /** The lane: most severe of criteria, model and control selection. */
  lane: Lane;
  /** Every criterion that fired: id, version, lane and each condition's fact, operator, expected value and actual value. */
  firedCriteria: FiredCriterion[];
  /** The lane the criteria alone ask for (GREEN when none fired). */
  criteriaLane: Lane;
  /**
   * The deciding model (the champion): P(fraud) `score` and P(critical fraud) `criticalScore`
   * in [0, 1] (higher = riskier), the thresholds in force, the lane they ask for, and the
   * float32 feature vector scored (`inputs`, in the order of the model's feature spec; the
   * supply-chain history as it stood), so a replay re-scores exactly what was decided on. The
   * thresholds carry the exploration band and the office risk policy (version, capacity figures)
   * they were derived from.
   */
  model: { name: string; version: string; score: number; criticalScore?: number | null; thresholds: PolicyThresholds; lane: Lane; inputs?: number[] };
  /** Challenger models' scores of the same declaration (shadow: recorded, never deciding). */
  shadow?: ShadowScore[];
  /** True when the declaration was drawn at random for the control sample and that decided its lane. */
  controlSample: boolean;
  control: ControlSettings;
  /**
   * Codes of the declaration that were not in the reference lists in force (data-quality
   * findings, `dataQualityFindings`); absent when every code was known.
   */
  dataQuality?: DataQualityFinding[];
  /** The data-quality rule's minimum lane at the declaration's office when it was decided (present with `dataQuality`; replay uses it). */
  dataQualityMinLane?: Lane;
  /**
   * The reference list versions the codes were looked up in (`list@version,...`, e.g.
   * `office@1,tax-type@2`; present with `dataQuality` when screening read stored lists), so an
   * auditor sees which versions lacked the code.
   */
  dataQualityLists?: string;
  /** Every reason for selecting it and the deciding one (absent on decisions before risk policies). */
  selectionBasis?: SelectionBasisRecord;
  /**
   * The set of criterion versions in force when the decision was made (what a replay
   * evaluates): the SHA-256 fingerprint of its sorted `id@version` list, which is stored once
   * per distinct set in `criteria_set` (see `CriteriaSetService`).
   */
  criteriaSet?: string;
  /** Records made before `criteriaSet` existed list every `id@version` in force here instead. */
  criteriaInForce?: string[];
  /** ISO timestamp of the decision. */
  decidedAt: string;
  /** One sentence for a human reader. */
  summary: string;
}

/** A challenger model's view of a declaration, recorded beside the decision. */
export interface ShadowScore {
  name: string;
  version: string;
  score: number;
  criticalScore: number | null;
  /** The lane this model would have asked for under its own thresholds (not applied). */
  lane: Lane;
}

const LANE_WORDS: Record<Lane, string> = {
  GREEN: 'cleared automatically (GREEN)',
  YELLOW: 'sent to document review (YELLOW)',
  RED: 'sent to physical inspection (RED)',
};

/** The English of each summary reason (see `summaryReasons`). */
function englishReason(reason: SummaryReason): string {
  switch (reason.key) {
    case 'criteriaFired':
      return `${reason.params.count === 1 ? 'criterion' : 'criteria'} ${reason.params.criteria} fired`;
    case 'noCriterion':
      return 'no selectivity criterion fired';
    case 'modelCritical':
      return `model ${reason.params.model} scored critical fraud (public safety) ${reason.params.score}, at or above its RED threshold ${reason.params.threshold}`;
    case 'modelRed':
      return `model ${reason.params.model} scored ${reason.params.score}, at or above the RED threshold ${reason.params.threshold}`;
    case 'modelYellow':
      return `model ${reason.params.model} scored ${reason.params.score}, at or above the YELLOW threshold ${reason.params.threshold}`;
    case 'modelGreen':
      return `model ${reason.params.model} scored ${reason.params.score}, below the YELLOW threshold ${reason.params.threshold}`;
    case 'control':
      return 'it was drawn at random for the control sample';
    case 'exploration':
      return 'it was drawn at random from the exploration band just below the YELLOW threshold';
    case 'dataQuality':
      return `the data-quality rule asks for at least ${reason.params.minLane} because ${reason.params.codes} ${reason.params.count === 1 ? 'is' : 'are'} not in the reference lists`;
  }
}

/** One plain-English sentence saying why the declaration got its lane (from `summaryReasons`). */
export function summarise(r: Omit<DecisionRecordBody, 'summary'>): string {
  return `Declaration ${r.declarationId} was ${LANE_WORDS[r.lane]}: ${summaryReasons(r).map(englishReason).join('; ')}.`;
}

/** One model version's scores of a declaration. */
export interface ModelScores {
  name: string;
  version: string;
  /** P(fraud) in [0, 1]. */
  score: number;
  /** P(critical fraud: public safety) in [0, 1]; null when the version has no critical model. */
  criticalScore: number | null;
}

/** Everything one decision is made from (see {@link decide}). */
export interface DecisionInput {
  /** The declaration as screened (normalised: goods description filled in). */
  declaration: Declaration;
  /** The criteria in force that fired on it, with their traces (`SelectivityEngine.evaluate`). */
  firedCriteria: FiredCriterion[];
  /** The deciding model's scores and the float32 feature vector they were computed from (model feature order). */
  champion: ModelScores & { inputs: ArrayLike<number> };
  /** Challenger models' scores with each version's own cut-offs (`modelThresholds` under the global shares). */
  shadow: Array<ModelScores & { thresholds: ModelThresholds }>;
  /** The office's policy in force for the deciding model (`officeThresholds`). */
  policy: { thresholds: PolicyThresholds; control: ControlSettings };
  /** Fingerprint of the criterion versions in force (SHA-256 hex of the sorted `id@version` list). */
  criteriaSet: string;
  /** ISO timestamp of the decision. */
  decidedAt: string;
  /**
   * The declaration's data-quality findings (`dataQualityFindings` against the reference lists in
   * force) and the data-quality rule's minimum lane at its office (`dataQualityMinLane`); absent
   * or no findings: the rule asks for nothing.
   */
  dataQuality?: { findings: DataQualityFinding[]; minLane: Lane; lists?: string };
}

/**
 * The decision on one declaration, as the append-only record stores it: the declaration's draws
 * (`drawsFor` with the control seed in force), the lane and its basis (`decideLane`, with the
 * data-quality rule's lane when the declaration has findings), the lane
 * each shadow model would have asked for, and the one-sentence summary. Pure: the same input
 * gives the same record.
 */
export function decide(input: DecisionInput): DecisionRecordBody {
  const { declaration, champion, policy } = input;
  const decision = decideLane({
    firedCriteria: input.firedCriteria,
    scores: champion,
    policy: { thresholds: policy.thresholds, controlShare: policy.control.share },
    draws: drawsFor(declaration.declarationId, policy.control.seed),
    dataQualityLane: dataQualityLane(input.dataQuality?.findings, input.dataQuality?.minLane),
  });
  const findings = input.dataQuality?.findings ?? [];
  const body: Omit<DecisionRecordBody, 'summary'> = {
    declarationId: declaration.declarationId,
    declaration,
    lane: decision.lane,
    firedCriteria: input.firedCriteria,
    criteriaLane: decision.criteriaLane,
    model: {
      name: champion.name,
      version: champion.version,
      score: champion.score,
      criticalScore: champion.criticalScore,
      thresholds: policy.thresholds,
      lane: decision.scoreLane,
      inputs: Array.from(champion.inputs),
    },
    shadow: input.shadow.map((s) => ({
      name: s.name,
      version: s.version,
      score: s.score,
      criticalScore: s.criticalScore,
      lane: modelLane(s.score, s.thresholds, s.criticalScore),
    })),
    controlSample: decision.controlSample,
    control: policy.control,
    ...(findings.length > 0
      ? { dataQuality: findings, dataQualityMinLane: input.dataQuality!.minLane, ...(input.dataQuality!.lists ? { dataQualityLists: input.dataQuality!.lists } : {}) }
      : {}),
    selectionBasis: decision.selectionBasis,
    criteriaSet: input.criteriaSet,
    decidedAt: input.decidedAt,
  };
  return { ...body, summary: summarise(body) };
}
