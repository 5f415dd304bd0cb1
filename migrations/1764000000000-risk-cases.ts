import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The risk lifecycle: intelligence reports as received (with route and routing rule), the
 * risk-case read model and its append-only history, and the criterion -> risk case links
 * through which inspection results reach the case that drafted the criterion.
 */
export class RiskCases1764000000000 implements MigrationInterface {
  name = 'RiskCases1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "risk_case" (
        "risk_case_id" character varying(80) NOT NULL,
        "status" character varying(16) NOT NULL,
        "risk_area" character varying(32) NOT NULL,
        "route" character varying(8) NOT NULL,
        "office_ids" jsonb NOT NULL,
        "risk_level" character varying(8),
        "window_ends_at" TIMESTAMP WITH TIME ZONE,
        "state" jsonb NOT NULL,
        "last_seq" integer NOT NULL,
        "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_risk_case" PRIMARY KEY ("risk_case_id")
      )`);
    await q.query(`CREATE INDEX "ix_risk_case_status" ON "risk_case" ("status")`);
    await q.query(`
      CREATE TABLE "risk_case_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "risk_case_id" character varying(80) NOT NULL,
        "seq" integer NOT NULL,
        "type" character varying(24) NOT NULL,
        "actor" character varying(64) NOT NULL,
        "payload" jsonb NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "uq_risk_case_event_seq" UNIQUE ("risk_case_id", "seq"),
        CONSTRAINT "PK_risk_case_event" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE TRIGGER "risk_case_event_no_change" BEFORE UPDATE OR DELETE ON "risk_case_event"
                   FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER "risk_case_event_no_truncate" BEFORE TRUNCATE ON "risk_case_event"
                   FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    await q.query(`
      CREATE TABLE "risk_case_criterion" (
        "criterion_id" character varying(40) NOT NULL,
        "risk_case_id" character varying(80) NOT NULL,
        "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_risk_case_criterion" PRIMARY KEY ("criterion_id", "risk_case_id")
      )`);
    await q.query(`
      CREATE TABLE "intelligence_report" (
        "report_id" character varying(80) NOT NULL,
        "risk_case_id" character varying(80) NOT NULL,
        "duplicate" boolean NOT NULL DEFAULT false,
        "report" jsonb NOT NULL,
        "subject_keys" jsonb NOT NULL,
        "route" character varying(8) NOT NULL,
        "route_rule" character varying(80) NOT NULL,
        "reported_by" character varying(64) NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_intelligence_report" PRIMARY KEY ("report_id")
      )`);
    await q.query(`CREATE INDEX "ix_intelligence_report_case" ON "intelligence_report" ("risk_case_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "intelligence_report"`);
    await q.query(`DROP TABLE "risk_case_criterion"`);
    await q.query(`DROP TABLE "risk_case_event"`);
    await q.query(`DROP TABLE "risk_case"`);
  }
}
