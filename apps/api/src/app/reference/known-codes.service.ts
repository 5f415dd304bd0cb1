import { Injectable, Logger } from '@nestjs/common';
import { HsNomenclature, knownCode, REFERENCE_LIST_NAMES, referenceListOf, type CodeField, type KnownCode, type ReferenceListName } from '@customs/domain';
import { ReferenceCodeRepository } from '@customs/persistence';

/** How long the known codes are used before the newest versions are looked up again, ms (as criteria: `CriteriaService`). */
const FRESHNESS_MS = 2000;

interface Loaded {
  /** Newest version per list, as loaded (`list@version,...`). */
  fingerprint: string;
  codes: Map<ReferenceListName, ReadonlySet<string>>;
  checkedAt: number;
}

/**
 * The codes screening treats as known: the newest version of each reference list in
 * `reference_code` (imported by `npm run reference:import`), cached and refreshed when a newer
 * version appears (looked up at most every 2 s). A list with no stored version falls back to the
 * compiled-in list (`knownCode`). HS codes: in the `hs` list, or known to the HS nomenclature
 * (HS 2017 codes whose heading exists are not listed but stay known).
 */
@Injectable()
export class KnownCodesService {
  private readonly logger = new Logger(KnownCodesService.name);
  private loaded: Loaded | null = null;
  private loading: Promise<Loaded> | null = null;
  private readonly hs = HsNomenclature.default();

  constructor(private readonly codes: ReferenceCodeRepository) {}

  /**
   * The membership test for `dataQualityFindings` over the reference lists in force now, and
   * which versions those are (`list@version,...`; empty when none is stored).
   */
  async current(): Promise<{ known: KnownCode; lists: string }> {
    const { codes, fingerprint } = await this.refresh();
    const known = (field: CodeField, value: string) => {
      const list = codes.get(referenceListOf(field));
      if (!list) return knownCode(field, value);
      return list.has(value) || (field === 'hsCode' && this.hs.isKnown(value));
    };
    return { known, lists: fingerprint };
  }

  private async refresh(): Promise<Loaded> {
    if (this.loaded && Date.now() - this.loaded.checkedAt < FRESHNESS_MS) return this.loaded;
    if (this.loading) return this.loading;
    this.loading = (async () => {
      const newest = await this.codes.newestVersions();
      const fingerprint = REFERENCE_LIST_NAMES.filter((l) => newest.has(l)).map((l) => `${l}@${newest.get(l)}`).join(',');
      if (this.loaded && this.loaded.fingerprint === fingerprint) {
        this.loaded.checkedAt = Date.now();
        return this.loaded;
      }
      const codes = new Map<ReferenceListName, ReadonlySet<string>>();
      for (const list of REFERENCE_LIST_NAMES) {
        if (!newest.has(list)) continue;
        const stored = await this.codes.find(list, newest.get(list));
        if (stored) codes.set(list, new Set(stored.codes.map((c) => c.code)));
      }
      this.loaded = { fingerprint, codes, checkedAt: Date.now() };
      this.logger.log(`reference lists loaded: ${fingerprint || 'none stored (compiled-in lists)'}`);
      return this.loaded;
    })().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }
}
