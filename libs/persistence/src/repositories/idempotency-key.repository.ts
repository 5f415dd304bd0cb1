import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { IdempotencyKeyEntity } from '../entities';

/** A stored use of a key: the first request's route and body hash, and its response once finished. */
export interface IdempotencyKeyUse {
  route: string;
  /** Hex SHA-256 of the first request's method, path and canonical body. */
  bodyHash: string;
  /** HTTP status of the stored response; null while the first request is in flight. */
  status: number | null;
  /** The stored JSON body (null while in flight). */
  response: unknown;
}

/**
 * The idempotency keys aggregate: `idempotency_key`, one row per (caller, key) holding the
 * first request's fingerprint and, once it succeeded, its response (see the API's
 * `IdempotencyInterceptor`).
 */
export class IdempotencyKeyRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get repo() {
    return this.db.getRepository(IdempotencyKeyEntity);
  }

  /**
   * Takes a key for a request in one statement: a new key is inserted in flight; a key whose
   * first request is still in flight after `staleSeconds` (taken as crashed) is taken over, but
   * only by the same route and body hash (its `created_at` restarts). Anything else is left alone.
   * @returns true when the key is now this request's to process.
   */
  async take(caller: string, key: string, route: string, bodyHash: string, staleSeconds: number): Promise<boolean> {
    const table = this.repo.metadata.tableName;
    const taken: unknown[] = await this.db.query(
      `INSERT INTO ${table} (caller, key, route, body_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (caller, key) DO UPDATE SET created_at = now()
         WHERE ${table}.status IS NULL AND ${table}.created_at < now() - make_interval(secs => $5)
           AND ${table}.route = EXCLUDED.route AND ${table}.body_hash = EXCLUDED.body_hash
       RETURNING 1`,
      [caller, key, route, bodyHash, staleSeconds],
    );
    return taken.length > 0;
  }

  /** The stored use of a key, or null when the key is not stored (never used, or released). */
  async find(caller: string, key: string): Promise<IdempotencyKeyUse | null> {
    const row = await this.repo.findOne({ where: { caller, key }, select: { caller: true, key: true, route: true, bodyHash: true, status: true, response: true } });
    return row ? { route: row.route, bodyHash: row.bodyHash, status: row.status, response: row.response } : null;
  }

  /**
   * Stores the response of a key's first request (finished now). The body is kept as JSON
   * text exactly as serialised (`json`, not `jsonb`: key order preserved; undefined as JSON null).
   */
  async complete(caller: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db.query(
      `UPDATE ${this.repo.metadata.tableName} SET status = $3, response = $4::json, completed_at = now() WHERE caller = $1 AND key = $2`,
      [caller, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** Releases a key whose first request failed (in flight only: a stored response is kept). */
  async release(caller: string, key: string): Promise<void> {
    await this.repo.delete({ caller, key, status: IsNull() });
  }
}
