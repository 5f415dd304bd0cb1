import { Inject, Injectable } from '@nestjs/common';
import type { RuntimeConfig } from '@customs/config';
import type { Declaration, Lane } from '@customs/domain';
import type { RiskScorer, ScoredDeclaration } from '@customs/risk-model';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { ModelRegistryService } from '../models/model-registry.service';
import { SupplyChainHistoryService } from '../supply-chain/supply-chain-history.service';
import { modelLane, thresholdForTopShare, type ModelThresholds, type ScoreQuantilePoint } from './lane-policy';

/** The deciding model as recorded in a decision. */
export interface ModelInfo {
  name: string;
  version: string;
  thresholds: ModelThresholds;
  /** The model's recorded score quantiles (validation months): per-office cut-offs are derived from them (risk-policy). */
  quantiles: readonly ScoreQuantilePoint[];
}

/** One model's view of one declaration. */
export interface ModelAssessment {
  name: string;
  version: string;
  /** P(fraud) in [0, 1]. */
  score: number;
  /** P(critical fraud: public safety) in [0, 1]; null when the version has no critical model. */
  criticalScore: number | null;
  thresholds: ModelThresholds;
  /** The lane this model's scores ask for under its thresholds. */
  lane: Lane;
  /** The float32 features the scores were computed from (kept for explanations, not stored). */
  features: Float32Array;
}

/** The champion's assessment and every challenger's, per declaration. */
export interface ScoredBatch {
  champion: ModelAssessment[];
  /** One array per challenger (shadow), same order as the declarations. */
  shadow: ModelAssessment[][];
}

/**
 * Scores declarations with every registered model: the champion decides, the challengers
 * score in shadow. Version-2 models read the supply-chain history (outcomes dated before
 * each declaration) from {@link SupplyChainHistoryService}.
 *
 * Thresholds per model version: RED and YELLOW are the model's score quantiles for
 * `RED_TOP_SHARE` and `YELLOW_TOP_SHARE` of its validation months; the critical-fraud model
 * sends its top `CRITICAL_RED_TOP_SHARE` to RED as well.
 */
@Injectable()
export class RiskScoringService {
  private readonly thresholdCache = new Map<string, ModelThresholds>();

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly registry: ModelRegistryService,
    private readonly history: SupplyChainHistoryService,
  ) {}

  /** Name, version and thresholds of the deciding model. */
  get model(): ModelInfo {
    const s = this.registry.champion();
    return { name: s.name, version: s.version, thresholds: this.thresholdsOf(s), quantiles: s.quantiles };
  }

  /** The thresholds a model version decides with (cached per version). */
  thresholdsOf(scorer: RiskScorer): ModelThresholds {
    let t = this.thresholdCache.get(scorer.version);
    if (!t) {
      const critical = scorer.hasCriticalModel && this.config.criticalRedTopShare > 0
        ? thresholdForTopShare(scorer.criticalQuantiles, this.config.criticalRedTopShare)
        : null;
      t = {
        red: thresholdForTopShare(scorer.quantiles, this.config.redTopShare),
        yellow: thresholdForTopShare(scorer.quantiles, this.config.yellowTopShare),
        redTopShare: this.config.redTopShare,
        yellowTopShare: this.config.yellowTopShare,
        ...(critical === null ? {} : { criticalRed: critical, criticalRedTopShare: this.config.criticalRedTopShare }),
      };
      this.thresholdCache.set(scorer.version, t);
    }
    return t;
  }

  /** Fraud probability in [0, 1] per declaration from the champion, in input order. */
  async scoreBatch(declarations: Declaration[]): Promise<number[]> {
    return (await this.assessBatch(declarations)).champion.map((a) => a.score);
  }

  /** Every model's assessment of each declaration (champion first, then shadows). */
  async assessBatch(declarations: Declaration[]): Promise<ScoredBatch> {
    const champion = await this.assess(this.registry.champion(), declarations);
    const shadow: ModelAssessment[][] = [];
    for (const s of this.registry.challengers()) shadow.push(await this.assess(s, declarations));
    return { champion, shadow };
  }

  /** One model's assessments. */
  async assess(scorer: RiskScorer, declarations: Declaration[]): Promise<ModelAssessment[]> {
    if (declarations.length === 0) return [];
    const scored: ScoredDeclaration[] = await scorer.scoreDetailed(declarations, scorer.needsHistory ? this.history : undefined);
    const thresholds = this.thresholdsOf(scorer);
    return scored.map((r) => ({
      name: scorer.name,
      version: scorer.version,
      score: r.score,
      criticalScore: r.criticalScore,
      thresholds,
      lane: modelLane(r.score, thresholds, r.criticalScore),
      features: r.features,
    }));
  }
}
