import { hopsFrom, parsePartyKey, partyRisk, type RiskSnapshot } from '@customs/party-network';
import type { PartyEdge, PartyNode, PartyReason, PartyRef, PartyView, SeizedNeighbourView } from './party-network.responses';

/** Nodes the party page draws at most (the party, its counterparties, then 2-hop parties). */
export const MAX_DRAWN_NODES = 60;

/** The role and id of a well-formed node key. @throws Error when the key is malformed (callers check keys first). */
export function partyRef(key: string): PartyRef {
  const parsed = parsePartyKey(key);
  if (!parsed) throw new Error(`malformed party key ${JSON.stringify(key)}`);
  return { key, ...parsed };
}

const round = (x: number, digits = 4) => Number(x.toFixed(digits));
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The party page's view of one party in a risk snapshot (see `propagateRisk`): score, drawn
 * neighbourhood (up to 2 hops, at most {@link MAX_DRAWN_NODES} nodes), seized parties within 2
 * hops and the reasons. Pure: reads only the snapshot, so only what is dated before its date.
 * @param key a well-formed node key (`parsePartyKey`); a party absent from the snapshot's graph is "not seen".
 */
export function partyView(snapshot: RiskSnapshot, key: string): PartyView {
  const { graph, seeds, asOf } = snapshot;
  const risk = partyRisk(snapshot, key);
  const seen = graph.hasNode(key);
  const hops = seen ? hopsFrom(graph, [key], 2) : new Map<string, number>();
  const scoreOf = (k: string) => partyRisk(snapshot, k).score;
  const shared = (k: string) => (seen && graph.hasEdge(key, k) ? graph.getEdgeAttribute(graph.edge(key, k)!, 'weight') : 0);

  const first = [...hops].filter(([, h]) => h === 1).map(([k]) => k).sort((a, b) => shared(b) - shared(a) || (a < b ? -1 : 1));
  const second = [...hops].filter(([, h]) => h === 2).map(([k]) => k).sort((a, b) => scoreOf(b) - scoreOf(a) || (a < b ? -1 : 1));
  const shown = (seen ? [key, ...first, ...second] : []).slice(0, MAX_DRAWN_NODES);
  const shownSet = new Set(shown);
  const nodes: PartyNode[] = shown.map((k) => ({ ...partyRef(k), hops: hops.get(k) ?? 0, score: round(scoreOf(k)), seized: seeds.has(k), seizures: seeds.get(k) ?? 0 }));
  const edges: PartyEdge[] = [];
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (shownSet.has(source) && shownSet.has(target)) edges.push(source < target ? { source, target, weight: attributes.weight } : { source: target, target: source, weight: attributes.weight });
  });
  edges.sort((a, b) => (a.source === b.source ? (a.target < b.target ? -1 : 1) : a.source < b.source ? -1 : 1));

  const seizedNeighbours: SeizedNeighbourView[] = [...first, ...second]
    .filter((k) => seeds.has(k))
    .map((k) => ({ ...partyRef(k), hops: hops.get(k)!, seizures: seeds.get(k)!, sharedDeclarations: shared(k), score: round(scoreOf(k)) }))
    .sort((a, b) => a.hops - b.hops || b.sharedDeclarations - a.sharedDeclarations || b.score - a.score || (a.key < b.key ? -1 : 1));

  const reasons = explain(snapshot, key, seen, risk.seizures, risk.hopsToNearestSeed, seizedNeighbours, risk.score);
  return {
    party: partyRef(key),
    asOf,
    seen,
    score: round(risk.score),
    pageRank: risk.pageRank,
    seizures: risk.seizures,
    hopsToNearestSeizure: risk.hopsToNearestSeed,
    counterparties: seen ? graph.degree(key) : 0,
    neighbourhood: { nodes, edges, total: Math.max(0, hops.size - 1), truncated: hops.size > shown.length },
    seizedNeighbours,
    reasons,
    network: { parties: graph.order, seizedParties: seeds.size },
  };
}

/** The reasons of a party's score, in the order an analyst reads them (see `PartyReason`). */
function explain(snapshot: RiskSnapshot, key: string, seen: boolean, seizures: number, nearest: number | null, seized: SeizedNeighbourView[], score: number): PartyReason[] {
  const { asOf, seeds } = snapshot;
  if (!seen) return [{ code: 'NOT_SEEN', params: { asOf }, text: `The party is on no declaration dated before ${asOf}, so it has no network risk yet.` }];
  if (seeds.size === 0) return [{ code: 'NO_SEIZURES', params: { asOf }, text: `No seizure was known before ${asOf}: every party scores 0.` }];
  const reasons: PartyReason[] = [];
  if (seizures > 0) reasons.push({ code: 'OWN_SEIZURES', params: { count: seizures }, text: `The party itself had ${plural(seizures, 'seized declaration', 'seized declarations')} known before ${asOf}.` });
  const direct = seized.filter((s) => s.hops === 1);
  if (direct.length > 0) {
    const top = direct[0];
    reasons.push({
      code: 'SEIZED_COUNTERPARTIES',
      params: { count: direct.length, party: top.key, shared: top.sharedDeclarations },
      text: `It shares declarations with ${plural(direct.length, 'seized party', 'seized parties')}; the strongest tie is ${top.key} (${plural(top.sharedDeclarations, 'shared declaration', 'shared declarations')}).`,
    });
  }
  if (nearest === null) reasons.push({ code: 'UNREACHABLE', params: {}, text: 'No seized party is connected to it, directly or through other parties.' });
  else if (nearest > 0 && direct.length === 0) reasons.push({ code: 'NEAREST_SEIZURE', params: { hops: nearest }, text: `The nearest seized party is ${plural(nearest, 'hop', 'hops')} away.` });
  let lower = 0;
  for (const r of snapshot.parties.values()) if (r.score < score) lower++;
  const percentile = Math.round((100 * lower) / Math.max(1, snapshot.parties.size));
  reasons.push({
    code: 'SCORE',
    params: { score: round(score, 3), percentile },
    text: `Propagated risk ${round(score, 3)} on a 0-1 scale (1 = the riskiest party of the network); ${percentile} % of the network's ${snapshot.parties.size} parties score lower.`,
  });
  return reasons;
}
