import { BadRequestException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { parsePartyKey, PartyNetwork, propagateRisk, type PartyDocument, type RiskSnapshot } from '@customs/party-network';
import { PartyNetworkRepository, type PartyDeclarationInput, type PartyOutcomeRow } from '@customs/persistence';
import type { PartyView } from './party-network.responses';
import { partyView } from './party-view';

/** Rows read per query while loading. */
const PAGE = 20_000;
/**
 * Sequence numbers re-read behind the last one seen: identity values are taken at insert but
 * become visible at commit, so a slow transaction can commit a lower `seq` after a higher one
 * was read. Re-reading is harmless: `PartyNetwork.add` and `recordOutcome` are idempotent.
 */
const SEQ_OVERLAP = 1000;
/** Risk snapshots kept (one per as-of date asked, the most recent ones). */
const SNAPSHOTS = 4;

/**
 * The party network in the API: `party_declaration` (import declarations, express waybills,
 * bookings) and the inspection outcomes (seizures = fraud 1) of `inspection_outcome` and of the
 * express waybill and passenger cases loaded into a `PartyNetwork` (`@customs/party-network`),
 * kept current by reading the rows added since the last load on every request, and risk
 * propagated (`propagateRisk`) per as-of date, cached until the network changes.
 *
 * Postgres is the source of truth (written by screening, `PartyNetworkRepository.record`); this
 * is a cache, the same in every API instance after its refresh. The whole network is held, so
 * the PageRank is exact; memory grows with one entry per declaration and party pair.
 */
@Injectable()
export class PartyNetworkService {
  private readonly logger = new Logger(PartyNetworkService.name);
  private network = new PartyNetwork();
  private lastDeclarationSeq = 0;
  private lastOutcomeSeq = 0;
  private lastStreamOutcomeSeq = 0;
  /** Risk snapshots by as-of date; dropped when a row dated before their date arrives (see {@link loadNew}). */
  private readonly snapshots = new Map<string, RiskSnapshot>();
  private loading: Promise<void> | null = null;

  constructor(private readonly repository: PartyNetworkRepository) {}

  /**
   * Adds screened declarations to the party network in Postgres (one statement; idempotent per
   * declaration id: a re-send counts once). Called by screening after the decisions are stored,
   * and by the supply-chain import for the declarations of past outcomes.
   * @returns how many declarations were new to the network.
   */
  record(declarations: readonly PartyDeclarationInput[]): Promise<number> {
    return this.repository.record(declarations);
  }

  /**
   * Adds documents of the express and passenger streams (waybills `EXP-<n>`, bookings
   * `PNR-<ref>`) to the party network in Postgres (one statement; idempotent per document id).
   * @returns how many documents were new to the network.
   */
  recordDocuments(documents: readonly PartyDocument[]): Promise<number> {
    return this.repository.recordDocuments(documents);
  }

  /**
   * A party as of a date (`GET /api/parties/:partyKey`).
   * @param partyKey node key `<ROLE>:<id>`.
   * @param asOf YYYY-MM-DD (validated by the query DTO); default today (UTC).
   * @throws BadRequestException (400) for a malformed key; NotFoundException (404) for a party on no declaration at all.
   */
  async party(partyKey: string, asOf: string = new Date().toISOString().slice(0, 10)): Promise<PartyView> {
    if (!parsePartyKey(partyKey)) {
      throw new BadRequestException(`party key must be DECLARANT, IMPORTER, SELLER, COURIER, SHIPPER or CONSIGNEE, a colon and the party's id (1-20 letters or digits), or PASSENGER:PAX-<16 hex>, e.g. IMPORTER:QLRUBN9; got ${JSON.stringify(partyKey.slice(0, 60))}`);
    }
    await this.refresh();
    if (!this.network.hasParty(partyKey)) throw new NotFoundException(`party ${partyKey} is on no screened declaration or recorded inspection outcome`);
    return partyView(this.snapshot(asOf), partyKey);
  }

  /** Loads the rows added since the last load. Concurrent calls share one load. */
  refresh(): Promise<void> {
    if (!this.loading) {
      this.loading = this.loadNew().finally(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  private snapshot(asOf: string): RiskSnapshot {
    const cached = this.snapshots.get(asOf);
    if (cached) return cached;
    const snapshot = propagateRisk(this.network, asOf);
    this.snapshots.set(asOf, snapshot);
    while (this.snapshots.size > SNAPSHOTS) this.snapshots.delete(this.snapshots.keys().next().value as string);
    return snapshot;
  }

  private add(document: PartyDocument): boolean {
    try {
      return this.network.addDocument(document);
    } catch (e) {
      // An imported past outcome whose declaration id was screened with other parties: the screened one stands.
      this.logger.warn(`party network: document ${document.documentId} skipped: ${(e as Error).message}`);
      return false;
    }
  }

  /**
   * Reads the declarations and outcomes added since the last load into the network, and drops
   * the snapshots they change: a snapshot as of D reads only declarations dated before D and
   * outcomes known before D, so a declaration dated today (the usual case) leaves today's
   * snapshot valid and only later dates are recomputed.
   */
  private async loadNew(): Promise<void> {
    /** Earliest date from which the rows added count (a snapshot as of a later date is stale). */
    let earliest: string | null = null;
    const changedFrom = (date: string) => {
      if (earliest === null || date < earliest) earliest = date;
    };
    for (let from = Math.max(0, this.lastDeclarationSeq - SEQ_OVERLAP); ; ) {
      const rows = await this.repository.declarationsAfter(from, PAGE);
      for (const r of rows) if (this.add(r)) changedFrom(r.date);
      if (rows.length === 0) break;
      from = Number(rows[rows.length - 1].seq);
      this.lastDeclarationSeq = Math.max(this.lastDeclarationSeq, from);
      if (rows.length < PAGE) break;
    }
    const outcomes = (from: number, limit: number) => this.repository.outcomesAfter(from, limit);
    const streamOutcomes = (from: number, limit: number) => this.repository.streamOutcomesAfter(from, limit);
    this.lastOutcomeSeq = await this.loadOutcomes(outcomes, this.lastOutcomeSeq, changedFrom);
    this.lastStreamOutcomeSeq = await this.loadOutcomes(streamOutcomes, this.lastStreamOutcomeSeq, changedFrom);
    const from = earliest as string | null;
    if (from !== null) for (const asOf of [...this.snapshots.keys()]) if (asOf > from) this.snapshots.delete(asOf);
  }

  /**
   * Reads outcomes from `read` past `lastSeq` (minus the overlap) into the network.
   * @returns the highest `seq` read.
   */
  private async loadOutcomes(read: (afterSeq: number, limit: number) => Promise<PartyOutcomeRow[]>, lastSeq: number, changedFrom: (date: string) => void): Promise<number> {
    let last = lastSeq;
    for (let from = Math.max(0, lastSeq - SEQ_OVERLAP); ; ) {
      const rows = await read(from, PAGE);
      for (const r of rows) {
        if (this.add(r.declaration)) changedFrom(r.declaration.date);
        try {
          const outcome = { declarationId: r.declaration.documentId, date: r.knownOn, fraud: r.fraud, criticalFraud: r.criticalFraud > 0 ? 1 : 0 } as const;
          // A seizure counts from the later of its document's date and the day it became known.
          if (this.network.recordOutcome(outcome) && r.fraud === 1) changedFrom(r.knownOn > r.declaration.date ? r.knownOn : r.declaration.date);
        } catch (e) {
          this.logger.warn(`party network: outcome of ${r.declaration.documentId} skipped: ${(e as Error).message}`);
        }
      }
      if (rows.length === 0) break;
      from = Number(rows[rows.length - 1].seq);
      last = Math.max(last, from);
      if (rows.length < PAGE) break;
    }
    return last;
  }
}
