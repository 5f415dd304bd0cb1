import { HttpErrorResponse } from '@angular/common/http';

/** An API failure ready to show next to a form: status and one or more messages. */
export interface ApiError {
  status: number;
  title: string;
  messages: string[];
  /** Every problem as `path: message` when the API names them (e.g. `POST /api/criteria`'s 400). */
  errors?: string[];
}

/**
 * Reads Nest's error body `{statusCode, message, error}` (`message` may be a string or an
 * array, e.g. one entry per invalid field) or a network failure into an `ApiError`.
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof HttpErrorResponse) {
    if (err.status === 0) return { status: 0, title: 'Network error', messages: ['The API did not answer. Is it running on port 3000?'] };
    const body: unknown = err.error;
    if (body && typeof body === 'object') {
      const b = body as { statusCode?: number; message?: unknown; error?: unknown; errors?: unknown };
      const raw = b.message;
      const messages = Array.isArray(raw) ? raw.map(String) : raw !== undefined ? [String(raw)] : [];
      const errors = Array.isArray(b.errors) ? b.errors.map(String) : undefined;
      return {
        status: b.statusCode ?? err.status,
        title: typeof b.error === 'string' ? b.error : err.statusText,
        messages: errors?.length ? errors : messages.length ? messages : [err.message],
        ...(errors ? { errors } : {}),
      };
    }
    return { status: err.status, title: err.statusText, messages: [typeof body === 'string' && body ? body : err.message] };
  }
  return { status: -1, title: 'Error', messages: [err instanceof Error ? err.message : String(err)] };
}
