import { sampleDeclaration } from '@customs/domain/testing';
import { PartyNetwork, declarationParties, networkFeatures, parsePartyKey, partyRisk, personalisedPageRank, propagateRisk } from './index';

/** A declaration between a declarant and an importer only (one edge), on `date`. */
function pair(declarationId: string, date: string, declarantId: string, importerId: string) {
  return sampleDeclaration({ declarationId, date, declarantId, importerId, sellerId: null, courierId: null });
}

const seized = (declarationId: string, date: string) => ({ declarationId, date, fraud: 1 as const, criticalFraud: 0 as const });

describe('PartyNetwork graph', () => {
  it('keys parties by role and links every two parties of a declaration, weighted by shared declarations', () => {
    const network = new PartyNetwork();
    network.add(sampleDeclaration({ declarationId: '1', date: '2020-01-01', declarantId: 'D', importerId: 'I', sellerId: 'S', courierId: 'C' }));
    network.add(sampleDeclaration({ declarationId: '2', date: '2020-01-02', declarantId: 'D', importerId: 'I', sellerId: null, courierId: null }));
    const graph = network.graphAsOf('2020-02-01');
    expect(graph.nodes()).toEqual(['COURIER:C', 'DECLARANT:D', 'IMPORTER:I', 'SELLER:S']);
    expect(graph.size).toBe(6);
    expect(graph.getEdgeAttribute(graph.edge('DECLARANT:D', 'IMPORTER:I'), 'weight')).toBe(2);
    expect(graph.getEdgeAttribute(graph.edge('SELLER:S', 'COURIER:C'), 'weight')).toBe(1);
    expect(declarationParties({ declarantId: 'X', importerId: 'X', sellerId: null, courierId: null })).toEqual(['DECLARANT:X', 'IMPORTER:X']);
  });

  it('counts only declarations dated strictly before the as-of date', () => {
    const network = new PartyNetwork();
    network.add(pair('1', '2020-01-01', 'D', 'I'));
    network.add(pair('2', '2020-01-05', 'D', 'I'));
    network.add(pair('3', '2020-01-05', 'D', 'J'));
    expect(network.graphAsOf('2020-01-01').order).toBe(0);
    const graph = network.graphAsOf('2020-01-05');
    expect(graph.nodes()).toEqual(['DECLARANT:D', 'IMPORTER:I']);
    expect(graph.getEdgeAttribute(graph.edge('DECLARANT:D', 'IMPORTER:I'), 'weight')).toBe(1);
    expect(network.graphAsOf('2020-01-06').getEdgeAttribute('DECLARANT:D', 'IMPORTER:I', 'weight')).toBe(2);
  });

  it('is idempotent per declaration id and refuses a conflicting re-add or outcome', () => {
    const network = new PartyNetwork();
    expect(network.add(pair('1', '2020-01-01', 'D', 'I'))).toBe(true);
    expect(network.add(pair('1', '2020-01-01', 'D', 'I'))).toBe(false);
    expect(network.declarationCount).toBe(1);
    expect(network.graphAsOf('2020-02-01').getEdgeAttribute('DECLARANT:D', 'IMPORTER:I', 'weight')).toBe(1);
    expect(() => network.add(pair('1', '2020-01-02', 'D', 'I'))).toThrow(/another date or other parties/);
    network.recordOutcome(seized('1', '2020-01-03'));
    network.recordOutcome(seized('1', '2020-01-03'));
    expect(network.seedsAsOf('2020-02-01').get('IMPORTER:I')).toBe(1);
    expect(() => network.recordOutcome({ ...seized('1', '2020-01-03'), fraud: 0 })).toThrow(/another inspection outcome/);
  });

  it('rejects malformed dates', () => {
    const network = new PartyNetwork();
    expect(() => network.add(pair('1', '2020-13-01', 'D', 'I'))).toThrow(RangeError);
    expect(() => network.graphAsOf('01/02/2020')).toThrow(RangeError);
  });
});

describe('risk propagation (personalised PageRank)', () => {
  /**
   * Hand-made graph, all before 2020-02-01:
   *   DECLARANT:S (seized, declaration 1 with IMPORTER:X) - IMPORTER:A - DECLARANT:B   (chain)
   *   DECLARANT:U - IMPORTER:V                                                          (unconnected)
   */
  function chain(): PartyNetwork {
    const network = new PartyNetwork();
    network.add(pair('1', '2020-01-01', 'S', 'X'));
    network.add(pair('2', '2020-01-02', 'S', 'A'));
    network.add(pair('3', '2020-01-03', 'B', 'A'));
    network.add(pair('4', '2020-01-03', 'B', 'C'));
    network.add(pair('5', '2020-01-04', 'U', 'V'));
    network.recordOutcome(seized('1', '2020-01-10'));
    return network;
  }

  it("ranks a seed's direct neighbour above a 2-hop party, above an unconnected one, and explains why", () => {
    const snapshot = propagateRisk(chain(), '2020-02-01');
    expect([...snapshot.seeds]).toEqual([['DECLARANT:S', 1], ['IMPORTER:X', 1]]);
    const direct = partyRisk(snapshot, 'IMPORTER:A');
    const twoHops = partyRisk(snapshot, 'DECLARANT:B');
    const unconnected = partyRisk(snapshot, 'IMPORTER:V');
    expect(direct.score).toBeGreaterThan(twoHops.score);
    expect(twoHops.score).toBeGreaterThan(0);
    expect(unconnected.score).toBe(0);
    expect(direct.hopsToNearestSeed).toBe(1);
    expect(twoHops.hopsToNearestSeed).toBe(2);
    expect(unconnected.hopsToNearestSeed).toBeNull();
    expect(direct.seizedNeighbours).toEqual([{ party: 'DECLARANT:S', sharedDeclarations: 1 }]);
    expect(twoHops.seizedNeighbours).toEqual([]);
    const seed = partyRisk(snapshot, 'DECLARANT:S');
    expect(seed.seizures).toBe(1);
    expect(seed.hopsToNearestSeed).toBe(0);
    for (const risk of snapshot.parties.values()) {
      expect(risk.score).toBeGreaterThanOrEqual(0);
      expect(risk.score).toBeLessThanOrEqual(1);
    }
    expect(Math.max(...[...snapshot.parties.values()].map((r) => r.score))).toBe(1);
    expect(partyRisk(snapshot, 'IMPORTER:NEVER-SEEN')).toMatchObject({ score: 0, hopsToNearestSeed: null });
  });

  it('gives more risk to the neighbour sharing more declarations with the seed', () => {
    const network = new PartyNetwork();
    network.add(pair('1', '2020-01-01', 'S', 'X'));
    network.recordOutcome(seized('1', '2020-01-02'));
    for (const id of ['2', '3', '4']) network.add(pair(id, '2020-01-03', 'S', 'HEAVY'));
    network.add(pair('5', '2020-01-03', 'S', 'LIGHT'));
    const snapshot = propagateRisk(network, '2020-02-01');
    expect(partyRisk(snapshot, 'IMPORTER:HEAVY').score).toBeGreaterThan(partyRisk(snapshot, 'IMPORTER:LIGHT').score);
    expect(partyRisk(snapshot, 'IMPORTER:HEAVY').seizedNeighbours).toEqual([{ party: 'DECLARANT:S', sharedDeclarations: 3 }]);
  });

  it('is all zeros without seeds, and the PageRank vector sums to 1 with seeds', () => {
    const network = chain();
    const before = propagateRisk(network, '2020-01-10');
    expect([...before.parties.values()].every((r) => r.score === 0 && r.hopsToNearestSeed === null)).toBe(true);
    const snapshot = propagateRisk(network, '2020-02-01');
    const pr = personalisedPageRank(snapshot.graph, snapshot.seeds);
    expect([...pr.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(() => personalisedPageRank(snapshot.graph, snapshot.seeds, { damping: 1 })).toThrow(RangeError);
  });

  it('lists at most 5 seized neighbours, heaviest first', () => {
    const network = new PartyNetwork();
    for (let i = 0; i < 7; i++) {
      for (let k = 0; k <= i; k++) network.add(pair(`${i}-${k}`, '2020-01-01', `S${i}`, 'HUB'));
      network.recordOutcome(seized(`${i}-0`, '2020-01-02'));
    }
    // HUB is on every seized declaration, so it is a seed too; its neighbours S0..S6 are all seeds.
    const hub = partyRisk(propagateRisk(network, '2020-02-01'), 'IMPORTER:HUB');
    expect(hub.seizedNeighbours.map((n) => n.party)).toEqual(['DECLARANT:S6', 'DECLARANT:S5', 'DECLARANT:S4', 'DECLARANT:S3', 'DECLARANT:S2']);
    expect(hub.seizedNeighbours[0].sharedDeclarations).toBe(7);
  });
});

describe('network features', () => {
  it('counts seized parties within 1 and 2 hops, importer counterparties and new parties', () => {
    const network = new PartyNetwork();
    network.add(sampleDeclaration({ declarationId: '1', date: '2020-01-01', declarantId: 'S', importerId: 'X', sellerId: null, courierId: null }));
    network.add(sampleDeclaration({ declarationId: '2', date: '2020-01-02', declarantId: 'S', importerId: 'A', sellerId: 'P', courierId: null }));
    network.add(sampleDeclaration({ declarationId: '3', date: '2020-01-02', declarantId: 'B', importerId: 'A', sellerId: null, courierId: null }));
    network.recordOutcome(seized('1', '2020-01-03'));
    const declaration = sampleDeclaration({ declarationId: '9', date: '2020-01-05', declarantId: 'B', importerId: 'A', sellerId: 'NEWSELLER', courierId: null });
    const features = networkFeatures(propagateRisk(network, '2020-01-05'), declaration);
    expect(features).toMatchObject({
      seizedParties: 0,
      seizedWithin1Hop: 1, // DECLARANT:S is adjacent to IMPORTER:A
      seizedWithin2Hops: 2, // IMPORTER:X via S
      importerCounterparties: 3, // S, P, B
      importerDeclarations: 2,
      declarantNew: false,
      importerNew: false,
      sellerNew: true,
      courierNew: null,
      newParties: 1,
    });
    expect(features.maxPartyRisk).toBeGreaterThan(0);
    expect(features.meanPartyRisk).toBeLessThanOrEqual(features.maxPartyRisk);
    const unseen = networkFeatures(propagateRisk(network, '2020-01-05'), sampleDeclaration({ declarantId: 'N1', importerId: 'N2', sellerId: null, courierId: null }));
    expect(unseen).toMatchObject({ maxPartyRisk: 0, meanPartyRisk: 0, seizedWithin2Hops: 0, importerCounterparties: 0, newParties: 2 });
  });
});

describe('party keys', () => {
  it('parses well-formed keys and refuses unknown roles and malformed ids', () => {
    expect(parsePartyKey('IMPORTER:QLRUBN9')).toEqual({ role: 'IMPORTER', id: 'QLRUBN9' });
    expect(parsePartyKey('COURIER:c1')).toEqual({ role: 'COURIER', id: 'c1' });
    expect(parsePartyKey('SHIPPER:CN0123456789ABCDEF')).toEqual({ role: 'SHIPPER', id: 'CN0123456789ABCDEF' });
    expect(parsePartyKey('CONSIGNEE:P123456789012')).toEqual({ role: 'CONSIGNEE', id: 'P123456789012' });
    expect(parsePartyKey('PASSENGER:PAX-0123456789ABCDEF')).toEqual({ role: 'PASSENGER', id: 'PAX-0123456789ABCDEF' });
    for (const bad of ['QLRUBN9', 'OWNER:X', 'importer:X', 'IMPORTER:', 'IMPORTER:a-b', 'IMPORTER:X:Y', `SELLER:${'A'.repeat(21)}`,
      'PASSENGER:AB1234567', 'PASSENGER:PAX-0123456789abcdef', 'PASSENGER:PAX-0123', 'SHIPPER:PAX-0123456789ABCDEF', 'CONSIGNEE:Kim Minji']) expect(parsePartyKey(bad)).toBeNull();
  });

  it('knows a party whatever the date, and says whether an outcome was new', () => {
    const network = new PartyNetwork();
    network.add(pair('1', '2020-01-01', 'D', 'I'));
    expect(network.hasParty('IMPORTER:I')).toBe(true);
    expect(network.hasParty('IMPORTER:D')).toBe(false);
    expect(network.recordOutcome(seized('1', '2020-01-03'))).toBe(true);
    expect(network.recordOutcome(seized('1', '2020-01-03'))).toBe(false);
  });
});
