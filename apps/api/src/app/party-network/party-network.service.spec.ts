import { BadRequestException, NotFoundException } from '@nestjs/common';
import type { PartyNetworkRepository, PartyOutcomeRow, StoredPartyDeclaration } from '@customs/persistence';
import { PartyNetworkService } from './party-network.service';

/** A repository over arrays: rows appended later are read by the next refresh (keyset on `seq`). */
function fakeRepository() {
  const declarations: StoredPartyDeclaration[] = [];
  const outcomes: PartyOutcomeRow[] = [];
  const streamOutcomes: PartyOutcomeRow[] = [];
  const repository = {
    record: jest.fn(),
    declarationsAfter: jest.fn(async (after: number, limit: number) => declarations.filter((d) => Number(d.seq) > after).slice(0, limit)),
    outcomesAfter: jest.fn(async (after: number, limit: number) => outcomes.filter((o) => Number(o.seq) > after).slice(0, limit)),
    streamOutcomesAfter: jest.fn(async (after: number, limit: number) => streamOutcomes.filter((o) => Number(o.seq) > after).slice(0, limit)),
  };
  const declare = (id: string, date: string, declarantId: string, importerId: string) =>
    declarations.push({ seq: String(declarations.length + 1), documentId: id, date, parties: [`DECLARANT:${declarantId}`, `IMPORTER:${importerId}`] });
  const seize = (id: string, date: string, declarantId: string, importerId: string, knownOn: string) =>
    outcomes.push({ seq: String(outcomes.length + 1), declaration: { documentId: id, date, parties: [`DECLARANT:${declarantId}`, `IMPORTER:${importerId}`] }, fraud: 1, criticalFraud: 1, knownOn });
  /** An express waybill's courier, shipper and consignee (document `EXP-<n>`). */
  const waybill = (n: string, date: string, parties: string[]) => declarations.push({ seq: String(declarations.length + 1), documentId: `EXP-${n}`, date, parties });
  /** A recorded result of an express or passenger case (its own keyset, `case_event.id`). */
  const streamResult = (documentId: string, date: string, parties: string[], knownOn: string) =>
    streamOutcomes.push({ seq: String(streamOutcomes.length + 1), declaration: { documentId, date, parties }, fraud: 1, criticalFraud: 1, knownOn });
  return { repository, declare, seize, waybill, streamResult };
}

describe('PartyNetworkService', () => {
  it('answers 400 for a malformed key and 404 for a party on no declaration', async () => {
    const { repository, declare } = fakeRepository();
    declare('1', '2021-01-01', 'B', 'P');
    const service = new PartyNetworkService(repository as unknown as PartyNetworkRepository);
    await expect(service.party('OWNER:X', '2021-02-01')).rejects.toBeInstanceOf(BadRequestException);
    await expect(service.party('IMPORTER:NOBODY', '2021-02-01')).rejects.toThrow(new NotFoundException('party IMPORTER:NOBODY is on no screened declaration or recorded inspection outcome'));
    expect((await service.party('IMPORTER:P', '2021-02-01')).counterparties).toBe(1);
  });

  it('keeps a snapshot while only rows dated on or after its date arrive, and recomputes it when an earlier one does', async () => {
    const { repository, declare, seize } = fakeRepository();
    declare('1', '2021-01-01', 'B', 'P');
    declare('2', '2021-01-02', 'B', 'S');
    const service = new PartyNetworkService(repository as unknown as PartyNetworkRepository);
    expect((await service.party('IMPORTER:P', '2021-01-10')).score).toBe(0);

    // Seized on the 2nd, known on the 10th: not before 2021-01-10, so that snapshot stands.
    seize('2', '2021-01-02', 'B', 'S', '2021-01-10');
    declare('3', '2021-01-10', 'B', 'Q');
    const same = await service.party('IMPORTER:P', '2021-01-10');
    expect(same.score).toBe(0);
    expect(same.network.parties).toBe(3);
    // A later date sees both the seizure and the new declaration.
    const later = await service.party('IMPORTER:P', '2021-01-11');
    expect(later.score).toBeGreaterThan(0);
    expect(later.network).toEqual({ parties: 4, seizedParties: 2 });

    // A late declaration dated before 2021-01-10 does change that snapshot.
    declare('4', '2021-01-05', 'B2', 'P');
    expect((await service.party('IMPORTER:P', '2021-01-10')).counterparties).toBe(2);
    expect((await service.party('IMPORTER:P', '2021-01-11')).counterparties).toBe(2);
  });

  it('holds express waybills and passengers beside declarations, their seizures from the day after the result', async () => {
    const { repository, declare, waybill, streamResult } = fakeRepository();
    declare('1', '2021-01-01', 'B', 'P');
    waybill('HX1', '2021-01-02', ['COURIER:C1', 'SHIPPER:CN0123456789ABCDEF', 'CONSIGNEE:P123456789012']);
    waybill('HX2', '2021-01-02', ['COURIER:C1', 'SHIPPER:US0123456789ABCDEF', 'CONSIGNEE:P123456789012']);
    const service = new PartyNetworkService(repository as unknown as PartyNetworkRepository);
    const before = await service.party('SHIPPER:US0123456789ABCDEF', '2021-01-06');
    expect(before.counterparties).toBe(2);
    expect(before.seizedNeighbours).toEqual([]);

    streamResult('EXP-HX1', '2021-01-02', ['COURIER:C1', 'SHIPPER:CN0123456789ABCDEF', 'CONSIGNEE:P123456789012'], '2021-01-05');
    streamResult('PAX-0123456789ABCDEF', '2021-01-05', ['PASSENGER:PAX-0123456789ABCDEF'], '2021-01-05');
    expect((await service.party('SHIPPER:US0123456789ABCDEF', '2021-01-05')).seizedNeighbours).toEqual([]);
    const after = await service.party('SHIPPER:US0123456789ABCDEF', '2021-01-06');
    expect(after.seizedNeighbours.map((n) => n.key)).toEqual(['CONSIGNEE:P123456789012', 'COURIER:C1', 'SHIPPER:CN0123456789ABCDEF']);
    expect((await service.party('PASSENGER:PAX-0123456789ABCDEF', '2021-01-06')).seizures).toBe(1);
    await expect(service.party('PASSENGER:pax-1', '2021-01-06')).rejects.toBeInstanceOf(BadRequestException);
  });
});
