import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TreeModelJson } from '../tree-shap';

/** Default fixture: `tree-shap-fixtures.json`, written by `python/make_tree_shap_fixtures.py`. */
export const TREE_SHAP_FIXTURES = path.join(__dirname, 'tree-shap-fixtures.json');

/** One LightGBM model with rows and LightGBM's own raw scores and contributions. */
export interface TreeShapCase {
  name: string;
  /** LightGBM training parameters (informational). */
  params: Record<string, unknown>;
  /** The model as exported by `tree_export.export_trees`. */
  model: TreeModelJson;
  /** [N][F] float32 feature values as doubles; null = NaN (missing). */
  rows: (number | null)[][];
  /** [N] `booster.predict(X, raw_score=True)`, log-odds. */
  rawScores: number[];
  /** [N][F + 1] `booster.predict(X, pred_contrib=True)`, log-odds; the last column is the bias. */
  contributions: number[][];
}

/** The fixture file: the cases and how they were made. */
export interface TreeShapFixtures {
  generatedBy?: string;
  lightgbmVersion?: string;
  cases: TreeShapCase[];
}

/**
 * Reads a TreeSHAP fixture file (test support; no validation beyond JSON parsing).
 *
 * @param file default {@link TREE_SHAP_FIXTURES}; `make_tree_shap_fixtures.py --bench DIR` writes another
 */
export function loadTreeShapFixtures(file = TREE_SHAP_FIXTURES): TreeShapFixtures {
  return JSON.parse(readFileSync(file, 'utf8')) as TreeShapFixtures;
}
