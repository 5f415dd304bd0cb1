import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The screening spine: decision records (append-only), versioned selectivity criteria
 * (immutable versions), the inspection-case read model and its append-only event history.
 */
export class ScreeningSpine1763800000000 implements MigrationInterface {
  name = 'ScreeningSpine1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "decision_record" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "declaration_id" character varying(40) NOT NULL,
        "declaration_hash" character(64) NOT NULL,
        "office_id" character varying(8) NOT NULL,
        "lane" character varying(6) NOT NULL,
        "risk_score" double precision NOT NULL,
        "control_sample" boolean NOT NULL,
        "record" jsonb NOT NULL,
        "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_decision_record_declaration" UNIQUE ("declaration_id"),
        CONSTRAINT "PK_decision_record" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "ix_decision_record_office_lane" ON "decision_record" ("office_id", "lane")`);

    await q.query(`
      CREATE TABLE "selectivity_criterion" (
        "id" character varying(40) NOT NULL,
        "version" integer NOT NULL,
        "scope" character varying(8) NOT NULL,
        "office_id" character varying(8),
        "lane" character varying(6) NOT NULL,
        "status" character varying(10) NOT NULL,
        "valid_from" date NOT NULL,
        "valid_to" date NOT NULL,
        "definition" jsonb NOT NULL,
        "source" character varying(200) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_selectivity_criterion" PRIMARY KEY ("id", "version")
      )`);
    await q.query(`CREATE INDEX "ix_selectivity_criterion_scope_office" ON "selectivity_criterion" ("scope", "office_id")`);

    await q.query(`
      CREATE TABLE "inspection_case" (
        "case_id" character varying(80) NOT NULL,
        "declaration_id" character varying(40) NOT NULL,
        "office_id" character varying(8) NOT NULL,
        "lane" character varying(6) NOT NULL,
        "status" character varying(16) NOT NULL,
        "risk_score" double precision NOT NULL,
        "control_sample" boolean NOT NULL DEFAULT false,
        "fired_criteria" jsonb NOT NULL,
        "assignee_id" character varying(64),
        "escalated" boolean NOT NULL DEFAULT false,
        "outcome" character varying(16),
        "findings" text,
        "verdicts" jsonb,
        "last_seq" integer NOT NULL,
        "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "uq_inspection_case_declaration" UNIQUE ("declaration_id"),
        CONSTRAINT "PK_inspection_case" PRIMARY KEY ("case_id")
      )`);
    await q.query(`CREATE INDEX "ix_inspection_case_queue" ON "inspection_case" ("office_id", "status", "lane")`);

    await q.query(`
      CREATE TABLE "case_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "case_id" character varying(80) NOT NULL,
        "seq" integer NOT NULL,
        "type" character varying(24) NOT NULL,
        "actor" character varying(64) NOT NULL,
        "payload" jsonb NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "uq_case_event_case_seq" UNIQUE ("case_id", "seq"),
        CONSTRAINT "PK_case_event" PRIMARY KEY ("id")
      )`);

    // Append-only tables: refuse UPDATE/DELETE per row and TRUNCATE per statement.
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
      END $$`);
    for (const table of ['decision_record', 'case_event', 'selectivity_criterion']) {
      await q.query(`CREATE TRIGGER "${table}_no_change" BEFORE UPDATE OR DELETE ON "${table}"
                     FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await q.query(`CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}"
                     FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_event"`);
    await q.query(`DROP TABLE "inspection_case"`);
    await q.query(`DROP TABLE "selectivity_criterion"`);
    await q.query(`DROP TABLE "decision_record"`);
    await q.query(`DROP FUNCTION refuse_change()`);
  }
}
