/** `GET /api/reference/{list}`: one version of a reference list. */
export interface ReferenceList {
  /** The list's name, e.g. `tax-type`. */
  list: string;
  /** What the list holds, e.g. "KCS tax types". */
  description: string;
  /** The Declaration fields whose codes it holds, e.g. `["taxType"]`. */
  fields: string[];
  /** The version served (1 = the compiled-in lists the database was seeded with). */
  version: number;
  /** The newest version of the list. */
  newestVersion: number;
  /** First day the version applies, ISO `YYYY-MM-DD`. */
  validFrom: string;
  /** ISO timestamp of the import that wrote the version. */
  importedAt: string;
  /** Where the codes came from (the imported file's name). */
  source: string;
  /** The codes, sorted, each with its label (null when the source gave none). */
  codes: ReferenceCodeEntry[];
}

/** One code of a reference list. */
export interface ReferenceCodeEntry {
  code: string;
  label: string | null;
}
