import { Inject, Injectable } from '@nestjs/common';
import type { RuntimeConfig } from '@customs/config';
import { modelThresholds, type ModelQuantiles, type ModelScores, type ModelThresholds } from '@customs/decision';
import type { Declaration } from '@customs/domain';
import { RiskScorer } from '@customs/risk-model';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { SupplyChainHistoryService } from '../supply-chain/supply-chain-history.service';
import { ModelRegistryService } from './model-registry.service';

/** The deciding model: name, version and its recorded score distribution (what office cut-offs are derived from). */
export interface DecidingModel extends ModelQuantiles {
  name: string;
  version: string;
}

/** One model's scores of one declaration and the float32 features they were computed from (model feature order). */
export interface ModelAssessment extends ModelScores {
  features: Float32Array;
}

/** The champion's assessment and every challenger's, per declaration. */
export interface ScoredBatch {
  champion: ModelAssessment[];
  /** One array per challenger (shadow), same order as the declarations, each with the challenger's own cut-offs. */
  shadow: Array<Array<ModelAssessment & { thresholds: ModelThresholds }>>;
}

/**
 * Scores declarations with every registered model: the champion decides, the challengers
 * score in shadow. Version-2 models read the supply-chain history (outcomes dated before
 * each declaration) from {@link SupplyChainHistoryService}. Scores only: the lanes and cut-offs
 * come from `@customs/decision`.
 */
@Injectable()
export class RiskScoringService {
  private readonly shadowThresholds = new Map<string, ModelThresholds>();

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly registry: ModelRegistryService,
    private readonly history: SupplyChainHistoryService,
  ) {}

  /** Name, version and score quantiles of the deciding model (the champion). */
  get model(): DecidingModel {
    return quantilesOf(this.registry.champion());
  }

  /**
   * A challenger's cut-offs under the global shares (`RED_TOP_SHARE`, `YELLOW_TOP_SHARE`,
   * `CRITICAL_RED_TOP_SHARE`), cached per version: the lane it would have asked for is recorded
   * beside each decision, never applied.
   */
  private shadowThresholdsOf(scorer: RiskScorer): ModelThresholds {
    let t = this.shadowThresholds.get(scorer.version);
    if (!t) {
      t = modelThresholds(quantilesOf(scorer), { red: this.config.redTopShare, yellow: this.config.yellowTopShare, criticalRed: this.config.criticalRedTopShare });
      this.shadowThresholds.set(scorer.version, t);
    }
    return t;
  }

  /**
   * Every model's assessment of each declaration (champion first, then shadows), all models in
   * one round trip to the scoring threads.
   */
  async assessBatch(declarations: Declaration[]): Promise<ScoredBatch> {
    const models = [this.registry.champion(), ...this.registry.challengers()];
    const scored = await RiskScorer.scoreDetailedMany(models.map((scorer) => ({ scorer, history: scorer.needsHistory ? this.history : undefined })), declarations);
    const assessments = models.map((scorer, k) => scored[k].map((r): ModelAssessment => ({ name: scorer.name, version: scorer.version, score: r.score, criticalScore: r.criticalScore, features: r.features })));
    const shadow = models.slice(1).map((s, k) => {
      const thresholds = this.shadowThresholdsOf(s);
      return assessments[k + 1].map((a) => ({ ...a, thresholds }));
    });
    return { champion: assessments[0], shadow };
  }

  /** One model's assessments, in input order. */
  async assess(scorer: RiskScorer, declarations: Declaration[]): Promise<ModelAssessment[]> {
    if (declarations.length === 0) return [];
    const scored = await scorer.scoreDetailed(declarations, scorer.needsHistory ? this.history : undefined);
    return scored.map((r) => ({ name: scorer.name, version: scorer.version, score: r.score, criticalScore: r.criticalScore, features: r.features }));
  }
}

/** A scorer's name, version and recorded quantiles (critical ones only when it has a critical model). */
function quantilesOf(s: RiskScorer): DecidingModel {
  return { name: s.name, version: s.version, quantiles: s.quantiles, criticalQuantiles: s.hasCriticalModel ? s.criticalQuantiles : null };
}
