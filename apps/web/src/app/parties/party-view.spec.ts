import { declarationPartyLinks, nodeLabel, partyComposedKeys, partyLink, radialPositions, reasonText, riskBand, todayUtc } from './party-view';

describe('party view', () => {
  it('links a party to its page by role and id', () => {
    expect(partyLink('IMPORTER', 'QLRUBN9')).toEqual(['/parties', 'IMPORTER:QLRUBN9']);
    expect(declarationPartyLinks({ declarantId: 'D1', importerId: 'I1', sellerId: null, courierId: 'C1' }).map((p) => p.link)).toEqual([
      ['/parties', 'DECLARANT:D1'], ['/parties', 'IMPORTER:I1'], ['/parties', 'COURIER:C1'],
    ]);
  });

  it('bands scores: 0 none, then low, medium, high', () => {
    expect([0, 0.05, 0.1, 0.39, 0.4, 1].map(riskBand)).toEqual(['NONE', 'LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'HIGH']);
  });

  it('translates reasons by code with their parameters', () => {
    expect(reasonText({ code: 'NEAREST_SEIZURE', params: { hops: 2 }, text: 'x' })).toEqual({ key: 'party.reason.NEAREST_SEIZURE', params: { hops: 2 } });
    expect(nodeLabel('COURIER', 'ABC')).toBe('COU ABC');
    expect(partyComposedKeys()).toContain('party.reason.SEIZED_COUNTERPARTIES');
    expect(todayUtc(new Date('2026-12-07T23:30:00Z'))).toBe('2026-12-07');
  });
});

describe('radialPositions', () => {
  it('puts the party in the centre, counterparties on a ring from the top, 2-hop parties beyond their heaviest tie', () => {
    const nodes = [{ key: 'P', hops: 0 }, { key: 'A', hops: 1 }, { key: 'B', hops: 1 }, { key: 'X', hops: 2 }, { key: 'Y', hops: 2 }];
    const edges = [{ source: 'A', target: 'P', weight: 2 }, { source: 'B', target: 'P', weight: 1 }, { source: 'B', target: 'X', weight: 1 }, { source: 'A', target: 'Y', weight: 1 }, { source: 'B', target: 'Y', weight: 3 }];
    const p = radialPositions(nodes, edges);
    expect(p.get('P')).toEqual({ x: 0, y: 0 });
    expect(p.get('A')).toEqual({ x: 0, y: -130 });
    expect(p.get('B')).toEqual({ x: 0, y: 130 });
    // X and Y both hang under B (Y's tie to B is heavier), below it, side by side.
    for (const k of ['X', 'Y']) {
      expect(Math.round(Math.hypot(p.get(k)!.x, p.get(k)!.y))).toBe(260);
      expect(p.get(k)!.y).toBeGreaterThan(130);
    }
    expect(Math.sign(p.get('X')!.x)).toBe(-Math.sign(p.get('Y')!.x));
    expect(new Set([...p.values()].map((q) => `${q.x},${q.y}`)).size).toBe(5);
  });
});
