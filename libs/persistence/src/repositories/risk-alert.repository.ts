import type { DataSource, EntityManager } from 'typeorm';
import { IntelligenceReportEntity, RiskAlertAcknowledgementEntity, RiskCaseEntity, RiskCaseEventEntity } from '../entities';

/**
 * A risk case shared with an office, as its officers and supervisors are alerted to it: the
 * `risk_case` read model's columns, the assessment from its snapshot, the SHARED event (who,
 * when) and the reading user's acknowledgement.
 */
export interface SharedRiskCaseRow {
  riskCaseId: string;
  status: string;
  riskArea: string;
  /** What is smuggled (risk area SMUGGLING), else null. */
  smugglingSubtype: string | null;
  riskLevel: string | null;
  /** The assessment's composite, 1..5 (two decimals); null when the snapshot has none. */
  composite: number | null;
  /** The analyst's note with the assessment ('' when none). */
  note: string;
  /** Offices the case is shared with, sorted. */
  sharedWith: string[];
  /** Who shared it (the SHARED event's actor). */
  sharedBy: string;
  /** ISO timestamp of the SHARED event. */
  sharedAt: string;
  /** ISO timestamp the reading user acknowledged it; null when they have not. */
  acknowledgedAt: string | null;
}

/** Statuses of a risk case that has ended: no longer an alert. */
const ENDED = ['CLOSED', 'DISMISSED'];

/**
 * Risk alerts: the risk cases shared with an office (decision SHARE, recorded by the risk-case
 * workflow as `state.sharedWith` and a SHARED event) and each user's acknowledgement of them
 * (`risk_alert_acknowledgement`, written once per case and user).
 */
export class RiskAlertRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private table(entity: new () => object): string {
    return this.db.getRepository(entity).metadata.tableName;
  }

  /**
   * The cases shared with `officeId` that have not ended (not CLOSED or DISMISSED), most
   * recently shared first (then by id), with `userId`'s acknowledgement.
   * @param limit at most this many rows.
   */
  async sharedWith(officeId: string, userId: string, limit: number): Promise<SharedRiskCaseRow[]> {
    const rows: Array<Omit<SharedRiskCaseRow, 'sharedAt' | 'acknowledgedAt' | 'composite'> & { sharedAt: Date; acknowledgedAt: Date | null; composite: string | null }> =
      await this.db.query(
        `SELECT r.risk_case_id AS "riskCaseId", r.status, r.risk_area AS "riskArea", r.state->>'smugglingSubtype' AS "smugglingSubtype",
                r.risk_level AS "riskLevel", r.state->'assessment'->>'composite' AS composite,
                coalesce(r.state->'assessment'->>'note', '') AS note, r.state->'sharedWith' AS "sharedWith",
                e.actor AS "sharedBy", e.occurred_at AS "sharedAt", a.acknowledged_at AS "acknowledgedAt"
           FROM ${this.table(RiskCaseEntity)} r
           JOIN LATERAL (SELECT actor, occurred_at FROM ${this.table(RiskCaseEventEntity)} ev
                          WHERE ev.risk_case_id = r.risk_case_id AND ev.type = 'SHARED' ORDER BY ev.seq DESC LIMIT 1) e ON true
           LEFT JOIN ${this.table(RiskAlertAcknowledgementEntity)} a ON a.risk_case_id = r.risk_case_id AND a.user_id = $2
          WHERE r.state->'sharedWith' ? $1 AND r.status <> ALL($3)
          ORDER BY e.occurred_at DESC, r.risk_case_id ASC
          LIMIT $4`,
        [officeId, userId, ENDED, limit],
      );
    return rows.map((r) => ({
      ...r,
      composite: r.composite === null ? null : Number(r.composite),
      sharedAt: new Date(r.sharedAt).toISOString(),
      acknowledgedAt: r.acknowledgedAt ? new Date(r.acknowledgedAt).toISOString() : null,
    }));
  }

  /** The stored bodies of the intelligence reports of these risk cases, oldest first, by case id (cases without reports absent). */
  async reportsOf<TReport>(riskCaseIds: string[]): Promise<Map<string, TReport[]>> {
    const byCase = new Map<string, TReport[]>();
    if (riskCaseIds.length === 0) return byCase;
    const rows = await this.db
      .getRepository(IntelligenceReportEntity)
      .createQueryBuilder('i')
      .select(['i.riskCaseId', 'i.report'])
      .where('i.riskCaseId = ANY(:riskCaseIds)', { riskCaseIds })
      .orderBy('i.receivedAt', 'ASC')
      .getMany();
    for (const r of rows) byCase.set(r.riskCaseId, [...(byCase.get(r.riskCaseId) ?? []), r.report as TReport]);
    return byCase;
  }

  /**
   * Records that `userId` of `officeId` acknowledged the alert of `riskCaseId`, once: a repeated
   * call keeps the first time. Idempotent.
   * @returns when the user first acknowledged it (ISO timestamp).
   */
  async acknowledge(riskCaseId: string, userId: string, officeId: string, at: Date): Promise<string> {
    const table = this.table(RiskAlertAcknowledgementEntity);
    await this.db.query(
      `INSERT INTO ${table} (risk_case_id, user_id, office_id, acknowledged_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [riskCaseId, userId, officeId, at],
    );
    const row = await this.db.getRepository(RiskAlertAcknowledgementEntity).findOneByOrFail({ riskCaseId, userId });
    return row.acknowledgedAt.toISOString();
  }
}
