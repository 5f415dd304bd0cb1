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
 * The declaration of a decision record as labelled rows, in the record's field order (the KCS
 * column order): the label is `field.<name>` in both languages, numbers get digit grouping
 * (en-US style, as both UIs show numbers) and their unit (kg, KRW, %), null is "none".
 */
export function declarationRows(declaration: DecisionRecord['declaration']): DeclarationRow[] {
  return Object.entries(declaration as unknown as Record<string, unknown>).map(([field, value]) => ({
    labelKey: `field.${field}`,
    value: value === null || value === undefined ? '' : typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 4 }) : String(value),
    unitKey: UNITS[field] ?? null,
    empty: value === null || value === undefined,
  }));
}
