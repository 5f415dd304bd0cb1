import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import {
  KCS_EXPORT_COLUMNS, KCS_INPUT_COLUMNS, KCS_LABEL_COLUMNS, kcsRowToDeclaration, KcsRowError, validateDeclaration, type Declaration, type HsNomenclature,
} from '@customs/domain';

/** The two file formats of declarations: KCS-layout CSV, or one camelCase JSON Declaration per line. */
export type DeclarationFileFormat = 'csv' | 'ndjson';

/**
 * One result of reading a declaration file: a valid declaration, or the reasons its row
 * was rejected. `rowNumber` is the 1-based data row for CSV (header excluded, so data row
 * n is on line n + 1) and the 1-based line number for NDJSON.
 */
export type DeclarationFileRecord =
  | { rowNumber: number; declaration: Declaration; labels?: InspectionLabels }
  | { rowNumber: number; error: string; errors: string[] };

/**
 * The KCS label columns of a CSV row, when present and valid: what inspection found.
 * They are carried beside the declaration (never inside it) for the supply-chain history
 * and training, never for a decision. `fraud` 0/1; `criticalFraud` 0 none, 1 fraud, 2 critical
 * (a threat to public safety).
 */
export interface InspectionLabels {
  fraud: 0 | 1;
  criticalFraud: 0 | 1 | 2;
}

function labelsOf(row: Record<string, string>): InspectionLabels | undefined {
  const fraud = row['Fraud'];
  const critical = row['Critical Fraud'];
  if ((fraud !== '0' && fraud !== '1') || (critical !== '0' && critical !== '1' && critical !== '2')) return undefined;
  return { fraud: fraud === '1' ? 1 : 0, criticalFraud: Number(critical) as 0 | 1 | 2 };
}

/** A problem with a whole file (unreadable, or a CSV header that is not the KCS one). */
export class DeclarationFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeclarationFileError';
  }
}

/** Options of {@link readDeclarationFile} and {@link readDeclarationStream}. */
export interface ReadDeclarationOptions {
  /** Nomenclature for goods descriptions of CSV rows; defaults to `HsNomenclature.default()`. */
  nomenclature?: HsNomenclature;
}

const BOM = '\uFEFF';
const REQUIRED_COLUMNS: ReadonlySet<string> = new Set(KCS_INPUT_COLUMNS);
const ALLOWED_COLUMNS: ReadonlySet<string> = new Set([...KCS_INPUT_COLUMNS, ...KCS_LABEL_COLUMNS, ...KCS_EXPORT_COLUMNS]);

/**
 * The format of a file from its extension (`.csv`; `.ndjson` / `.jsonl`), else from its
 * first byte after an optional BOM and blanks (`{` -> ndjson, anything else -> csv).
 * @throws Error when the file cannot be opened.
 */
export async function detectDeclarationFileFormat(path: string): Promise<DeclarationFileFormat> {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8').replace(BOM, '').trimStart();
    return head.startsWith('{') ? 'ndjson' : 'csv';
  } finally {
    await handle.close();
  }
}

/**
 * Reads declarations from a file, one result per data row, in file order, validating each
 * with the same rules as the HTTP API (`validateDeclaration`); a bad row never stops the
 * file. Format by {@link detectDeclarationFileFormat}.
 *
 * - CSV: KCS layout (`KCS_COLUMNS`; the Fraud / Critical Fraud label columns are optional,
 *   kept out of the declaration and returned beside it as `labels` when valid; the training
 *   export's `Selection Basis` is optional and dropped), UTF-8 with or without BOM, `\n` or `\r\n`. A row with the wrong number of
 *   columns, bad quoting, a non-numeric number or a failed validation rule yields an error
 *   with its row number. Blank lines are skipped but counted.
 * - NDJSON: one camelCase Declaration object per line; malformed JSON or a failed rule
 *   yields an error with the line number. Blank lines are skipped.
 *
 * @throws DeclarationFileError when the CSV header is not the KCS header; the fs error
 *   when the file cannot be read.
 */
export async function* readDeclarationFile(
  path: string,
  options: ReadDeclarationOptions = {},
): AsyncGenerator<DeclarationFileRecord> {
  const format = await detectDeclarationFileFormat(path);
  yield* readDeclarationStream(createReadStream(path, { encoding: 'utf8' }), format, options);
}

/**
 * {@link readDeclarationFile} on any text stream (stdin, an upload), format given.
 * @throws DeclarationFileError when the CSV header is not the KCS header.
 */
export async function* readDeclarationStream(
  input: Readable,
  format: DeclarationFileFormat,
  options: ReadDeclarationOptions = {},
): AsyncGenerator<DeclarationFileRecord> {
  input.setEncoding('utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    yield* format === 'csv' ? readCsv(lines, options) : readNdjson(lines);
  } finally {
    lines.close();
    input.destroy();
  }
}

/**
 * Why a line read as UTF-8 is not text a declaration file may hold, or `null`. The reader decodes
 * UTF-8 and replaces every invalid byte with U+FFFD, so a Latin-1 or EUC-KR file shows up here; a
 * NUL (UTF-16 files are full of them) or another control character never belongs in a KCS row.
 */
function encodingProblem(line: string): string | null {
  const replaced = line.indexOf('\uFFFD');
  if (replaced >= 0) return `is not valid UTF-8 (a byte at character ${replaced + 1} is not UTF-8; save the file as UTF-8)`;
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(line);
  if (control) return `holds the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at character ${control.index + 1}`;
  return null;
}

function failure(rowNumber: number, errors: string[]): DeclarationFileRecord {
  return { rowNumber, error: errors.join('; '), errors };
}

/**
 * Splits one CSV line into fields. A KCS record never spans lines (codes, ids and numbers
 * hold no line breaks), so the file is read line by line and each line parsed on its own:
 * bad quoting then costs exactly that row. (csv-parse's `skip_records_with_error` on the
 * whole stream does not resynchronise after a stray quote: it swallowed the next good
 * row when we tried.) Lines without quotes are split directly, which is what csv-parse
 * would return for them and 20x faster; lines with quotes go through csv-parse.
 * @throws Error (from csv-parse) on bad quoting.
 */
function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const records = parse(line, { relax_column_count: true }) as string[][];
  return records[0] ?? [];
}

async function* readCsv(lines: AsyncIterable<string>, options: ReadDeclarationOptions): AsyncGenerator<DeclarationFileRecord> {
  let header: string[] | undefined;
  let rowNumber = 0;
  for await (const rawLine of lines) {
    if (header === undefined) {
      const headerProblem = encodingProblem(rawLine);
      if (headerProblem) throw new DeclarationFileError(`the CSV header ${headerProblem}: the file must be UTF-8 text (UTF-16 or a legacy encoding?)`);
      header = readHeader(rawLine.startsWith(BOM) ? rawLine.slice(1) : rawLine);
      continue;
    }
    rowNumber++;
    if (rawLine.trim() === '') continue;
    const problem = encodingProblem(rawLine);
    if (problem) {
      yield failure(rowNumber, [`the row ${problem}`]);
      continue;
    }
    let fields: string[];
    try {
      fields = splitCsvLine(rawLine);
    } catch (e) {
      yield failure(rowNumber, [`bad quoting: ${(e as Error).message.replace(/ at line \d+/, '')}`]);
      continue;
    }
    if (fields.length !== header.length) {
      yield failure(rowNumber, [`wrong number of columns: expected ${header.length}, got ${fields.length}`]);
      continue;
    }
    const row: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) row[header[i]] = fields[i];
    try {
      const declaration = kcsRowToDeclaration(row, { rowNumber, nomenclature: options.nomenclature });
      const labels = labelsOf(row);
      yield labels ? { rowNumber, declaration, labels } : { rowNumber, declaration };
    } catch (e) {
      if (!(e instanceof KcsRowError)) throw e;
      yield failure(rowNumber, e.errors);
    }
  }
  if (header === undefined) throw new DeclarationFileError('empty CSV file: the KCS header line is missing');
}

function readHeader(line: string): string[] {
  let columns: string[];
  try {
    columns = splitCsvLine(line);
  } catch (e) {
    throw new DeclarationFileError(`CSV header: ${(e as Error).message}`);
  }
  const unknown = columns.filter((c) => !ALLOWED_COLUMNS.has(c));
  const missing = [...REQUIRED_COLUMNS].filter((c) => !columns.includes(c));
  const duplicated = columns.filter((c, i) => columns.indexOf(c) !== i);
  const problems = [
    ...(missing.length ? [`missing column(s) ${missing.join(', ')}`] : []),
    ...(unknown.length ? [`unknown column(s) ${unknown.join(', ')}`] : []),
    ...(duplicated.length ? [`duplicated column(s) ${duplicated.join(', ')}`] : []),
  ];
  if (problems.length > 0) throw new DeclarationFileError(`CSV header is not the KCS header: ${problems.join('; ')}`);
  return columns;
}

async function* readNdjson(lines: AsyncIterable<string>): AsyncGenerator<DeclarationFileRecord> {
  let lineNumber = 0;
  for await (const rawLine of lines) {
    lineNumber++;
    const line = lineNumber === 1 && rawLine.startsWith(BOM) ? rawLine.slice(1) : rawLine;
    if (line.trim() === '') continue;
    const problem = encodingProblem(line);
    if (problem) {
      yield failure(lineNumber, [`the line ${problem}`]);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      yield failure(lineNumber, [`malformed JSON: ${(e as Error).message}`]);
      continue;
    }
    const result = validateDeclaration(value);
    yield result.ok ? { rowNumber: lineNumber, declaration: result.value } : failure(lineNumber, result.errors);
  }
}
