import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DecisionRecordEntity, InspectionCaseEntity } from '@customs/persistence';

/** One screened import declaration as the drift report reads it from its decision record and its case. */
export interface ScreenedForDrift {
  /** Declaration acceptance date, `YYYY-MM-DD` (the declaration snapshot's `date`). */
  date: string;
  /** The deciding model's P(fraud), 0..1 (`record.model.score`). */
  score: number;
  /** The lane the model's thresholds asked for (`record.model.lane`), not the decided lane. */
  modelLane: string;
  /** The float32 feature vector scored, in the spec's order (`record.model.inputs`); null on records without it. */
  inputs: number[] | null;
  /** Ids of the criteria that fired (`record.firedCriteria[].id`). */
  criteria: string[];
  /** NO_FINDING, DISCREPANCY or SEIZURE when the case recorded a result; null when not inspected. */
  outcome: string | null;
}

/**
 * Reads the decision records of one model version for the drift report: raw SQL over
 * `decision_record` (the snapshot's date, the model's score, lane and inputs, the fired criteria)
 * left-joined to the case read model `inspection_case` (the recorded outcome), as the other
 * reporting queries do (`ReportingRepository`).
 */
@Injectable()
export class DriftRepository {
  constructor(private readonly db: DataSource) {}

  private table(entity: typeof DecisionRecordEntity | typeof InspectionCaseEntity): string {
    return this.db.getRepository(entity).metadata.tableName;
  }

  /** The latest declaration date (`YYYY-MM-DD`) among the decisions of `version` of model `name`, null when it decided none. */
  async latestDate(name: string, version: string): Promise<string | null> {
    const [r]: Array<{ d: string | null }> = await this.db.query(
      `SELECT max(record->'declaration'->>'date') AS d FROM ${this.table(DecisionRecordEntity)}
       WHERE record->'model'->>'name' = $1 AND record->'model'->>'version' = $2`,
      [name, version],
    );
    return r?.d ? r.d.slice(0, 10) : null;
  }

  /**
   * The decisions of `version` of model `name` on declarations dated in `[from, to]` (inclusive,
   * `YYYY-MM-DD`), at most `limit` (the most recent first when more).
   */
  async screened(name: string, version: string, from: string, to: string, limit: number): Promise<ScreenedForDrift[]> {
    const rows: Array<{ date: string; score: number; lane: string; inputs: number[] | null; criteria: string[] | null; outcome: string | null }> = await this.db.query(
      `SELECT left(dr.record->'declaration'->>'date', 10) AS date,
              (dr.record->'model'->>'score')::float8 AS score,
              dr.record->'model'->>'lane' AS lane,
              dr.record->'model'->'inputs' AS inputs,
              (SELECT coalesce(jsonb_agg(f->>'id'), '[]'::jsonb) FROM jsonb_array_elements(dr.record->'firedCriteria') f) AS criteria,
              ic.outcome
       FROM ${this.table(DecisionRecordEntity)} dr
       LEFT JOIN ${this.table(InspectionCaseEntity)} ic ON ic.declaration_id = dr.declaration_id
       WHERE dr.record->'model'->>'name' = $1 AND dr.record->'model'->>'version' = $2
         AND left(dr.record->'declaration'->>'date', 10) BETWEEN $3 AND $4
       ORDER BY left(dr.record->'declaration'->>'date', 10) DESC, dr.id DESC
       LIMIT $5`,
      [name, version, from, to, limit],
    );
    return rows.map((r) => ({ date: r.date, score: r.score, modelLane: r.lane, inputs: r.inputs, criteria: r.criteria ?? [], outcome: r.outcome }));
  }
}
