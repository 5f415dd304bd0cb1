import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The party network (issue 17): `party_declaration`, the parties of each screened declaration
 * written once per declaration id (so a re-send never counts twice, and the network can be cut
 * at any date), and `party_link`, the current edges (pairs of parties stored once, lesser key
 * first) with their count of shared declarations and first and last dates. Both are written by
 * the screening path in one statement per batch (`PartyNetworkRepository.record`).
 */
export class PartyNetwork1765210000000 implements MigrationInterface {
  name = 'PartyNetwork1765210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "party_declaration" (
        "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "declaration_id" character varying(40) NOT NULL,
        "declaration_date" date NOT NULL,
        "parties" character varying(40) array NOT NULL,
        CONSTRAINT "uq_party_declaration_declaration" UNIQUE ("declaration_id"),
        CONSTRAINT "PK_party_declaration" PRIMARY KEY ("seq")
      )`);
    await q.query(`
      CREATE TABLE "party_link" (
        "party_a" character varying(40) NOT NULL,
        "party_b" character varying(40) NOT NULL,
        "first_date" date NOT NULL,
        "last_date" date NOT NULL,
        "declarations" integer NOT NULL,
        CONSTRAINT "ck_party_link_order" CHECK ("party_a" < "party_b"),
        CONSTRAINT "ck_party_link_count" CHECK ("declarations" > 0),
        CONSTRAINT "PK_party_link" PRIMARY KEY ("party_a", "party_b")
      )`);
    await q.query(`CREATE INDEX "ix_party_link_party_b" ON "party_link" ("party_b")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "party_link"`);
    await q.query(`DROP TABLE "party_declaration"`);
  }
}
