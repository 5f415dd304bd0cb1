import type { Declaration } from '../declaration';
import { HsNomenclature } from '../hs-nomenclature';
import { isCustomsCountryCode } from './countries';
import { KCS_CODE_LISTS, type KcsCodeField } from './kcs-codes';

/**
 * A Declaration field that holds a reference code: the KCS code fields (`KcsCodeField`), the HS
 * code and the two countries. Spelled out (not derived from `KCS_CODE_LISTS`) so the OpenAPI
 * generator can read it; `CODE_FORMATS` fails to compile when the two disagree.
 */
export type CodeField =
  | 'officeId' | 'processType' | 'importType' | 'importUse' | 'paymentType' | 'transportMode' | 'taxType' | 'originIndicator'
  | 'hsCode' | 'departureCountry' | 'originCountry';

// Compile-time check: every KCS code field is a CodeField.
const _kcsFieldsAreCodeFields: KcsCodeField extends CodeField ? true : never = true;
void _kcsFieldsAreCodeFields;

/**
 * The shape of a well-formed value of each code field, whatever the reference lists say. A value
 * of the wrong shape is refused (400); a well-formed value missing from the lists is screened with
 * a data-quality finding (issue 14: a code list that lags behind must never drop a declaration).
 * Shapes follow the KCS layout (arXiv:2208.02484) and the values seen in 2020-2021: offices are
 * 2-3 digits without a leading zero (`40`, `101`), tax types a capital letter and up to 4 capitals
 * or digits (`A`, `FCN1`, `FUS6`), countries ISO 3166-1 alpha-2 in capitals, HS codes 6 digits
 * of a chapter 01-99.
 */
export const CODE_FORMATS: Readonly<Record<CodeField, { pattern: RegExp; what: string }>> = {
  officeId: { pattern: /^[1-9][0-9]{1,2}$/, what: 'a customs office code (2-3 digits, no leading zero)' },
  processType: { pattern: /^[A-Z]$/, what: 'a KCS process type (one capital letter)' },
  importType: { pattern: /^[1-9][0-9]{1,2}$/, what: 'a KCS import type (2-3 digits, no leading zero)' },
  importUse: { pattern: /^[1-9][0-9]$/, what: 'a KCS import use (2 digits, no leading zero)' },
  paymentType: { pattern: /^[0-9]{1,2}$/, what: 'a KCS payment type (1-2 digits)' },
  transportMode: { pattern: /^[1-9][0-9]$/, what: 'a KCS mode of transport (2 digits, no leading zero)' },
  taxType: { pattern: /^[A-Z][A-Z0-9]{0,4}$/, what: 'a KCS tax type (a capital letter, then up to 4 capitals or digits)' },
  originIndicator: { pattern: /^[A-Z]$/, what: 'a KCS origin indicator (one capital letter)' },
  hsCode: { pattern: /^(?!00)[0-9]{6}$/, what: 'exactly 6 digits, of an HS chapter 01-99' },
  departureCountry: { pattern: /^[A-Z]{2}$/, what: 'an ISO 3166-1 alpha-2 country code (2 capital letters)' },
  originCountry: { pattern: /^[A-Z]{2}$/, what: 'an ISO 3166-1 alpha-2 country code (2 capital letters)' },
};

/** The code fields, in the Declaration's canonical order. */
export const CODE_FIELDS: readonly CodeField[] = [
  'officeId', 'processType', 'importType', 'importUse', 'paymentType', 'transportMode', 'hsCode',
  'departureCountry', 'originCountry', 'taxType', 'originIndicator',
];

/**
 * One data-quality finding on a screened declaration: `field` holds `value`, which is well formed
 * but not in the reference list in force (`UNKNOWN_CODE`).
 */
export interface DataQualityFinding {
  field: CodeField;
  value: string;
  finding: 'UNKNOWN_CODE';
}

/** Whether a well-formed code is known; the default is the compiled-in lists (`knownCode`). */
export type KnownCode = (field: CodeField, value: string) => boolean;

/**
 * Whether `value` is in the compiled-in reference list of `field`: the KCS code lists
 * (`KCS_CODE_LISTS`), the HS nomenclature (`HsNomenclature.isKnown`) or ISO 3166-1 alpha-2 with the
 * customs exceptions (`isCustomsCountryCode`).
 */
export function knownCode(field: CodeField, value: string): boolean {
  if (field === 'hsCode') return HsNomenclature.default().isKnown(value);
  if (field === 'departureCountry' || field === 'originCountry') return isCustomsCountryCode(value);
  return KCS_CODE_LISTS[field].has(value);
}

/**
 * The data-quality findings of a validated declaration: every code field whose (well-formed)
 * value is unknown to `known`, in canonical field order; empty when every code is known.
 * Pure; never throws.
 */
export function dataQualityFindings(declaration: Declaration, known: KnownCode = knownCode): DataQualityFinding[] {
  const out: DataQualityFinding[] = [];
  for (const field of CODE_FIELDS) {
    const value = declaration[field];
    if (!known(field, value)) out.push({ field, value, finding: 'UNKNOWN_CODE' });
  }
  return out;
}
