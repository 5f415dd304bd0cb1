import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sampleDeclaration } from '@customs/domain/testing';
import {
  DeclarationFileError,
  DeclarationFileRecord,
  detectDeclarationFileFormat,
  readDeclarationFile,
  readDeclarationStream,
} from './declaration-file';

const FIXTURES = join(__dirname, '..', '..', '..', 'e2e', 'fixtures');
const HEADER = 'Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net Mass,Item Price,Fraud,Critical Fraud';
const ROW = '97061800,2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,440890,BE,BE,0.0,FEU1,G,108.0,372254.4,0,0';

async function readAll(iterable: AsyncIterable<DeclarationFileRecord>): Promise<DeclarationFileRecord[]> {
  const out: DeclarationFileRecord[] = [];
  for await (const record of iterable) out.push(record);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'declaration-file-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readDeclarationFile', () => {
  it('reads every row of the KCS sample fixture (BOM, labels) as a valid declaration', async () => {
    const records = await readAll(readDeclarationFile(join(FIXTURES, 'kcs-valid-sample.csv')));
    expect(records).toHaveLength(1000);
    const errors = records.filter((r) => 'error' in r);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.rowNumber)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    for (const r of records) if ('declaration' in r) expect(r.declaration).not.toHaveProperty('fraud');
    const first = records[0];
    expect('declaration' in first && first.declaration.declarationId).toMatch(/^\d{8}$/);
  });

  it('reports each bad row of kcs-bad-rows.csv with its row number and reason, and reads the good ones', async () => {
    const expected = require(join(FIXTURES, 'kcs-bad-rows.expected.json')) as {
      rows: number;
      validRows: number;
      errors: { rowNumber: number; errors: string[] }[];
    };
    const records = await readAll(readDeclarationFile(join(FIXTURES, 'kcs-bad-rows.csv')));
    expect(records).toHaveLength(expected.rows);
    const errors = records.flatMap((r) => ('errors' in r ? [{ rowNumber: r.rowNumber, errors: r.errors }] : []));
    expect(errors).toEqual(expected.errors);
    expect(records.filter((r) => 'declaration' in r)).toHaveLength(expected.validRows);
    // The row after a stray quote is read normally.
    expect(records[14]).toMatchObject({ rowNumber: 15, declaration: { declarationId: 'B25026329' } });
    // A quoted field is an ordinary value.
    expect(records[7]).toMatchObject({ rowNumber: 8, declaration: { hsCode: '392690' } });
  });

  it('reads CSV without BOM and without the label columns, with CRLF line ends and blank lines', async () => {
    const header = HEADER.split(',').slice(0, 20).join(',');
    const row = ROW.split(',').slice(0, 20).join(',');
    const records = await readAll(readDeclarationFile(file('nolabels.csv', `${header}\r\n${row}\r\n\r\n${row}\r\n`)));
    expect(records.map((r) => [r.rowNumber, 'declaration' in r])).toEqual([[1, true], [3, true]]);
  });

  it('rejects a CSV whose header is not the KCS header', async () => {
    await expect(readAll(readDeclarationFile(file('bad-header.csv', `id,date\n1,2\n`)))).rejects.toThrow(DeclarationFileError);
    await expect(readAll(readDeclarationFile(file('empty.csv', '')))).rejects.toThrow(/header line is missing/);
  });

  it('reads NDJSON: valid lines, malformed JSON and invalid declarations by line number', async () => {
    const lines = [
      JSON.stringify(sampleDeclaration()),
      '{"declarationId": ',
      '',
      JSON.stringify(sampleDeclaration({ taxRate: '8' as unknown as number })),
      JSON.stringify({ ...sampleDeclaration(), fraud: 1 }),
      '[1,2]',
      JSON.stringify(sampleDeclaration({ goodsDescription: 'Wood' })),
    ];
    const records = await readAll(readDeclarationFile(file('d.ndjson', '\uFEFF' + lines.join('\n'))));
    expect(records.map((r) => r.rowNumber)).toEqual([1, 2, 4, 5, 6, 7]);
    expect(records[0]).toEqual({ rowNumber: 1, declaration: sampleDeclaration() });
    expect(records[1]).toMatchObject({ rowNumber: 2, error: expect.stringMatching(/^malformed JSON/) });
    expect(records[2]).toMatchObject({ errors: ['taxRate must be a number (%), got the string "8"'] });
    expect(records[3]).toMatchObject({ errors: ['property fraud should not exist'] });
    expect(records[4]).toMatchObject({ errors: ['declaration must be an object, got an array'] });
    expect(records[5]).toMatchObject({ declaration: { goodsDescription: 'Wood' } });
  });

  it('detects the format by extension, else by the first byte', async () => {
    expect(await detectDeclarationFileFormat(file('a.jsonl', ''))).toBe('ndjson');
    expect(await detectDeclarationFileFormat(file('a.NDJSON', ''))).toBe('ndjson');
    expect(await detectDeclarationFileFormat(file('a.csv', '{'))).toBe('csv');
    expect(await detectDeclarationFileFormat(file('a.txt', '\uFEFF  {"a":1}'))).toBe('ndjson');
    expect(await detectDeclarationFileFormat(file('b.txt', `\uFEFF${HEADER}\n`))).toBe('csv');
    const records = await readAll(readDeclarationFile(file('declarations', JSON.stringify(sampleDeclaration()) + '\n')));
    expect(records).toEqual([{ rowNumber: 1, declaration: sampleDeclaration() }]);
  });

  it('reads from any stream', async () => {
    const records = await readAll(readDeclarationStream(Readable.from([`${HEADER}\n${ROW.slice(0, 30)}`, ROW.slice(30) + '\n']), 'csv'));
    expect(records).toMatchObject([{ rowNumber: 1, declaration: { declarationId: '97061800', netMassKg: 108 } }]);
  });
});
