import { Readable } from 'node:stream';
import { join } from 'node:path';
import { dataQualityFindings, type DataQualityFinding } from '@customs/domain';
import { DeclarationFileError, readDeclarationStream, type DeclarationFileRecord } from './declaration-file';

/** The CSV part of the hostile-input corpus (`e2e/fixtures/bad-inputs/csv.json`; the API takes no CSV, the ingest CLI reads it with this reader). */
interface CsvCorpus {
  header: string;
  validRow: string;
  rows: Array<{ name: string; category: string; row?: string; rowBase64?: string; expect: { message: string } }>;
  /** Rows with a well-formed code missing from the reference lists: read, and screened with a data-quality finding. */
  screenedRows: Array<{ name: string; category: string; row: string; expect: { finding: DataQualityFinding } }>;
  files: Array<{ name: string; category: string; file?: string; fileBase64?: string; expect: { fileError: string } }>;
}

const corpus = require(join(__dirname, '..', '..', '..', 'e2e', 'fixtures', 'bad-inputs', 'csv.json')) as CsvCorpus;

async function read(bytes: Buffer): Promise<DeclarationFileRecord[]> {
  const out: DeclarationFileRecord[] = [];
  for await (const r of readDeclarationStream(Readable.from([bytes]), 'csv')) out.push(r);
  return out;
}

describe('declaration CSV reader against the hostile-input corpus', () => {
  it('holds rows and files of every kind named in issue 7 (quoting, column count, encoding)', () => {
    const categories = new Set([...corpus.rows, ...corpus.files].map((e) => e.category));
    for (const c of ['csv-quoting', 'csv-columns', 'wrong-encoding', 'csv-file']) expect(categories).toContain(c);
    console.log(`bad-inputs corpus (CSV): ${corpus.rows.length} rows, ${corpus.files.length} files`);
  });

  it.each(corpus.rows.map((e) => [e.name, e] as const))('refuses the row: %s, and reads the good row after it', async (_name, entry) => {
    const row = entry.rowBase64 !== undefined ? Buffer.from(entry.rowBase64, 'base64') : Buffer.from(entry.row!, 'utf8');
    const file = Buffer.concat([Buffer.from(`${corpus.header}\n`), row, Buffer.from(`\n${corpus.validRow}\n`)]);
    const records = await read(file);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ rowNumber: 1, error: expect.stringContaining(entry.expect.message) });
    expect(records[1]).toMatchObject({ rowNumber: 2, declaration: { declarationId: '97061800' } });
  });

  it.each(corpus.screenedRows.map((e) => [e.name, e] as const))('reads the row with a code missing from the lists, naming it as a finding: %s', async (_name, entry) => {
    const records = await read(Buffer.from(`${corpus.header}\n${entry.row}\n`));
    expect(records).toHaveLength(1);
    const r = records[0];
    expect('declaration' in r ? dataQualityFindings(r.declaration) : r).toEqual([entry.expect.finding]);
  });

  it.each(corpus.files.map((e) => [e.name, e] as const))('refuses the whole file: %s', async (_name, entry) => {
    const bytes = entry.fileBase64 !== undefined ? Buffer.from(entry.fileBase64, 'base64') : Buffer.from(entry.file!, 'utf8');
    const error = await read(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeclarationFileError);
    expect((error as Error).message).toContain(entry.expect.fileError);
  });
});
