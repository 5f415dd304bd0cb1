import { parse } from 'csv-parse/sync';
import HS2022_TABLE from './reference/hs2022.generated.json';

/** The nomenclature as a table: `[code, section, description]` per chapter, heading and subheading; `[id, name]` per section. */
export interface HsTable {
  entries: ReadonlyArray<readonly [string, string, string]>;
  sections: ReadonlyArray<readonly [string, string]>;
}

/** One entry of the HS nomenclature: a chapter (2 digits), heading (4) or subheading (6). */
export interface HsEntry {
  /** The HS code: 2, 4 or 6 digits. */
  code: string;
  /** English description from the HS 2022 nomenclature. */
  description: string;
  /** Roman numeral of the HS section the code belongs to, e.g. `"XVI"`. */
  section: string;
}

/**
 * HS 2017 subheadings whose whole heading disappeared in HS 2022, mapped to their HS 2022
 * successor. Heading 8803 (parts of aircraft) was moved to 8807 when HS 2022 added
 * unmanned aircraft (8806); the KCS data (declared in 2020-2021 under HS 2017) still
 * uses 8803, so the 4-digit-heading fallback alone would reject these legitimate codes.
 * Source: WCO correlation table HS 2017 - HS 2022, table I, heading 88.03.
 */
export const HS2017_RENUMBERED: Readonly<Record<string, string>> = {
  '880310': '880710',
  '880320': '880720',
  '880330': '880730',
  '880390': '880790',
};

const HS6 = /^\d{6}$/;

/**
 * The Harmonized System 2022 nomenclature (chapters, headings, subheadings, sections),
 * used to validate a declaration's HS code and to describe its goods.
 *
 * HS 2017 codes are accepted as well because the KCS declarations (2020-2021) use them:
 * a 6-digit code absent from HS 2022 is known when its 4-digit heading exists, or when it
 * is listed in {@link HS2017_RENUMBERED}.
 *
 * Data: `libs/io/data/hs2022/harmonized-system.csv` (ODC PDDL, see LICENSE.md there), loaded by
 * `defaultHsNomenclature()` of @customs/io; this class only parses CSV text, so it runs anywhere.
 */
export class HsNomenclature {
  private static instance: HsNomenclature | undefined;

  private readonly entries = new Map<string, HsEntry>();
  private readonly sections = new Map<string, string>();

  /**
   * Builds a nomenclature from its table.
   * @param table chapters, headings and subheadings as `[code, section, description]`, and sections as `[id, name]`.
   */
  constructor(table: HsTable) {
    for (const [code, section, description] of table.entries) this.entries.set(code, { code, description, section });
    for (const [id, name] of table.sections) this.sections.set(id, name);
  }

  /**
   * Builds a nomenclature from the CSV files' text (what `scripts/generate-hs-table.js` reads).
   * @param hsCsv `section,hscode,description,parent,level` (optional UTF-8 BOM)
   * @param sectionsCsv `section,name` (optional)
   * @throws Error when the CSV is malformed or lacks the expected columns.
   */
  static fromCsv(hsCsv: string, sectionsCsv?: string): HsNomenclature {
    const rows = parse(hsCsv, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const entries: Array<[string, string, string]> = [];
    for (const row of rows) {
      const { section, hscode, description, level } = row;
      if (hscode === undefined || description === undefined || section === undefined) {
        throw new Error('harmonized-system.csv must have the columns section,hscode,description,parent,level');
      }
      if (level !== '2' && level !== '4' && level !== '6') continue; // the TOTAL row (level 5)
      // Chapter 99 / 9999 / 999999 "Commodities not specified according to kind" (section
      // TOTAL) is a trade-statistics bucket, not an HS code a declaration may use.
      if (section === 'TOTAL') continue;
      entries.push([hscode, section, description]);
    }
    const sections: Array<[string, string]> = [];
    if (sectionsCsv !== undefined) {
      for (const { section, name } of parse(sectionsCsv, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[]) {
        if (section && name) sections.push([section, name]);
      }
    }
    return new HsNomenclature({ entries, sections });
  }

  /** The shared HS 2022 instance, built on first use from the generated table (`reference/hs2022.generated.json`). */
  static default(): HsNomenclature {
    return (HsNomenclature.instance ??= new HsNomenclature(HS2022_TABLE as unknown as HsTable));
  }

  /**
   * Whether `hs6` is a valid 6-digit code: an HS 2022 subheading, an HS 2017 code whose
   * 4-digit heading exists in HS 2022, or a renumbered HS 2017 code ({@link HS2017_RENUMBERED}).
   * Anything but exactly 6 digits is not known.
   */
  isKnown(hs6: string): boolean {
    if (typeof hs6 !== 'string' || !HS6.test(hs6)) return false;
    return this.entries.has(hs6) || hs6 in HS2017_RENUMBERED || this.entries.has(hs6.slice(0, 4));
  }

  /**
   * A regular expression (source, anchored) matching exactly the codes {@link isKnown} accepts:
   * six digits whose heading exists, or a renumbered HS 2017 code. For the OpenAPI document, so a
   * client knows which codes are accepted without the table (about 1,200 headings: ~7 KB).
   */
  knownCodePattern(): string {
    const headings = [...this.entries.keys()].filter((c) => c.length === 4).sort();
    const headingSet = new Set(headings);
    const others = Object.keys(HS2017_RENUMBERED).filter((c) => !headingSet.has(c.slice(0, 4))).sort();
    const alternatives = [`(?:${headings.join('|')})[0-9]{2}`, ...others];
    return `^(?:${alternatives.join('|')})$`;
  }

  /**
   * A readable description of a 6-digit code: the subheading's (via HS2017_RENUMBERED
   * for renumbered codes), else the heading's, else the chapter's; `null` when not even
   * the chapter exists or `hs6` is not 6 digits.
   */
  describe(hs6: string): string | null {
    if (typeof hs6 !== 'string' || !HS6.test(hs6)) return null;
    const renumbered = HS2017_RENUMBERED[hs6];
    return (
      this.subheading(hs6)?.description ??
      (renumbered !== undefined ? this.subheading(renumbered)?.description : undefined) ??
      this.heading(hs6)?.description ??
      this.chapter(hs6)?.description ??
      null
    );
  }

  /** The HS 2022 chapter (first 2 digits of `code`), or `null`. */
  chapter(code: string): HsEntry | null {
    return code.length >= 2 ? this.entries.get(code.slice(0, 2)) ?? null : null;
  }

  /** The HS 2022 heading (first 4 digits of `code`), or `null`. */
  heading(code: string): HsEntry | null {
    return code.length >= 4 ? this.entries.get(code.slice(0, 4)) ?? null : null;
  }

  /** The HS 2022 subheading with exactly this 6-digit code, or `null` (no fallback). */
  subheading(hs6: string): HsEntry | null {
    return hs6.length === 6 ? this.entries.get(hs6) ?? null : null;
  }

  /** The HS section (`{ id: "XVI", name }`) of the code's chapter, or `null`. */
  section(code: string): { id: string; name: string } | null {
    const chapter = this.chapter(code);
    if (chapter === null) return null;
    return { id: chapter.section, name: this.sections.get(chapter.section) ?? '' };
  }

  /** Number of chapters, headings and subheadings loaded. */
  get size(): number {
    return this.entries.size;
  }
}
