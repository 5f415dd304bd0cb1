import type { Declaration } from './declaration';
import { validateDeclaration } from './declaration.dto';
import { HsNomenclature } from './hs-nomenclature';

/**
 * KCS column -> Declaration field, in the order of the KCS files (Jeong et al.,
 * arXiv:2208.02484). Net Mass is in kg, Item Price in KRW, Tax Rate in percent.
 */
export const KCS_COLUMN_FIELDS = {
  'Declaration ID': 'declarationId',
  Date: 'date',
  'Office ID': 'officeId',
  'Process Type': 'processType',
  'Import Type': 'importType',
  'Import Use': 'importUse',
  'Payment Type': 'paymentType',
  'Mode of Transport': 'transportMode',
  'Declarant ID': 'declarantId',
  'Importer ID': 'importerId',
  'Seller ID': 'sellerId',
  'Courier ID': 'courierId',
  'HS6 Code': 'hsCode',
  'Country of Departure': 'departureCountry',
  'Country of Origin': 'originCountry',
  'Tax Rate': 'taxRate',
  'Tax Type': 'taxType',
  'Country of Origin Indicator': 'originIndicator',
  'Net Mass': 'netMassKg',
  'Item Price': 'itemPriceKrw',
} as const satisfies Record<string, keyof Declaration>;

/** A KCS column that carries declaration data. */
export type KcsInputColumn = keyof typeof KCS_COLUMN_FIELDS;

/** The 20 KCS columns that carry declaration data, in file order. */
export const KCS_INPUT_COLUMNS = Object.keys(KCS_COLUMN_FIELDS) as KcsInputColumn[];

/**
 * The KCS label columns: inspection outcomes (Fraud 0/1, Critical Fraud 0/1/2). They may be
 * present in a file but are dropped on reading: they must never be decision inputs.
 */
export const KCS_LABEL_COLUMNS = ['Fraud', 'Critical Fraud'] as const;

/**
 * Columns this system's training export (`GET /api/inspection-results/export.csv`) appends after
 * the labels: `Selection Basis` (why the declaration was inspected). Accepted and dropped on
 * reading, like the labels, so an export reads back as declarations.
 */
export const KCS_EXPORT_COLUMNS = ['Selection Basis'] as const;

/** The full KCS header of the published files: the 20 input columns, then the 2 labels. */
export const KCS_COLUMNS: readonly string[] = [...KCS_INPUT_COLUMNS, ...KCS_LABEL_COLUMNS];

const NUMBER_COLUMNS: ReadonlySet<string> = new Set(['Tax Rate', 'Net Mass', 'Item Price']);
const NULLABLE_COLUMNS: ReadonlySet<string> = new Set(['Seller ID', 'Courier ID']);
const KNOWN_COLUMNS: ReadonlySet<string> = new Set([...KCS_COLUMNS, ...KCS_EXPORT_COLUMNS]);
/** Plain decimal or scientific notation; no hex, no blanks, no "Infinity" (stricter than Number()). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BOM = '\uFEFF';

/**
 * A KCS row that could not become a valid Declaration.
 * `rowNumber` is the 1-based data row (header excluded) when known; `errors` lists every
 * problem, each naming its KCS column (parsing) or Declaration field (validation).
 */
export class KcsRowError extends Error {
  constructor(
    readonly errors: string[],
    readonly rowNumber?: number,
  ) {
    super(`${rowNumber === undefined ? 'KCS row' : `row ${rowNumber}`}: ${errors.join('; ')}`);
    this.name = 'KcsRowError';
  }
}

/** Options of {@link kcsRowToDeclaration}. */
export interface KcsRowOptions {
  /** 1-based data row number, carried into a KcsRowError. */
  rowNumber?: number;
  /** Nomenclature for `goodsDescription`; defaults to `HsNomenclature.default()`. */
  nomenclature?: HsNomenclature;
}

/**
 * Maps one KCS row (column name -> raw string, as a CSV parser gives it) to a validated
 * {@link Declaration}.
 *
 * - Column names are the KCS ones (`KCS_COLUMNS`); a UTF-8 BOM left on the first name is
 *   ignored. The label columns Fraud and Critical Fraud and the export's `KCS_EXPORT_COLUMNS`
 *   are dropped; other unknown columns
 *   are errors.
 * - Seller ID and Courier ID: empty -> `null`.
 * - Tax Rate (%), Net Mass (kg), Item Price (KRW) are parsed strictly as decimals: an empty
 *   or non-numeric value is an error naming the column, e.g. `Net Mass must be a number: abc`.
 * - `goodsDescription` is filled from the HS nomenclature (subheading, else heading, else
 *   chapter description).
 * - The result then goes through {@link validateDeclaration}.
 *
 * @throws KcsRowError with every problem found (and `options.rowNumber`).
 */
export function kcsRowToDeclaration(row: Record<string, string>, options: KcsRowOptions = {}): Declaration {
  const errors: string[] = [];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) {
    const column = key.startsWith(BOM) ? key.slice(1) : key;
    if (!KNOWN_COLUMNS.has(column)) errors.push(`unknown column "${column}"`);
  }
  for (const column of KCS_INPUT_COLUMNS) {
    let raw = row[column];
    if (raw === undefined && column === 'Declaration ID') raw = row[BOM + column];
    if (raw === undefined) {
      errors.push(`missing column "${column}"`);
      continue;
    }
    if (typeof raw !== 'string') {
      errors.push(`${column} must be a string`);
      continue;
    }
    const field = KCS_COLUMN_FIELDS[column];
    if (NUMBER_COLUMNS.has(column)) {
      if (DECIMAL.test(raw)) out[field] = Number(raw);
      else errors.push(`${column} must be a number: ${raw === '' ? '(empty)' : JSON.stringify(raw)}`);
    } else if (NULLABLE_COLUMNS.has(column) && raw === '') {
      out[field] = null;
    } else {
      out[field] = raw;
    }
  }
  if (errors.length > 0) throw new KcsRowError(errors, options.rowNumber);
  const description = (options.nomenclature ?? HsNomenclature.default()).describe(out['hsCode'] as string);
  if (description !== null) out['goodsDescription'] = description;
  const result = validateDeclaration(out);
  if (!result.ok) throw new KcsRowError(result.errors, options.rowNumber);
  return result.value;
}
