import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { BinnedReference } from './psi';

/** Folder of the committed feature references, one `<model name>-<version>.json` per model version. */
export const DRIFT_REFERENCES_DIR = path.resolve(__dirname, 'references');

/**
 * A model version's training reference for feature drift, as `npm run drift -- --write-reference`
 * writes it: per main feature (see `driftFeatures`), its bins and shares over the reference rows.
 * The score reference is not stored: it is the spec's recorded quantiles (`referenceFromQuantiles`).
 */
export interface DriftReferenceFile {
  /** The model the features were encoded for. */
  model: { name: string; version: string };
  /** Where the rows came from: file (relative to the repository), first date, number of rows, and whether it is the fit period of the training split (`train`) or a stand-in (`sample`). */
  source: { file: string; from: string | null; rows: number; kind: 'train' | 'sample' };
  /** Per feature name, its binned reference (see {@link BinnedReference}). */
  features: Record<string, BinnedReference>;
}

/** Path of the committed reference of a model version. */
export function driftReferencePath(name: string, version: string, dir = DRIFT_REFERENCES_DIR): string {
  return path.join(dir, `${name}-${version}.json`);
}

function isBinned(x: unknown): x is BinnedReference {
  if (!x || typeof x !== 'object') return false;
  const r = x as Record<string, unknown>;
  const nums = (v: unknown) => Array.isArray(v) && v.every((e) => typeof e === 'number' && Number.isFinite(e));
  if (!nums(r['shares'])) return false;
  const shares = r['shares'] as number[];
  if (r['kind'] === 'numeric') return nums(r['edges']) && shares.length === (r['edges'] as number[]).length + 1;
  if (r['kind'] === 'categorical') return nums(r['categories']) && shares.length === (r['categories'] as number[]).length + 1;
  return false;
}

/**
 * Reads the committed feature reference of a model version.
 * @returns the reference, or null when no file exists for that version (drift then has no
 *   training reference for the features).
 * @throws Error when the file exists but is not a {@link DriftReferenceFile} of that model (a
 *   wrong reference would raise false alerts, so it is refused rather than skipped).
 */
export function loadDriftReference(name: string, version: string, dir = DRIFT_REFERENCES_DIR): DriftReferenceFile | null {
  const file = driftReferencePath(name, version, dir);
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as DriftReferenceFile;
  if (parsed?.model?.name !== name || parsed.model.version !== version)
    throw new Error(`${file}: written for ${parsed?.model?.name} ${parsed?.model?.version}, not ${name} ${version}`);
  for (const [feature, ref] of Object.entries(parsed.features ?? {}))
    if (!isBinned(ref)) throw new Error(`${file}: the reference of ${feature} is not a binned reference`);
  return parsed;
}
