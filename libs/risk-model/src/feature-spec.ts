import { readFileSync } from 'node:fs';

/**
 * The feature-encoding spec written by `python/train.py` (`model/feature-spec.json`) and
 * read by the serving side. It fixes, for the model it belongs to, the order of the
 * float32 input columns and how each is computed from a {@link Declaration}, including the
 * category -> code maps and the target-statistics tables learnt on the training split.
 *
 * @see ./feature-encoder.ts for the computation of each feature kind.
 */

/** Version of the spec format understood by this library. */
export const SUPPORTED_SPEC_VERSION = 1;
/** Spec versions this library reads: 1 (static target tables), 2 (adds supply-chain history features and critical-fraud output). */
export const SUPPORTED_SPEC_VERSIONS: readonly number[] = [1, 2];

/** Numeric Declaration fields usable as feature sources (units: % / kg / KRW). */
export const NUMERIC_FIELDS = ['taxRate', 'netMassKg', 'itemPriceKrw'] as const;
/** A numeric Declaration field: `taxRate` (%), `netMassKg` (kg), `itemPriceKrw` (KRW). */
export type NumericField = (typeof NUMERIC_FIELDS)[number];

/** String Declaration fields usable as parts of a category key. */
export const STRING_FIELDS = [
  'officeId',
  'processType',
  'importType',
  'importUse',
  'paymentType',
  'transportMode',
  'declarantId',
  'importerId',
  'sellerId',
  'courierId',
  'hsCode',
  'departureCountry',
  'originCountry',
  'taxType',
  'originIndicator',
] as const;
/** Key parts derived from the HS code: `hsChapter` = first 2 digits, `hsHeading` = first 4. */
export const DERIVED_KEY_PARTS = ['hsChapter', 'hsHeading'] as const;
/** One part of a category key: a string Declaration field or a derived HS prefix. */
export type KeyPart = (typeof STRING_FIELDS)[number] | (typeof DERIVED_KEY_PARTS)[number];

interface FeatureBase {
  /** Column name (unique within the spec). */
  name: string;
  /** Human-readable definition (informational only). */
  doc?: string;
}
/** The raw value of a numeric field (e.g. tax rate in %). */
export interface NumericFeature extends FeatureBase {
  kind: 'numeric';
  source: NumericField;
}
/** `ln(1 + max(value, 0))` of a numeric field (mass in kg, price in KRW). */
export interface Log1pFeature extends FeatureBase {
  kind: 'log1p';
  source: NumericField;
}
/** `ln(1 + max(itemPriceKrw, 0) / netMassKg)` (KRW per kg) when `netMassKg > 0`, else `fallback`. */
export interface LogUnitPriceFeature extends FeatureBase {
  kind: 'logUnitPrice';
  fallback: number;
}
/** Weekday of `date` (UTC calendar date): 0 = Sunday .. 6 = Saturday. */
export interface DayOfWeekFeature extends FeatureBase {
  kind: 'dayOfWeek';
}
/** Month of `date`: 1..12. */
export interface MonthFeature extends FeatureBase {
  kind: 'month';
}
/** Integer value of the first two characters of `hsCode` when both are digits, else -1. */
export interface HsChapterNumberFeature extends FeatureBase {
  kind: 'hsChapterNumber';
}
/** 1 when the two key parts differ (missing counts as ''), else 0. */
export interface NotEqualFeature extends FeatureBase {
  kind: 'notEqual';
  sources: [KeyPart, KeyPart];
}
/** 1 when the key part is null, undefined or '', else 0. */
export interface IsMissingFeature extends FeatureBase {
  kind: 'isMissing';
  source: KeyPart;
}
/** Ordinal code of the category key (`codes[key]`), `unknown` when absent from `codes`. */
export interface OrdinalFeature extends FeatureBase {
  kind: 'ordinal';
  source: KeyPart[];
  unknown: number;
  codes: Record<string, number>;
}
/** Smoothed fraud rate of the key from `tables[table]` (`entries[key][0]`), else its prior. */
export interface TargetRateFeature extends FeatureBase {
  kind: 'targetRate';
  table: string;
}
/** Number of training rows with the key from `tables[table]` (`entries[key][1]`), else 0. */
export interface TargetCountFeature extends FeatureBase {
  kind: 'targetCount';
  table: string;
}

/**
 * Number of labelled (inspected) declarations with the declaration's key (`keys` parts
 * joined by '|') dated strictly before the declaration's date; 0 when a party is missing.
 * Source: the supply-chain history (`HistoryLookup`), never the declaration's own result.
 */
export interface HistoryCountFeature extends FeatureBase {
  kind: 'historyCount';
  keys: KeyPart[];
}
/**
 * Smoothed rate of `of` (fraud, or critical fraud) among those declarations:
 * `(hits + prior * smoothing) / (n + smoothing)`; `prior` when there is no history.
 */
export interface HistoryRateFeature extends FeatureBase {
  kind: 'historyRate';
  keys: KeyPart[];
  of: 'fraud' | 'critical';
  prior: number;
  smoothing: number;
}
/**
 * How unusual the declared unit price is for the key (e.g. the HS heading): the z-score of
 * ln(1 + KRW per kg) against the earlier declarations of the key,
 * `(x - mean) / sqrt(max(sampleVariance, 0) + varianceFloor)` (sample variance 0 with fewer
 * than 2 prices); 0 when the declaration has no unit price or the key no earlier price.
 */
export interface HistoryUnitPriceZFeature extends FeatureBase {
  kind: 'historyUnitPriceZ';
  keys: KeyPart[];
  varianceFloor: number;
}

/** One input column of the model; the discriminant `kind` says how it is computed. */
export type FeatureDef =
  | NumericFeature
  | Log1pFeature
  | LogUnitPriceFeature
  | DayOfWeekFeature
  | MonthFeature
  | HsChapterNumberFeature
  | NotEqualFeature
  | IsMissingFeature
  | OrdinalFeature
  | TargetRateFeature
  | TargetCountFeature
  | HistoryCountFeature
  | HistoryRateFeature
  | HistoryUnitPriceZFeature;

/** All feature kinds understood by the encoder. */
export const FEATURE_KINDS: readonly FeatureDef['kind'][] = [
  'numeric',
  'log1p',
  'logUnitPrice',
  'dayOfWeek',
  'month',
  'hsChapterNumber',
  'notEqual',
  'isMissing',
  'ordinal',
  'targetRate',
  'targetCount',
  'historyCount',
  'historyRate',
  'historyUnitPriceZ',
];

/**
 * Target statistics of one category key on the training split.
 * `entries[key] = [smoothedFraudRate, count]` with
 * `smoothedFraudRate = (frauds + prior * smoothing) / (count + smoothing)`, rounded to 6
 * significant digits. Keys are the key parts joined by '|' (missing parts as '').
 */
export interface TargetTable {
  source: KeyPart[];
  prior: number;
  smoothing: number;
  entries: Record<string, [number, number]>;
}

/** Score cut-off of the `topShare` highest-scored validation declarations (0 < topShare < 1). */
export interface ScoreQuantile {
  topShare: number;
  score: number;
}

/** A suggested threshold: a score cut-off and the validation top share it corresponds to. */
export interface ThresholdSuggestion {
  topShare: number;
  score: number;
}

/** The whole spec file (see the module comment). */
export interface FeatureSpec {
  specVersion: number;
  model: {
    /** Model name, e.g. `kcs-fraud-gbdt`. */
    name: string;
    /** Model version, e.g. `1.0.0`. */
    version: string;
    /** ONNX file name, relative to the spec's folder. */
    file: string;
    /** Name of the float32 [N, F] input tensor. */
    inputName: string;
    /** Name of the float32 [N, 2] class-probability output tensor. */
    outputName: string;
    /** Column of the output holding P(fraud). */
    positiveClassIndex: number;
    /** Hex SHA-256 of the ONNX file, checked at load when present. */
    sha256?: string;
  };
  /** Training provenance and validation metrics (informational). */
  training: Record<string, unknown>;
  /** Free-text description of the encoding (informational). */
  encoding?: Record<string, unknown>;
  /** Number of features F (= `features.length`). */
  numFeatures: number;
  /** The input columns in order. */
  features: FeatureDef[];
  /** Target-statistics tables referenced by `targetRate` / `targetCount` features. */
  tables: Record<string, TargetTable>;
  /** Score quantiles of the validation split, by decreasing score. */
  quantiles: ScoreQuantile[];
  /** Suggested lane thresholds. */
  thresholds: { basis?: string; red: ThresholdSuggestion; yellow: ThresholdSuggestion };
  /**
   * Spec version 2: the second model of the version, P(critical fraud: a threat to public
   * safety), on the same features (`critical.file`, same input name and output layout).
   */
  critical?: { file: string; sha256?: string; quantiles: ScoreQuantile[] };
  /** Spec version 2: the trees of the fraud model for exact attributions (`trees.file`, LightGBM dump). */
  explanation?: { treesFile: string };
}

/** Thrown when a feature spec is malformed; `message` names the offending path. */
export class FeatureSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeatureSpecError';
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const KEY_PARTS: readonly string[] = [...STRING_FIELDS, ...DERIVED_KEY_PARTS];

/**
 * Validates a parsed feature spec and returns it typed.
 *
 * @param raw the parsed JSON.
 * @param origin where it came from, used in error messages (e.g. the file path).
 * @throws FeatureSpecError naming the first problem found (e.g.
 *   `feature spec model/feature-spec.json: features[3].source: expected one of taxRate, ...`).
 */
export function parseFeatureSpec(raw: unknown, origin = 'feature spec'): FeatureSpec {
  const fail = (path: string, what: string): never => {
    throw new FeatureSpecError(`${origin}: ${path}: ${what}`);
  };
  if (!isObj(raw)) fail('(root)', 'expected a JSON object');
  const spec = raw as Record<string, unknown>;
  if (!SUPPORTED_SPEC_VERSIONS.includes(spec['specVersion'] as number))
    fail('specVersion', `expected one of ${SUPPORTED_SPEC_VERSIONS.join(', ')}, got ${JSON.stringify(spec['specVersion'])}`);

  const model = spec['model'];
  if (!isObj(model)) fail('model', 'expected an object');
  const m = model as Record<string, unknown>;
  for (const k of ['name', 'version', 'file', 'inputName', 'outputName'])
    if (!isStr(m[k])) fail(`model.${k}`, 'expected a non-empty string');
  if (!Number.isInteger(m['positiveClassIndex']) || (m['positiveClassIndex'] as number) < 0)
    fail('model.positiveClassIndex', 'expected a non-negative integer');
  if (m['sha256'] !== undefined && !(typeof m['sha256'] === 'string' && /^[0-9a-f]{64}$/.test(m['sha256'])))
    fail('model.sha256', 'expected 64 lowercase hex digits');

  if (!isObj(spec['training'])) fail('training', 'expected an object');

  const tables = spec['tables'];
  if (!isObj(tables)) fail('tables', 'expected an object');
  for (const [name, t] of Object.entries(tables as Record<string, unknown>)) {
    const p = `tables.${name}`;
    if (!isObj(t)) fail(p, 'expected an object');
    const tt = t as Record<string, unknown>;
    checkKeySource(tt['source'], `${p}.source`, fail);
    if (!isNum(tt['prior']) || tt['prior'] < 0 || tt['prior'] > 1) fail(`${p}.prior`, 'expected a number in [0, 1]');
    if (!isNum(tt['smoothing']) || tt['smoothing'] < 0) fail(`${p}.smoothing`, 'expected a number >= 0');
    if (!isObj(tt['entries'])) fail(`${p}.entries`, 'expected an object');
    for (const [key, e] of Object.entries(tt['entries'] as Record<string, unknown>)) {
      if (!Array.isArray(e) || e.length !== 2 || !isNum(e[0]) || !isNum(e[1]) || e[0] < 0 || e[0] > 1 || e[1] < 0)
        fail(`${p}.entries[${JSON.stringify(key)}]`, 'expected [rate in [0, 1], count >= 0]');
    }
  }

  const features = spec['features'];
  if (!Array.isArray(features) || features.length === 0) fail('features', 'expected a non-empty array');
  const feats = features as unknown[];
  if (spec['numFeatures'] !== feats.length)
    fail('numFeatures', `expected ${feats.length} (the length of features), got ${JSON.stringify(spec['numFeatures'])}`);
  const names = new Set<string>();
  feats.forEach((f, i) => {
    const p = `features[${i}]`;
    if (!isObj(f)) fail(p, 'expected an object');
    const ff = f as Record<string, unknown>;
    if (!isStr(ff['name'])) fail(`${p}.name`, 'expected a non-empty string');
    if (names.has(ff['name'] as string)) fail(`${p}.name`, `duplicate feature name ${JSON.stringify(ff['name'])}`);
    names.add(ff['name'] as string);
    const kind = ff['kind'];
    switch (kind) {
      case 'numeric':
      case 'log1p':
        if (!(NUMERIC_FIELDS as readonly unknown[]).includes(ff['source']))
          fail(`${p}.source`, `expected one of ${NUMERIC_FIELDS.join(', ')}, got ${JSON.stringify(ff['source'])}`);
        break;
      case 'logUnitPrice':
        if (!isNum(ff['fallback'])) fail(`${p}.fallback`, 'expected a finite number');
        break;
      case 'dayOfWeek':
      case 'month':
      case 'hsChapterNumber':
        break;
      case 'notEqual':
        if (!Array.isArray(ff['sources']) || ff['sources'].length !== 2)
          fail(`${p}.sources`, 'expected two key parts');
        checkKeySource(ff['sources'], `${p}.sources`, fail);
        break;
      case 'isMissing':
        if (!KEY_PARTS.includes(ff['source'] as string))
          fail(`${p}.source`, `expected one of ${KEY_PARTS.join(', ')}, got ${JSON.stringify(ff['source'])}`);
        break;
      case 'ordinal':
        checkKeySource(ff['source'], `${p}.source`, fail);
        if (!isNum(ff['unknown'])) fail(`${p}.unknown`, 'expected a finite number');
        if (!isObj(ff['codes'])) fail(`${p}.codes`, 'expected an object of category -> code');
        for (const [c, v] of Object.entries(ff['codes'] as Record<string, unknown>))
          if (!isNum(v)) fail(`${p}.codes[${JSON.stringify(c)}]`, 'expected a finite number');
        break;
      case 'targetRate':
      case 'targetCount':
        if (!isStr(ff['table']) || !Object.prototype.hasOwnProperty.call(tables, ff['table']))
          fail(`${p}.table`, `expected the name of an entry of tables, got ${JSON.stringify(ff['table'])}`);
        break;
      case 'historyCount':
      case 'historyRate':
      case 'historyUnitPriceZ':
        checkKeySource(ff['keys'], `${p}.keys`, fail);
        if (kind === 'historyRate') {
          if (ff['of'] !== 'fraud' && ff['of'] !== 'critical') fail(`${p}.of`, 'expected "fraud" or "critical"');
          if (!isNum(ff['prior']) || ff['prior'] < 0 || ff['prior'] > 1) fail(`${p}.prior`, 'expected a number in [0, 1]');
          if (!isNum(ff['smoothing']) || ff['smoothing'] <= 0) fail(`${p}.smoothing`, 'expected a number > 0');
        }
        if (kind === 'historyUnitPriceZ' && (!isNum(ff['varianceFloor']) || ff['varianceFloor'] <= 0))
          fail(`${p}.varianceFloor`, 'expected a number > 0');
        break;
      default:
        fail(`${p}.kind`, `unknown feature kind ${JSON.stringify(kind)} (known: ${FEATURE_KINDS.join(', ')})`);
    }
  });

  const quantiles = spec['quantiles'];
  if (!Array.isArray(quantiles)) fail('quantiles', 'expected an array');
  (quantiles as unknown[]).forEach((q, i) => checkCutoff(q, `quantiles[${i}]`, fail));
  const thresholds = spec['thresholds'];
  if (!isObj(thresholds)) fail('thresholds', 'expected an object');
  checkCutoff((thresholds as Record<string, unknown>)['red'], 'thresholds.red', fail);
  checkCutoff((thresholds as Record<string, unknown>)['yellow'], 'thresholds.yellow', fail);

  return raw as unknown as FeatureSpec;
}

function checkKeySource(v: unknown, path: string, fail: (p: string, w: string) => never): void {
  if (!Array.isArray(v) || v.length === 0) fail(path, 'expected a non-empty array of key parts');
  (v as unknown[]).forEach((part, i) => {
    if (!KEY_PARTS.includes(part as string))
      fail(`${path}[${i}]`, `expected one of ${KEY_PARTS.join(', ')}, got ${JSON.stringify(part)}`);
  });
}

function checkCutoff(v: unknown, path: string, fail: (p: string, w: string) => never): void {
  if (!isObj(v)) fail(path, 'expected an object { topShare, score }');
  const o = v as Record<string, unknown>;
  if (!isNum(o['topShare']) || o['topShare'] <= 0 || o['topShare'] >= 1) fail(`${path}.topShare`, 'expected a number in (0, 1)');
  if (!isNum(o['score']) || o['score'] < 0 || o['score'] > 1) fail(`${path}.score`, 'expected a number in [0, 1]');
}

/**
 * Reads and validates a feature-spec JSON file.
 *
 * @param file path of `feature-spec.json`.
 * @throws FeatureSpecError when the file is missing, is not JSON, or fails validation
 *   (the message names the file and the offending path).
 */
export function loadFeatureSpec(file: string): FeatureSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new FeatureSpecError(`${file}: cannot read feature spec: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new FeatureSpecError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  return parseFeatureSpec(raw, file);
}

/** True for the feature kinds that read the supply-chain history. */
export function isHistoryFeature(f: FeatureDef): f is HistoryCountFeature | HistoryRateFeature | HistoryUnitPriceZFeature {
  return f.kind === 'historyCount' || f.kind === 'historyRate' || f.kind === 'historyUnitPriceZ';
}

/** The distinct history key definitions (e.g. `['importerId', 'sellerId']`) the specs' features read. */
export function historyKeyDefinitions(specs: Iterable<FeatureSpec>): KeyPart[][] {
  const out = new Map<string, KeyPart[]>();
  for (const spec of specs) for (const f of spec.features) if (isHistoryFeature(f)) out.set(f.keys.join('+'), f.keys);
  return [...out.values()];
}
