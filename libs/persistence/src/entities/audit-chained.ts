import { Column } from 'typeorm';

/**
 * Hash-chain columns of an append-only evidence table (migration 1764200000000-audit-chain).
 * A BEFORE INSERT trigger fills all three on every insert, whatever the statement supplies:
 * `chainSeq` 1, 2, ... without gaps per table, `prevHash` the previous row's `rowHash` (64
 * zeros for the first), `rowHash` = hex SHA-256 of `prevHash` followed by the row's canonical
 * JSON (see `AUDIT_CHAINS` in the migration). `npm run audit:verify` recomputes them.
 */
export abstract class AuditChained {
  /** Position in the table's chain: 1, 2, ... without gaps. */
  @Column({ name: 'chain_seq', type: 'bigint' })
  chainSeq!: string;

  /** `rowHash` of the row before (hex, 64 characters). */
  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  /** Hex SHA-256 over `prevHash` and this row's canonical serialisation. */
  @Column({ name: 'row_hash', type: 'char', length: 64 })
  rowHash!: string;
}
