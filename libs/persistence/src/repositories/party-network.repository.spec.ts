import { sampleDeclaration } from '@customs/domain/testing';
import { PartyNetworkRepository } from './party-network.repository';
import { recordingDataSource } from './recording-data-source.mock';

// What the party network repository sends on a fake connection (no PostgreSQL); the statement's
// effect (idempotency, counts, dates) is proven by e2e/api/party-network.e2e-spec.ts.

describe('PartyNetworkRepository', () => {
  it('records a whole batch in ONE set-based statement, idempotent per declaration id, links upserted in key order', async () => {
    const { dataSource, statements } = await recordingDataSource((sql) => (sql.startsWith('WITH input') ? [{ added: '2', links: 4 }] : undefined));
    const batch = [
      sampleDeclaration({ declarationId: 'A1', date: '2021-01-02', declarantId: 'D', importerId: 'I', sellerId: 'S', courierId: null }),
      sampleDeclaration({ declarationId: 'A2', date: '2021-01-03', declarantId: 'D', importerId: 'J', sellerId: '', courierId: 'C' }),
    ];
    expect(await new PartyNetworkRepository(dataSource).record(batch)).toBe(2);
    expect(statements).toHaveLength(1);
    const [{ sql, params }] = statements;
    expect(sql).toContain("FROM unnest($1::varchar[], $2::varchar[], $3::text[])");
    expect(sql).toContain("string_to_array(p, '|')::varchar[]");
    expect(sql).toContain('INSERT INTO party_declaration');
    expect(sql).toContain('ON CONFLICT ON CONSTRAINT uq_party_declaration_declaration DO NOTHING');
    expect(sql).toContain('ORDER BY party_a, party_b ON CONFLICT (party_a, party_b) DO UPDATE SET');
    // An empty seller and a null courier are left out.
    expect(params).toEqual([['A1', 'A2'], ['2021-01-02', '2021-01-03'], ['DECLARANT:D|IMPORTER:I|SELLER:S', 'DECLARANT:D|IMPORTER:J|COURIER:C']]);
  });

  it('records documents of the other streams the same way, a repeated party once', async () => {
    const { dataSource, statements } = await recordingDataSource((sql) => (sql.startsWith('WITH input') ? [{ added: '1', links: 1 }] : undefined));
    const documents = [{ documentId: 'PNR-ABC123', date: '2026-12-01', parties: ['PASSENGER:PAX-0000000000000001', 'PASSENGER:PAX-0000000000000002', 'PASSENGER:PAX-0000000000000001'] }];
    expect(await new PartyNetworkRepository(dataSource).recordDocuments(documents)).toBe(1);
    expect(statements[0].params).toEqual([['PNR-ABC123'], ['2026-12-01'], ['PASSENGER:PAX-0000000000000001|PASSENGER:PAX-0000000000000002']]);
  });

  it('sends nothing for an empty batch', async () => {
    const { dataSource, statements } = await recordingDataSource();
    expect(await new PartyNetworkRepository(dataSource).record([])).toBe(0);
    expect(statements).toHaveLength(0);
  });

  it('dates an inspection result by the day it was recorded and an imported one by the declaration', async () => {
    const answer = [{ seq: '7', declaration_id: 'A1', d: '2021-01-02', dc: 'D', im: 'I', se: '', co: null, fraud: 1, critical_fraud: 2, known_on: '2026-12-07' }];
    const { dataSource, statements } = await recordingDataSource((sql) => (sql.includes('FROM inspection_outcome') ? answer : undefined));
    const rows = await new PartyNetworkRepository(dataSource).outcomesAfter(5, 100);
    expect(statements[0].sql).toContain("CASE WHEN source = 'INSPECTION' THEN GREATEST(declaration_date, (recorded_at AT TIME ZONE 'UTC')::date) ELSE declaration_date END");
    expect(statements[0].params).toEqual([5, 100]);
    expect(rows).toEqual([{ seq: '7', declaration: { documentId: 'A1', date: '2021-01-02', parties: ['DECLARANT:D', 'IMPORTER:I'] }, fraud: 1, criticalFraud: 2, knownOn: '2026-12-07' }]);
  });

  it('reads the results of express and passenger cases: seizures and discrepancies are fraud, a waybill with its stored parties, a passenger on its own', async () => {
    const waybillParties = ['COURIER:C', 'SHIPPER:CN0123456789ABCDEF', 'CONSIGNEE:P123456789012'];
    const answer = [
      { seq: '11', document_type: 'EXPRESS_WAYBILL', declaration_id: 'EXP-HX1', outcome: 'DISCREPANCY', known_on: '2026-12-03', d: '2026-12-01', parties: waybillParties },
      { seq: '12', document_type: 'EXPRESS_WAYBILL', declaration_id: 'EXP-OLD', outcome: 'SEIZURE', known_on: '2026-12-03', d: null, parties: null },
      { seq: '13', document_type: 'PASSENGER', declaration_id: 'PAX-0123456789ABCDEF', outcome: 'SEIZURE', known_on: '2026-12-04', d: null, parties: null },
      { seq: '14', document_type: 'PASSENGER', declaration_id: 'PAX-00000000000000FF', outcome: 'NO_FINDING', known_on: '2026-12-04', d: null, parties: null },
    ];
    const { dataSource, statements } = await recordingDataSource((sql) => (sql.includes('FROM case_event') ? answer : undefined));
    const rows = await new PartyNetworkRepository(dataSource).streamOutcomesAfter(10, 50);
    expect(statements[0].sql).toContain("e.type = 'RESULT_RECORDED' AND c.document_type IN ('EXPRESS_WAYBILL', 'PASSENGER')");
    expect(statements[0].params).toEqual([10, 50]);
    expect(rows).toEqual([
      { seq: '11', declaration: { documentId: 'EXP-HX1', date: '2026-12-01', parties: waybillParties }, fraud: 1, criticalFraud: 0, knownOn: '2026-12-03' },
      { seq: '13', declaration: { documentId: 'PAX-0123456789ABCDEF', date: '2026-12-04', parties: ['PASSENGER:PAX-0123456789ABCDEF'] }, fraud: 1, criticalFraud: 1, knownOn: '2026-12-04' },
      { seq: '14', declaration: { documentId: 'PAX-00000000000000FF', date: '2026-12-04', parties: ['PASSENGER:PAX-00000000000000FF'] }, fraud: 0, criticalFraud: 0, knownOn: '2026-12-04' },
    ]);
  });

  it('reads documents back with their party keys', async () => {
    const answer = [{ seq: '3', declaration_id: 'A2', d: '2021-01-03', parties: ['DECLARANT:D', 'IMPORTER:J', 'COURIER:C'] }];
    const { dataSource } = await recordingDataSource((sql) => (sql.includes('FROM party_declaration') ? answer : undefined));
    expect(await new PartyNetworkRepository(dataSource).declarationsAfter(0, 10)).toEqual([
      { seq: '3', documentId: 'A2', date: '2021-01-03', parties: ['DECLARANT:D', 'IMPORTER:J', 'COURIER:C'] },
    ]);
  });
});
