import type { Declaration } from '@customs/domain';
import { declarationParties, partyKey } from './party-network';
import type { PartyNetwork } from './party-network';
import { hopsFrom, partyRisk, propagateRisk } from './risk-propagation';
import type { RiskPropagationOptions, RiskSnapshot } from './risk-propagation';

/**
 * Network features of one declaration as of a date (normally the declaration's own date), for the
 * next model version. Everything is computed from the graph and seeds of the snapshot, i.e. from
 * declarations and outcomes dated strictly before the as-of date only.
 */
export interface NetworkFeatures {
  /** Largest propagated risk score of the declaration's parties, in [0, 1] (0 for unseen parties). */
  maxPartyRisk: number;
  /** Mean propagated risk score of the declaration's parties (2 to 4 of them), in [0, 1]. */
  meanPartyRisk: number;
  /** Number of the declaration's own parties that are seeds (had a seizure before the date); count 0..4. */
  seizedParties: number;
  /** Number of distinct seed parties at 0 or 1 hop from any of the declaration's parties; count. */
  seizedWithin1Hop: number;
  /** Number of distinct seed parties at 0, 1 or 2 hops from any of the declaration's parties; count. */
  seizedWithin2Hops: number;
  /** Number of distinct parties the importer shared a declaration with before the date (its degree); count. */
  importerCounterparties: number;
  /** Number of declarations the importer was on before the date (exact: every declaration has one declarant, so it is the sum of the importer's edge weights to declarants); count. */
  importerDeclarations: number;
  /** The declarant was never seen on a declaration before the date. */
  declarantNew: boolean;
  /** The importer was never seen on a declaration before the date. */
  importerNew: boolean;
  /** The seller was never seen before the date; `null` when the declaration has no seller. */
  sellerNew: boolean | null;
  /** The courier was never seen before the date; `null` when the declaration has no courier. */
  courierNew: boolean | null;
  /** Number of the declaration's parties never seen before the date; count 0..4. */
  newParties: number;
}

/**
 * The network features of `declaration` from a risk snapshot (see {@link propagateRisk}). Pure: reads
 * only the snapshot and the declaration's party ids; the declaration itself need not be in the
 * network, and whether it is does not matter as long as the snapshot's date is not after the
 * declaration's date (a snapshot as of the declaration's date never contains it).
 */
export function networkFeatures(snapshot: RiskSnapshot, declaration: Pick<Declaration, 'declarantId' | 'importerId' | 'sellerId' | 'courierId'>): NetworkFeatures {
  const { graph, seeds } = snapshot;
  const parties = declarationParties(declaration);
  const scores = parties.map((party) => partyRisk(snapshot, party).score);
  const hops = hopsFrom(graph, parties, 2);
  let seizedParties = 0;
  let seizedWithin1Hop = 0;
  let seizedWithin2Hops = 0;
  for (const [party, distance] of hops) {
    if (!seeds.has(party)) continue;
    if (distance === 0) seizedParties++;
    if (distance <= 1) seizedWithin1Hop++;
    seizedWithin2Hops++;
  }
  const importer = partyKey('IMPORTER', declaration.importerId);
  let importerDeclarations = 0;
  if (graph.hasNode(importer)) {
    graph.forEachEdge(importer, (_edge, attributes, source, target) => {
      const other = source === importer ? target : source;
      if (other.startsWith('DECLARANT:')) importerDeclarations += attributes.weight;
    });
  }
  const isNew = (role: 'DECLARANT' | 'IMPORTER' | 'SELLER' | 'COURIER', id: string | null): boolean | null => (id ? !graph.hasNode(partyKey(role, id)) : null);
  const declarantNew = isNew('DECLARANT', declaration.declarantId) as boolean;
  const importerNew = isNew('IMPORTER', declaration.importerId) as boolean;
  const sellerNew = isNew('SELLER', declaration.sellerId);
  const courierNew = isNew('COURIER', declaration.courierId);
  return {
    maxPartyRisk: Math.max(...scores),
    meanPartyRisk: scores.reduce((sum, score) => sum + score, 0) / scores.length,
    seizedParties,
    seizedWithin1Hop,
    seizedWithin2Hops,
    importerCounterparties: graph.hasNode(importer) ? graph.degree(importer) : 0,
    importerDeclarations,
    declarantNew,
    importerNew,
    sellerNew,
    courierNew,
    newParties: [declarantNew, importerNew, sellerNew, courierNew].filter((flag) => flag === true).length,
  };
}

/**
 * Convenience: the network features of `declaration` as of its own date (snapshot computed here;
 * when scoring many declarations of one day, compute {@link propagateRisk} once and call
 * {@link networkFeatures} for each).
 * @throws RangeError when the declaration's date is not an ISO date.
 */
export function networkFeaturesAsOfDate(network: PartyNetwork, declaration: Pick<Declaration, 'date' | 'declarantId' | 'importerId' | 'sellerId' | 'courierId'>, options: RiskPropagationOptions = {}): NetworkFeatures {
  return networkFeatures(propagateRisk(network, declaration.date, options), declaration);
}
