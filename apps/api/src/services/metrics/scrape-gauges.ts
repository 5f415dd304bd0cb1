import type { DataSource } from 'typeorm';
import type { CustomsMetrics } from './customs-metrics';

/** The outboxes whose pending rows are measured: table, the column stamped when a row is done, the label. */
const OUTBOXES = [
  { outbox: 'case_start', table: 'case_start_outbox', doneColumn: 'started_at' },
  { outbox: 'risk_case_handoff', table: 'risk_case_handoff', doneColumn: 'delivered_at' },
] as const;

/** The pending rows of one outbox: how many, and the age of the oldest in seconds (0 when empty). */
export interface OutboxDepth {
  outbox: string;
  depth: number;
  oldestAgeSeconds: number;
}

/**
 * Reads the depth of each outbox and the age of its oldest pending row, in one statement (the
 * partial "pending" indexes of both tables keep it cheap).
 */
export async function readOutboxDepths(dataSource: DataSource): Promise<OutboxDepth[]> {
  const sql = OUTBOXES.map(
    (o) => `SELECT '${o.outbox}' AS outbox, count(*)::int AS depth,
            COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age
            FROM ${o.table} WHERE ${o.doneColumn} IS NULL`,
  ).join(' UNION ALL ');
  const rows: Array<{ outbox: string; depth: number; age: number }> = await dataSource.query(sql);
  return rows.map((r) => ({ outbox: r.outbox, depth: Number(r.depth), oldestAgeSeconds: Math.max(0, Number(r.age)) }));
}

/** Connection counts of a node-postgres pool (`pg.Pool`). */
interface PgPoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Registers the gauges read at scrape time: outbox depth and oldest age
 * (`customs_outbox_depth`, `customs_outbox_oldest_age_seconds`, label `outbox`), and the use of
 * TypeORM's PostgreSQL pool (`customs_db_pool_connections{state="total|idle"}`,
 * `customs_db_pool_waiting_clients`: queries waiting for a free connection).
 * A scrape during a database outage answers the other metrics and leaves the outbox gauges empty.
 */
export function registerScrapeGauges(metrics: CustomsMetrics, dataSource: DataSource): void {
  let pending: Promise<OutboxDepth[]> | null = null;
  // Both outbox gauges are read by one query per scrape.
  const depths = (): Promise<OutboxDepth[]> => {
    pending ??= readOutboxDepths(dataSource)
      .catch(() => [])
      .finally(() => setImmediate(() => (pending = null)));
    return pending;
  };
  metrics.addScrapeGauge('customs_outbox_depth', 'Pending rows of an outbox (case_start: inspection-case workflow starts; risk_case_handoff: risk-case deliveries)', ['outbox'], async () =>
    (await depths()).map((d) => ({ labels: { outbox: d.outbox }, value: d.depth })),
  );
  metrics.addScrapeGauge('customs_outbox_oldest_age_seconds', 'Age of the oldest pending row of an outbox, seconds (0 when empty)', ['outbox'], async () =>
    (await depths()).map((d) => ({ labels: { outbox: d.outbox }, value: d.oldestAgeSeconds })),
  );
  const pool = (): PgPoolCounts | undefined => (dataSource.driver as unknown as { master?: PgPoolCounts }).master;
  metrics.addScrapeGauge('customs_db_pool_connections', 'Connections of the API database pool, by state (total, idle)', ['state'], async () => {
    const p = pool();
    return p ? [{ labels: { state: 'total' }, value: p.totalCount }, { labels: { state: 'idle' }, value: p.idleCount }] : [];
  });
  metrics.addScrapeGauge('customs_db_pool_waiting_clients', 'Queries waiting for a free connection of the API database pool', [], async () => {
    const p = pool();
    return p ? [{ labels: {}, value: p.waitingCount }] : [];
  });
}
