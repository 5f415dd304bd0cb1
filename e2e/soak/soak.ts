import { runSoak } from '../support/soak-run';

/**
 * `npm run soak [-- --file F --declarations N --rounds R --downtime-ms D]`
 *
 * The fault-injection scenario of `e2e/api/fault-injection.e2e-spec.ts` at a larger scale, on a
 * stack of its own (PostgreSQL, Temporal dev server, worker and API as separate processes on
 * free ports in `tmp/`), killing the worker, the API, Temporal and Postgres in turn (see
 * `runSoak`). Exits 0 when no invariant was violated, 1 otherwise, 2 on bad arguments.
 * The same against the production topology: `npm run cluster:fault` (e2e/soak/cluster-soak.ts).
 */
runSoak(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error('soak failed:', err);
    process.exit(1);
  },
);
