import { Injectable } from '@nestjs/common';
import { modelLane, type DecisionRecordBody } from '@customs/decision';
import { DecisionRecordRepository } from '@customs/persistence';
import type { FeatureContribution } from '@customs/risk-model';
import { inspectionCaseId } from '@customs/workflows/messages';
import { ModelRegistryService } from '../models/model-registry.service';
import { explainFired } from './decision-trace';

/** Why the deciding model scored what it did: the features that pushed its fraud score most. */
export interface ModelExplanation {
  /** `name version` of the explained model. */
  model: string;
  unit: 'log-odds';
  /** Expected log-odds over the training data; bias + every feature's contribution = rawScore. */
  bias: number;
  /** The model's raw score of the declaration, log-odds (the fraud score is its logistic). */
  rawScore: number;
  /** The features with the largest absolute contributions, largest first. */
  top: FeatureContribution[];
}

/** A stored decision as `GET /api/declarations/:id/selection` serves it. */
export interface SelectionTrace extends DecisionRecordBody {
  /** The record's row id (decimal string). */
  id: string;
  /** The inspection case of a YELLOW or RED declaration (`inspection-case-<declarationId>`); null for GREEN. */
  caseId: string | null;
  /** One plain-English line per fired criterion. */
  explanations: string[];
  /** The deciding model's exact TreeSHAP attribution of its fraud score, or null (see {@link DecisionRecordsService.explainModel}). */
  modelExplanation: ModelExplanation | null;
}

/** The read side of decisions: stored records with their plain-language trace and model explanation. */
@Injectable()
export class DecisionRecordsService {
  constructor(
    private readonly decisions: DecisionRecordRepository,
    private readonly registry: ModelRegistryService,
  ) {}

  /** The stored decision record of a declaration with its row id, or null when it was never screened. */
  record(declarationId: string): Promise<(DecisionRecordBody & { id: string }) | null> {
    return this.decisions.findOne(declarationId);
  }

  /**
   * A stored record with its explanations. Records made before `model.lane` was recorded get the
   * lane their scores asked for under their recorded cut-offs, so every reader sees one.
   */
  async trace(record: DecisionRecordBody & { id: string }): Promise<SelectionTrace> {
    const m = record.model;
    const model = m.lane ? m : { ...m, lane: modelLane(m.score, m.thresholds, m.criticalScore ?? null) };
    const caseId = record.lane === 'GREEN' ? null : inspectionCaseId(record.declarationId);
    return { ...record, model, caseId, explanations: explainFired(record), modelExplanation: await this.explainModel(record) };
  }

  /**
   * The exact TreeSHAP attribution of the deciding model's fraud score, computed from the
   * feature vector recorded with the decision (so it explains what was decided, whatever the
   * history has become since), in a scoring thread when `SCORING_THREADS` > 0; null for records
   * without one or models without trees.
   */
  private async explainModel(record: DecisionRecordBody): Promise<ModelExplanation | null> {
    const inputs = record.model.inputs;
    const scorer = this.registry.scorer(record.model.version);
    if (!inputs || !scorer || scorer.name !== record.model.name) return null;
    const e = await scorer.explainOffThread(inputs, 8);
    return e && { model: `${scorer.name} ${scorer.version}`, unit: 'log-odds', ...e };
  }
}
