import * as fs from 'node:fs';
import * as path from 'node:path';
import { CriterionValidationError, validateCriterion, type SelectivityCriterion } from '@customs/selectivity';

/** Thrown by {@link loadCriteriaFromDir} for a file that does not fit the folder layout. */
export class CriteriaLoadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'CriteriaLoadError';
  }
}

function jsonFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/**
 * Reads seed criteria: `<rulesDir>/central/*.json` and `<rulesDir>/local/<officeId>/*.json`,
 * one criterion per file named `<id>.json`. Files are read synchronously (a boot-time load).
 * @returns the criteria, central first, each group in file-name order.
 * @throws CriterionValidationError (message prefixed with the file path) for an invalid criterion;
 *   CriteriaLoadError for unparsable JSON, a file name that is not `<id>.json`, a scope or
 *   officeId that does not match the folder, or a duplicate id.
 */
export function loadCriteriaFromDir(rulesDir: string): SelectivityCriterion[] {
  const entries: { file: string; scope: 'CENTRAL' | 'LOCAL'; officeId: string | null }[] = [];
  for (const file of jsonFiles(path.join(rulesDir, 'central'))) entries.push({ file, scope: 'CENTRAL', officeId: null });
  const localDir = path.join(rulesDir, 'local');
  if (fs.existsSync(localDir)) {
    const offices = fs.readdirSync(localDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    for (const office of offices) {
      for (const file of jsonFiles(path.join(localDir, office))) entries.push({ file, scope: 'LOCAL', officeId: office });
    }
  }
  const out: SelectivityCriterion[] = [];
  const seen = new Map<string, string>();
  for (const { file, scope, officeId } of entries) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new CriteriaLoadError(file, `not valid JSON (${(e as Error).message})`);
    }
    const c = validateCriterion(raw, file);
    if (path.basename(file) !== `${c.id}.json`) throw new CriteriaLoadError(file, `file name must be ${c.id}.json`);
    if (c.scope !== scope) throw new CriteriaLoadError(file, `scope ${c.scope} does not match folder (${scope})`);
    if (c.officeId !== officeId) throw new CriteriaLoadError(file, `officeId ${c.officeId} does not match folder (${officeId})`);
    const prior = seen.get(c.id);
    if (prior) throw new CriteriaLoadError(file, `duplicate criterion id ${c.id} (also in ${prior})`);
    seen.set(c.id, file);
    out.push(c);
  }
  return out;
}

export { CriterionValidationError };
