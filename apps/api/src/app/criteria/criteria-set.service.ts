import { Injectable, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DecisionRecordRepository } from '@customs/persistence';

/** Fingerprints kept in memory with their lists (the current set and a few recent ones). */
const REMEMBERED_SETS = 8;

/**
 * SHA-256 (lower-case hex) of a set of criterion versions: the `id@version` strings sorted
 * (code-unit order) and joined by `\n`. The same set always gives the same fingerprint,
 * whatever order it is listed in.
 */
export function criteriaSetFingerprint(versions: readonly string[]): string {
  return createHash('sha256').update([...versions].sort().join('\n')).digest('hex');
}

/**
 * The sets of criterion versions decisions were made under (`criteria_set`, one row per
 * distinct set). A decision record names its set by fingerprint (`criteriaSet`) instead of
 * listing every version, which at 10,000 criteria would be most of the record; a replay reads
 * the list back with `versionsOf`.
 *
 * Writing a set is the screening batch's job (it adds the row in the same statement as the
 * decisions, see `pendingRow`), so a decision never names a set that is not stored.
 */
@Injectable()
export class CriteriaSetService {
  /** Fingerprint per list object: the compiled engine's list is reused until the criteria change. */
  private readonly byList = new WeakMap<readonly string[], string>();
  /** Recent sets by fingerprint; `stored` once a statement writing or finding the row has committed. */
  private readonly recent = new Map<string, { versions: readonly string[]; stored: boolean }>();

  constructor(private readonly decisions: DecisionRecordRepository) {}

  /** The fingerprint of `versions` (`id@version` list), remembered so the batch can store the set. */
  fingerprint(versions: readonly string[]): string {
    let fp = this.byList.get(versions);
    if (fp === undefined) {
      fp = criteriaSetFingerprint(versions);
      this.byList.set(versions, fp);
    }
    if (!this.recent.has(fp)) {
      this.recent.set(fp, { versions: [...versions].sort(), stored: false });
      while (this.recent.size > REMEMBERED_SETS) this.recent.delete(this.recent.keys().next().value!);
    }
    return fp;
  }

  /**
   * The row to write with a batch of decisions naming `fingerprint`, or null when it is known
   * to be stored already (or unknown here: it was then read from the table by a replay).
   */
  pendingRow(fingerprint: string): { fingerprint: string; versions: readonly string[] } | null {
    const set = this.recent.get(fingerprint);
    return set && !set.stored ? { fingerprint, versions: set.versions } : null;
  }

  /** Records that the set's row is committed (call after the statement that wrote it succeeded). */
  markStored(fingerprint: string): void {
    const set = this.recent.get(fingerprint);
    if (set) set.stored = true;
  }

  /**
   * The `id@version` list of a stored set, sorted.
   * @throws NotFoundException when no set has this fingerprint.
   */
  async versionsOf(fingerprint: string): Promise<string[]> {
    const versions = await this.decisions.criteriaSetVersions(fingerprint);
    if (versions === null) throw new NotFoundException(`criteria set ${fingerprint} is not stored`);
    return versions;
  }
}
