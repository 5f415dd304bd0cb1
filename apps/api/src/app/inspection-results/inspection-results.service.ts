import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Declaration } from '@customs/domain';
import type { SelectionBasis } from '@customs/decision';
import { SELECTION_BASIS_SQL } from '@customs/persistence';
import { selectionBasisCell, trainingLabels, trainingRow } from './training-row';

/** Rows read from Postgres per query while exporting. */
const PAGE = 1000;

interface ResultRow {
  declaration_id: string;
  date: string;
  outcome: string;
  verdicts: Array<{ criterionId: string; appropriate: boolean }> | null;
  declaration: Declaration;
  fired: Array<{ id: string; riskArea?: string }> | null;
  decided_by: SelectionBasis | null;
  reasons: SelectionBasis[];
}

/**
 * Labelled inspection results for training: every inspection case with a recorded result,
 * joined with its decision record (the declaration snapshot as screened, the fired criteria and
 * the selection basis), in the KCS training layout (see `training-row.ts`).
 */
@Injectable()
export class InspectionResultsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * CSV rows (TRAINING_COLUMNS order) of the results whose declaration acceptance date lies in
   * `[from, to]` (ISO dates, inclusive; null: unbounded), ordered by date then declaration id,
   * read a page at a time (keyset), so memory stays flat on large exports.
   */
  async *rows(from: string | null, to: string | null): AsyncGenerator<string[]> {
    let after: [string, string] = ['', ''];
    for (;;) {
      const page: ResultRow[] = await this.db.query(
        `SELECT ic.declaration_id, dr.record->'declaration'->>'date' AS date, ic.outcome, ic.verdicts,
                dr.record->'declaration' AS declaration, dr.record->'firedCriteria' AS fired,
                ${SELECTION_BASIS_SQL.decidedBy} AS decided_by, ${SELECTION_BASIS_SQL.reasons} AS reasons
         FROM inspection_case ic JOIN decision_record dr ON dr.declaration_id = ic.declaration_id
         WHERE ic.outcome IS NOT NULL
           AND ($1::date IS NULL OR (dr.record->'declaration'->>'date')::date >= $1::date)
           AND ($2::date IS NULL OR (dr.record->'declaration'->>'date')::date <= $2::date)
           AND (dr.record->'declaration'->>'date', ic.declaration_id) > ($3::text, $4::text)
         ORDER BY dr.record->'declaration'->>'date', ic.declaration_id
         LIMIT ${PAGE}`,
        [from, to, after[0], after[1]],
      );
      for (const r of page) {
        const labels = trainingLabels({ outcome: r.outcome, firedCriteria: r.fired ?? [], verdicts: r.verdicts });
        yield trainingRow(r.declaration, labels, selectionBasisCell(r.decided_by, r.reasons));
      }
      if (page.length < PAGE) return;
      const last = page[page.length - 1];
      after = [last.date, last.declaration_id];
    }
  }
}
