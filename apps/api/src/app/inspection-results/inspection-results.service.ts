import { Injectable } from '@nestjs/common';
import { ReportingRepository } from '@customs/persistence';
import { selectionBasisCell, trainingLabels, trainingRow } from './training-row';

/** Rows read from Postgres per query while exporting. */
const PAGE = 1000;

/**
 * Labelled inspection results for training: every inspection case with a recorded result,
 * joined with its decision record (the declaration snapshot as screened, the fired criteria and
 * the selection basis), in the KCS training layout (see `training-row.ts`).
 */
@Injectable()
export class InspectionResultsService {
  constructor(private readonly reporting: ReportingRepository) {}

  /**
   * CSV rows (TRAINING_COLUMNS order) of the results whose declaration acceptance date lies in
   * `[from, to]` (ISO dates, inclusive; null: unbounded), ordered by date then declaration id,
   * read a page at a time (keyset), so memory stays flat on large exports.
   */
  async *rows(from: string | null, to: string | null): AsyncGenerator<string[]> {
    let after: [string, string] = ['', ''];
    for (;;) {
      const page = await this.reporting.inspectedDecisions({ from, to }, after, PAGE);
      for (const r of page) {
        const labels = trainingLabels({ outcome: r.outcome, firedCriteria: r.fired ?? [], verdicts: r.verdicts });
        yield trainingRow(r.declaration, labels, selectionBasisCell(r.decidedBy, r.reasons));
      }
      if (page.length < PAGE) return;
      const last = page[page.length - 1];
      after = [last.date, last.declarationId];
    }
  }
}
