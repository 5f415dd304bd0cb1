import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorOfResponse, apiErrorOfThrown, type ApiError } from './api-error-body';

export type { ApiError } from './api-error-body';

/**
 * Reads Nest's error body `{statusCode, message, error}` (`message` may be a string or an
 * array, e.g. one entry per invalid field) or a network failure into an `ApiError`
 * (see {@link apiErrorOfResponse}); anything else thrown keeps its message (status -1).
 */
export function toApiError(err: unknown): ApiError {
  return err instanceof HttpErrorResponse ? apiErrorOfResponse(err) : apiErrorOfThrown(err);
}
