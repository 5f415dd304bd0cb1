import type { Declaration } from '@customs/domain';
import type { KeyPart } from '../feature-spec';

/**
 * Supply-chain risk statistics: what past inspections found for a party or a combination
 * of parties (declarant, importer, seller, courier, importer + seller, seller + HS heading...),
 * as the KCS supply-chain model uses patterns of parties.
 *
 * The one rule that keeps them honest: the statistics used for a declaration dated D cover
 * only labelled declarations dated strictly before D (no leakage from the same day or later),
 * in training (`python/train.py`, `history_aggregates()`) and in serving alike, so serving
 * uses the numbers training would have used.
 */

/** One labelled inspection outcome: the declaration as screened and what inspection found. */
export interface LabelledOutcome {
  /** The declaration (only `date`, the party ids, `hsCode`, `netMassKg` (kg) and `itemPriceKrw` (KRW) are read). */
  declaration: Pick<Declaration, 'date'> & Partial<Declaration>;
  /** 1 when inspection found an attempt to reduce customs duty (KCS `Fraud`), else 0. */
  fraud: 0 | 1;
  /** 1 when the finding threatens public safety (KCS `Critical Fraud` = 2), else 0. */
  critical: 0 | 1;
}

/**
 * A labelled declaration as the history counts it, from the KCS labels (columns `Fraud` 0/1 and
 * `Critical Fraud` 0 none, 1 fraud, 2 a threat to public safety; also the `inspection_outcome`
 * columns `fraud` / `critical_fraud`): `fraud` 1 for Fraud 1, `critical` 1 for Critical Fraud 2.
 */
export function labelledOutcome<D extends LabelledOutcome['declaration']>(
  declaration: D,
  labels: { fraud: number; criticalFraud: number },
): LabelledOutcome & { declaration: D } {
  return { declaration, fraud: labels.fraud === 1 ? 1 : 0, critical: labels.criticalFraud === 2 ? 1 : 0 };
}

/**
 * Sums over the labelled declarations sharing a key and dated before a day.
 * `n` inspected declarations, `frauds`, `criticals`; unit prices: `priceN` declarations with
 * a positive mass, `priceSum` / `priceSumSq` the sum and sum of squares of their
 * ln(1 + KRW per kg).
 */
export interface HistoryAggregate {
  n: number;
  frauds: number;
  criticals: number;
  priceN: number;
  priceSum: number;
  priceSumSq: number;
}

/** The aggregate of a key never seen before. */
export const EMPTY_AGGREGATE: Readonly<HistoryAggregate> = Object.freeze({ n: 0, frauds: 0, criticals: 0, priceN: 0, priceSum: 0, priceSumSq: 0 });

/** Answers "what did inspections find for this key before this date". */
export interface HistoryLookup {
  /**
   * @param parts the key definition, e.g. `['importerId', 'sellerId']`
   * @param key the declaration's key for it (parts joined with '|'; see {@link historyKey})
   * @param date the declaration's date `YYYY-MM-DD`: only outcomes dated strictly before count
   */
  aggregate(parts: readonly KeyPart[], key: string, date: string): HistoryAggregate;
}

/** The value of one key part of a declaration: null/undefined -> ''. */
export function keyPartOf(d: Partial<Declaration>, part: KeyPart): string {
  if (part === 'hsChapter') return (d.hsCode ?? '').slice(0, 2);
  if (part === 'hsHeading') return (d.hsCode ?? '').slice(0, 4);
  const v = d[part];
  return v === null || v === undefined ? '' : String(v);
}

/**
 * The declaration's key for a key definition (parts joined with '|'), or null when one of
 * its party parts is missing (no seller, no courier): a missing party has no history.
 */
export function historyKey(d: Partial<Declaration>, parts: readonly KeyPart[]): string | null {
  let key = '';
  for (let i = 0; i < parts.length; i++) {
    const v = keyPartOf(d, parts[i]);
    if (v === '') return null;
    key = i === 0 ? v : `${key}|${v}`;
  }
  return key;
}

/** ln(1 + max(price, 0) / mass) in ln(KRW/kg), or null when the mass is not positive. */
export function logUnitPrice(d: Partial<Declaration>): number | null {
  const mass = d.netMassKg;
  const price = d.itemPriceKrw;
  if (typeof mass !== 'number' || typeof price !== 'number' || !(mass > 0)) return null;
  return log1pRatio(price, mass);
}

/**
 * `log1p(max(numerator, 0) / denominator)` for a positive denominator, finite however small the
 * denominator: a ratio beyond the largest double (a price over a subnormal mass, 1e15 / 5e-324)
 * counts as the largest double (log1p: about 709.8), not Infinity, which would poison the
 * history's sums (Infinity - Infinity is NaN) and could not be recorded in JSON.
 */
export function log1pRatio(numerator: number, denominator: number): number {
  return Math.log1p(Math.min(Math.max(numerator, 0) / denominator, Number.MAX_VALUE));
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. @throws Error for anything else. */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a date YYYY-MM-DD: ${JSON.stringify(date)}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** Outcomes of one key on one day, and the running totals up to and including that day. */
interface DayBucket {
  day: number;
  own: HistoryAggregate;
  cumulative: HistoryAggregate;
}

function addInto(a: HistoryAggregate, b: HistoryAggregate): void {
  a.n += b.n;
  a.frauds += b.frauds;
  a.criticals += b.criticals;
  a.priceN += b.priceN;
  a.priceSum += b.priceSum;
  a.priceSumSq += b.priceSumSq;
}

/**
 * An in-memory index of labelled outcomes for a fixed set of key definitions, answering
 * {@link HistoryLookup.aggregate} in O(log days) per key. Used by the API (filled from the
 * `inspection_outcome` table and kept current as results arrive), by evaluation scripts and
 * by tests.
 *
 * Outcomes may arrive in any date order (a late result for an old declaration): the running
 * totals of the later days of that key are updated.
 */
export class OutcomeHistory implements HistoryLookup {
  private readonly index = new Map<string, Map<string, DayBucket[]>>();
  private count = 0;

  /** Signatures (parts joined with '+') of the key definition arrays asked for, by identity (a spec's arrays are long-lived). */
  private readonly signatures = new WeakMap<readonly KeyPart[], string>();
  /** The day number of the date asked for last: the features of one declaration share it. */
  private lastDate = '';
  private lastDay = 0;

  /** @param keyDefinitions the key definitions to index, e.g. `[['importerId'], ['importerId', 'sellerId']]`. */
  constructor(keyDefinitions: ReadonlyArray<readonly KeyPart[]>) {
    for (const parts of keyDefinitions) this.index.set(parts.join('+'), new Map());
  }

  /** Number of outcomes added. */
  get size(): number {
    return this.count;
  }

  /** Adds labelled outcomes. @throws Error when an outcome's date is not `YYYY-MM-DD`. */
  add(outcomes: Iterable<LabelledOutcome>): void {
    for (const o of outcomes) this.addOne(o);
  }

  aggregate(parts: readonly KeyPart[], key: string, date: string): HistoryAggregate {
    let signature = this.signatures.get(parts);
    if (signature === undefined) this.signatures.set(parts, (signature = parts.join('+')));
    const byKey = this.index.get(signature);
    if (!byKey) throw new Error(`key definition ${signature} is not indexed`);
    const buckets = byKey.get(key);
    if (!buckets) return { ...EMPTY_AGGREGATE };
    if (date !== this.lastDate) {
      this.lastDay = dayNumber(date);
      this.lastDate = date;
    }
    const day = this.lastDay;
    // last bucket with bucket.day < day
    let lo = 0;
    let hi = buckets.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (buckets[mid].day < day) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? { ...EMPTY_AGGREGATE } : { ...buckets[lo - 1].cumulative };
  }

  private addOne(o: LabelledOutcome): void {
    const day = dayNumber(o.declaration.date);
    const lup = logUnitPrice(o.declaration);
    const delta: HistoryAggregate = {
      n: 1,
      frauds: o.fraud,
      criticals: o.critical,
      priceN: lup === null ? 0 : 1,
      priceSum: lup ?? 0,
      priceSumSq: lup === null ? 0 : lup * lup,
    };
    for (const [signature, byKey] of this.index) {
      const key = historyKey(o.declaration, signature.split('+') as KeyPart[]);
      if (key === null) continue;
      let buckets = byKey.get(key);
      if (!buckets) byKey.set(key, (buckets = []));
      this.addToBuckets(buckets, day, delta);
    }
    this.count += 1;
  }

  private addToBuckets(buckets: DayBucket[], day: number, delta: HistoryAggregate): void {
    const last = buckets[buckets.length - 1];
    if (!last || last.day < day) {
      const cumulative = last ? { ...last.cumulative } : { ...EMPTY_AGGREGATE };
      addInto(cumulative, delta);
      buckets.push({ day, own: { ...delta }, cumulative });
      return;
    }
    // out of order: find or insert the day's bucket, then bump every later running total
    let i = buckets.findIndex((b) => b.day >= day);
    if (buckets[i].day !== day) {
      const before = i > 0 ? { ...buckets[i - 1].cumulative } : { ...EMPTY_AGGREGATE };
      buckets.splice(i, 0, { day, own: { ...EMPTY_AGGREGATE }, cumulative: before });
    }
    addInto(buckets[i].own, delta);
    for (; i < buckets.length; i++) addInto(buckets[i].cumulative, delta);
  }
}
