import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { RuntimeConfig } from '@customs/config';
import { DecisionRecordRepository, OfficeRiskPolicyRepository } from '@customs/persistence';
import { CriterionBacktest, type BacktestOverlap, type BacktestTotals, type SelectivityCriterion } from '@customs/selectivity';
import { RUNTIME_CONFIG } from '../../../services/config/config.module';

/** Days a backtest looks back by default (the window the CBTC reviews a criterion over). */
export const DEFAULT_BACKTEST_DAYS = 28;
/** Longest period one backtest may cover, days. */
export const MAX_BACKTEST_DAYS = 366;
/** Decisions read per page. */
const PAGE = 5000;
const DAY_MS = 86_400_000;

/** The extra inspections a criterion would add to one office, against its capacity. */
export interface BacktestCapacity {
  officeId: string;
  /** Extra inspections per day over the period (selected declarations not already in the criterion's lane or above). */
  extraPerDay: number;
  /**
   * The office's daily capacity for the criterion's lane (physical inspections for RED, document
   * reviews for YELLOW) from its newest risk policy; null when the office has none.
   */
  capacityPerDay: number | null;
  /** extraPerDay over capacityPerDay, % (one decimal); null without a capacity. */
  shareOfCapacity: number | null;
}

/** `POST /api/criteria/backtest`, `GET /api/criteria/:id/versions/:version/backtest`. */
export interface CriterionBacktestResult extends BacktestTotals {
  criterion: { id: string; version: number | null; lane: 'YELLOW' | 'RED'; scope: 'CENTRAL' | 'LOCAL'; officeId: string | null };
  /** The decisions read: made from `from` to `to` (UTC days, both included). */
  period: { from: string; to: string; days: number };
  capacity: BacktestCapacity[];
  /**
   * Criteria of the other scope (central for a local criterion, local for a central one) that
   * already selected at least CRITERIA_OVERLAP_SHARE (default 80 %) of what this one selects.
   */
  coveredBy: BacktestOverlap[];
}

/**
 * Backtests a criterion before approval: runs it over the decisions stored for a past period
 * (default the last 28 days) with `CriterionBacktest` (`@customs/selectivity`, the conditions as
 * screening evaluates them), reading 5,000 decisions at a time, and sets the extra inspections
 * per office against the office's capacity (`office_risk_policy`).
 */
@Injectable()
export class CriterionBacktestService {
  constructor(
    private readonly decisions: DecisionRecordRepository,
    private readonly policies: OfficeRiskPolicyRepository,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /**
   * @param criterion a checked criterion (a draft as version 1, or a stored version).
   * @param version the stored version, or null for a draft.
   * @param from first day (YYYY-MM-DD, UTC); default `to` minus 27 days.
   * @param to last day (YYYY-MM-DD, UTC); default today.
   * @throws BadRequestException when `to` is before `from` or the period is longer than 366 days.
   */
  async run(criterion: SelectivityCriterion, version: number | null, from?: string, to?: string): Promise<CriterionBacktestResult> {
    const last = to ?? new Date().toISOString().slice(0, 10);
    const first = from ?? new Date(Date.parse(`${last}T00:00:00Z`) - (DEFAULT_BACKTEST_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
    const start = Date.parse(`${first}T00:00:00Z`);
    const end = Date.parse(`${last}T00:00:00Z`) + DAY_MS;
    const days = Math.round((end - start) / DAY_MS);
    if (days < 1) throw new BadRequestException(`to (${last}) must not be before from (${first})`);
    if (days > MAX_BACKTEST_DAYS) throw new BadRequestException(`a backtest covers at most ${MAX_BACKTEST_DAYS} days, got ${days}`);

    const backtest = new CriterionBacktest(criterion);
    for (let after = '0'; ; ) {
      const page = await this.decisions.backtestPage(new Date(start), new Date(end), after, PAGE);
      for (const row of page) backtest.add(row);
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
    const totals = backtest.totals();
    const policies = await this.policies.newestOfEachOffice();
    const capacity = totals.byOffice.map(({ officeId, extra }): BacktestCapacity => {
      const policy = policies.get(officeId);
      const capacityPerDay = policy ? (criterion.lane === 'RED' ? policy.dailyPhysicalCapacity : policy.dailyDocumentCapacity) : null;
      const extraPerDay = Math.round((extra / days) * 100) / 100;
      return { officeId, extraPerDay, capacityPerDay, shareOfCapacity: capacityPerDay ? Math.round((extraPerDay / capacityPerDay) * 1000) / 10 : null };
    });
    const otherScope = criterion.scope === 'CENTRAL' ? 'LOC-' : 'CEN-';
    const coveredBy = totals.overlap.filter((o) => o.criterionId.startsWith(otherScope) && o.share >= this.config.criteriaOverlapShare * 100);
    return {
      criterion: { id: criterion.id, version, lane: criterion.lane, scope: criterion.scope, officeId: criterion.officeId },
      period: { from: first, to: last, days },
      ...totals,
      capacity,
      coveredBy,
    };
  }
}
