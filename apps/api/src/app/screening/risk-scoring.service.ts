import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { RuntimeConfig } from '@customs/config';
import type { Declaration } from '@customs/domain';
import { RiskScorer } from '@customs/risk-model';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { thresholdForTopShare, type ModelThresholds, type ScoreQuantilePoint } from './lane-policy';

/** The deciding model as recorded in a decision. */
export interface ModelInfo {
  name: string;
  version: string;
  thresholds: ModelThresholds;
  /** The model's recorded score quantiles (validation months): per-office cut-offs are derived from them (risk-policy). */
  quantiles: readonly ScoreQuantilePoint[];
}

/**
 * Scores declarations with the deciding ONNX model (`libs/risk-model`) and holds the
 * thresholds in force: the RED and YELLOW cut-offs are the model's score quantiles that
 * select `RED_TOP_SHARE` and `YELLOW_TOP_SHARE` of its validation months.
 */
@Injectable()
export class RiskScoringService implements OnModuleInit, OnModuleDestroy {
  private scorer!: RiskScorer;
  private modelInfo!: ModelInfo;

  constructor(@Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig) {}

  async onModuleInit(): Promise<void> {
    this.scorer = await RiskScorer.load();
    this.modelInfo = {
      name: this.scorer.name,
      version: this.scorer.version,
      thresholds: {
        red: thresholdForTopShare(this.scorer.quantiles, this.config.redTopShare),
        yellow: thresholdForTopShare(this.scorer.quantiles, this.config.yellowTopShare),
        redTopShare: this.config.redTopShare,
        yellowTopShare: this.config.yellowTopShare,
      },
      quantiles: this.scorer.quantiles,
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.scorer?.close();
  }

  /** Name, version and thresholds of the deciding model. */
  get model(): ModelInfo {
    return this.modelInfo;
  }

  /** Fraud probability in [0, 1] per declaration, in input order (one batched ONNX run). */
  scoreBatch(declarations: Declaration[]): Promise<number[]> {
    return this.scorer.scoreBatch(declarations);
  }
}
