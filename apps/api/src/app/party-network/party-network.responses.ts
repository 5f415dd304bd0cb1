import type { PartyRole } from '@customs/party-network';

/** A party of the network: its node key and the role and id it is made of. */
export interface PartyRef {
  /** Node key `<ROLE>:<id>`, e.g. `IMPORTER:QLRUBN9` (the party page's path parameter). */
  key: string;
  role: PartyRole;
  /** The declarant's, importer's, seller's or courier's id on the declarations (1-20 letters or digits). */
  id: string;
}

/** A party of the drawn neighbourhood, as of the page's date. */
export interface PartyNode extends PartyRef {
  /** Hops from the page's party (0 for the party itself, 1 or 2). */
  hops: number;
  /** Propagated seizure risk in [0, 1] (personalised PageRank divided by the network's largest). */
  score: number;
  /** The party had a seized declaration (a fraud outcome) known before the date. */
  seized: boolean;
  /** Number of its seized declarations known before the date. */
  seizures: number;
}

/** An edge of the drawn neighbourhood: two parties and the number of declarations they share before the date. */
export interface PartyEdge {
  source: string;
  target: string;
  /** Shared declarations dated before the as-of date (count, >= 1). */
  weight: number;
}

/** A seized party within 2 hops of the page's party. */
export interface SeizedNeighbourView extends PartyRef {
  /** 1 for a direct counterparty, 2 through one other party. */
  hops: number;
  /** Its seized declarations known before the date (count, >= 1). */
  seizures: number;
  /** Declarations it shares with the page's party before the date (0 at 2 hops). */
  sharedDeclarations: number;
  /** Its own propagated risk in [0, 1]. */
  score: number;
}

/**
 * Why the party scores as it does, one statement each, for the analyst. `code` selects the
 * sentence (the web app translates it with `params`); `text` is the same sentence in English.
 * - `NOT_SEEN`: on no declaration dated before the date.
 * - `NO_SEIZURES`: no seizure in the whole network known before the date (every score is 0).
 * - `OWN_SEIZURES` (`count`): the party itself had seized declarations.
 * - `SEIZED_COUNTERPARTIES` (`count`, `party`, `shared`): it shares declarations with seized parties; the heaviest tie.
 * - `NEAREST_SEIZURE` (`hops`): the nearest seized party is that many hops away.
 * - `UNREACHABLE`: no seized party is connected to it.
 * - `SCORE` (`score`, `percentile`): the score, and the share of the network's parties scoring lower (%).
 */
export interface PartyReason {
  code: 'NOT_SEEN' | 'NO_SEIZURES' | 'OWN_SEIZURES' | 'SEIZED_COUNTERPARTIES' | 'NEAREST_SEIZURE' | 'UNREACHABLE' | 'SCORE';
  params: { [name: string]: string | number };
  text: string;
}

/** The neighbourhood drawn on the party page: nodes up to 2 hops and the edges between them. */
export interface PartyNeighbourhood {
  /** The party first (hops 0), then direct counterparties by shared declarations, then 2-hop parties by score; at most 60. */
  nodes: PartyNode[];
  /** Every edge between two shown nodes, as of the date. */
  edges: PartyEdge[];
  /** Parties within 2 hops in the network, the party itself not counted (shown or not). */
  total: number;
  /** True when `total` exceeds the nodes shown. */
  truncated: boolean;
}

/**
 * `GET /api/parties/:partyKey`: a party of the party network as of a date: its propagated
 * seizure risk (personalised PageRank restarting on seized parties, damping 0.85), its
 * neighbourhood, the seized parties near it and why it scores so. Everything is computed from
 * declarations dated, and inspection outcomes known, strictly before `asOf`.
 */
export interface PartyView {
  party: PartyRef;
  /** The as-of date, YYYY-MM-DD. */
  asOf: string;
  /** The party is on a declaration dated before `asOf`. */
  seen: boolean;
  /** Propagated seizure risk in [0, 1]; 0 when unseen or unconnected to any seizure. */
  score: number;
  /** The raw personalised PageRank probability (sums to 1 over the network). */
  pageRank: number;
  /** The party's own seized declarations known before the date. */
  seizures: number;
  /** Hops to the nearest seized party (0 when seized itself); null when none is connected. */
  hopsToNearestSeizure: number | null;
  /** Parties it shared a declaration with before the date (count). */
  counterparties: number;
  neighbourhood: PartyNeighbourhood;
  /** Seized parties within 2 hops: direct ones first, by shared declarations, then by score. */
  seizedNeighbours: SeizedNeighbourView[];
  reasons: PartyReason[];
  /** The network as of the date: parties, and parties with a seizure. */
  network: { parties: number; seizedParties: number };
}
