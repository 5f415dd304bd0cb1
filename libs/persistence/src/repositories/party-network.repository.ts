import type { DataSource, EntityManager } from 'typeorm';
import type { Declaration } from '@customs/domain';
import { declarationDocument, PARTY_DOCUMENT_PREFIXES, partyKey, type PartyDocument } from '@customs/party-network';
import { CaseEventEntity, DecisionRecordEntity, InspectionCaseEntity, InspectionOutcomeEntity, PartyDeclarationEntity, PartyLinkEntity } from '../entities';

/** The party fields of a declaration the network reads. */
export type PartyDeclarationInput = Pick<Declaration, 'declarationId' | 'date' | 'declarantId' | 'importerId' | 'sellerId' | 'courierId'>;

/** One row of `party_declaration` as the network loads it: a document of any stream. */
export interface StoredPartyDeclaration extends PartyDocument {
  /** Identity (bigint as a decimal string), increasing with inserts. */
  seq: string;
}

/**
 * One inspection outcome as the network reads it: the document's parties and when the result
 * became known. From `inspection_outcome` (import declarations, {@link PartyNetworkRepository.outcomesAfter})
 * or from the recorded results of express waybill and passenger cases ({@link PartyNetworkRepository.streamOutcomesAfter}).
 */
export interface PartyOutcomeRow {
  /** Identity of the source row (bigint as a decimal string): `inspection_outcome.seq` or `case_event.id`. */
  seq: string;
  declaration: PartyDocument;
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

  private table(entity: typeof PartyDeclarationEntity | typeof PartyLinkEntity | typeof InspectionOutcomeEntity | typeof CaseEventEntity | typeof InspectionCaseEntity | typeof DecisionRecordEntity): string {
    return this.db.getRepository(entity).metadata.tableName;
  }

  /**
   * Screened declarations missing from the network: among the `recent` newest decision records
   * (by identity, the primary key's range), those with no `party_declaration` row, oldest
   * first; what a process that died with network writes queued (`PartyNetworkWriter`) left out.
   * @param recent how many of the newest decision records to look at.
   * @param limit at most this many declarations returned.
   */
  async screenedWithoutParties(recent: number, limit: number): Promise<PartyDeclarationInput[]> {
    const rows: Array<{ declaration: Declaration }> = await this.db.query(
      `SELECT dr.record -> 'declaration' AS declaration
       FROM ${this.table(DecisionRecordEntity)} dr
       WHERE dr.id > (SELECT coalesce(max(id), 0) - $1 FROM ${this.table(DecisionRecordEntity)})
         AND NOT EXISTS (SELECT 1 FROM ${this.table(PartyDeclarationEntity)} pd WHERE pd.declaration_id = dr.declaration_id)
       ORDER BY dr.id
       LIMIT $2`,
      [recent, limit],
    );
    return rows.map((r) => r.declaration);
  }

  /**
   * Adds screened declarations to the network ({@link recordDocuments} of their
   * `declarationDocument`s: declarant, importer, then seller and courier when present).
   * @returns the number of declarations this call added.
   */
  record(declarations: readonly PartyDeclarationInput[]): Promise<number> {
    return this.recordDocuments(declarations.map(declarationDocument));
  }

  /**
   * Adds documents of any stream (import declarations, express waybills `EXP-<n>`, bookings
   * `PNR-<ref>`) to the network in ONE statement (set-based, `unnest`): each new document id gets
   * its `party_declaration` row, and every pair of its parties its `party_link` row added or
   * counted up (count + 1 per document, first/last date widened). Idempotent per document id: a
   * document already recorded (a re-send, or a repeat inside the batch) changes nothing. Links are
   * upserted in key order, so concurrent batches lock shared rows in the same order and cannot
   * deadlock on them. Party keys travel `|`-joined (no key holds a `|`: `parsePartyKey`).
   * @returns the number of documents this call added.
   */
  async recordDocuments(documents: readonly PartyDocument[]): Promise<number> {
    if (documents.length === 0) return 0;
    const rows: Array<{ added: string }> = await this.db.query(
      `WITH input AS (
         SELECT DISTINCT ON (id) id, d::date AS d, string_to_array(p, '|')::varchar[] AS parties
         FROM unnest($1::varchar[], $2::varchar[], $3::text[]) AS t(id, d, p)
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
      [documents.map((d) => d.documentId), documents.map((d) => d.date), documents.map((d) => [...new Set(d.parties)].join('|'))],
    );
    return Number(rows[0]?.added ?? 0);
  }

  /**
   * Up to `limit` documents (of every stream) with `seq` above `afterSeq`, in `seq` order (keyset
   * paging for incremental loading).
   */
  async declarationsAfter(afterSeq: number, limit: number): Promise<StoredPartyDeclaration[]> {
    const rows: Array<{ seq: string; declaration_id: string; d: string; parties: string[] }> = await this.db.query(
      `SELECT seq, declaration_id, declaration_date::text AS d, parties FROM ${this.table(PartyDeclarationEntity)} WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
    return rows.map((r) => ({ seq: r.seq, documentId: r.declaration_id, date: r.d, parties: r.parties }));
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
      declaration: declarationDocument({ declarationId: r.declaration_id, date: r.d, declarantId: r.dc, importerId: r.im, sellerId: r.se || null, courierId: r.co || null }),
      fraud: r.fraud === 1 ? 1 : 0,
      criticalFraud: r.critical_fraud,
      knownOn: r.known_on,
    }));
  }

  /**
   * Up to `limit` recorded results of express waybill and passenger inspection cases with
   * `case_event.id` above `afterSeq`, in id order (keyset paging): `SEIZURE` and `DISCREPANCY`
   * are fraud 1 (a seizure critical 1), `NO_FINDING` fraud 0; known on the day the result was
   * recorded (UTC). The document: an express waybill's own `party_declaration` row (`EXP-<n>`:
   * courier, shipper, consignee; a waybill screened before the network held express cargo has
   * none and is left out), a passenger's one-party record `PAX-<16 hex>` (`PASSENGER:<id>`) dated
   * the day of the result.
   */
  async streamOutcomesAfter(afterSeq: number, limit: number): Promise<PartyOutcomeRow[]> {
    const rows: Array<{ seq: string; document_type: string; declaration_id: string; outcome: string; known_on: string; d: string | null; parties: string[] | null }> = await this.db.query(
      `SELECT e.id AS seq, c.document_type, c.declaration_id, COALESCE(e.payload->>'outcome', c.outcome) AS outcome,
              (e.occurred_at AT TIME ZONE 'UTC')::date::text AS known_on, p.declaration_date::text AS d, p.parties
       FROM ${this.table(CaseEventEntity)} e
       JOIN ${this.table(InspectionCaseEntity)} c ON c.case_id = e.case_id
       LEFT JOIN ${this.table(PartyDeclarationEntity)} p ON p.declaration_id = c.declaration_id
       WHERE e.id > $1 AND e.type = 'RESULT_RECORDED' AND c.document_type IN ('EXPRESS_WAYBILL', 'PASSENGER')
       ORDER BY e.id LIMIT $2`,
      [afterSeq, limit],
    );
    const out: PartyOutcomeRow[] = [];
    for (const r of rows) {
      const fraud = r.outcome === 'SEIZURE' || r.outcome === 'DISCREPANCY' ? 1 : 0;
      const criticalFraud = r.outcome === 'SEIZURE' ? 1 : 0;
      if (r.document_type === 'PASSENGER' && r.declaration_id.startsWith(PARTY_DOCUMENT_PREFIXES.PASSENGER)) {
        out.push({ seq: r.seq, declaration: { documentId: r.declaration_id, date: r.known_on, parties: [partyKey('PASSENGER', r.declaration_id)] }, fraud, criticalFraud, knownOn: r.known_on });
      } else if (r.document_type === 'EXPRESS_WAYBILL' && r.d !== null && r.parties !== null) {
        out.push({ seq: r.seq, declaration: { documentId: r.declaration_id, date: r.d, parties: r.parties }, fraud, criticalFraud, knownOn: r.known_on < r.d ? r.d : r.known_on });
      }
    }
    return out;
  }
}
