import { ApplicationFailure } from '@temporalio/workflow';
import { ILLEGAL_TRANSITION, INVALID_CASE_INPUT } from '../inspection-case/inspection-case.messages';

/**
 * Failures thrown by update validators of every case workflow. The API maps
 * `IllegalTransition` to 409 and `InvalidCaseInput` to 422. Deterministic: no I/O.
 */

/** The case is in the wrong state for this update. */
export function illegal(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: ILLEGAL_TRANSITION, message, nonRetryable: true });
}

/** The update's input does not fit this case. */
export function invalid(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: INVALID_CASE_INPUT, message, nonRetryable: true });
}

/** @throws an `invalid` failure unless `value` is a non-blank text of at most `max` characters. */
export function requireText(field: string, value: unknown, max: number): void {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw invalid(`${field} must be a non-empty text of at most ${max} characters`);
  }
}
