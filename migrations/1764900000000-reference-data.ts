import { MigrationInterface, QueryRunner } from 'typeorm';
import { compiledReferenceLists, REFERENCE_LIST_NAMES } from '@customs/domain';
import { APP_ROLE } from '@customs/persistence';

/**
 * `reference_code` (issue 14, reference data): the versioned reference lists (customs offices,
 * KCS tax types, import types, modes of transport, ..., countries, HS codes). A version of a list is
 * complete (every code of the list at that version) and never changes: `npm run reference:import`
 * appends a new version, so the API grants the app role INSERT and SELECT only. Version 1 of every
 * list is seeded here from the compiled-in lists (`compiledReferenceLists`).
 */
export class ReferenceData1764900000000 implements MigrationInterface {
  name = 'ReferenceData1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "reference_code" (
        "list" character varying(32) NOT NULL,
        "version" integer NOT NULL CHECK ("version" >= 1),
        "code" character varying(16) NOT NULL,
        "label" text,
        "valid_from" date NOT NULL,
        "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "source" text NOT NULL,
        CONSTRAINT "PK_reference_code" PRIMARY KEY ("list", "version", "code")
      )`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "reference_code" FROM PUBLIC, ${APP_ROLE}`);
    const lists = compiledReferenceLists();
    for (const list of REFERENCE_LIST_NAMES) {
      const codes = lists[list];
      await q.query(
        `INSERT INTO "reference_code" ("list", "version", "code", "label", "valid_from", "source")
         SELECT $1, 1, c, l, DATE '2020-01-01', $2 FROM unnest($3::text[], $4::text[]) AS t(c, l)`,
        [list, 'compiled-in lists (KCS 2020-01..2021-03, ISO 3166-1, HS 2022)', codes.map((c) => c.code), codes.map((c) => c.label)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "reference_code"`);
  }
}
