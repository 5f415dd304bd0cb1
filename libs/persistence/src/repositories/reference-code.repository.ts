import type { DataSource, EntityManager } from 'typeorm';

/** One version of a reference list as stored in `reference_code`. */
export interface StoredReferenceList {
  list: string;
  version: number;
  /** First day the version applies, ISO `YYYY-MM-DD`. */
  validFrom: string;
  /** ISO timestamp of the import that wrote it. */
  importedAt: string;
  /** Where the codes came from (the imported file's name, or the compiled-in lists for version 1). */
  source: string;
  /** The codes, sorted, each with its label (null when none). */
  codes: Array<{ code: string; label: string | null }>;
}

/**
 * The versioned reference lists (`reference_code`, migration `ReferenceData1764900000000`): each
 * version of a list is complete and written once; a new import appends the next version.
 */
export class ReferenceCodeRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The newest version number of every list that has one. */
  async newestVersions(): Promise<Map<string, number>> {
    const rows: Array<{ list: string; version: number }> = await this.db.query(
      `SELECT list, max(version)::int AS version FROM reference_code GROUP BY list`,
    );
    return new Map(rows.map((r) => [r.list, r.version]));
  }

  /** A version of a list (the newest when `version` is omitted); null when the list or version has no codes. */
  async find(list: string, version?: number): Promise<StoredReferenceList | null> {
    const rows: Array<{ version: number; code: string; label: string | null; valid_from: string; imported_at: Date; source: string }> = await this.db.query(
      `SELECT version, code, label, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, imported_at, source FROM reference_code
        WHERE list = $1 AND version = COALESCE($2::int, (SELECT max(version) FROM reference_code WHERE list = $1))
        ORDER BY code`,
      [list, version ?? null],
    );
    if (rows.length === 0) return null;
    const [first] = rows;
    return {
      list,
      version: first.version,
      validFrom: first.valid_from,
      importedAt: new Date(first.imported_at).toISOString(),
      source: first.source,
      codes: rows.map((r) => ({ code: r.code, label: r.label })),
    };
  }

  /**
   * Appends the next version of `list` holding exactly `codes` (one statement: the version number
   * is the newest plus one, and a concurrent import of the same list fails on the primary key
   * rather than mixing two files).
   * @returns the version written.
   */
  async appendVersion(list: string, codes: ReadonlyArray<{ code: string; label: string | null }>, validFrom: string, source: string): Promise<number> {
    const rows: Array<{ version: number }> = await this.db.query(
      `WITH next AS (SELECT COALESCE(max(version), 0) + 1 AS version FROM reference_code WHERE list = $1)
       INSERT INTO reference_code (list, version, code, label, valid_from, source)
       SELECT $1, next.version, c, l, $2::date, $3 FROM next, unnest($4::text[], $5::text[]) AS t(c, l)
       RETURNING version`,
      [list, validFrom, source, codes.map((c) => c.code), codes.map((c) => c.label)],
    );
    return rows[0].version;
  }
}
