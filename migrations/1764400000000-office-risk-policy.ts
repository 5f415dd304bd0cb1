import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-office risk policies: capacity figures, control and exploration shares, and the cut-offs
 * derived from them for the model deciding when the version was written. One row per version,
 * append-only (a trigger refuses UPDATE, DELETE and TRUNCATE): a change is a new version with
 * its author and reason.
 */
export class OfficeRiskPolicy1764400000000 implements MigrationInterface {
  name = 'OfficeRiskPolicy1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "office_risk_policy" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "office_id" character varying(8) NOT NULL,
        "version" integer NOT NULL,
        "daily_physical_capacity" double precision NOT NULL,
        "daily_document_capacity" double precision NOT NULL,
        "expected_daily_declarations" double precision NOT NULL,
        "expected_daily_declarations_source" character varying(10) NOT NULL,
        "control_share" double precision NOT NULL,
        "exploration_share" double precision NOT NULL,
        "derived" jsonb NOT NULL,
        "model_name" character varying(80) NOT NULL,
        "model_version" character varying(40) NOT NULL,
        "created_by" character varying(64) NOT NULL,
        "reason" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_office_risk_policy_version" UNIQUE ("office_id", "version"),
        CONSTRAINT "PK_office_risk_policy" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE TRIGGER "office_risk_policy_no_change" BEFORE UPDATE OR DELETE ON "office_risk_policy"
                   FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER "office_risk_policy_no_truncate" BEFORE TRUNCATE ON "office_risk_policy"
                   FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "office_risk_policy"`);
  }
}
