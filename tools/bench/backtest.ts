import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { login } from '../auth/login';

/** What `npm run bench` reports for the criterion backtest. */
export interface BacktestFigures {
  /** Decisions the backtest read (the period: the last 28 days). */
  decisions: number;
  /** Wall-clock seconds of one `POST /api/criteria/backtest` through HTTP. */
  seconds: number;
  selected: number;
}

/**
 * The backtest line of `npm run bench` (issue 13: one criterion over 100,000 stored declarations
 * in under 5 s). Brings the bench stack's `decision_record` up to `target` rows by copying the
 * decisions the end-to-end run stored (each copy a new declaration id, so every row is a
 * distinct declaration as the backtest reads it), vacuums the table as the schema owner, then
 * times one backtest of a keyword and HS criterion over the last 28 days through the API.
 * @param api the API's base URL; @param databaseUrl the stack's database (the application
 *   login); @param ownerUrl the same as its owner (`DATABASE_OWNER_URL`, for VACUUM).
 * @throws when the stack has no decisions to copy or the backtest is refused.
 */
export async function measureBacktest(api: string, databaseUrl: string, ownerUrl: string, target = 100_000): Promise<BacktestFigures> {
  const db = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM decision_record`)).rows as Array<{ n: number }>;
    if (n === 0) throw new Error('no stored decisions to copy: run the end-to-end measurement first');
    if (n < target) {
      await db.query(
        `WITH src AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, office_id, lane, risk_score, control_sample, declaration_hash, record FROM decision_record),
              c AS (SELECT count(*) AS total FROM src)
         INSERT INTO decision_record (declaration_id, declaration_hash, office_id, lane, risk_score, control_sample, record)
         SELECT 'BKT' || lpad(g::text, 9, '0'), src.declaration_hash, src.office_id, src.lane, src.risk_score, src.control_sample,
                jsonb_set(src.record, '{declaration,declarationId}', to_jsonb('BKT' || lpad(g::text, 9, '0')))
         FROM generate_series(1, $1::int) g JOIN src ON src.k = g % (SELECT total FROM c)`,
        [target - n],
      );
    }
  } finally {
    await db.end();
  }
  // As autovacuum would have done to rows of past weeks: without it the first read of 99,000
  // rows just written pays for setting their hint bits (4x slower here).
  const owner = new Pool({ connectionString: ownerUrl, max: 1 });
  try {
    await owner.query('VACUUM (ANALYZE) decision_record');
  } finally {
    await owner.end();
  }
  const { accessToken } = await login(api, 'analyst-kim', 'analyst-kim-demo');
  const criterion = {
    id: 'CEN-BENCH-901', scope: 'CENTRAL', officeId: null, lane: 'RED', riskArea: 'ORIGIN_FRAUD',
    reason: 'benchmark: footwear and toys by description or HS chapter', pointsOfInterest: 'benchmark', keywords: ['bench', 'footwear', 'backtest'],
    conditions: { any: [
      { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['footwear', 'toys', 'knives', 'gun'] },
      { fact: 'hsCode', operator: 'hsStartsWithAny', value: ['64', '95'] },
    ] },
  };
  const t0 = performance.now();
  const res = await fetch(`${api}/api/criteria/backtest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ criterion }),
  });
  const seconds = (performance.now() - t0) / 1000;
  const body = (await res.json()) as { scanned?: number; selected?: number; message?: unknown };
  if (res.status !== 200) throw new Error(`backtest refused: HTTP ${res.status} ${JSON.stringify(body.message)}`);
  return { decisions: body.scanned ?? 0, seconds, selected: body.selected ?? 0 };
}
