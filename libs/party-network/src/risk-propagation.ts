import type { PartyGraph, PartyNetwork } from './party-network';

/** Options of {@link propagateRisk}. */
export interface RiskPropagationOptions {
  /** Damping factor alpha in (0, 1): probability of following an edge rather than restarting on the seeds. Default 0.85. */
  damping?: number;
  /** Stop when the L1 change of the PageRank vector between two iterations is below this. Default 1e-12. */
  tolerance?: number;
  /** Hard cap on power iterations. Default 200. */
  maxIterations?: number;
}

/** A seized party adjacent to another party, with the number of declarations they share before the as-of date. */
export interface SeizedNeighbour {
  party: string;
  sharedDeclarations: number;
}

/** The propagated risk of one party as of a date, with why it scores so. */
export interface PartyRisk {
  /** Node key `<role>:<id>`. */
  party: string;
  /** Propagated seizure risk in [0, 1]: personalised PageRank divided by the largest one in the graph (0 without seeds, or when unconnected to any seed). */
  score: number;
  /** Raw personalised PageRank probability (the vector sums to 1 over the graph; 0 without seeds). */
  pageRank: number;
  /** Number of the party's own seized declarations before the date (0 when not a seed). */
  seizures: number;
  /** Hops to the nearest seed (0 for a seed itself); `null` when no seed is reachable or the party is not in the graph. */
  hopsToNearestSeed: number | null;
  /** Up to 5 seized direct neighbours, by shared declarations descending then key. */
  seizedNeighbours: SeizedNeighbour[];
}

/** The risk of every party of the network as of one date. */
export interface RiskSnapshot {
  /** As-of date (YYYY-MM-DD): only declarations and outcomes dated strictly before it count. */
  asOf: string;
  /** The graph as of `asOf` (see {@link PartyNetwork.graphAsOf}). */
  graph: PartyGraph;
  /** Seeds: party key -> number of its seized declarations before `asOf`. */
  seeds: ReadonlyMap<string, number>;
  /** Per party of the graph (key order), its risk. */
  parties: ReadonlyMap<string, PartyRisk>;
}

const MAX_SEIZED_NEIGHBOURS = 5;

/**
 * Personalised PageRank on a weighted undirected graph, by power iteration:
 * `x <- alpha * P^T x + (1 - alpha) * s`, with `P[i][j] = w(i,j) / strength(i)` (strength = sum of
 * the weights of i's edges) and `s` the restart distribution (the seeds, normalised to sum 1). The
 * mass of nodes without edges restarts on `s`. Sources: Page, Brin, Motwani, Winograd, "The PageRank
 * citation ranking" (Stanford, 1999); Haveliwala, "Topic-sensitive PageRank" (WWW 2002) and
 * Jeh & Widom, "Scaling personalized web search" (WWW 2003) for the restart vector.
 * Deterministic: iterates in the graph's node order.
 *
 * @param graph undirected graph whose edges carry `weight` (> 0).
 * @param restart node key -> non-negative restart weight; keys not in the graph are ignored.
 * @returns node key -> probability (sums to 1), or all zeros when the restart weights sum to 0.
 * @throws RangeError when `damping` is not in (0, 1) or a restart weight is negative.
 */
export function personalisedPageRank(graph: PartyGraph, restart: ReadonlyMap<string, number>, options: RiskPropagationOptions = {}): Map<string, number> {
  const alpha = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 200;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`damping must be in (0, 1), got ${alpha}`);
  const nodes = graph.nodes();
  const index = new Map(nodes.map((key, i) => [key, i]));
  const n = nodes.length;
  const s = new Float64Array(n);
  let total = 0;
  for (const [key, weight] of restart) {
    if (weight < 0) throw new RangeError(`restart weight of ${key} is negative`);
    const i = index.get(key);
    if (i !== undefined) {
      s[i] += weight;
      total += weight;
    }
  }
  const result = new Map<string, number>(nodes.map((key) => [key, 0]));
  if (total === 0) return result;
  for (let i = 0; i < n; i++) s[i] /= total;

  // Adjacency in index form: per node, neighbours and transition probabilities w / strength.
  const neighbours: number[][] = nodes.map(() => []);
  const transition: number[][] = nodes.map(() => []);
  nodes.forEach((key, i) => {
    let strength = 0;
    graph.forEachEdge(key, (_edge, attributes) => {
      strength += attributes.weight;
    });
    graph.forEachEdge(key, (_edge, attributes, source, target) => {
      const other = source === key ? target : source;
      neighbours[i].push(index.get(other) as number);
      transition[i].push(attributes.weight / strength);
    });
  });

  let x = Float64Array.from(s);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const next = new Float64Array(n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      if (neighbours[i].length === 0) {
        dangling += x[i];
        continue;
      }
      const row = neighbours[i];
      const p = transition[i];
      for (let k = 0; k < row.length; k++) next[row[k]] += alpha * x[i] * p[k];
    }
    let change = 0;
    for (let i = 0; i < n; i++) {
      next[i] += ((1 - alpha) + alpha * dangling) * s[i];
      change += Math.abs(next[i] - x[i]);
    }
    x = next;
    if (change < tolerance) break;
  }
  nodes.forEach((key, i) => result.set(key, x[i]));
  return result;
}

/**
 * Hop distances from the nearest of `sources` (multi-source breadth-first search, unweighted).
 * @returns node key -> hops (0 for a source); unreachable nodes are absent.
 */
export function hopsFrom(graph: PartyGraph, sources: Iterable<string>, maxHops = Number.POSITIVE_INFINITY): Map<string, number> {
  const distance = new Map<string, number>();
  let frontier: string[] = [];
  for (const key of sources) {
    if (graph.hasNode(key) && !distance.has(key)) {
      distance.set(key, 0);
      frontier.push(key);
    }
  }
  for (let hops = 1; frontier.length > 0 && hops <= maxHops; hops++) {
    const next: string[] = [];
    for (const key of frontier) {
      graph.forEachNeighbor(key, (neighbour) => {
        if (!distance.has(neighbour)) {
          distance.set(neighbour, hops);
          next.push(neighbour);
        }
      });
    }
    frontier = next;
  }
  return distance;
}

/**
 * Propagates seizure risk through the party network as of `asOf`, by personalised PageRank
 * (see {@link personalisedPageRank}; damping 0.85 by default) on the graph of the declarations
 * dated strictly before `asOf` (edge weight = shared declarations), restarting on the seeds: the
 * parties of declarations with `fraud = 1` whose declaration date and outcome date are both strictly
 * before `asOf`, each weighted by its number of such declarations. A party's score is its PageRank
 * divided by the largest PageRank of the graph, so in [0, 1] (seeds usually near 1); all scores are
 * 0 when there is no seed. Nothing dated `asOf` or later is read, and the result does not depend on
 * the order in which declarations or outcomes were added.
 *
 * @throws RangeError when `asOf` is not an ISO date or `damping` is not in (0, 1).
 */
export function propagateRisk(network: PartyNetwork, asOf: string, options: RiskPropagationOptions = {}): RiskSnapshot {
  const graph = network.graphAsOf(asOf);
  const seeds = network.seedsAsOf(asOf);
  const pageRank = personalisedPageRank(graph, seeds, options);
  let max = 0;
  for (const value of pageRank.values()) max = Math.max(max, value);
  const hops = hopsFrom(graph, seeds.keys());
  const parties = new Map<string, PartyRisk>();
  graph.forEachNode((party) => {
    const seizedNeighbours: SeizedNeighbour[] = [];
    graph.forEachEdge(party, (_edge, attributes, source, target) => {
      const other = source === party ? target : source;
      if (seeds.has(other)) seizedNeighbours.push({ party: other, sharedDeclarations: attributes.weight });
    });
    seizedNeighbours.sort((a, b) => b.sharedDeclarations - a.sharedDeclarations || (a.party < b.party ? -1 : 1));
    const raw = pageRank.get(party) ?? 0;
    parties.set(party, {
      party,
      score: max > 0 ? raw / max : 0,
      pageRank: raw,
      seizures: seeds.get(party) ?? 0,
      hopsToNearestSeed: hops.get(party) ?? null,
      seizedNeighbours: seizedNeighbours.slice(0, MAX_SEIZED_NEIGHBOURS),
    });
  });
  return { asOf, graph, seeds, parties };
}

/**
 * The risk of one party in a snapshot; a party absent from the graph (never seen before the date)
 * gets score 0, no seizures, no seized neighbours and `hopsToNearestSeed = null`.
 */
export function partyRisk(snapshot: RiskSnapshot, party: string): PartyRisk {
  return snapshot.parties.get(party) ?? { party, score: 0, pageRank: 0, seizures: 0, hopsToNearestSeed: null, seizedNeighbours: [] };
}
