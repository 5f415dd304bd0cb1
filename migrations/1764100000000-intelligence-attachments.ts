import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments of intelligence reports (documents, photos) in Postgres, with their SHA-256:
 * the same bytes are stored once per report. Rows are never changed: a trigger refuses
 * UPDATE, DELETE and TRUNCATE, as on the other evidence tables.
 */
export class IntelligenceAttachments1764100000000 implements MigrationInterface {
  name = 'IntelligenceAttachments1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "intelligence_attachment" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "report_id" character varying(80) NOT NULL,
        "sha256" character(64) NOT NULL,
        "file_name" character varying(255) NOT NULL,
        "content_type" character varying(64) NOT NULL,
        "size_bytes" integer NOT NULL,
        "content" bytea NOT NULL,
        "uploaded_by" character varying(64) NOT NULL,
        "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "uq_intelligence_attachment_sha256" UNIQUE ("report_id", "sha256"),
        CONSTRAINT "PK_intelligence_attachment" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "ix_intelligence_attachment_report" ON "intelligence_attachment" ("report_id")`);
    await q.query(`CREATE TRIGGER "intelligence_attachment_no_change" BEFORE UPDATE OR DELETE ON "intelligence_attachment"
                   FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`CREATE TRIGGER "intelligence_attachment_no_truncate" BEFORE TRUNCATE ON "intelligence_attachment"
                   FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "intelligence_attachment"`);
  }
}
