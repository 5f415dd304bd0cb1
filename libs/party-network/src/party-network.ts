import { UndirectedGraph } from 'graphology';
import type { Declaration } from '@customs/domain';

/**
 * The roles a party can play on a document of one of the three streams; a party's node is keyed
 * by role and id (`<ROLE>:<id>`).
 * - `DECLARANT`: the customs broker who filed an import declaration (declarant id).
 * - `IMPORTER`: the importer of record of an import declaration (importer id).
 * - `SELLER`: the overseas seller of an import declaration (seller id).
 * - `COURIER`: the express courier, on import declarations (`courierId`) and on express waybills
 *   (`ExpressWaybill.courierId`): one id space (the waybill's schema says "as in
 *   `Declaration.courierId`"), so a courier is one node across both streams.
 * - `SHIPPER`: the shipper (sender) of an express waybill; it has no id of its own, so its id is
 *   {@link shipperPartyId} of its normalised name and country.
 * - `CONSIGNEE`: the consignee of an express waybill: the personal customs clearance code
 *   (`P` + 12 digits) or the 10-digit business registration number.
 * - `PASSENGER`: an arriving air passenger, by the opaque passenger id of the passenger stream
 *   (`PAX-<16 hex>`: never a name or document number); linked to the companions of its booking (PNR).
 */
export const PARTY_ROLES = ['DECLARANT', 'IMPORTER', 'SELLER', 'COURIER', 'SHIPPER', 'CONSIGNEE', 'PASSENGER'] as const;
/** One of {@link PARTY_ROLES}. */
export type PartyRole = (typeof PARTY_ROLES)[number];

/**
 * The inspection outcome of one declaration. `date` is the day the outcome became known
 * (ISO `YYYY-MM-DD`); `fraud = 1` means a seizure / detected fraud, `criticalFraud = 1` a critical one.
 */
export interface InspectionOutcome {
  declarationId: string;
  date: string;
  fraud: 0 | 1;
  criticalFraud: 0 | 1;
}

/** Attributes of a node of the as-of graph: the party's role and id. */
export interface PartyNodeAttributes {
  role: PartyRole;
  id: string;
}

/** Attributes of an edge of the as-of graph: `weight` = number of shared declarations dated before the as-of date. */
export interface PartyEdgeAttributes {
  weight: number;
}

/** A graphology undirected graph of the parties as of a date (see {@link PartyNetwork.graphAsOf}). */
export type PartyGraph = UndirectedGraph<PartyNodeAttributes, PartyEdgeAttributes>;

/**
 * A document of any stream as the network reads it: an id unique across the streams, its date
 * (ISO `YYYY-MM-DD`: it counts as of later dates only) and the node keys of its parties (each pair
 * of them is linked). Ids: an import declaration's own id (1-20 letters or digits), an express
 * waybill `EXP-<waybill number>`, a booking `PNR-<booking reference>`, a passenger's own
 * seizure record `PAX-<16 hex>` (see {@link PARTY_DOCUMENT_PREFIXES}).
 */
export interface PartyDocument {
  documentId: string;
  date: string;
  parties: string[];
}

/**
 * Prefixes of the document ids of the express and passenger streams. Import declaration ids are
 * 1-20 letters or digits (no hyphen), so these never collide with them.
 */
export const PARTY_DOCUMENT_PREFIXES = { EXPRESS_WAYBILL: 'EXP-', BOOKING: 'PNR-', PASSENGER: 'PAX-' } as const;

/** A document as remembered by the network: its date and its party keys. */
interface StoredDeclaration {
  date: string;
  parties: string[];
}

interface MasterEdgeAttributes {
  /** Dates (YYYY-MM-DD) of the shared declarations, sorted ascending, one entry per declaration. */
  dates: string[];
}

interface MasterNodeAttributes {
  role: PartyRole;
  id: string;
  /** Earliest declaration date on which the party appears. */
  firstSeen: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks an ISO calendar date `YYYY-MM-DD` (the lexicographic order of such strings is the date order).
 * @throws RangeError when `date` is not of that shape or not a real calendar date.
 */
export function assertIsoDate(date: string, what = 'date'): void {
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`${what} must be an ISO date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
}

/** The node key of a party: `<role>:<id>`, e.g. `IMPORTER:QLRUBN9`. */
export function partyKey(role: PartyRole, id: string): string {
  return `${role}:${id}`;
}

/** A node key split into its role and id (see {@link parsePartyKey}). */
export interface ParsedPartyKey {
  role: PartyRole;
  id: string;
}

/** Party ids as declarations and waybills carry them: 1-20 letters or digits (the declaration schema's identifier rule). */
const PARTY_ID = /^[A-Za-z0-9]{1,20}$/;
/** The passenger stream's opaque passenger id: `PAX-` and 16 upper-case hex digits. */
const PASSENGER_ID = /^PAX-[0-9A-F]{16}$/;

/**
 * Splits a node key `<ROLE>:<id>` (e.g. `IMPORTER:QLRUBN9`, `PASSENGER:PAX-0123456789ABCDEF`) into role and id.
 * @returns null when the key is malformed: an unknown role, or an id that is not 1-20 letters or
 *   digits (a `PASSENGER` id: not `PAX-` and 16 upper-case hex digits).
 */
export function parsePartyKey(key: string): ParsedPartyKey | null {
  const cut = key.indexOf(':');
  if (cut < 0) return null;
  const role = key.slice(0, cut);
  const id = key.slice(cut + 1);
  if (!(PARTY_ROLES as readonly string[]).includes(role)) return null;
  if (!(role === 'PASSENGER' ? PASSENGER_ID : PARTY_ID).test(id)) return null;
  return { role: role as PartyRole, id };
}

/** An import declaration as a {@link PartyDocument} (its id, its date, {@link declarationParties}). */
export function declarationDocument(declaration: Pick<Declaration, 'declarationId' | 'date' | 'declarantId' | 'importerId' | 'sellerId' | 'courierId'>): PartyDocument {
  return { documentId: declaration.declarationId, date: declaration.date, parties: declarationParties(declaration) };
}

/**
 * The parties on a declaration, as node keys in role order (declarant, importer, seller, courier);
 * a null or empty seller / courier is left out.
 */
export function declarationParties(declaration: Pick<Declaration, 'declarantId' | 'importerId' | 'sellerId' | 'courierId'>): string[] {
  const keys = [partyKey('DECLARANT', declaration.declarantId), partyKey('IMPORTER', declaration.importerId)];
  if (declaration.sellerId) keys.push(partyKey('SELLER', declaration.sellerId));
  if (declaration.courierId) keys.push(partyKey('COURIER', declaration.courierId));
  return keys;
}

/** Number of entries of the ascending array `sorted` strictly below `bound`. */
function countBefore(sorted: readonly string[], bound: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The party network, built incrementally: one node per party (`<role>:<id>`), an undirected edge
 * between every two parties appearing on the same declaration, remembering the date of every shared
 * declaration so that the graph can be cut at any date ({@link graphAsOf}: only declarations dated
 * strictly before the date count). Inspection outcomes are recorded alongside
 * ({@link recordOutcome}) and give the seizure seeds of the risk propagation (risk-propagation.ts).
 *
 * Memory: one entry per declaration, party and party pair. Not thread-safe (plain in-memory state).
 */
export class PartyNetwork {
  private readonly master = new UndirectedGraph<MasterNodeAttributes, MasterEdgeAttributes>();
  private readonly declarations = new Map<string, StoredDeclaration>();
  private readonly outcomes = new Map<string, InspectionOutcome>();

  /** Number of distinct declarations added. */
  get declarationCount(): number {
    return this.declarations.size;
  }

  /**
   * Adds one declaration's parties and their pairwise edges (each edge's count of shared
   * declarations grows by one, remembering the declaration's date). Idempotent per `declarationId`:
   * adding the same declaration again changes nothing.
   * @returns `true` when the declaration was new, `false` when it was already there.
   * @throws RangeError when `date` is not an ISO date; Error when a declaration with the same id but
   *   another date or other parties was added before (the network would otherwise disagree with itself).
   */
  add(declaration: Pick<Declaration, 'declarationId' | 'date' | 'declarantId' | 'importerId' | 'sellerId' | 'courierId'>): boolean {
    return this.addDocument(declarationDocument(declaration));
  }

  /**
   * Adds one document of any stream (an import declaration, an express waybill, a booking, a
   * passenger's own record): its parties (node keys `<ROLE>:<id>`, repeats counted once) and
   * their pairwise edges, as {@link add} does for a declaration. Idempotent per `documentId`.
   * @returns `true` when the document was new, `false` when it was already there.
   * @throws RangeError when `date` is not an ISO date; Error when a document with the same id but another date or other parties was added before.
   */
  addDocument(document: PartyDocument): boolean {
    const declaration = { declarationId: document.documentId, date: document.date };
    assertIsoDate(declaration.date, `document ${declaration.declarationId} date`);
    const parties = [...new Set(document.parties)];
    const known = this.declarations.get(declaration.declarationId);
    if (known) {
      if (known.date !== declaration.date || known.parties.join('|') !== parties.join('|')) {
        throw new Error(`document ${declaration.declarationId} was added before with another date or other parties`);
      }
      return false;
    }
    this.declarations.set(declaration.declarationId, { date: declaration.date, parties });
    for (const key of parties) {
      const cut = key.indexOf(':');
      if (!this.master.hasNode(key)) {
        this.master.addNode(key, { role: key.slice(0, cut) as PartyRole, id: key.slice(cut + 1), firstSeen: declaration.date });
      } else if (declaration.date < this.master.getNodeAttribute(key, 'firstSeen')) {
        this.master.setNodeAttribute(key, 'firstSeen', declaration.date);
      }
    }
    for (let i = 0; i < parties.length; i++) {
      for (let j = i + 1; j < parties.length; j++) {
        const edge = this.master.edge(parties[i], parties[j]);
        if (edge === undefined) {
          this.master.addEdge(parties[i], parties[j], { dates: [declaration.date] });
        } else {
          const dates = this.master.getEdgeAttribute(edge, 'dates');
          dates.splice(countBefore(dates, declaration.date), 0, declaration.date);
        }
      }
    }
    return true;
  }

  /** Whether the party (node key) is on any declaration added, whatever its date. */
  hasParty(key: string): boolean {
    return this.master.hasNode(key);
  }

  /**
   * Records the inspection outcome of a declaration (the declaration may be added before or after).
   * Idempotent: recording the same outcome again changes nothing.
   * @returns `true` when the outcome was new, `false` when the same one was recorded before.
   * @throws RangeError when `date` is not an ISO date; Error when another outcome was recorded for the same declaration.
   */
  recordOutcome(outcome: InspectionOutcome): boolean {
    assertIsoDate(outcome.date, `outcome of ${outcome.declarationId} date`);
    const known = this.outcomes.get(outcome.declarationId);
    if (known) {
      if (known.date !== outcome.date || known.fraud !== outcome.fraud || known.criticalFraud !== outcome.criticalFraud) {
        throw new Error(`declaration ${outcome.declarationId} already has another inspection outcome`);
      }
      return false;
    }
    this.outcomes.set(outcome.declarationId, { ...outcome });
    return true;
  }

  /**
   * The graph as of `asOf`: the parties seen on declarations dated strictly before `asOf`, and an edge
   * between two of them weighted by the number of such declarations they share. Nodes are inserted
   * in key order and edges in (source, target) order, so the result does not depend on the order in
   * which declarations were added, nor on any declaration dated `asOf` or later.
   * @throws RangeError when `asOf` is not an ISO date.
   */
  graphAsOf(asOf: string): PartyGraph {
    assertIsoDate(asOf, 'asOf');
    const graph: PartyGraph = new UndirectedGraph<PartyNodeAttributes, PartyEdgeAttributes>();
    const nodes = this.master.filterNodes((_key, attributes) => attributes.firstSeen < asOf).sort();
    for (const key of nodes) {
      const { role, id } = this.master.getNodeAttributes(key);
      graph.addNode(key, { role, id });
    }
    const edges: Array<[string, string, number]> = [];
    this.master.forEachEdge((_edge, attributes, source, target) => {
      const weight = countBefore(attributes.dates, asOf);
      if (weight > 0) edges.push(source < target ? [source, target, weight] : [target, source, weight]);
    });
    edges.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
    for (const [source, target, weight] of edges) graph.addEdge(source, target, { weight });
    return graph;
  }

  /**
   * The seizure seeds as of `asOf`: per party, the number of its declarations with `fraud = 1`
   * whose declaration date AND outcome date are both strictly before `asOf`. Parties without such a
   * declaration are absent. Keys in ascending order.
   * @throws RangeError when `asOf` is not an ISO date.
   */
  seedsAsOf(asOf: string): Map<string, number> {
    assertIsoDate(asOf, 'asOf');
    const counts = new Map<string, number>();
    for (const [declarationId, outcome] of this.outcomes) {
      if (outcome.fraud !== 1 || !(outcome.date < asOf)) continue;
      const declaration = this.declarations.get(declarationId);
      if (!declaration || !(declaration.date < asOf)) continue;
      for (const key of declaration.parties) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return new Map([...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  }
}
