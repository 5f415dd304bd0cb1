import { performance } from 'node:perf_hooks';
import { Declaration } from '@customs/domain';
import { SelectivityCriterion, SelectivityEngine, ruleName } from '@customs/selectivity';

/** Our engine's figures on one criteria set: the rate, the fired keys, the compile time. */
export interface OursRun {
  /** Declarations per second of the timed loop (`evaluateNow`, facts extraction included). */
  declPerSec: number;
  /** Evaluations in the timed loop. */
  evaluations: number;
  /** Milliseconds of `SelectivityEngine.compile` (the per-group indexes are built lazily, during the warm-up). */
  compileMs: number;
  /** Per declaration, the fired criterion keys (`id@vN`), sorted. */
  fired: string[][];
}

/**
 * Measures `SelectivityEngine` as `npm run bench` measures its "fast" column (tools/bench/bench.ts):
 * compile, one warm-up pass over the declarations (builds the indexes, JIT), then
 * `evaluateNow(d)` per declaration, cycling, for at least `seconds` and one pass; one call is
 * the full screening of a declaration from its `Declaration` object (facts extraction,
 * candidates, conditions, traces of the fired criteria). Then one more pass collects the fired
 * keys for the differential check.
 */
export function measureOurs(criteria: readonly SelectivityCriterion[], decls: readonly Declaration[], seconds: number): OursRun {
  const t0 = performance.now();
  const engine = SelectivityEngine.compile(criteria);
  const compileMs = performance.now() - t0;
  for (const d of decls) engine.evaluateNow(d); // warm-up: builds the indexes, JIT
  const start = performance.now();
  let n = 0;
  for (;;) {
    engine.evaluateNow(decls[n % decls.length]);
    n++;
    if (n >= decls.length && performance.now() - start >= seconds * 1000) break;
  }
  const declPerSec = n / ((performance.now() - start) / 1000);
  const fired = decls.map((d) => engine.evaluateNow(d).fired.map(ruleName).sort());
  return { declPerSec, evaluations: n, compileMs, fired };
}
