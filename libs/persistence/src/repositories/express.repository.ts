import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ExpressDecisionRecord, ExpressManifestHeader } from '@customs/decision';
import { CaseStartOutboxEntity, CriteriaSetEntity, ExpressDecisionEntity, ExpressManifestEntity, XrayInterpretationEntity } from '../entities';
import type { QueuedCaseStart, StoredDecision } from './decision-record.repository';

/** An X-ray interpreter's decision on a waybill. */
export type XrayDecision = 'RELEASE' | 'INSPECT' | 'HOLD';

/** One stored X-ray interpretation. */
export interface StoredInterpretation {
  waybillNumber: string;
  decision: XrayDecision;
  note: string | null;
  interpretedBy: string;
  /** The inspection case an INSPECT opened; null otherwise. */
  caseId: string | null;
  /** ISO date-time. */
  interpretedAt: string;
}

/** A waybill's stored selection: the canonical hash it was decided on and its record. */
export type StoredExpressDecision = Omit<StoredDecision, 'record'> & { record: ExpressDecisionRecord };

/** What {@link ExpressRepository.record} wrote and found. */
export interface RecordedExpressDecisions {
  /** Waybill numbers whose decision this call inserted. */
  inserted: Set<string>;
  /** Of those, the ones whose case start was queued (INTRUSIVE_INSPECTION). */
  queued: Set<string>;
  /** Decisions stored before for the same waybill numbers (re-sends), by waybill number. */
  prior: Map<string, StoredExpressDecision>;
}

/** Which part of a centre's X-ray queue: items nobody looked at yet, or items put on hold. */
export type XrayQueueState = 'PENDING' | 'HELD';

/** One row of a centre's X-ray queue: the decision record and the latest interpretation (a HOLD, or none). */
export interface XrayQueueRow {
  record: ExpressDecisionRecord;
  interpretation: StoredInterpretation | null;
  /** The inspection case of the waybill, when one was queued (INTRUSIVE_INSPECTION or INSPECT). */
  caseId: string | null;
}

/** A centre's queue counts. */
export interface XrayQueueCounts {
  /** Waybills without any interpretation. */
  pending: number;
  /** Waybills whose interpretations so far are holds only. */
  held: number;
}

const table = (m: EntityManager | DataSource, e: EntityTarget<ObjectLiteral>) => m.getRepository(e).metadata.tableName;

interface InterpretationRow {
  waybill_number: string;
  decision: XrayDecision;
  note: string | null;
  interpreted_by: string;
  case_id: string | null;
  interpreted_at: Date;
}

const interpretation = (r: InterpretationRow): StoredInterpretation => ({
  waybillNumber: r.waybill_number,
  decision: r.decision,
  note: r.note,
  interpretedBy: r.interpreted_by,
  caseId: r.case_id,
  interpretedAt: new Date(r.interpreted_at).toISOString(),
});

/**
 * The express stream's tables: manifests (`express_manifest`), the selection of every house
 * waybill (`express_decision`, append-only, hash-chained), the X-ray interpreters' decisions
 * (`xray_interpretation`, append-only, hash-chained) and, with them, the case starts of the
 * waybills sent to inspection (`case_start_outbox`). Raw SQL: a manifest of 10,000 waybills is
 * written in a few statements.
 */
export class ExpressRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * The stored header of a manifest, or null when it was never received.
   */
  async manifestHeader(manifestId: string): Promise<ExpressManifestHeader | null> {
    const [row]: Array<{ manifest_id: string; transport_mode: 'AIR' | 'SEA'; voyage: string; arrival_at: Date; centre_id: string }> = await this.db.query(
      `SELECT manifest_id, transport_mode, voyage, arrival_at, centre_id FROM ${table(this.db, ExpressManifestEntity)} WHERE manifest_id = $1`,
      [manifestId],
    );
    if (!row) return null;
    return { manifestId: row.manifest_id, transportMode: row.transport_mode, voyage: row.voyage, arrivalAt: new Date(row.arrival_at).toISOString().replace('.000Z', 'Z'), logisticsCentreId: row.centre_id };
  }

  /** The stored decisions (hash and record) of these waybill numbers (upper-cased). */
  async decisionsOf(waybillNumbers: string[]): Promise<Map<string, StoredExpressDecision>> {
    if (waybillNumbers.length === 0) return new Map();
    const rows: Array<{ waybill_number: string; waybill_hash: string; record: ExpressDecisionRecord }> = await this.db.query(
      `SELECT waybill_number, waybill_hash, record FROM ${table(this.db, ExpressDecisionEntity)} WHERE waybill_number = ANY($1::varchar[])`,
      [waybillNumbers],
    );
    return new Map(rows.map((r) => [r.waybill_number, { hash: r.waybill_hash, record: r.record }]));
  }

  /**
   * Writes a manifest's header (once), the decisions of its waybills not stored before, the
   * criteria set they name and the case starts of the INTRUSIVE_INSPECTION ones, in one
   * transaction (all or nothing). A waybill stored meanwhile by a concurrent sender is skipped
   * with its case start. The caller checks conflicts (header, hashes) first and again on `prior`.
   */
  async record(
    header: ExpressManifestHeader,
    decisions: Array<{ hash: string; record: ExpressDecisionRecord }>,
    criteriaSet: { fingerprint: string; versions: readonly string[] } | null,
    caseStarts: QueuedCaseStart[],
  ): Promise<RecordedExpressDecisions> {
    const run = async (tx: EntityManager): Promise<RecordedExpressDecisions> => {
      await tx.query(
        `INSERT INTO ${table(tx, ExpressManifestEntity)} (manifest_id, transport_mode, voyage, arrival_at, centre_id)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (manifest_id) DO NOTHING`,
        [header.manifestId, header.transportMode, header.voyage, header.arrivalAt, header.logisticsCentreId],
      );
      const prior = await new ExpressRepository(tx).decisionsOf(decisions.map((d) => d.record.waybillNumber));
      const fresh = decisions.filter((d) => !prior.has(d.record.waybillNumber));
      if (criteriaSet && fresh.length > 0) {
        await tx.query(
          `INSERT INTO ${table(tx, CriteriaSetEntity)} (fingerprint, versions) VALUES ($1, $2::varchar[]) ON CONFLICT DO NOTHING`,
          [criteriaSet.fingerprint, criteriaSet.versions],
        );
      }
      const rows: Array<{ waybill_number: string }> = fresh.length === 0 ? [] : await tx.query(
        `INSERT INTO ${table(tx, ExpressDecisionEntity)} (waybill_number, waybill_hash, manifest_id, position, centre_id, outcome, lane, record, decided_at)
         SELECT * FROM unnest($1::varchar[], $2::char(64)[], $3::varchar[], $4::int[], $5::varchar[], $6::varchar[], $7::varchar[], $8::jsonb[], $9::timestamptz[])
         ON CONFLICT ON CONSTRAINT uq_express_decision_waybill DO NOTHING
         RETURNING waybill_number`,
        [
          fresh.map((d) => d.record.waybillNumber),
          fresh.map((d) => d.hash),
          fresh.map((d) => d.record.manifestId),
          fresh.map((d) => d.record.position),
          fresh.map((d) => d.record.centreId),
          fresh.map((d) => d.record.outcome),
          fresh.map((d) => d.record.lane),
          fresh.map((d) => JSON.stringify(d.record)),
          fresh.map((d) => d.record.decidedAt),
        ],
      );
      const inserted = new Set(rows.map((r) => r.waybill_number));
      const starts = caseStarts.filter((c) => inserted.has(c.declarationId.replace(/^EXP-/, '')));
      const queued = new Set<string>();
      if (starts.length > 0) {
        const added: Array<{ declaration_id: string }> = await tx.query(
          `INSERT INTO ${table(tx, CaseStartOutboxEntity)} (case_id, declaration_id, input)
           SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::jsonb[]) ON CONFLICT DO NOTHING RETURNING declaration_id`,
          [starts.map((c) => c.caseId), starts.map((c) => c.declarationId), starts.map((c) => JSON.stringify(c.input))],
        );
        for (const a of added) queued.add(a.declaration_id.replace(/^EXP-/, ''));
      }
      return { inserted, queued, prior };
    };
    return this.db.transaction((tx) => run(tx));
  }

  /**
   * One page of a centre's X-ray queue in conveyor order (arrival, manifest, position).
   * @param state PENDING: waybills without any interpretation; HELD: waybills held and not yet released or inspected.
   * @param limit rows (1..100).
   */
  async queue(centreId: string, state: XrayQueueState, limit: number): Promise<XrayQueueRow[]> {
    const decisions = table(this.db, ExpressDecisionEntity);
    const manifests = table(this.db, ExpressManifestEntity);
    const x = table(this.db, XrayInterpretationEntity);
    const where = state === 'PENDING'
      ? `NOT EXISTS (SELECT 1 FROM ${x} i WHERE i.waybill_number = d.waybill_number)`
      : `EXISTS (SELECT 1 FROM ${x} i WHERE i.waybill_number = d.waybill_number)
         AND NOT EXISTS (SELECT 1 FROM ${x} i WHERE i.waybill_number = d.waybill_number AND i.decision <> 'HOLD')`;
    const rows: Array<{ record: ExpressDecisionRecord; latest: InterpretationRow | null; case_id: string | null }> = await this.db.query(
      `SELECT d.record,
              (SELECT row_to_json(i) FROM (SELECT waybill_number, decision, note, interpreted_by, case_id, interpreted_at FROM ${x} i
                 WHERE i.waybill_number = d.waybill_number ORDER BY i.id DESC LIMIT 1) i) AS latest,
              (SELECT o.case_id FROM ${table(this.db, CaseStartOutboxEntity)} o WHERE o.declaration_id = 'EXP-' || d.waybill_number) AS case_id
       FROM ${decisions} d JOIN ${manifests} m ON m.manifest_id = d.manifest_id
       WHERE d.centre_id = $1 AND ${where}
       ORDER BY m.arrival_at, d.manifest_id, d.position
       LIMIT $2`,
      [centreId, Math.max(1, Math.min(100, Math.floor(limit)))],
    );
    return rows.map((r) => ({ record: r.record, interpretation: r.latest ? interpretation(r.latest) : null, caseId: r.case_id }));
  }

  /** A centre's pending and held counts. */
  async queueCounts(centreId: string): Promise<XrayQueueCounts> {
    const x = table(this.db, XrayInterpretationEntity);
    const [r]: Array<XrayQueueCounts> = await this.db.query(
      `SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM ${x} i WHERE i.waybill_number = d.waybill_number))::int AS pending,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${x} i WHERE i.waybill_number = d.waybill_number)
                AND NOT EXISTS (SELECT 1 FROM ${x} i WHERE i.waybill_number = d.waybill_number AND i.decision <> 'HOLD'))::int AS held
       FROM ${table(this.db, ExpressDecisionEntity)} d WHERE d.centre_id = $1`,
      [centreId],
    );
    return r;
  }

  /** Every interpretation of a waybill, oldest first. */
  async interpretations(waybillNumber: string): Promise<StoredInterpretation[]> {
    const rows: InterpretationRow[] = await this.db.query(
      `SELECT waybill_number, decision, note, interpreted_by, case_id, interpreted_at FROM ${table(this.db, XrayInterpretationEntity)}
       WHERE waybill_number = $1 ORDER BY id`,
      [waybillNumber],
    );
    return rows.map(interpretation);
  }

  /** The inspection case queued for a waybill (`case_start_outbox`), or null. */
  async caseOf(waybillNumber: string): Promise<string | null> {
    const [row]: Array<{ case_id: string }> = await this.db.query(
      `SELECT case_id FROM ${table(this.db, CaseStartOutboxEntity)} WHERE declaration_id = $1`,
      [`EXP-${waybillNumber}`],
    );
    return row?.case_id ?? null;
  }

  /**
   * Records an interpretation and, for INSPECT, queues the case start, in one transaction.
   * @returns the stored interpretation, or null when a final decision exists already (unique
   *   index `uq_xray_interpretation_final`): nothing was written then.
   */
  async interpret(i: { waybillNumber: string; decision: XrayDecision; note: string | null; interpretedBy: string; caseStart: QueuedCaseStart | null }): Promise<StoredInterpretation | null> {
    const run = async (tx: EntityManager): Promise<StoredInterpretation | null> => {
      if (i.caseStart) {
        await tx.query(
          `INSERT INTO ${table(tx, CaseStartOutboxEntity)} (case_id, declaration_id, input) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [i.caseStart.caseId, i.caseStart.declarationId, JSON.stringify(i.caseStart.input)],
        );
      }
      const rows: InterpretationRow[] = await tx.query(
        `INSERT INTO ${table(tx, XrayInterpretationEntity)} (waybill_number, decision, note, interpreted_by, case_id)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (waybill_number) WHERE decision <> 'HOLD' DO NOTHING
         RETURNING waybill_number, decision, note, interpreted_by, case_id, interpreted_at`,
        [i.waybillNumber, i.decision, i.note, i.interpretedBy, i.caseStart?.caseId ?? null],
      );
      if (rows.length === 0) throw new FinalDecisionExists();
      return interpretation(rows[0]);
    };
    try {
      return await this.db.transaction((tx) => run(tx));
    } catch (err) {
      if (err instanceof FinalDecisionExists) return null;
      throw err;
    }
  }
}

/** Thrown inside {@link ExpressRepository.interpret}'s transaction to roll back a case start when a final decision exists. */
class FinalDecisionExists extends Error {}
