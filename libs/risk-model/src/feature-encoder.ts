import { Declaration } from '@customs/domain';
import { FeatureDef, FeatureSpec, KeyPart } from './feature-spec';
import { historyKey, keyPartOf, log1pRatio, logUnitPrice, type HistoryAggregate, type HistoryLookup } from './supply-chain/outcome-history';

/**
 * Feature encoding of declarations for the risk model: the TypeScript twin of `encode()` in
 * `python/train.py`. Each feature is computed in float64 and stored into a Float32Array
 * (round to nearest), exactly as numpy's `astype(np.float32)` does in training.
 */

/** Thrown when a declaration cannot be encoded (bad date, non-finite number, ...). */
export class FeatureEncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeatureEncodingError';
  }
}

type Column = (d: Declaration, history: RowHistory | undefined) => number;

const keyPart = keyPartOf;

function keyOf(d: Declaration, parts: KeyPart[]): string {
  if (parts.length === 1) return keyPart(d, parts[0]);
  return parts.map((p) => keyPart(d, p)).join('|');
}

function finite(d: Declaration, field: 'taxRate' | 'netMassKg' | 'itemPriceKrw'): number {
  const v = d[field];
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new FeatureEncodingError(
      `declaration ${d.declarationId}: ${field} must be a finite number, got ${JSON.stringify(v)}`,
    );
  return v;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateParts(d: Declaration): { year: number; month: number; day: number } {
  const m = typeof d.date === 'string' ? DATE_RE.exec(d.date) : null;
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const t = new Date(Date.UTC(year, month - 1, day));
    if (t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day)
      return { year, month, day };
  }
  throw new FeatureEncodingError(
    `declaration ${d.declarationId}: date must be a calendar date YYYY-MM-DD, got ${JSON.stringify(d.date)}`,
  );
}

function toMap<V>(o: Record<string, V>): Map<string, V> {
  return new Map(Object.entries(o));
}

/**
 * One declaration's view of the history: each key definition is looked up once (its key built
 * once), although its count, fraud-rate and critical-rate features all read it; the date is
 * checked first.
 */
class RowHistory {
  private readonly seen = new Map<string, HistoryAggregate | null>();

  constructor(
    private readonly history: HistoryLookup,
    private readonly d: Declaration,
  ) {
    dateParts(d);
  }

  /**
   * The aggregate of the declaration's key for key definition `keys` (signature `signature`,
   * the parts joined with '+'); null when a party part is missing (no history).
   */
  of(keys: KeyPart[], signature: string): HistoryAggregate | null {
    let a = this.seen.get(signature);
    if (a === undefined) {
      const key = historyKey(this.d, keys);
      a = key === null ? null : this.history.aggregate(keys, key, this.d.date);
      this.seen.set(signature, a);
    }
    return a;
  }
}

/** The aggregate of the declaration's key for a history feature; empty when a party is missing. */
function historyOf(f: { name: string; keys: KeyPart[] }, signature: string, h: RowHistory | undefined): HistoryAggregate | null {
  if (!h) throw new FeatureEncodingError(`feature ${f.name} needs the supply-chain history (pass a HistoryLookup to encodeFeatures)`);
  return h.of(f.keys, signature);
}

function compileFeature(f: FeatureDef, spec: FeatureSpec): Column {
  switch (f.kind) {
    case 'historyCount': {
      const signature = f.keys.join('+');
      return (_d, h) => historyOf(f, signature, h)?.n ?? 0;
    }
    case 'historyRate': {
      const { prior, smoothing, of } = f;
      const signature = f.keys.join('+');
      return (_d, h) => {
        const a = historyOf(f, signature, h);
        if (!a) return prior;
        return ((of === 'fraud' ? a.frauds : a.criticals) + prior * smoothing) / (a.n + smoothing);
      };
    }
    case 'historyUnitPriceZ': {
      const floor = f.varianceFloor;
      const signature = f.keys.join('+');
      return (d, h) => {
        const x = logUnitPrice(d);
        const a = historyOf(f, signature, h);
        if (x === null || !a || a.priceN === 0) return 0;
        const mean = a.priceSum / a.priceN;
        const variance = a.priceN > 1 ? (a.priceSumSq - (a.priceSum * a.priceSum) / a.priceN) / (a.priceN - 1) : 0;
        return (x - mean) / Math.sqrt(Math.max(variance, 0) + floor);
      };
    }
    case 'numeric': {
      const src = f.source;
      return (d) => finite(d, src);
    }
    case 'log1p': {
      const src = f.source;
      return (d) => Math.log1p(Math.max(finite(d, src), 0));
    }
    case 'logUnitPrice': {
      const fallback = f.fallback;
      return (d) => {
        const mass = finite(d, 'netMassKg');
        return mass > 0 ? log1pRatio(finite(d, 'itemPriceKrw'), mass) : fallback;
      };
    }
    case 'dayOfWeek':
      return (d) => {
        const { year, month, day } = dateParts(d);
        return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
      };
    case 'month':
      return (d) => dateParts(d).month;
    case 'hsChapterNumber':
      return (d) => {
        const ch = keyPart(d, 'hsChapter');
        return /^[0-9]{2}$/.test(ch) ? Number(ch) : -1;
      };
    case 'notEqual': {
      const [a, b] = f.sources;
      return (d) => (keyPart(d, a) !== keyPart(d, b) ? 1 : 0);
    }
    case 'isMissing': {
      const src = f.source;
      return (d) => (keyPart(d, src) === '' ? 1 : 0);
    }
    case 'ordinal': {
      const codes = toMap(f.codes);
      const { source, unknown } = f;
      return (d) => codes.get(keyOf(d, source)) ?? unknown;
    }
    case 'targetRate':
    case 'targetCount': {
      const t = spec.tables[f.table];
      if (!t) throw new FeatureEncodingError(`feature ${f.name}: unknown table ${f.table}`);
      const entries = compiledTable(t);
      const source = t.source;
      if (f.kind === 'targetRate') {
        const prior = t.prior;
        return (d) => entries.get(keyOf(d, source))?.[0] ?? prior;
      }
      return (d) => entries.get(keyOf(d, source))?.[1] ?? 0;
    }
  }
}

const tableCache = new WeakMap<object, Map<string, [number, number]>>();
function compiledTable(t: FeatureSpec['tables'][string]): Map<string, [number, number]> {
  let m = tableCache.get(t);
  if (!m) {
    m = toMap(t.entries);
    tableCache.set(t, m);
  }
  return m;
}

const encoderCache = new WeakMap<FeatureSpec, Column[]>();

function compile(spec: FeatureSpec): Column[] {
  let cols = encoderCache.get(spec);
  if (!cols) {
    cols = spec.features.map((f) => compileFeature(f, spec));
    encoderCache.set(spec, cols);
  }
  return cols;
}

/**
 * Encodes declarations into the model's input matrix.
 *
 * The spec is compiled once (lookup maps are cached per spec object), so repeated calls
 * with the same spec are cheap.
 *
 * @param decls declarations to encode; units as in {@link Declaration}: netMassKg in kg,
 *   itemPriceKrw in KRW, taxRate in percent, date `YYYY-MM-DD`. `sellerId` / `courierId`
 *   may be null (encoded as a missing key). Unknown categories get the spec's unknown code
 *   / prior / zero count.
 * @param spec a validated feature spec (see `loadFeatureSpec`).
 * @param history the supply-chain history, needed when the spec has history features
 *   (spec version 2): statistics of labelled declarations dated before each declaration.
 * @returns a row-major Float32Array of shape [decls.length, spec.numFeatures].
 * @throws FeatureEncodingError for an invalid date or a non-finite numeric field, naming
 *   the declaration id, or when history features are asked for without a history.
 */
export function encodeFeatures(decls: readonly Declaration[], spec: FeatureSpec, history?: HistoryLookup): Float32Array {
  const cols = compile(spec);
  const nf = cols.length;
  const out = new Float32Array(decls.length * nf);
  for (let i = 0; i < decls.length; i++) {
    const d = decls[i];
    const base = i * nf;
    const h = history ? new RowHistory(history, d) : undefined;
    for (let j = 0; j < nf; j++) out[base + j] = cols[j](d, h);
  }
  return out;
}

/** Column names of the encoded matrix, in order (for explanation and debugging). */
export function featureNames(spec: FeatureSpec): string[] {
  return spec.features.map((f) => f.name);
}
