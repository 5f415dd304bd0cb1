import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { readDeclarationStream } from '@customs/io';
import { sampleDeclaration } from '@customs/domain/testing';
import { selectionBasisCell, TRAINING_COLUMNS, trainingLabels, trainingRow } from './training-row';

describe('training labels', () => {
  const weapons = { id: 'CEN-WPN-001', riskArea: 'SMUGGLING_WEAPONS' };
  const tax = { id: 'CEN-TAX-001', riskArea: 'TAX_EVASION' };
  it('labels NO_FINDING 0/0 and a discrepancy or seizure as fraud', () => {
    expect(trainingLabels({ outcome: 'NO_FINDING', firedCriteria: [weapons], verdicts: [] })).toEqual({ fraud: 0, criticalFraud: 0 });
    expect(trainingLabels({ outcome: 'DISCREPANCY', firedCriteria: [tax], verdicts: null })).toEqual({ fraud: 1, criticalFraud: 1 });
    expect(trainingLabels({ outcome: 'SEIZURE', firedCriteria: [], verdicts: [] })).toEqual({ fraud: 1, criticalFraud: 1 });
  });
  it('labels fraud found on a public-safety selection critical, unless the officer judged that selection inappropriate', () => {
    expect(trainingLabels({ outcome: 'SEIZURE', firedCriteria: [tax, weapons], verdicts: [{ criterionId: 'CEN-WPN-001', appropriate: true }] })).toEqual({ fraud: 1, criticalFraud: 2 });
    expect(trainingLabels({ outcome: 'DISCREPANCY', firedCriteria: [tax, weapons], verdicts: [{ criterionId: 'CEN-WPN-001', appropriate: false }] })).toEqual({ fraud: 1, criticalFraud: 1 });
  });
});

describe('training row', () => {
  it('puts the deciding basis first', () => {
    expect(selectionBasisCell('CRITERION', ['CRITERION', 'MODEL', 'CONTROL'])).toBe('CRITERION|MODEL|CONTROL');
    expect(selectionBasisCell('CONTROL', ['CONTROL'])).toBe('CONTROL');
    expect(selectionBasisCell('MODEL', ['CRITERION', 'MODEL'])).toBe('MODEL|CRITERION');
  });

  it('reads back through the project\u2019s KCS reader as the same declaration', async () => {
    const d = sampleDeclaration({ declarationId: '1234567', sellerId: null, courierId: 'C1', taxRate: 8.5, netMassKg: 0.001, itemPriceKrw: 12345678.9 });
    const csv = stringify([[...TRAINING_COLUMNS], trainingRow(d, { fraud: 1, criticalFraud: 2 }, 'CONTROL')]);
    expect(csv.split('\n')[1]).toMatch(/,1,2,CONTROL$/);
    const read = [];
    for await (const r of readDeclarationStream(Readable.from([csv]), 'csv')) read.push(r);
    expect(read).toHaveLength(1);
    const { goodsDescription: _description, ...back } = (read[0] as { declaration: typeof d }).declaration;
    expect(back).toEqual(d);
  });
});
