import type { DataSource, EntityManager } from 'typeorm';
import type { Declaration } from '@customs/domain';
import { DecisionRecordEntity, InspectionOutcomeEntity } from '../entities';

/** One labelled outcome of the past to import (source `HISTORY`). */
export interface HistoricalOutcome {
  declaration: Declaration;
  /** KCS Fraud 0/1. */
  fraud: number;
  /** KCS Critical Fraud 0/1/2. */
  criticalFraud: number;
}

/** One stored outcome as the supply-chain history reads it. */
export interface StoredOutcome {
  /** Identity, increasing with inserts (as a decimal string: bigint). */
  seq: string;
  declarationId: string;
  declaration: Declaration;
  fraud: number;
  criticalFraud: number;
}

/**
 * The inspection outcomes aggregate: `inspection_outcome`, one labelled outcome per declaration
 * (append-only: a trigger refuses UPDATE, DELETE and TRUNCATE), the source of the supply-chain
 * history. Rows are added by an import (`HISTORY`) or by the case worker when an officer records
 * a result (`INSPECTION`), each once per declaration (`uq_inspection_outcome_declaration`).
 */
export class InspectionOutcomeRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get repo() {
    return this.db.getRepository(InspectionOutcomeEntity);
  }

  /**
   * Adds past outcomes (source `HISTORY`, `recorded_at` now) in one statement; a declaration
   * that already has an outcome (imported or inspected) is left as it is.
   * @returns the declaration ids this call added.
   */
  async importHistory(outcomes: HistoricalOutcome[]): Promise<string[]> {
    if (outcomes.length === 0) return [];
    const rows: Array<{ declaration_id: string }> = await this.db.query(
      `INSERT INTO ${this.repo.metadata.tableName} (declaration_id, declaration_date, declaration, fraud, critical_fraud, source, case_id, recorded_at)
       SELECT id, d::date, decl, f, c, 'HISTORY', NULL, now()
       FROM unnest($1::varchar[], $2::varchar[], $3::jsonb[], $4::smallint[], $5::smallint[]) AS t(id, d, decl, f, c)
       ON CONFLICT ON CONSTRAINT uq_inspection_outcome_declaration DO NOTHING
       RETURNING declaration_id`,
      [
        outcomes.map((o) => o.declaration.declarationId),
        outcomes.map((o) => o.declaration.date),
        outcomes.map((o) => JSON.stringify(o.declaration)),
        outcomes.map((o) => o.fraud),
        outcomes.map((o) => o.criticalFraud),
      ],
    );
    return rows.map((r) => r.declaration_id);
  }

  /**
   * Records the outcome of an inspection (source `INSPECTION`) with the declaration as
   * screened: the snapshot and its date come from the declaration's decision record (no
   * decision record: nothing is written). Once per declaration: an existing outcome is kept.
   * @param recordedAt when the result was recorded.
   */
  async recordInspection(o: { declarationId: string; fraud: number; criticalFraud: number; caseId: string; recordedAt: Date }): Promise<void> {
    const decisions = this.db.getRepository(DecisionRecordEntity).metadata.tableName;
    await this.db.query(
      `INSERT INTO ${this.repo.metadata.tableName} (declaration_id, declaration_date, declaration, fraud, critical_fraud, source, case_id, recorded_at)
       SELECT d.declaration_id, (d.record->'declaration'->>'date')::date, d.record->'declaration', $2::smallint, $3::smallint, 'INSPECTION', $4::varchar, $5::timestamptz
       FROM ${decisions} d WHERE d.declaration_id = $1
       ON CONFLICT ON CONSTRAINT uq_inspection_outcome_declaration DO NOTHING`,
      [o.declarationId, o.fraud, o.criticalFraud, o.caseId, o.recordedAt],
    );
  }

  /**
   * Up to `limit` outcomes with `seq` above `afterSeq`, in `seq` order (keyset paging for
   * incremental loading). Raw SQL on purpose: the history loads every outcome at start, pages
   * of tens of thousands of rows, which entity hydration would slow for nothing.
   */
  async after(afterSeq: number, limit: number): Promise<StoredOutcome[]> {
    const rows: Array<{ seq: string; declaration_id: string; declaration: Declaration; fraud: number; critical_fraud: number }> = await this.db.query(
      `SELECT seq, declaration_id, declaration, fraud, critical_fraud FROM ${this.repo.metadata.tableName} WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map((r) => ({ seq: r.seq, declarationId: r.declaration_id, declaration: r.declaration, fraud: r.fraud, criticalFraud: r.critical_fraud }));
  }
}
