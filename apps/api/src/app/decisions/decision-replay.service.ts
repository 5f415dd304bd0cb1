import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { redecide, sameDecision, type DecisionOutline } from '@customs/decision';
import { CriteriaSetService } from '../criteria/criteria-set.service';
import { CriteriaService } from '../criteria/criteria.service';
import { ModelRegistryService } from '../models/model-registry.service';
import { RiskScoringService } from '../models/risk-scoring.service';
import { DecisionRecordsService } from './decision-records.service';

export type { DecisionOutline };

/** What a replay found. */
export interface ReplayResult {
  declarationId: string;
  recorded: DecisionOutline;
  replayed: DecisionOutline;
  /** True when lane, fired criteria, score and control flag are all the same. */
  identical: boolean;
  /**
   * The criterion versions evaluated (those in force at the decision): `id@version`, with
   * `~YYYY-MM-DD` when an open risk-case window had extended its validity to that day.
   */
  criteriaVersions: string[];
  /** Whether the model was re-run (same name and version loaded; on the recorded feature vector when there is one) or its recorded score reused. */
  model: { name: string; version: string; rescored: boolean };
}

/**
 * Replays a stored decision for an auditor: the declaration snapshot against exactly the
 * criterion versions that were in force, the model itself when the same version is loaded, and
 * the lane decided again (`redecide` in @customs/decision) under the recorded thresholds, control
 * share, draws and data-quality findings (not re-checked against today's reference lists). Writes nothing.
 */
@Injectable()
export class DecisionReplayService {
  constructor(
    private readonly records: DecisionRecordsService,
    private readonly criteria: CriteriaService,
    private readonly scoring: RiskScoringService,
    private readonly registry: ModelRegistryService,
    private readonly criteriaSets: CriteriaSetService,
  ) {}

  /**
   * The criterion versions in force come from the record's criteria set (`criteriaSet`
   * fingerprint), or from its own `criteriaInForce` list for records made before sets existed.
   * @throws NotFoundException (never screened, or its criteria set is not stored),
   *   ConflictException (record predates replay support).
   */
  async replay(declarationId: string): Promise<ReplayResult> {
    const record = await this.records.record(declarationId);
    if (!record) throw new NotFoundException(`declaration ${declarationId} has not been screened`);
    let inForce: string[];
    if (typeof record.criteriaSet === 'string') inForce = await this.criteriaSets.versionsOf(record.criteriaSet);
    else if (Array.isArray(record.criteriaInForce)) inForce = record.criteriaInForce;
    else throw new ConflictException(`the decision on ${declarationId} does not list the criteria in force, so it cannot be replayed`);
    const { engine, versions } = await this.criteria.engineForVersions(inForce);
    const selection = await engine.evaluate(record.declaration);
    const scorer = this.registry.scorer(record.model.version);
    const rescored = scorer !== null && scorer.name === record.model.name;
    let score = record.model.score;
    let criticalScore = record.model.criticalScore ?? null;
    if (scorer && rescored) {
      if (record.model.inputs) {
        // the recorded feature vector: the supply-chain history as it stood at the decision
        const x = Float32Array.from(record.model.inputs);
        // both models in one call (one round trip to the scoring thread)
        const both = await scorer.scoreMatrix(x, 1);
        score = both.fraud[0];
        if (criticalScore !== null && both.critical) criticalScore = both.critical[0];
      } else {
        score = (await this.scoring.assess(scorer, [record.declaration]))[0].score;
      }
    }
    // The recorded thresholds (with the exploration band and critical cut-off, when recorded) and control draw settings.
    const { lane, controlSample } = redecide(
      {
        declarationId, firedCriteria: selection.fired, model: { ...record.model, score, criticalScore }, control: record.control,
        // the recorded findings and minimum lane: the reference lists may have changed since
        dataQuality: record.dataQuality, dataQualityMinLane: record.dataQualityMinLane,
      },
      { thresholds: record.model.thresholds, controlShare: record.control.share },
    );
    const recorded: DecisionOutline = {
      lane: record.lane,
      firedCriteria: record.firedCriteria.map((c) => `${c.id}@${c.version}`),
      score: record.model.score,
      controlSample: record.controlSample,
    };
    const replayed: DecisionOutline = { lane, firedCriteria: selection.fired.map((c) => `${c.id}@${c.version}`), score, controlSample };
    return {
      declarationId,
      recorded,
      replayed,
      identical: sameDecision(recorded, replayed),
      criteriaVersions: versions,
      model: { name: record.model.name, version: record.model.version, rescored },
    };
  }
}
