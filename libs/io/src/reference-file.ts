import { parse } from 'csv-parse/sync';
import { isReferenceListName, REFERENCE_LIST_NAMES, referenceCodeProblem, type ReferenceCode, type ReferenceListName } from '@customs/domain';

/** Longest label a reference code may carry, in characters. */
export const MAX_REFERENCE_LABEL_LENGTH = 500;

/** A reference-list file read: the complete new contents of each list it names, or every problem found. */
export type ReferenceFileResult =
  | { ok: true; lists: Map<ReferenceListName, ReferenceCode[]> }
  | { ok: false; errors: string[] };

/**
 * Reads a reference-list CSV (`npm run reference:import`): a header `list,code,label` (label
 * optional; UTF-8, optional BOM), one code per row. Each list named in the file gets exactly the
 * file's codes as its new version (a version is complete, so a code left out is no longer known).
 *
 * Refuses the whole file, with every problem and its 1-based data row number, for: a missing
 * `list` or `code` column, an unknown list name (`REFERENCE_LIST_NAMES`), a malformed code (the
 * shape of the list's field, `referenceCodeProblem`), a code twice in one list, a label longer
 * than {@link MAX_REFERENCE_LABEL_LENGTH}, a CSV syntax error, or no rows at all. Never throws.
 * @returns the lists in the file, codes sorted; labels `""` become null.
 */
export function parseReferenceCsv(text: string): ReferenceFileResult {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { bom: true, columns: (header: string[]) => header.map((h) => h.trim()), skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (e) {
    return { ok: false, errors: [`not a readable CSV: ${e instanceof Error ? e.message : String(e)}`] };
  }
  if (rows.length === 0) return { ok: false, errors: ['the file holds no codes (header list,code,label and one row per code)'] };
  const header = Object.keys(rows[0]);
  const missing = ['list', 'code'].filter((c) => !header.includes(c));
  if (missing.length > 0) return { ok: false, errors: [`missing column(s) ${missing.join(', ')}: the header must be list,code[,label]`] };
  const extra = header.filter((c) => !['list', 'code', 'label'].includes(c));
  if (extra.length > 0) return { ok: false, errors: [`unknown column(s) ${extra.join(', ')}: the header must be list,code[,label]`] };

  const errors: string[] = [];
  const lists = new Map<ReferenceListName, Map<string, string | null>>();
  rows.forEach((row, i) => {
    const at = `row ${i + 1}`;
    const { list, code } = row;
    const label = row.label ?? '';
    if (!isReferenceListName(list)) {
      errors.push(`${at}: list must be one of ${REFERENCE_LIST_NAMES.join(', ')}, got ${JSON.stringify(list.slice(0, 40))}`);
      return;
    }
    const problem = referenceCodeProblem(list, code);
    if (problem) errors.push(`${at}: ${problem}`);
    if (label.length > MAX_REFERENCE_LABEL_LENGTH) errors.push(`${at}: label must be at most ${MAX_REFERENCE_LABEL_LENGTH} characters, got ${label.length}`);
    const codes = lists.get(list) ?? new Map<string, string | null>();
    lists.set(list, codes);
    if (codes.has(code)) errors.push(`${at}: code ${code} appears twice in list ${list}`);
    codes.set(code, label === '' ? null : label);
  });
  if (errors.length > 0) return { ok: false, errors };
  const out = new Map<ReferenceListName, ReferenceCode[]>();
  for (const [list, codes] of lists) {
    out.set(list, [...codes].map(([code, label]) => ({ code, label })).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
  }
  return { ok: true, lists: out };
}
