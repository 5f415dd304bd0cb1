import { KCS_COLUMN_FIELDS, KCS_COLUMNS, KCS_EXPORT_COLUMNS, KCS_INPUT_COLUMNS, type Declaration } from '@customs/domain';
import type { InspectionLabels } from '@customs/selectivity';
import type { SelectionBasis } from '@customs/decision';

/** Header of the training export: the 22 KCS columns (inputs, then Fraud and Critical Fraud), then `Selection Basis` (why it was inspected). */
export const TRAINING_COLUMNS: readonly string[] = [...KCS_COLUMNS, ...KCS_EXPORT_COLUMNS];

export { FRAUD_OUTCOMES, PUBLIC_SAFETY_RISK_AREAS, inspectionLabels as trainingLabels, type InspectionResultInput, type InspectionLabels as TrainingLabels } from '@customs/selectivity';

/** `Selection Basis` cell: the deciding basis first, then the other reasons, joined by `|` (e.g. `CRITERION|CONTROL`). */
export function selectionBasisCell(decidedBy: SelectionBasis | null, reasons: readonly SelectionBasis[]): string {
  const ordered = decidedBy ? [decidedBy, ...reasons.filter((r) => r !== decidedBy)] : [...reasons];
  return ordered.join('|');
}

/**
 * One CSV row in TRAINING_COLUMNS order: the declaration snapshot in KCS layout (null seller or
 * courier -> empty; numbers as JavaScript prints them, which the KCS reader parses back exactly),
 * the labels, and the selection basis.
 */
export function trainingRow(declaration: Declaration, labels: InspectionLabels, basis: string): string[] {
  const cells = KCS_INPUT_COLUMNS.map((column) => {
    const value = declaration[KCS_COLUMN_FIELDS[column]];
    return value === null || value === undefined ? '' : String(value);
  });
  return [...cells, String(labels.fraud), String(labels.criticalFraud), basis];
}
