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
    expect(sql).toContain('FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[])');
    expect(sql).toContain('INSERT INTO party_declaration');
    expect(sql).toContain('ON CONFLICT ON CONSTRAINT uq_party_declaration_declaration DO NOTHING');
    expect(sql).toContain('ORDER BY party_a, party_b ON CONFLICT (party_a, party_b) DO UPDATE SET');
    expect(sql).toContain("NULLIF(se, '')");
    expect(params).toEqual([['A1', 'A2'], ['2021-01-02', '2021-01-03'], ['D', 'D'], ['I', 'J'], ['S', ''], [null, 'C']]);
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
    expect(rows).toEqual([{ seq: '7', declaration: { declarationId: 'A1', date: '2021-01-02', declarantId: 'D', importerId: 'I', sellerId: null, courierId: null }, fraud: 1, criticalFraud: 2, knownOn: '2026-12-07' }]);
  });

  it('reads declarations back with their party ids by role', async () => {
    const answer = [{ seq: '3', declaration_id: 'A2', d: '2021-01-03', parties: ['DECLARANT:D', 'IMPORTER:J', 'COURIER:C'] }];
    const { dataSource } = await recordingDataSource((sql) => (sql.includes('FROM party_declaration') ? answer : undefined));
    expect(await new PartyNetworkRepository(dataSource).declarationsAfter(0, 10)).toEqual([
      { seq: '3', declarationId: 'A2', date: '2021-01-03', declarantId: 'D', importerId: 'J', sellerId: null, courierId: 'C' },
    ]);
  });
});
