import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ApisPassenger, PnrRecord, WatchedPerson } from '@customs/domain';
import {
  CaseStartOutboxEntity, CriteriaSetEntity, InspectionCaseEntity, IntelligenceReportEntity, PassengerApisEntity, PassengerDecisionEntity,
  PassengerReadEntity, PnrRecordEntity, RiskCaseEntity,
} from '../entities';
import type { QueuedCaseStart } from './decision-record.repository';

/** Which documents a passenger screening saw. */
export type PassengerStage = 'APIS' | 'APIS_PNR';

/** A stored APIS record under its opaque passenger id. */
export interface StoredApis {
  passengerId: string;
  hash: string;
  record: ApisPassenger;
}

/** A stored PNR booking. */
export interface StoredPnr {
  hash: string;
  record: PnrRecord;
  /** True once depersonalised (past its retention). */
  depersonalised: boolean;
}

/** The record body of one passenger screening (`passenger_decision.record`), without names or document numbers. */
export interface PassengerDecisionBody {
  decisionId: string;
  passengerId: string;
  stage: PassengerStage;
  bookingReference: string | null;
  officeId: string;
  flightNumber: string;
  flightDate: string;
  outcome: 'CLEARED' | 'SELECTED';
  lane: 'GREEN' | 'YELLOW' | 'RED';
  reasons: string[];
  summary: string;
  /** The facts screened, `passengerRecordId` replaced by the passenger id. */
  facts: Record<string, string | number | null>;
  firedCriteria: Array<{ id: string; version: number; lane: string; reason: string; conditions: unknown[] }>;
  companionLinks: Array<{ bookingReference: string; watchedReason: string; sourceId: string; watchedKind: 'SEIZURE' | 'OPEN_RISK_CASE'; watchedSince: string | null; watchedRiskArea: string | null }>;
  supersedes: string | null;
  criteriaSet: string | null;
  /** ISO date-time. */
  decidedAt: string;
}

/** One row of an office's arrival-hall queue. */
export interface PassengerQueueRow {
  apis: StoredApis;
  decision: PassengerDecisionBody;
  pnr: PnrRecord | null;
  caseId: string;
  caseStatus: string;
}

const table = (m: EntityManager | DataSource, e: EntityTarget<ObjectLiteral>) => m.getRepository(e).metadata.tableName;

/**
 * The passenger stream's tables: APIS records (`passenger_apis`), PNR bookings (`pnr_record`,
 * depersonalised in place after their retention), every screening (`passenger_decision`,
 * append-only, hash-chained), every read of a passenger record (`passenger_read`, append-only,
 * hash-chained), and the case starts of selected passengers (`case_start_outbox`). Raw SQL.
 */
export class PassengerRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The stored APIS records of these record ids, by record id. */
  async apisByRecordIds(recordIds: string[]): Promise<Map<string, StoredApis>> {
    if (recordIds.length === 0) return new Map();
    const rows: Array<{ passenger_id: string; passenger_record_id: string; record_hash: string; record: ApisPassenger }> = await this.db.query(
      `SELECT passenger_id, passenger_record_id, record_hash, record FROM ${table(this.db, PassengerApisEntity)} WHERE passenger_record_id = ANY($1::varchar[])`,
      [recordIds],
    );
    return new Map(rows.map((r) => [r.passenger_record_id, { passengerId: r.passenger_id, hash: r.record_hash, record: r.record }]));
  }

  /** The stored APIS record of a passenger id, or null. */
  async apisOf(passengerId: string): Promise<StoredApis | null> {
    const [r]: Array<{ passenger_id: string; record_hash: string; record: ApisPassenger }> = await this.db.query(
      `SELECT passenger_id, record_hash, record FROM ${table(this.db, PassengerApisEntity)} WHERE passenger_id = $1`,
      [passengerId],
    );
    return r ? { passengerId: r.passenger_id, hash: r.record_hash, record: r.record } : null;
  }

  /** The APIS records of travellers holding these document numbers (for screening again when their PNR arrives). */
  async apisOfDocuments(documentNumbers: string[]): Promise<StoredApis[]> {
    if (documentNumbers.length === 0) return [];
    const rows: Array<{ passenger_id: string; record_hash: string; record: ApisPassenger }> = await this.db.query(
      `SELECT passenger_id, record_hash, record FROM ${table(this.db, PassengerApisEntity)} WHERE travel_document_number = ANY($1::varchar[]) ORDER BY passenger_id`,
      [documentNumbers],
    );
    return rows.map((r) => ({ passengerId: r.passenger_id, hash: r.record_hash, record: r.record }));
  }

  /** Stores APIS records not stored before (a concurrent equal insert is skipped). */
  async storeApis(rows: StoredApis[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO ${table(this.db, PassengerApisEntity)} (passenger_id, passenger_record_id, record_hash, flight_number, flight_date, arrival_office_id, travel_document_number, record)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::char(64)[], $4::varchar[], $5::date[], $6::varchar[], $7::varchar[], $8::jsonb[])
       ON CONFLICT DO NOTHING`,
      [
        rows.map((r) => r.passengerId), rows.map((r) => r.record.passengerRecordId), rows.map((r) => r.hash), rows.map((r) => r.record.flightNumber),
        rows.map((r) => r.record.flightDate), rows.map((r) => r.record.arrivalOfficeId), rows.map((r) => r.record.travelDocument.number),
        rows.map((r) => JSON.stringify(r.record)),
      ],
    );
  }

  /** The stored PNRs of these booking references, by reference. */
  async pnrsByReference(references: string[]): Promise<Map<string, StoredPnr>> {
    if (references.length === 0) return new Map();
    const rows: Array<{ booking_reference: string; record_hash: string; record: PnrRecord; depersonalised_at: Date | null }> = await this.db.query(
      `SELECT booking_reference, record_hash, record, depersonalised_at FROM ${table(this.db, PnrRecordEntity)} WHERE booking_reference = ANY($1::varchar[])`,
      [references],
    );
    return new Map(rows.map((r) => [r.booking_reference, { hash: r.record_hash, record: r.record, depersonalised: r.depersonalised_at !== null }]));
  }

  /** The PNRs (not depersonalised) naming any of these travel document numbers. */
  async pnrsOfDocuments(documentNumbers: string[]): Promise<PnrRecord[]> {
    if (documentNumbers.length === 0) return [];
    const rows: Array<{ record: PnrRecord }> = await this.db.query(
      `SELECT record FROM ${table(this.db, PnrRecordEntity)} WHERE travel_documents && $1::varchar[] AND depersonalised_at IS NULL ORDER BY booking_reference`,
      [documentNumbers],
    );
    return rows.map((r) => r.record);
  }

  /** Stores PNRs not stored before, each with the day it is to be depersonalised (`YYYY-MM-DD`). */
  async storePnrs(rows: Array<{ hash: string; record: PnrRecord; depersonaliseOn: string }>): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const added: Array<{ booking_reference: string }> = await this.db.query(
      `INSERT INTO ${table(this.db, PnrRecordEntity)} (booking_reference, record_hash, record, travel_documents, depersonalise_on)
       SELECT r.ref, r.hash, r.record, ARRAY(SELECT jsonb_array_elements(r.record->'passengers')->>'travelDocumentNumber' EXCEPT SELECT NULL), r.due
       FROM unnest($1::varchar[], $2::char(64)[], $3::jsonb[], $4::date[]) AS r(ref, hash, record, due)
       ON CONFLICT DO NOTHING RETURNING booking_reference`,
      [rows.map((r) => r.record.bookingReference), rows.map((r) => r.hash), rows.map((r) => JSON.stringify(r.record)), rows.map((r) => r.depersonaliseOn)],
    );
    return new Set(added.map((a) => a.booking_reference));
  }

  /**
   * The watched persons among these travel document numbers: travellers of earlier passenger
   * cases closed or recorded with a SEIZURE, and subjects (`passportNumber:<n>`) of intelligence
   * reports whose risk case has not ended.
   */
  async watched(documentNumbers: string[]): Promise<WatchedPerson[]> {
    if (documentNumbers.length === 0) return [];
    const seizures: Array<{ doc: string; case_id: string; at: Date }> = await this.db.query(
      `SELECT a.travel_document_number AS doc, c.case_id, c.updated_at AS at
       FROM ${table(this.db, InspectionCaseEntity)} c JOIN ${table(this.db, PassengerApisEntity)} a ON a.passenger_id = c.declaration_id
       WHERE c.document_type = 'PASSENGER' AND c.outcome = 'SEIZURE' AND a.travel_document_number = ANY($1::varchar[])
       ORDER BY c.updated_at`,
      [documentNumbers],
    );
    const risk: Array<{ key: string; risk_case_id: string; risk_area: string | null }> = await this.db.query(
      `SELECT k.key, r.risk_case_id, c.risk_area
       FROM ${table(this.db, IntelligenceReportEntity)} r
       CROSS JOIN LATERAL jsonb_array_elements_text(r.subject_keys) AS k(key)
       LEFT JOIN ${table(this.db, RiskCaseEntity)} c ON c.risk_case_id = r.risk_case_id
       WHERE k.key = ANY($1::text[]) AND (c.status IS NULL OR c.status NOT IN ('CLOSED', 'DISMISSED'))
       ORDER BY r.received_at`,
      [documentNumbers.map((d) => `passportNumber:${d}`)],
    );
    return [
      ...seizures.map((s): WatchedPerson => {
        const since = new Date(s.at).toISOString().slice(0, 10);
        return { travelDocumentNumber: s.doc, reason: `a seizure on arrival (${since})`, sourceId: s.case_id, kind: 'SEIZURE', since };
      }),
      ...risk.map((r): WatchedPerson => ({
        travelDocumentNumber: r.key.slice('passportNumber:'.length), reason: `an open risk case${r.risk_area ? ` (${r.risk_area})` : ''}`, sourceId: r.risk_case_id,
        kind: 'OPEN_RISK_CASE', ...(r.risk_area ? { riskArea: r.risk_area } : {}),
      })),
    ];
  }

  /** Every screening of these passengers, oldest first, by passenger id. */
  async decisionsOf(passengerIds: string[]): Promise<Map<string, PassengerDecisionBody[]>> {
    const out = new Map<string, PassengerDecisionBody[]>();
    if (passengerIds.length === 0) return out;
    const rows: Array<{ passenger_id: string; record: PassengerDecisionBody }> = await this.db.query(
      `SELECT passenger_id, record FROM ${table(this.db, PassengerDecisionEntity)} WHERE passenger_id = ANY($1::varchar[]) ORDER BY id`,
      [passengerIds],
    );
    for (const r of rows) out.set(r.passenger_id, [...(out.get(r.passenger_id) ?? []), r.record]);
    return out;
  }

  /**
   * Writes screenings not stored before (one per passenger and stage), the criteria set they
   * name, and the case starts of the selected passengers whose case is not queued yet, in one transaction.
   * @returns the decision ids inserted, and the passenger ids whose case start was queued now.
   */
  async record(
    decisions: PassengerDecisionBody[],
    criteriaSet: { fingerprint: string; versions: readonly string[] } | null,
    caseStarts: QueuedCaseStart[],
  ): Promise<{ inserted: Set<string>; queued: Set<string> }> {
    if (decisions.length === 0) return { inserted: new Set(), queued: new Set() };
    return this.db.transaction(async (tx) => {
      if (criteriaSet) {
        await tx.query(`INSERT INTO ${table(tx, CriteriaSetEntity)} (fingerprint, versions) VALUES ($1, $2::varchar[]) ON CONFLICT DO NOTHING`, [criteriaSet.fingerprint, criteriaSet.versions]);
      }
      const rows: Array<{ decision_id: string; passenger_id: string }> = await tx.query(
        `INSERT INTO ${table(tx, PassengerDecisionEntity)} (decision_id, passenger_id, stage, booking_reference, office_id, outcome, lane, supersedes, record, decided_at)
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::varchar[], $9::jsonb[], $10::timestamptz[])
         ON CONFLICT DO NOTHING RETURNING decision_id, passenger_id`,
        [
          decisions.map((d) => d.decisionId), decisions.map((d) => d.passengerId), decisions.map((d) => d.stage), decisions.map((d) => d.bookingReference),
          decisions.map((d) => d.officeId), decisions.map((d) => d.outcome), decisions.map((d) => d.lane), decisions.map((d) => d.supersedes),
          decisions.map((d) => JSON.stringify(d)), decisions.map((d) => d.decidedAt),
        ],
      );
      const insertedPassengers = new Set(rows.map((r) => r.passenger_id));
      const starts = caseStarts.filter((c) => insertedPassengers.has(c.declarationId));
      const queued = new Set<string>();
      if (starts.length > 0) {
        const added: Array<{ declaration_id: string }> = await tx.query(
          `INSERT INTO ${table(tx, CaseStartOutboxEntity)} (case_id, declaration_id, input)
           SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::jsonb[]) ON CONFLICT DO NOTHING RETURNING declaration_id`,
          [starts.map((c) => c.caseId), starts.map((c) => c.declarationId), starts.map((c) => JSON.stringify(c.input))],
        );
        for (const a of added) queued.add(a.declaration_id);
      }
      return { inserted: new Set(rows.map((r) => r.decision_id)), queued };
    });
  }

  /**
   * An office's arrival-hall queue: passengers whose latest screening selected them and whose
   * inspection case is not closed (a case whose start is still on its way counts as QUEUED), with
   * that screening, RED before YELLOW, then by flight date and passenger id.
   * @param limit rows (1..200).
   */
  async queue(officeId: string, limit: number): Promise<{ total: number; rows: PassengerQueueRow[] }> {
    const cases = table(this.db, InspectionCaseEntity);
    const apis = table(this.db, PassengerApisEntity);
    const decisions = table(this.db, PassengerDecisionEntity);
    const pnrs = table(this.db, PnrRecordEntity);
    // The passengers of the queue, with their latest screening, its booking and their case (if projected yet).
    const selected = `
      FROM ${apis} a
      CROSS JOIN LATERAL (SELECT record, booking_reference, lane, outcome FROM ${decisions} d WHERE d.passenger_id = a.passenger_id ORDER BY d.id DESC LIMIT 1) d
      LEFT JOIN ${pnrs} p ON p.booking_reference = d.booking_reference
      LEFT JOIN ${cases} c ON c.case_id = 'inspection-case-' || a.passenger_id
      WHERE a.arrival_office_id = $1 AND d.outcome = 'SELECTED' AND (c.status IS NULL OR c.status <> 'CLOSED')`;
    const rows: Array<{ passenger_id: string; record_hash: string; apis: ApisPassenger; decision: PassengerDecisionBody; pnr: PnrRecord | null; status: string | null }> = await this.db.query(
      `SELECT a.passenger_id, a.record_hash, a.record AS apis, d.record AS decision, p.record AS pnr, c.status
       ${selected}
       ORDER BY CASE d.lane WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 ELSE 2 END, a.flight_date, a.passenger_id
       LIMIT $2`,
      [officeId, Math.max(1, Math.min(200, Math.floor(limit)))],
    );
    const [count]: Array<{ n: number }> = await this.db.query(`SELECT count(*)::int AS n ${selected}`, [officeId]);
    return {
      total: count.n,
      rows: rows.map((r) => ({
        apis: { passengerId: r.passenger_id, hash: r.record_hash, record: r.apis }, decision: r.decision, pnr: r.pnr,
        caseId: `inspection-case-${r.passenger_id}`, caseStatus: r.status ?? 'QUEUED',
      })),
    };
  }

  /** The case queued for a passenger (`case_start_outbox`), or null. */
  async caseOf(passengerId: string): Promise<string | null> {
    const [row]: Array<{ case_id: string }> = await this.db.query(`SELECT case_id FROM ${table(this.db, CaseStartOutboxEntity)} WHERE declaration_id = $1`, [passengerId]);
    return row?.case_id ?? null;
  }

  /** Records reads of passenger records (who, role, masked or not, through which view). */
  async recordReads(passengerIds: string[], reader: { id: string; role: string }, masked: boolean, via: 'QUEUE' | 'DETAIL'): Promise<void> {
    if (passengerIds.length === 0) return;
    await this.db.query(
      `INSERT INTO ${table(this.db, PassengerReadEntity)} (passenger_id, read_by, role, masked, via)
       SELECT p, $2, $3, $4, $5 FROM unnest($1::varchar[]) AS p`,
      [passengerIds, reader.id, reader.role, masked, via],
    );
  }

  /** The reads of a passenger's record, oldest first. */
  async readsOf(passengerId: string): Promise<Array<{ readBy: string; role: string; masked: boolean; via: string; readAt: string }>> {
    const rows: Array<{ read_by: string; role: string; masked: boolean; via: string; read_at: Date }> = await this.db.query(
      `SELECT read_by, role, masked, via, read_at FROM ${table(this.db, PassengerReadEntity)} WHERE passenger_id = $1 ORDER BY id`,
      [passengerId],
    );
    return rows.map((r) => ({ readBy: r.read_by, role: r.role, masked: r.masked, via: r.via, readAt: new Date(r.read_at).toISOString() }));
  }

  /**
   * Depersonalises every PNR due on or before `today` (`YYYY-MM-DD`) and not yet done: each
   * traveller's names become `***` and document number null in `record` (for good), and
   * `travel_documents` is emptied, so the booking no longer matches or links anyone.
   * @returns the booking references depersonalised now.
   */
  async depersonaliseDue(today: string): Promise<string[]> {
    const rows: Array<{ booking_reference: string }> = await this.db.query(
      `UPDATE ${table(this.db, PnrRecordEntity)}
       SET record = jsonb_set(record, '{passengers}', (
             SELECT coalesce(jsonb_agg(jsonb_build_object('surname', '***', 'givenNames', '***', 'travelDocumentNumber', NULL)), '[]'::jsonb)
             FROM jsonb_array_elements(record->'passengers'))),
           travel_documents = '{}',
           depersonalised_at = now()
       WHERE depersonalise_on <= $1::date AND depersonalised_at IS NULL
       RETURNING booking_reference`,
      [today],
    );
    return rows.map((r) => r.booking_reference);
  }
}
