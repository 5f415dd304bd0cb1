import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Maker-checker for selectivity criteria: every version records its author, and a version
 * takes effect only once a different user approved it (`criterion_approval`, append-only).
 * Seed versions from `rules/` are approved by `seed` when loaded.
 */
export class CriterionApproval1763900000000 implements MigrationInterface {
  name = 'CriterionApproval1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "selectivity_criterion" DISABLE TRIGGER "selectivity_criterion_no_change"`);
    await q.query(`ALTER TABLE "selectivity_criterion" ADD "created_by" character varying(64) NOT NULL DEFAULT 'seed'`);
    await q.query(`ALTER TABLE "selectivity_criterion" ENABLE TRIGGER "selectivity_criterion_no_change"`);
    await q.query(`
      CREATE TABLE "criterion_approval" (
        "criterion_id" character varying(40) NOT NULL,
        "version" integer NOT NULL,
        "approved_by" character varying(64) NOT NULL,
        "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_criterion_approval" PRIMARY KEY ("criterion_id", "version"),
        CONSTRAINT "fk_criterion_approval_version" FOREIGN KEY ("criterion_id", "version")
          REFERENCES "selectivity_criterion" ("id", "version")
      )`);
    await q.query(`CREATE TRIGGER "criterion_approval_no_change" BEFORE UPDATE OR DELETE ON "criterion_approval"
                   FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER "criterion_approval_no_truncate" BEFORE TRUNCATE ON "criterion_approval"
                   FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    // Versions loaded before this migration came from the seed files: approve them as such.
    await q.query(`INSERT INTO "criterion_approval" ("criterion_id", "version", "approved_by")
                   SELECT "id", "version", 'seed' FROM "selectivity_criterion"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "criterion_approval"`);
    await q.query(`ALTER TABLE "selectivity_criterion" DISABLE TRIGGER "selectivity_criterion_no_change"`);
    await q.query(`ALTER TABLE "selectivity_criterion" DROP COLUMN "created_by"`);
    await q.query(`ALTER TABLE "selectivity_criterion" ENABLE TRIGGER "selectivity_criterion_no_change"`);
  }
}
