import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supply-chain history and model registry (issue 5).
 *
 * - `inspection_outcome`: one labelled outcome per declaration (what inspection found), the
 *   source of the supply-chain history features: imported history (`HISTORY`) or an
 *   inspection result recorded in this system (`INSPECTION`). Append-only; `seq` orders the
 *   rows for incremental loading.
 * - `model_registration`: the model versions known to the system and which one decides
 *   (CHAMPION; exactly one), which score in shadow (CHALLENGER) and which are RETIRED.
 *   Changed only by promotion, each recorded in the append-only `model_event`.
 */
export class SupplyChainAndModels1764500000000 implements MigrationInterface {
  name = 'SupplyChainAndModels1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "inspection_outcome" (
        "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "declaration_id" character varying(40) NOT NULL,
        "declaration_date" date NOT NULL,
        "declaration" jsonb NOT NULL,
        "fraud" smallint NOT NULL,
        "critical_fraud" smallint NOT NULL,
        "source" character varying(16) NOT NULL,
        "case_id" character varying(80),
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "uq_inspection_outcome_declaration" UNIQUE ("declaration_id"),
        CONSTRAINT "ck_inspection_outcome_labels" CHECK ("fraud" IN (0, 1) AND "critical_fraud" IN (0, 1, 2)),
        CONSTRAINT "ck_inspection_outcome_source" CHECK ("source" IN ('HISTORY', 'INSPECTION')),
        CONSTRAINT "PK_inspection_outcome" PRIMARY KEY ("seq")
      )`);
    await q.query(`CREATE TRIGGER "inspection_outcome_no_change" BEFORE UPDATE OR DELETE ON "inspection_outcome"
                   FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER "inspection_outcome_no_truncate" BEFORE TRUNCATE ON "inspection_outcome"
                   FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    await q.query(`
      CREATE TABLE "model_registration" (
        "version" character varying(32) NOT NULL,
        "name" character varying(64) NOT NULL,
        "role" character varying(16) NOT NULL,
        "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "ck_model_registration_role" CHECK ("role" IN ('CHAMPION', 'CHALLENGER', 'RETIRED')),
        CONSTRAINT "PK_model_registration" PRIMARY KEY ("version")
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_model_registration_champion" ON "model_registration" ("role") WHERE "role" = 'CHAMPION'`);
    await q.query(`
      CREATE TABLE "model_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "version" character varying(32) NOT NULL,
        "type" character varying(24) NOT NULL,
        "from_role" character varying(16),
        "to_role" character varying(16) NOT NULL,
        "actor" character varying(64) NOT NULL,
        "reason" text NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_model_event" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE TRIGGER "model_event_no_change" BEFORE UPDATE OR DELETE ON "model_event"
                   FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER "model_event_no_truncate" BEFORE TRUNCATE ON "model_event"
                   FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "model_event"`);
    await q.query(`DROP TABLE "model_registration"`);
    await q.query(`DROP TABLE "inspection_outcome"`);
  }
}
