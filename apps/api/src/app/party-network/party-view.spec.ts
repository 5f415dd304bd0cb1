import { sampleDeclaration } from '@customs/domain/testing';
import { PartyNetwork, propagateRisk } from '@customs/party-network';
import { MAX_DRAWN_NODES, partyView } from './party-view';

/** A declaration between a declarant and an importer (and a seller when given), on `date`. */
const decl = (declarationId: string, date: string, declarantId: string, importerId: string, sellerId: string | null = null) =>
  sampleDeclaration({ declarationId, date, declarantId, importerId, sellerId, courierId: null });

/**
 * DECLARANT:B brokers for IMPORTER:SEIZED (seized on 2021-01-05, known 2021-01-10) and IMPORTER:P
 * (3 declarations); SELLER:Q sells to IMPORTER:P; DECLARANT:Z - IMPORTER:FAR is unconnected.
 */
function network(): PartyNetwork {
  const n = new PartyNetwork();
  n.add(decl('1', '2021-01-05', 'B', 'SEIZED'));
  n.add(decl('2', '2021-01-06', 'B', 'P', 'Q'));
  n.add(decl('3', '2021-01-07', 'B', 'P'));
  n.add(decl('4', '2021-01-08', 'B', 'P'));
  n.add(decl('5', '2021-01-08', 'Z', 'FAR'));
  n.recordOutcome({ declarationId: '1', date: '2021-01-10', fraud: 1, criticalFraud: 0 });
  return n;
}

describe('partyView', () => {
  it('draws the party, its counterparties by shared declarations, 2-hop parties, and the seized ones near it', () => {
    const view = partyView(propagateRisk(network(), '2021-02-01'), 'IMPORTER:P');
    expect(view.seen).toBe(true);
    expect(view.party).toEqual({ key: 'IMPORTER:P', role: 'IMPORTER', id: 'P' });
    expect(view.neighbourhood.nodes.map((n) => [n.key, n.hops, n.seized])).toEqual([
      ['IMPORTER:P', 0, false], ['DECLARANT:B', 1, true], ['SELLER:Q', 1, false], ['IMPORTER:SEIZED', 2, true],
    ]);
    expect(view.neighbourhood.edges).toContainEqual({ source: 'DECLARANT:B', target: 'IMPORTER:P', weight: 3 });
    expect(view.counterparties).toBe(2);
    // The seized declaration was B's and SEIZED's: the broker is seized too, one hop away.
    expect(view.seizedNeighbours).toEqual([
      { key: 'DECLARANT:B', role: 'DECLARANT', id: 'B', hops: 1, seizures: 1, sharedDeclarations: 3, score: expect.any(Number) },
      { key: 'IMPORTER:SEIZED', role: 'IMPORTER', id: 'SEIZED', hops: 2, seizures: 1, sharedDeclarations: 0, score: expect.any(Number) },
    ]);
    expect(view.score).toBeGreaterThan(0);
    expect(view.score).toBeLessThan(1);
    expect(view.hopsToNearestSeizure).toBe(1);
    expect(view.reasons.map((r) => r.code)).toEqual(['SEIZED_COUNTERPARTIES', 'SCORE']);
    expect(view.reasons[0].text).toBe('It shares declarations with 1 seized party; the strongest tie is DECLARANT:B (3 shared declarations).');
    expect(view.network).toEqual({ parties: 6, seizedParties: 2 });

    // SELLER:Q was on declaration 2 with the broker: one hop from a seized party.
    const seller = partyView(propagateRisk(network(), '2021-02-01'), 'SELLER:Q');
    expect(seller.hopsToNearestSeizure).toBe(1);
    expect(seller.score).toBeGreaterThan(0);
  });

  it('names the seized counterparty and the party\u2019s own seizures', () => {
    const broker = partyView(propagateRisk(network(), '2021-02-01'), 'DECLARANT:B');
    expect(broker.seizures).toBe(1);
    expect(broker.reasons.map((r) => r.code)).toEqual(['OWN_SEIZURES', 'SEIZED_COUNTERPARTIES', 'SCORE']);
    expect(broker.reasons[1].params).toEqual({ count: 1, party: 'IMPORTER:SEIZED', shared: 1 });
    expect(broker.reasons[0].text).toBe('The party itself had 1 seized declaration known before 2021-02-01.');
  });

  it('counts nothing known on or after the as-of date (leakage)', () => {
    // The seizure became known on 2021-01-10: as of that day it does not count yet.
    const before = partyView(propagateRisk(network(), '2021-01-10'), 'IMPORTER:P');
    expect(before.score).toBe(0);
    expect(before.seizedNeighbours).toEqual([]);
    expect(before.reasons.map((r) => r.code)).toEqual(['NO_SEIZURES']);
    // As of the party's first declaration date it is not in the network at all.
    const unseen = partyView(propagateRisk(network(), '2021-01-06'), 'IMPORTER:P');
    expect(unseen).toMatchObject({ seen: false, score: 0, counterparties: 0, neighbourhood: { nodes: [], edges: [], total: 0, truncated: false } });
    expect(unseen.reasons.map((r) => r.code)).toEqual(['NOT_SEEN']);
  });

  it('says when no seized party is connected', () => {
    const far = partyView(propagateRisk(network(), '2021-02-01'), 'IMPORTER:FAR');
    expect(far.score).toBe(0);
    expect(far.hopsToNearestSeizure).toBeNull();
    expect(far.reasons.map((r) => r.code)).toEqual(['UNREACHABLE', 'SCORE']);
  });

  it(`draws at most ${MAX_DRAWN_NODES} parties around a hub and says it left some out`, () => {
    const n = new PartyNetwork();
    for (let i = 0; i < 100; i++) n.add(decl(`H${i}`, '2021-01-01', 'HUB', `I${i}`));
    const view = partyView(propagateRisk(n, '2021-02-01'), 'DECLARANT:HUB');
    expect(view.neighbourhood.nodes).toHaveLength(MAX_DRAWN_NODES);
    expect(view.neighbourhood).toMatchObject({ total: 100, truncated: true });
    expect(view.neighbourhood.edges).toHaveLength(MAX_DRAWN_NODES - 1);
  });
});
