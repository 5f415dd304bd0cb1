import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `risk_alert_acknowledgement` (issue 13, risk alerts): which officer or supervisor has
 * acknowledged which risk case shared with their office. Primary key (case, user): written once,
 * so a repeated acknowledgement keeps the first time.
 */
export class RiskAlertAcknowledgement1764810000000 implements MigrationInterface {
  name = 'RiskAlertAcknowledgement1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "risk_alert_acknowledgement" (
        "risk_case_id" character varying(80) NOT NULL,
        "user_id" character varying(64) NOT NULL,
        "office_id" character varying(8) NOT NULL,
        "acknowledged_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_risk_alert_acknowledgement" PRIMARY KEY ("risk_case_id", "user_id")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "risk_alert_acknowledgement"`);
  }
}
