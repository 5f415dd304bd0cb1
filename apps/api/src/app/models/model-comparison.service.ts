import { Injectable } from '@nestjs/common';
import { ReportingRepository } from '@customs/persistence';
import { performance, type ModelPerformance, type ScoredOutcome } from './model-comparison';

/** The comparison of every model version on the same inspected declarations. */
export interface ModelComparison {
  from: string | null;
  to: string | null;
  /** Inspected declarations with a recorded result (source: results recorded in this system). */
  inspected: number;
  models: Array<{ name: string; version: string; deciding: number; shadow: number } & ModelPerformance>;
  /** How the figures are computed. */
  basis: string;
}

/**
 * Compares champion and challengers on inspected declarations: the scores each model gave
 * (the decider's in `record.model`, the shadows' in `record.shadow`) against the findings of
 * the inspections recorded here (`inspection_outcome`, source INSPECTION). Read-only.
 */
@Injectable()
export class ModelComparisonService {
  constructor(private readonly reporting: ReportingRepository) {}

  /** @param from / to inclusive declaration dates `YYYY-MM-DD`, or null for open ends. */
  async compare(from: string | null, to: string | null): Promise<ModelComparison> {
    const rows = await this.reporting.scoredInspections({ from, to });
    const byModel = new Map<string, { name: string; version: string; rows: ScoredOutcome[]; deciding: number; shadow: number }>();
    const add = (name: string, version: string, score: number, lane: string, fraud: 0 | 1, deciding: boolean) => {
      const k = `${name}@${version}`;
      let m = byModel.get(k);
      if (!m) byModel.set(k, (m = { name, version, rows: [], deciding: 0, shadow: 0 }));
      m.rows.push({ score, lane, fraud });
      if (deciding) m.deciding += 1;
      else m.shadow += 1;
    };
    for (const r of rows) {
      const fraud = r.fraud === 1 ? 1 : 0;
      add(r.model.name, r.model.version, r.model.score, r.model.lane, fraud, true);
      for (const s of r.shadow ?? []) add(s.name, s.version, s.score, s.lane, fraud, false);
    }
    return {
      from,
      to,
      inspected: rows.length,
      models: [...byModel.values()].map(({ rows: scored, ...m }) => ({ ...m, ...performance(scored) })),
      basis: 'declarations inspected through this system; fraud = the inspection found a discrepancy or made a seizure. '
        + 'Inspected declarations were selected by the deciding model and the criteria, so the comparison favours neither '
        + 'model only on control selections: see /api/stats for the control sample.',
    };
  }
}
