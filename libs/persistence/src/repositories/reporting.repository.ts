import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Declaration } from '@customs/domain';
import type { DecisionRecordBody, SelectionBasis } from '@customs/decision';
import { DecisionRecordEntity, ExpressDecisionEntity, InspectionCaseEntity, InspectionOutcomeEntity, PassengerDecisionEntity } from '../entities';
import { SELECTION_BASIS_SQL } from '../queries/selection-basis.sql';

/** A period of declaration acceptance dates (`YYYY-MM-DD`, inclusive; null: unbounded), for one office or all (null). */
export interface ReportScope {
  from: string | null;
  to: string | null;
  officeId?: string | null;
}

/** Decisions by lane. */
export interface LaneCounts {
  total: number;
  green: number;
  yellow: number;
  red: number;
}

/** Open (not CLOSED) inspection cases of one office by status. */
export interface OpenCaseCounts {
  officeId: string;
  queued: number;
  assigned: number;
  resultRecorded: number;
  /** Open cases that passed their assignment deadline. */
  escalated: number;
}

/** Declarations selected, inspected (a result recorded) and hits (DISCREPANCY or SEIZURE). */
export interface SelectionCounts {
  selected: number;
  inspected: number;
  hits: number;
}

/** Feedback counts per criterion id, each from its own source (see {@link ReportingRepository.criterionFeedback}). */
export interface CriterionFeedbackCounts {
  /** Decisions whose record lists the criterion as fired. */
  selections: Array<{ id: string; n: number }>;
  /** Inspection cases it fired on: with a result, and with a DISCREPANCY or SEIZURE. */
  results: Array<{ id: string; inspected: number; hits: number }>;
  /** Officers' verdicts on its selections: appropriate (yes) or not (no). */
  verdicts: Array<{ id: string; yes: number; no: number }>;
  /** Control-sample cases: with a result, and hits. */
  control: { inspected: number; hits: number };
}

/** One inspection result with the decision behind it, for the training export. */
export interface InspectedDecision {
  declarationId: string;
  /** The declaration's acceptance date as recorded (`YYYY-MM-DD`). */
  date: string;
  outcome: string;
  verdicts: Array<{ criterionId: string; appropriate: boolean }> | null;
  /** The declaration as screened. */
  declaration: Declaration;
  fired: Array<{ id: string; riskArea?: string }> | null;
  /** The basis that decided the lane (null for a GREEN decision without one). */
  decidedBy: SelectionBasis | null;
  reasons: SelectionBasis[];
}

/** The scores of one inspected declaration: the deciding model's, the shadows', and the finding. */
export interface ScoredInspection {
  model: DecisionRecordBody['model'];
  shadow: DecisionRecordBody['shadow'] | null;
  /** KCS Fraud label of the inspection: 1 when it found a discrepancy or made a seizure. */
  fraud: number;
}

/** Hit: an inspection with outcome DISCREPANCY or SEIZURE (the field's usual definition). */
const HIT = `('DISCREPANCY', 'SEIZURE')`;

/**
 * Read-only reporting over several aggregates: the dashboard's figures, the training export and
 * the model comparison, from the decision records (`decision_record`), the case read model
 * (`inspection_case`) and the inspection outcomes (`inspection_outcome`). Raw SQL on purpose:
 * aggregates with FILTER, jsonb paths and `jsonb_array_elements`, which the query builder would
 * only wrap. Declaration dates are read from the recorded declaration (`record.declaration.date`).
 */
export class ReportingRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private table(entity: EntityTarget<ObjectLiteral>): string {
    return this.db.getRepository(entity).metadata.tableName;
  }

  /** Decisions by lane, by declaration date in the scope's period, of its office (or all). */
  async laneCounts(s: ReportScope): Promise<LaneCounts> {
    const [r]: LaneCounts[] = await this.db.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE lane = 'GREEN')::int AS green,
              count(*) FILTER (WHERE lane = 'YELLOW')::int AS yellow,
              count(*) FILTER (WHERE lane = 'RED')::int AS red
       FROM ${this.table(DecisionRecordEntity)}
       WHERE ($1::date IS NULL OR (record->'declaration'->>'date')::date >= $1::date)
         AND ($2::date IS NULL OR (record->'declaration'->>'date')::date <= $2::date)
         AND ($3::varchar IS NULL OR office_id = $3::varchar)`,
      [s.from, s.to, s.officeId ?? null],
    );
    return r;
  }

  /** Open inspection cases by status per office (every office with open cases, or one), by office id. */
  async openCaseCounts(officeId: string | null): Promise<OpenCaseCounts[]> {
    return this.db.query(
      `SELECT office_id AS "officeId",
              count(*) FILTER (WHERE status = 'QUEUED')::int AS queued,
              count(*) FILTER (WHERE status = 'ASSIGNED')::int AS assigned,
              count(*) FILTER (WHERE status = 'RESULT_RECORDED')::int AS "resultRecorded",
              count(*) FILTER (WHERE escalated)::int AS escalated
       FROM ${this.table(InspectionCaseEntity)}
       WHERE status <> 'CLOSED' AND ($1::varchar IS NULL OR office_id = $1::varchar)
       GROUP BY office_id ORDER BY office_id`,
      [officeId],
    );
  }

  /**
   * Selections by the basis that decided the lane (see `SELECTION_BASIS_SQL`; YELLOW/RED
   * decisions only), and apart the declarations drawn for the control sample whatever decided
   * their lane, with their inspection results from the case read model.
   * @returns `byBasis` holds only the bases that decided something.
   */
  async selectionsByBasis(s: ReportScope): Promise<{ byBasis: Array<SelectionCounts & { basis: SelectionBasis }>; control: SelectionCounts }> {
    const where = `($1::date IS NULL OR (dr.record->'declaration'->>'date')::date >= $1::date)
         AND ($2::date IS NULL OR (dr.record->'declaration'->>'date')::date <= $2::date)
         AND ($3::varchar IS NULL OR dr.office_id = $3::varchar)`;
    const counts = `count(*)::int AS selected, count(ic.outcome)::int AS inspected,
              count(*) FILTER (WHERE ic.outcome IN ${HIT})::int AS hits
       FROM ${this.table(DecisionRecordEntity)} dr LEFT JOIN ${this.table(InspectionCaseEntity)} ic ON ic.declaration_id = dr.declaration_id`;
    const params = [s.from, s.to, s.officeId ?? null];
    const byBasis: Array<SelectionCounts & { basis: SelectionBasis }> = await this.db.query(
      `SELECT ${SELECTION_BASIS_SQL.decidedBy} AS basis, ${counts} WHERE dr.lane <> 'GREEN' AND ${where} GROUP BY 1`,
      params,
    );
    const [control]: SelectionCounts[] = await this.db.query(`SELECT ${counts} WHERE ${SELECTION_BASIS_SQL.controlDrawn} AND ${where}`, params);
    return { byBasis, control };
  }

  /**
   * Feedback per criterion over all time: selections from the decision records (declarations,
   * express waybills and passenger screenings; a passenger screened on APIS and again with the
   * PNR counts once per screening that fired), results and verdicts from the case read model (every document type), and
   * the control sample's results as a baseline.
   */
  async criterionFeedback(): Promise<CriterionFeedbackCounts> {
    const decisions = this.table(DecisionRecordEntity);
    const cases = this.table(InspectionCaseEntity);
    const selections: CriterionFeedbackCounts['selections'] = await this.db.query(
      `SELECT id, sum(n)::int AS n FROM (
         SELECT f->>'id' AS id, count(*) AS n FROM ${decisions}, jsonb_array_elements(record->'firedCriteria') f GROUP BY 1
         UNION ALL
         SELECT f->>'id', count(*) FROM ${this.table(ExpressDecisionEntity)}, jsonb_array_elements(record->'firedCriteria') f GROUP BY 1
         UNION ALL
         SELECT f->>'id', count(*) FROM ${this.table(PassengerDecisionEntity)}, jsonb_array_elements(record->'firedCriteria') f GROUP BY 1
       ) s GROUP BY 1`,
    );
    const results: CriterionFeedbackCounts['results'] = await this.db.query(
      `SELECT f->>'id' AS id,
              count(*) FILTER (WHERE outcome IS NOT NULL)::int AS inspected,
              count(*) FILTER (WHERE outcome IN ${HIT})::int AS hits
       FROM ${cases}, jsonb_array_elements(fired_criteria) f GROUP BY 1`,
    );
    const verdicts: CriterionFeedbackCounts['verdicts'] = await this.db.query(
      `SELECT v->>'criterionId' AS id,
              count(*) FILTER (WHERE (v->>'appropriate')::boolean)::int AS yes,
              count(*) FILTER (WHERE NOT (v->>'appropriate')::boolean)::int AS no
       FROM ${cases}, jsonb_array_elements(coalesce(verdicts, '[]'::jsonb)) v GROUP BY 1`,
    );
    const [control]: Array<CriterionFeedbackCounts['control']> = await this.db.query(
      `SELECT count(*) FILTER (WHERE outcome IS NOT NULL)::int AS inspected,
              count(*) FILTER (WHERE outcome IN ${HIT})::int AS hits
       FROM ${cases} WHERE control_sample`,
    );
    return { selections, results, verdicts, control };
  }

  /**
   * One page of inspection results (cases with an outcome) joined with their decisions, whose
   * declaration date lies in the scope's period, ordered by (date, declaration id) after
   * `after` (keyset: pass the last row's date and id, or `['', '']` for the first page).
   * @param limit rows per page.
   */
  async inspectedDecisions(s: ReportScope, after: [string, string], limit: number): Promise<InspectedDecision[]> {
    const rows: Array<{ declaration_id: string; date: string; outcome: string; verdicts: InspectedDecision['verdicts']; declaration: Declaration;
      fired: InspectedDecision['fired']; decided_by: SelectionBasis | null; reasons: SelectionBasis[] }> = await this.db.query(
      `SELECT ic.declaration_id, dr.record->'declaration'->>'date' AS date, ic.outcome, ic.verdicts,
              dr.record->'declaration' AS declaration, dr.record->'firedCriteria' AS fired,
              ${SELECTION_BASIS_SQL.decidedBy} AS decided_by, ${SELECTION_BASIS_SQL.reasons} AS reasons
       FROM ${this.table(InspectionCaseEntity)} ic JOIN ${this.table(DecisionRecordEntity)} dr ON dr.declaration_id = ic.declaration_id
       WHERE ic.outcome IS NOT NULL
         AND ($1::date IS NULL OR (dr.record->'declaration'->>'date')::date >= $1::date)
         AND ($2::date IS NULL OR (dr.record->'declaration'->>'date')::date <= $2::date)
         AND (dr.record->'declaration'->>'date', ic.declaration_id) > ($3::text, $4::text)
       ORDER BY dr.record->'declaration'->>'date', ic.declaration_id
       LIMIT ${Math.floor(limit)}`,
      [s.from, s.to, after[0], after[1]],
    );
    return rows.map((r) => ({
      declarationId: r.declaration_id,
      date: r.date,
      outcome: r.outcome,
      verdicts: r.verdicts,
      declaration: r.declaration,
      fired: r.fired,
      decidedBy: r.decided_by,
      reasons: r.reasons,
    }));
  }

  /**
   * The scores every model gave the declarations inspected through this system (outcomes of
   * source INSPECTION with their decision), by declaration date in the scope's period (all offices).
   */
  async scoredInspections(s: ReportScope): Promise<ScoredInspection[]> {
    return this.db.query(
      `SELECT d.record->'model' AS model, d.record->'shadow' AS shadow, o.fraud
       FROM ${this.table(InspectionOutcomeEntity)} o JOIN ${this.table(DecisionRecordEntity)} d ON d.declaration_id = o.declaration_id
       WHERE o.source = 'INSPECTION' AND ($1::date IS NULL OR o.declaration_date >= $1::date) AND ($2::date IS NULL OR o.declaration_date <= $2::date)`,
      [s.from, s.to],
    );
  }
}
