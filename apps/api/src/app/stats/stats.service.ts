import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SELECTION_BASES, type SelectionBasis } from '@customs/decision';
import { SELECTION_BASIS_SQL } from '@customs/persistence';

/** Lane counts over a period. */
export interface LaneStats {
  from: string | null;
  to: string | null;
  officeId: string | null;
  total: number;
  green: number;
  yellow: number;
  red: number;
  /** GREEN / total, in percent (null when there is nothing in the period). */
  automaticClearancePct: number | null;
}

/** Open cases of one office by status. */
export interface OfficeCaseLoad {
  officeId: string;
  queued: number;
  assigned: number;
  resultRecorded: number;
  /** Open cases that passed their assignment deadline. */
  escalated: number;
}

/** Feedback on one criterion: how often it selected, and what inspections found. */
export interface CriterionHitRate {
  criterionId: string;
  selections: number;
  /** Selected declarations whose inspection result is recorded. */
  inspected: number;
  /** Inspected with outcome DISCREPANCY or SEIZURE. */
  hits: number;
  /** hits / inspected, in percent (null before any result). */
  hitRatePct: number | null;
  /** Officers' verdicts on the selection: appropriate / not appropriate. */
  appropriate: number;
  notAppropriate: number;
}

/** Inspection results of the declarations one selection basis decided. */
export interface BasisHitRate {
  basis: SelectionBasis;
  /** Declarations whose lane this basis decided. */
  selected: number;
  /** Of those, inspected with a recorded result. */
  inspected: number;
  /** Inspected with outcome DISCREPANCY or SEIZURE. */
  hits: number;
  /** hits / inspected, in percent (null before any result). */
  hitRatePct: number | null;
}

/** Hit rates per selection basis over a period, with the control sample apart. */
export interface SelectionHitRates {
  from: string | null;
  to: string | null;
  officeId: string | null;
  hitDefinition: string;
  /** One entry per basis (CRITERION, MODEL, CONTROL, EXPLORATION), by the basis that decided the lane. */
  byDecidingBasis: BasisHitRate[];
  /**
   * Every declaration drawn for the control sample, whatever else selected it: the draw is
   * independent of criteria and model, so these are a random sample of all declarations and
   * their hit rate estimates the base rate without selection bias.
   */
  control: { drawn: number; inspected: number; hits: number; hitRatePct: number | null; note: string };
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);

/**
 * Figures for the dashboard, computed from the decision records and the case read model.
 * Hit rate = share of inspected selections with a DISCREPANCY or SEIZURE outcome (the field's
 * usual definition); control-sample cases are reported apart so they estimate the base rate.
 */
@Injectable()
export class StatsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** GREEN/YELLOW/RED counts by declaration acceptance date, optionally for one office. */
  async lanes(from: string | null, to: string | null, officeId: string | null): Promise<LaneStats> {
    const [r] = await this.db.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE lane = 'GREEN')::int AS green,
              count(*) FILTER (WHERE lane = 'YELLOW')::int AS yellow,
              count(*) FILTER (WHERE lane = 'RED')::int AS red
       FROM decision_record
       WHERE ($1::date IS NULL OR (record->'declaration'->>'date')::date >= $1::date)
         AND ($2::date IS NULL OR (record->'declaration'->>'date')::date <= $2::date)
         AND ($3::varchar IS NULL OR office_id = $3::varchar)`,
      [from, to, officeId],
    );
    return { from, to, officeId, ...r, automaticClearancePct: pct(r.green, r.total) };
  }

  /** Open cases per office (all offices, or one). */
  async openCases(officeId: string | null): Promise<OfficeCaseLoad[]> {
    return this.db.query(
      `SELECT office_id AS "officeId",
              count(*) FILTER (WHERE status = 'QUEUED')::int AS queued,
              count(*) FILTER (WHERE status = 'ASSIGNED')::int AS assigned,
              count(*) FILTER (WHERE status = 'RESULT_RECORDED')::int AS "resultRecorded",
              count(*) FILTER (WHERE escalated)::int AS escalated
       FROM inspection_case
       WHERE status <> 'CLOSED' AND ($1::varchar IS NULL OR office_id = $1::varchar)
       GROUP BY office_id ORDER BY office_id`,
      [officeId],
    );
  }

  /**
   * Hit rates per selection basis (`GET /api/stats/hit-rates`): declarations by declaration
   * acceptance date in `[from, to]` (inclusive; null unbounded), one office or all, results from
   * the case read model. The control sample is counted apart (see `SelectionHitRates.control`).
   */
  async hitRatesByBasis(from: string | null, to: string | null, officeId: string | null): Promise<SelectionHitRates> {
    const where = `($1::date IS NULL OR (dr.record->'declaration'->>'date')::date >= $1::date)
         AND ($2::date IS NULL OR (dr.record->'declaration'->>'date')::date <= $2::date)
         AND ($3::varchar IS NULL OR dr.office_id = $3::varchar)`;
    const counts = `count(*)::int AS selected, count(ic.outcome)::int AS inspected,
              count(*) FILTER (WHERE ic.outcome IN ('DISCREPANCY', 'SEIZURE'))::int AS hits
       FROM decision_record dr LEFT JOIN inspection_case ic ON ic.declaration_id = dr.declaration_id`;
    const rows: Array<{ basis: SelectionBasis; selected: number; inspected: number; hits: number }> = await this.db.query(
      `SELECT ${SELECTION_BASIS_SQL.decidedBy} AS basis, ${counts} WHERE dr.lane <> 'GREEN' AND ${where} GROUP BY 1`,
      [from, to, officeId],
    );
    const [control] = await this.db.query(`SELECT ${counts} WHERE ${SELECTION_BASIS_SQL.controlDrawn} AND ${where}`, [from, to, officeId]);
    const byBasis = new Map(rows.map((r) => [r.basis, r]));
    return {
      from,
      to,
      officeId,
      hitDefinition: 'inspected with outcome DISCREPANCY or SEIZURE',
      byDecidingBasis: SELECTION_BASES.map((basis) => {
        const r = byBasis.get(basis) ?? { selected: 0, inspected: 0, hits: 0 };
        return { basis, selected: r.selected, inspected: r.inspected, hits: r.hits, hitRatePct: pct(r.hits, r.inspected) };
      }),
      control: {
        drawn: control.selected,
        inspected: control.inspected,
        hits: control.hits,
        hitRatePct: pct(control.hits, control.inspected),
        note: 'every declaration drawn for the control sample, whatever else selected it: a random sample of all declarations, so its hit rate estimates the base rate without selection bias',
      },
    };
  }

  /** Hit rate per criterion, and the control sample's as a baseline. */
  async hitRates(): Promise<{ criteria: CriterionHitRate[]; controlSample: { inspected: number; hits: number; hitRatePct: number | null } }> {
    const selections: Array<{ id: string; n: number }> = await this.db.query(
      `SELECT f->>'id' AS id, count(*)::int AS n
       FROM decision_record, jsonb_array_elements(record->'firedCriteria') f GROUP BY 1`,
    );
    const results: Array<{ id: string; inspected: number; hits: number }> = await this.db.query(
      `SELECT f->>'id' AS id,
              count(*) FILTER (WHERE outcome IS NOT NULL)::int AS inspected,
              count(*) FILTER (WHERE outcome IN ('DISCREPANCY', 'SEIZURE'))::int AS hits
       FROM inspection_case, jsonb_array_elements(fired_criteria) f GROUP BY 1`,
    );
    const verdicts: Array<{ id: string; yes: number; no: number }> = await this.db.query(
      `SELECT v->>'criterionId' AS id,
              count(*) FILTER (WHERE (v->>'appropriate')::boolean)::int AS yes,
              count(*) FILTER (WHERE NOT (v->>'appropriate')::boolean)::int AS no
       FROM inspection_case, jsonb_array_elements(coalesce(verdicts, '[]'::jsonb)) v GROUP BY 1`,
    );
    const [control] = await this.db.query(
      `SELECT count(*) FILTER (WHERE outcome IS NOT NULL)::int AS inspected,
              count(*) FILTER (WHERE outcome IN ('DISCREPANCY', 'SEIZURE'))::int AS hits
       FROM inspection_case WHERE control_sample`,
    );
    const byId = new Map<string, CriterionHitRate>();
    const entry = (id: string) => {
      let e = byId.get(id);
      if (!e) byId.set(id, (e = { criterionId: id, selections: 0, inspected: 0, hits: 0, hitRatePct: null, appropriate: 0, notAppropriate: 0 }));
      return e;
    };
    for (const s of selections) entry(s.id).selections = s.n;
    for (const r of results) Object.assign(entry(r.id), { inspected: r.inspected, hits: r.hits, hitRatePct: pct(r.hits, r.inspected) });
    for (const v of verdicts) Object.assign(entry(v.id), { appropriate: v.yes, notAppropriate: v.no });
    return {
      criteria: [...byId.values()].sort((a, b) => a.criterionId.localeCompare(b.criterionId)),
      controlSample: { ...control, hitRatePct: pct(control.hits, control.inspected) },
    };
  }
}
