import type { DataSource, EntityManager } from 'typeorm';
import type { Declaration } from '@customs/domain';
import { InspectionOutcomeEntity, PartyDeclarationEntity, PartyLinkEntity } from '../entities';

/** The party fields of a declaration the network reads. */
export type PartyDeclarationInput = Pick<Declaration, 'declarationId' | 'date' | 'declarantId' | 'importerId' | 'sellerId' | 'courierId'>;

/** One row of `party_declaration` as the network loads it. */
export interface StoredPartyDeclaration {
  /** Identity (bigint as a decimal string), increasing with inserts. */
  seq: string;
  declarationId: string;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  /** The declaration's party fields, as stored in the node keys (`sellerId` / `courierId` null when absent). */
  declarantId: string;
  importerId: string;
  sellerId: string | null;
  courierId: string | null;
}

/** One inspection outcome (`inspection_outcome`) as the network reads it: the declaration's parties and when the result became known. */
export interface PartyOutcomeRow {
  /** Identity of `inspection_outcome` (bigint as a decimal string). */
  seq: string;
  declaration: PartyDeclarationInput;
  /** KCS Fraud 0/1: 1 = seizure or detected fraud. */
  fraud: 0 | 1;
  /** KCS Critical Fraud 0/1/2. */
  criticalFraud: number;
  /**
   * The day the outcome became known (ISO date, UTC): the day it was recorded for an inspection
   * result, the declaration's own date for an imported past result (as the supply-chain history
   * counts it), never before the declaration's date.
   */
  knownOn: string;
}

/**
 * The party network aggregate: `party_declaration` (one row per screened declaration: its date
 * and party node keys) and `party_link` (one row per pair of parties that shared a declaration:
 * count, first and last date), both written by {@link record} in one statement per batch.
 * Seizures are not copied: they are read from `inspection_outcome` ({@link outcomesAfter}).
 */
export class PartyNetworkRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private table(entity: typeof PartyDeclarationEntity | typeof PartyLinkEntity | typeof InspectionOutcomeEntity): string {
    return this.db.getRepository(entity).metadata.tableName;
  }

  /**
   * Adds screened declarations to the network in ONE statement (set-based, `unnest`): each new
   * declaration id gets its `party_declaration` row, and every pair of its parties its
   * `party_link` row added or counted up (count + 1 per declaration, first/last date widened).
   * Idempotent per declaration id: a declaration already recorded (a re-send, or a repeat inside
   * the batch) changes nothing. Links are upserted in key order, so concurrent batches lock shared
   * rows in the same order and cannot deadlock on them.
   * @returns the number of declarations this call added.
   */
  async record(declarations: readonly PartyDeclarationInput[]): Promise<number> {
    if (declarations.length === 0) return 0;
    const rows: Array<{ added: string }> = await this.db.query(
      `WITH input AS (
         SELECT DISTINCT ON (id) id, d::date AS d,
                array_remove(ARRAY['DECLARANT:' || dc, 'IMPORTER:' || im, 'SELLER:' || NULLIF(se, ''), 'COURIER:' || NULLIF(co, '')], NULL)::varchar[] AS parties
         FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[]) AS t(id, d, dc, im, se, co)
         ORDER BY id
       ), added AS (
         INSERT INTO ${this.table(PartyDeclarationEntity)} (declaration_id, declaration_date, parties)
         SELECT id, d, parties FROM input
         ON CONFLICT ON CONSTRAINT uq_party_declaration_declaration DO NOTHING
         RETURNING declaration_date, parties
       ), pairs AS (
         SELECT a.p AS party_a, b.p AS party_b, min(added.declaration_date) AS first_date, max(added.declaration_date) AS last_date, count(*)::int AS n
         FROM added CROSS JOIN LATERAL unnest(added.parties) AS a(p) CROSS JOIN LATERAL unnest(added.parties) AS b(p)
         WHERE a.p < b.p
         GROUP BY a.p, b.p
       ), linked AS (
         INSERT INTO ${this.table(PartyLinkEntity)} AS l (party_a, party_b, first_date, last_date, declarations)
         SELECT party_a, party_b, first_date, last_date, n FROM pairs ORDER BY party_a, party_b
         ON CONFLICT (party_a, party_b) DO UPDATE SET
           first_date = LEAST(l.first_date, EXCLUDED.first_date),
           last_date = GREATEST(l.last_date, EXCLUDED.last_date),
           declarations = l.declarations + EXCLUDED.declarations
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM added)::text AS added, (SELECT count(*) FROM linked) AS links`,
      [
        declarations.map((d) => d.declarationId),
        declarations.map((d) => d.date),
        declarations.map((d) => d.declarantId),
        declarations.map((d) => d.importerId),
        declarations.map((d) => d.sellerId ?? null),
        declarations.map((d) => d.courierId ?? null),
      ],
    );
    return Number(rows[0]?.added ?? 0);
  }

  /**
   * Up to `limit` declarations with `seq` above `afterSeq`, in `seq` order (keyset paging for
   * incremental loading).
   */
  async declarationsAfter(afterSeq: number, limit: number): Promise<StoredPartyDeclaration[]> {
    const rows: Array<{ seq: string; declaration_id: string; d: string; parties: string[] }> = await this.db.query(
      `SELECT seq, declaration_id, declaration_date::text AS d, parties FROM ${this.table(PartyDeclarationEntity)} WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map((r) => {
      const id = (role: string) => r.parties.find((p) => p.startsWith(`${role}:`))?.slice(role.length + 1) ?? null;
      return { seq: r.seq, declarationId: r.declaration_id, date: r.d, declarantId: id('DECLARANT') ?? '', importerId: id('IMPORTER') ?? '', sellerId: id('SELLER'), courierId: id('COURIER') };
    });
  }

  /**
   * Up to `limit` inspection outcomes with `seq` above `afterSeq`, in `seq` order, with the
   * declaration's parties and the day the outcome became known (see {@link PartyOutcomeRow.knownOn}).
   */
  async outcomesAfter(afterSeq: number, limit: number): Promise<PartyOutcomeRow[]> {
    const rows: Array<{ seq: string; declaration_id: string; d: string; dc: string; im: string; se: string | null; co: string | null; fraud: number; critical_fraud: number; known_on: string }> = await this.db.query(
      `SELECT seq, declaration_id, declaration_date::text AS d,
              declaration->>'declarantId' AS dc, declaration->>'importerId' AS im, declaration->>'sellerId' AS se, declaration->>'courierId' AS co,
              fraud, critical_fraud,
              (CASE WHEN source = 'INSPECTION' THEN GREATEST(declaration_date, (recorded_at AT TIME ZONE 'UTC')::date) ELSE declaration_date END)::text AS known_on
       FROM ${this.table(InspectionOutcomeEntity)} WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map((r) => ({
      seq: r.seq,
      declaration: { declarationId: r.declaration_id, date: r.d, declarantId: r.dc, importerId: r.im, sellerId: r.se || null, courierId: r.co || null },
      fraud: r.fraud === 1 ? 1 : 0,
      criticalFraud: r.critical_fraud,
      knownOn: r.known_on,
    }));
  }
}
