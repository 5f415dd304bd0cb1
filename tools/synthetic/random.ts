import { prng } from '@customs/domain/testing';

/** mulberry32 as a plain function (the one of `@customs/domain/testing`): `prng(seed)()` gives the same sequence as `new SeededRandom(seed).next()`. */
export { prng };

/**
 * A seeded source of randomness for the synthetic generators: mulberry32 (32-bit state,
 * period 2^32, uniform in [0, 1)) and the draws the generators need. Same seed, same sequence,
 * on every platform: only 32-bit integer arithmetic and one division.
 */
export class SeededRandom {
  /** Uniform in [0, 1). */
  readonly next: () => number;

  /** @param seed any number; its low 32 bits are the state. */
  constructor(seed: number) {
    this.next = prng(seed);
  }

  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A number in [min, max), rounded to `decimals` places. */
  between(min: number, max: number, decimals: number): number {
    const f = 10 ** decimals;
    return Math.round((min + this.next() * (max - min)) * f) / f;
  }

  /** Whether an event of probability `p` happens. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** One key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const keys = Object.keys(weights) as K[];
    const total = keys.reduce((s, k) => s + weights[k], 0);
    let x = this.next() * total;
    for (const k of keys) {
      x -= weights[k];
      if (x < 0) return k;
    }
    return keys[keys.length - 1];
  }

  /** `n` random decimal digits as a string. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }

  /** `n` random characters of `alphabet`. */
  chars(n: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }

  /** Shuffles `xs` in place (Fisher-Yates) and returns it. */
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

/** Calendar-day helpers of `@customs/domain`, re-exported for the generators. */
export { addDays, ageOn, daysBetween } from '@customs/domain';
