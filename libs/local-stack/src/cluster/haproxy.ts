/**
 * HAProxy's configuration for the load balancer in front of the API processes (Debian's
 * `haproxy` package, run in the foreground with `haproxy -db -f <file>`).
 *
 * - Health checks on `GET /api/health/live` every 500 ms (down after 2 failures, up after 2
 *   passes): a process that stops answering leaves the pool within about a second. Liveness,
 *   not readiness: when PostgreSQL or Temporal is away, every API process is equally unready, and
 *   sending nothing anywhere would turn a dependency outage into a total one (the API answers
 *   503 itself where it must, and ingest keeps its case starts in the outbox).
 * - A request whose connection could not be made is retried (3 times) on the other process
 *   (`retry-on conn-failure` with `option redispatch`). Nothing else is retried by the load
 *   balancer: a request the dead process may have acted on goes back to the client, whose
 *   re-send is safe because ingest is idempotent on the declaration id and writes take an
 *   `Idempotency-Key` (see DESIGN.md).
 * - `leastconn`: batches of hundreds of declarations and single reads share the pool.
 * @param listenPort port of the load balancer on 127.0.0.1
 * @param apiPorts ports of the API processes on 127.0.0.1
 * @returns the configuration text.
 */
export function haproxyConfig(listenPort: number, apiPorts: readonly number[]): string {
  return [
    'global',
    '  maxconn 4096',
    '',
    'defaults',
    '  mode http',
    '  option httplog',
    '  timeout connect 2s',
    '  timeout client 300s',
    '  timeout server 300s',
    '  timeout http-request 30s',
    '  retries 3',
    '  option redispatch',
    '  retry-on conn-failure',
    '',
    'frontend api',
    `  bind 127.0.0.1:${listenPort}`,
    '  default_backend api_processes',
    '',
    'backend api_processes',
    '  balance leastconn',
    '  option httpchk GET /api/health/live',
    '  http-check expect status 200',
    '  default-server inter 500ms fall 2 rise 2',
    ...apiPorts.map((port, i) => `  server api-${i + 1} 127.0.0.1:${port} check`),
    '',
  ].join('\n');
}
