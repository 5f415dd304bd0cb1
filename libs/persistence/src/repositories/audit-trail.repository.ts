import type { DataSource, EntityManager } from 'typeorm';
import { verifyAuditChains, type ChainReport } from '../audit/verify-audit-chains';

/**
 * The tamper-evident audit trail: the hash chains of the append-only evidence tables
 * (`decision_record`, `case_event`, `risk_case_event`; see `AUDIT_CHAINS` in the migrations).
 * Verification is the library walk {@link verifyAuditChains}, run over this connection.
 */
export class AuditTrailRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * Walks every chain and names the first missing, altered or re-linked row of each. Reads every
   * chained row, a page at a time: seconds per million rows.
   * @returns one report per chain, in `AUDIT_CHAINS` order.
   * @throws the database error when a chain table cannot be read.
   */
  async verify(pageSize?: number): Promise<ChainReport[]> {
    return verifyAuditChains({ query: async (sql, params) => ({ rows: await this.db.query(sql, params) }) }, pageSize);
  }
}
