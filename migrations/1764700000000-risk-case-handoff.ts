import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `risk_case_handoff` (issue 13, durable hand-offs): the transactional outbox of what the API
 * tells a risk-case workflow after its own commit. An intake writes its report and the start of
 * the new case's workflow (or the link of a duplicate report to the open case) in one
 * transaction; approving a criterion writes the approval and one row per risk case drafting that
 * criterion. A dispatcher in every API process delivers them (the start with the case id as
 * workflow id, the update with a fixed update id, so a delivery repeated after a crash is
 * deduplicated by Temporal) and stamps `delivered_at`. A row whose
 * delivery failed (Temporal unreachable) is retried with back-off; one the workflow refuses
 * (the case ended) is stamped `REFUSED` with the reason. Rows are kept once done.
 */
export class RiskCaseHandoff1764700000000 implements MigrationInterface {
  name = 'RiskCaseHandoff1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "risk_case_handoff" (
        "id" bigserial NOT NULL,
        "risk_case_id" character varying(80) NOT NULL,
        "kind" character varying(32) NOT NULL,
        "payload" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "attempts" integer NOT NULL DEFAULT 0,
        "delivered_at" TIMESTAMP WITH TIME ZONE,
        "outcome" character varying(16),
        "last_error" text,
        CONSTRAINT "PK_risk_case_handoff" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "ix_risk_case_handoff_pending" ON "risk_case_handoff" ("available_at") WHERE "delivered_at" IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "risk_case_handoff"`);
  }
}
