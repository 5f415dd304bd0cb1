import { declarationPartyLinks, nodeLabel, partyComposedKeys, partyLink, reasonText, riskBand, todayUtc } from './party-view';

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
