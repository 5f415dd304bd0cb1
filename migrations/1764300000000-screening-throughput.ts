import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Screening throughput (issue 6):
 * - `criteria_set`: each distinct set of criterion versions in force, stored once under its
 *   SHA-256 fingerprint; a decision record names the fingerprint instead of listing 10,000
 *   `id@version` strings, and a replay reads the list back from here. Append-only, like the
 *   other evidence tables.
 * - `case_start_outbox`: the transactional outbox of inspection-case starts. A YELLOW/RED
 *   decision and its outbox row are written in the same statement; a dispatcher starts the
 *   workflow later (bounded concurrency, retries with back-off) and stamps `started_at`.
 *   Rows are kept once done (small; they answer "is the case open yet?").
 */
export class ScreeningThroughput1764300000000 implements MigrationInterface {
  name = 'ScreeningThroughput1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "criteria_set" (
        "fingerprint" character(64) NOT NULL,
        "versions" text array NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_criteria_set" PRIMARY KEY ("fingerprint")
      )`);
    await q.query(`CREATE TRIGGER "criteria_set_no_change" BEFORE UPDATE OR DELETE ON "criteria_set"
                   FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER "criteria_set_no_truncate" BEFORE TRUNCATE ON "criteria_set"
                   FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);

    await q.query(`
      CREATE TABLE "case_start_outbox" (
        "case_id" character varying(80) NOT NULL,
        "declaration_id" character varying(40) NOT NULL,
        "input" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "attempts" integer NOT NULL DEFAULT 0,
        "started_at" TIMESTAMP WITH TIME ZONE,
        "outcome" character varying(8),
        "last_error" text,
        CONSTRAINT "uq_case_start_outbox_declaration" UNIQUE ("declaration_id"),
        CONSTRAINT "PK_case_start_outbox" PRIMARY KEY ("case_id")
      )`);
    await q.query(`CREATE INDEX "ix_case_start_outbox_pending" ON "case_start_outbox" ("available_at") WHERE "started_at" IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_start_outbox"`);
    await q.query(`DROP TABLE "criteria_set"`);
  }
}
