import { performance } from 'node:perf_hooks';
import { Declaration } from '@customs/domain';
import { SelectivityCriterion, SelectivityEngine, declarationFacts, ruleName } from '@customs/selectivity';

/** Our engine's figures on one criteria set: the rates, the fired keys, the compile time. */
export interface OursRun {
  /** Declarations per second of the timed loop (`evaluateNow`, facts extraction included): the figure compared. */
  declPerSec: number;
  /** Evaluations in that timed loop. */
  evaluations: number;
  /**
   * Declarations per second from facts extracted beforehand (`evaluateFacts`), as the peers
   * get them: context only, not the figure compared.
   */
  fromFactsPerSec: number;
  /** Milliseconds of `SelectivityEngine.compile` (the per-group indexes are built lazily, during the warm-up). */
  compileMs: number;
  /** Per declaration, the fired criterion keys (`id@vN`), sorted. */
  fired: string[][];
}

/** Calls `one(i)` for i cycling over [0, n), for at least `seconds` and `n` calls; calls per second and count. */
function rate(n: number, seconds: number, one: (i: number) => unknown): { perSec: number; count: number } {
  const start = performance.now();
  let count = 0;
  for (;;) {
    one(count % n);
    count++;
    if (count >= n && performance.now() - start >= seconds * 1000) break;
  }
  return { perSec: count / ((performance.now() - start) / 1000), count };
}

/**
 * Measures `SelectivityEngine` as `npm run bench` measures its "fast" column (tools/bench/bench.ts):
 * compile, one warm-up pass over the declarations (builds the indexes, JIT), then
 * `evaluateNow(d)` per declaration, cycling, for at least `seconds` and one pass; one call is
 * the full screening of a declaration from its `Declaration` object (facts extraction,
 * candidates, conditions, traces of the fired criteria). Then the same loop over
 * `evaluateFacts` with the facts extracted beforehand (the peers' input), and one more pass
 * collecting the fired keys for the differential check.
 */
export function measureOurs(criteria: readonly SelectivityCriterion[], decls: readonly Declaration[], seconds: number): OursRun {
  const t0 = performance.now();
  const engine = SelectivityEngine.compile(criteria);
  const compileMs = performance.now() - t0;
  for (const d of decls) engine.evaluateNow(d); // warm-up: builds the indexes, JIT
  const full = rate(decls.length, seconds, (i) => engine.evaluateNow(decls[i]));
  const facts = decls.map(declarationFacts);
  const fromFacts = rate(decls.length, seconds, (i) => engine.evaluateFacts('IMPORT_DECLARATION', facts[i], decls[i].date, decls[i].officeId));
  const fired = decls.map((d) => engine.evaluateNow(d).fired.map(ruleName).sort());
  return { declPerSec: full.perSec, evaluations: full.count, fromFactsPerSec: fromFacts.perSec, compileMs, fired };
}
