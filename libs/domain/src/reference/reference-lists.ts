import HS2022_TABLE from './hs2022.generated.json';
import { isCustomsCountryCode } from './countries';
import { CODE_FORMATS, type CodeField } from './data-quality';
import { KCS_CODE_LISTS } from './kcs-codes';

/**
 * The versioned reference lists (`reference_code` table, `GET /api/reference/{list}`,
 * `npm run reference:import`), by name, with the Declaration field(s) each one constrains.
 */
export const REFERENCE_LISTS = {
  office: { fields: ['officeId'], description: 'Customs offices (KCS office codes)' },
  'process-type': { fields: ['processType'], description: 'KCS process types' },
  'import-type': { fields: ['importType'], description: 'KCS import types' },
  'import-use': { fields: ['importUse'], description: 'KCS import uses' },
  'payment-type': { fields: ['paymentType'], description: 'KCS payment types' },
  'transport-mode': { fields: ['transportMode'], description: 'KCS modes of transport' },
  'tax-type': { fields: ['taxType'], description: 'KCS tax types' },
  'origin-indicator': { fields: ['originIndicator'], description: 'KCS country-of-origin indicators' },
  country: { fields: ['departureCountry', 'originCountry'], description: 'Countries (ISO 3166-1 alpha-2, and ZZ for unknown)' },
  hs: { fields: ['hsCode'], description: 'HS 2022 subheadings (6 digits)' },
} as const satisfies Record<string, { fields: readonly CodeField[]; description: string }>;

/** The name of a reference list: `office`, `tax-type`, `country`, `hs`, ... */
export type ReferenceListName = keyof typeof REFERENCE_LISTS;

/** Every reference list name, sorted. */
export const REFERENCE_LIST_NAMES = (Object.keys(REFERENCE_LISTS) as ReferenceListName[]).sort();

/** Whether `name` is a reference list name. */
export function isReferenceListName(name: unknown): name is ReferenceListName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(REFERENCE_LISTS, name);
}

/** The reference list that holds the codes of a Declaration field (e.g. `taxType` -> `tax-type`). */
export function referenceListOf(field: CodeField): ReferenceListName {
  return REFERENCE_LIST_NAMES.find((name) => (REFERENCE_LISTS[name].fields as readonly string[]).includes(field))!;
}

/** One code of a reference list, with its label (null when the source gives none). */
export interface ReferenceCode {
  code: string;
  label: string | null;
}

/**
 * Why `code` cannot be a code of `list` (its shape, `CODE_FORMATS` of the list's field), or null
 * when it can. Whether it is *known* is what the list says; this only refuses malformed codes.
 */
export function referenceCodeProblem(list: ReferenceListName, code: string): string | null {
  const field = REFERENCE_LISTS[list].fields[0];
  const { pattern, what } = CODE_FORMATS[field];
  return pattern.test(code) ? null : `code of list ${list} must be ${what}: ${JSON.stringify(code.slice(0, 40))}`;
}

/**
 * The compiled-in reference lists, as the first version of the `reference_code` table is seeded
 * with them: the KCS code lists (the values of the KCS train and valid months, no labels), the
 * countries `isCustomsCountryCode` accepts (no labels) and the HS 2022 subheadings with their
 * descriptions. Sorted by code within each list.
 */
export function compiledReferenceLists(): Record<ReferenceListName, ReferenceCode[]> {
  const plain = (codes: Iterable<string>): ReferenceCode[] => [...codes].sort().map((code) => ({ code, label: null }));
  const countries: string[] = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) {
    const c = String.fromCharCode(a, b);
    if (isCustomsCountryCode(c)) countries.push(c);
  }
  const hs = (HS2022_TABLE as unknown as { entries: Array<[string, string, string]> }).entries
    .filter(([code]) => code.length === 6)
    .map(([code, , description]) => ({ code, label: description }))
    .sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  return {
    office: plain(KCS_CODE_LISTS.officeId),
    'process-type': plain(KCS_CODE_LISTS.processType),
    'import-type': plain(KCS_CODE_LISTS.importType),
    'import-use': plain(KCS_CODE_LISTS.importUse),
    'payment-type': plain(KCS_CODE_LISTS.paymentType),
    'transport-mode': plain(KCS_CODE_LISTS.transportMode),
    'tax-type': plain(KCS_CODE_LISTS.taxType),
    'origin-indicator': plain(KCS_CODE_LISTS.originIndicator),
    country: plain(countries),
    hs,
  };
}
