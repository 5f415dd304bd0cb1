import { Injectable } from '@nestjs/common';
import { SELECTION_BASES, type SelectionBasis } from '@customs/decision';
import { ReportingRepository } from '@customs/persistence';

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

/** `GET /api/stats/open-cases`: open cases by office. */
export interface OpenCases {
  offices: OfficeCaseLoad[];
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

/** `GET /api/stats/criteria`: hit rate per criterion, and the control sample's as a baseline. */
export interface CriteriaHitRates {
  criteria: CriterionHitRate[];
  controlSample: { inspected: number; hits: number; hitRatePct: number | null };
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
  constructor(private readonly reporting: ReportingRepository) {}

  /** GREEN/YELLOW/RED counts by declaration acceptance date, optionally for one office. */
  async lanes(from: string | null, to: string | null, officeId: string | null): Promise<LaneStats> {
    const r = await this.reporting.laneCounts({ from, to, officeId });
    return { from, to, officeId, ...r, automaticClearancePct: pct(r.green, r.total) };
  }

  /** Open cases per office (all offices, or one). */
  async openCases(officeId: string | null): Promise<OfficeCaseLoad[]> {
    return this.reporting.openCaseCounts(officeId);
  }

  /**
   * Hit rates per selection basis (`GET /api/stats/hit-rates`): declarations by declaration
   * acceptance date in `[from, to]` (inclusive; null unbounded), one office or all, results from
   * the case read model. The control sample is counted apart (see `SelectionHitRates.control`).
   */
  async hitRatesByBasis(from: string | null, to: string | null, officeId: string | null): Promise<SelectionHitRates> {
    const { byBasis: rows, control } = await this.reporting.selectionsByBasis({ from, to, officeId });
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
  async hitRates(): Promise<CriteriaHitRates> {
    const { selections, results, verdicts, control } = await this.reporting.criterionFeedback();
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
