import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Declaration, HsNomenclature } from '@customs/domain';
import { readDeclarationFile } from '@customs/io';
import { labelledOutcome, type LabelledOutcome } from '@customs/risk-model';

const ROOT = join(__dirname, '../..');
/** The bundled sample of the KCS validation split (1,000 rows). */
export const SAMPLE = join(ROOT, 'e2e/fixtures/kcs-valid-sample.csv');
/** The full KCS validation split, when `../shared` is beside the repository. */
export const FULL = join(ROOT, '../shared/data/kcs-import-declarations/valid.csv');

/** The declarations of a KCS file, goods descriptions filled from the HS nomenclature. */
export async function readDeclarations(file: string): Promise<Declaration[]> {
  return (await readLabelled(file)).map((r) => r.declaration);
}

/** The rows of a KCS file with their inspection results (when the file has them). */
export async function readLabelled(file: string): Promise<Array<LabelledOutcome & { declaration: Declaration }>> {
  const hs = HsNomenclature.default();
  const out: Array<LabelledOutcome & { declaration: Declaration }> = [];
  for await (const rec of readDeclarationFile(file)) {
    if (!('declaration' in rec)) throw new Error(`${file} row ${rec.rowNumber}: ${rec.error}`);
    const d = rec.declaration;
    const declaration = d.goodsDescription === undefined ? { ...d, goodsDescription: hs.describe(d.hsCode) ?? undefined } : d;
    out.push(labelledOutcome(declaration, rec.labels ?? { fraud: 0, criticalFraud: 0 }));
  }
  return out;
}

/**
 * The full validation split with fresh ids (`V` + KCS id), so a run after the sample's does not
 * re-send its declarations; null when `BENCH_FULL=0` or the file is absent.
 */
export async function fullSplit(): Promise<Declaration[] | null> {
  if (process.env.BENCH_FULL === '0' || !existsSync(FULL)) return null;
  return (await readDeclarations(FULL)).map((d) => ({ ...d, declarationId: `V${d.declarationId}`.slice(0, 20) }));
}

/** Rows sorted by declaration date (`YYYY-MM-DD`), input order kept within a day (the sort is stable). */
export function sortByDate<T extends { declaration: Pick<Declaration, 'date'> }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.declaration.date < b.declaration.date ? -1 : a.declaration.date > b.declaration.date ? 1 : 0));
}

/** Calls `fn` with each run of consecutive rows of the same date, in order (rows sorted by {@link sortByDate}). */
export async function forEachDay<T extends { declaration: Pick<Declaration, 'date'> }>(rows: readonly T[], fn: (day: T[]) => Promise<void> | void): Promise<void> {
  for (let start = 0; start < rows.length; ) {
    let end = start;
    while (end < rows.length && rows[end].declaration.date === rows[start].declaration.date) end++;
    await fn(rows.slice(start, end));
    start = end;
  }
}
