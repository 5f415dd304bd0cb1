import { DECLARATION_FIELDS } from '@customs/domain/declaration';
import type { DecisionRecord } from '../core/api.types';

/** Units of the declaration's numeric fields, as i18n keys. */
const UNITS: Record<string, string> = { netMassKg: 'unit.kg', itemPriceKrw: 'unit.krw', taxRate: 'unit.percent' };

/** One row of the declaration table: the field's label key, its value as shown, and its unit's key. */
export interface DeclarationRow {
  labelKey: string;
  value: string;
  /** i18n key of the unit, or null. */
  unitKey: string | null;
  /** True when the declaration names no value (null): shown as the translated "none". */
  empty: boolean;
}

/**
 * The declaration of a decision record as labelled rows in the canonical field order (the KCS
 * column order, `DECLARATION_FIELDS`): the label is `field.<name>` in both languages, numbers get digit grouping
 * (en-US style, as both UIs show numbers) and their unit (kg, KRW, %), null is "none".
 */
export function declarationRows(declaration: DecisionRecord['declaration']): DeclarationRow[] {
  const values = declaration as unknown as Record<string, unknown>;
  // The canonical order, not the record's: PostgreSQL's jsonb keeps keys sorted by length.
  const fields = [...DECLARATION_FIELDS.filter((f) => f in values), ...Object.keys(values).filter((f) => !(DECLARATION_FIELDS as readonly string[]).includes(f))];
  return fields.map((field) => [field, values[field]] as const).map(([field, value]) => ({
    labelKey: `field.${field}`,
    value: value === null || value === undefined ? '' : typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 4 }) : String(value),
    unitKey: UNITS[field] ?? null,
    empty: value === null || value === undefined,
  }));
}
