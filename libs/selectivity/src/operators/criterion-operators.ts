import { Operator } from 'json-rules-engine';
import { FactType } from '../facts';
import { containsAnyKeywordOperator, validateKeywords } from './contains-any-keyword.operator';
import { hsStartsWithAnyOperator, validateHsPrefixes } from './hs-starts-with-any.operator';

/** Every operator a criterion condition may use, in display order. */
export const CRITERION_OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'hsStartsWithAny',
  'containsAnyKeyword',
  'greaterThan',
  'greaterThanInclusive',
  'lessThan',
  'lessThanInclusive',
] as const;

/** An operator name a criterion condition may use. */
export type CriterionOperator = (typeof CRITERION_OPERATORS)[number];

/** What an operator accepts: the fact types it applies to and a check of its condition value. */
export interface OperatorSpec {
  /** Fact value types the operator is meaningful for. */
  factTypes: readonly FactType[];
  /** Short human description for UIs and explanations, e.g. "starts with one of". */
  phrase: string;
  /** Returns an error message for a bad condition value, or `null` when it is acceptable. */
  validateValue(value: unknown, factType: FactType, factNullable: boolean): string | null;
}

/** Most values an `in` / `notIn` list may hold (a longer list belongs in a reference table, not a criterion). */
export const MAX_LIST_VALUES = 1000;
/** Longest string a condition may compare with, characters (codes and ids are far shorter). */
export const MAX_VALUE_LENGTH = 200;

function scalar(value: unknown, factType: FactType, nullable: boolean): string | null {
  if (value === null) return nullable ? null : 'null can never equal this fact';
  if (factType === 'number') return typeof value === 'number' && Number.isFinite(value) ? null : 'needs a finite number';
  if (typeof value !== 'string') return 'needs a string';
  return value.length <= MAX_VALUE_LENGTH ? null : `needs values of at most ${MAX_VALUE_LENGTH} characters`;
}

function list(value: unknown, factType: FactType, nullable: boolean): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'needs a non-empty array';
  if (value.length > MAX_LIST_VALUES) return `needs at most ${MAX_LIST_VALUES} values, got ${value.length}`;
  for (const item of value) {
    const err = scalar(item, factType, nullable);
    if (err) return `needs an array whose items each ${err.replace(/^needs /, 'are ')}`;
  }
  return null;
}

function finiteNumber(value: unknown): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? null : 'needs a finite number';
}

/**
 * Per-operator rules used by criterion validation. `equal`/`notEqual`/`in`/`notIn` and
 * the four numeric comparisons are json-rules-engine built-ins (numeric ones fail, not
 * throw, on a null or undefined fact); `hsStartsWithAny` and `containsAnyKeyword` are ours.
 */
export const OPERATOR_SPECS: Record<CriterionOperator, OperatorSpec> = {
  equal: { factTypes: ['string', 'number'], phrase: 'equals', validateValue: scalar },
  notEqual: { factTypes: ['string', 'number'], phrase: 'does not equal', validateValue: scalar },
  in: { factTypes: ['string', 'number'], phrase: 'is one of', validateValue: list },
  notIn: { factTypes: ['string', 'number'], phrase: 'is not one of', validateValue: list },
  hsStartsWithAny: { factTypes: ['string'], phrase: 'starts with one of', validateValue: validateHsPrefixes },
  containsAnyKeyword: { factTypes: ['string'], phrase: 'contains a keyword of', validateValue: validateKeywords },
  greaterThan: { factTypes: ['number'], phrase: '>', validateValue: finiteNumber },
  greaterThanInclusive: { factTypes: ['number'], phrase: '>=', validateValue: finiteNumber },
  lessThan: { factTypes: ['number'], phrase: '<', validateValue: finiteNumber },
  lessThanInclusive: { factTypes: ['number'], phrase: '<=', validateValue: finiteNumber },
};

/** The custom operators to add to every selectivity Engine (built-ins are already there). */
export function customOperators(): Operator[] {
  return [hsStartsWithAnyOperator(), containsAnyKeywordOperator()];
}
