import { HttpErrorResponse } from '@angular/common/http';

/** An API failure ready to show next to a form: status and one or more messages. */
export interface ApiError {
  status: number;
  title: string;
  messages: string[];
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
      return {
        status: b.statusCode ?? err.status,
        title: typeof b.error === 'string' ? b.error : err.statusText,
        messages: messages.length ? messages : [err.message],
      };
    }
    return { status: err.status, title: err.statusText, messages: [typeof body === 'string' && body ? body : err.message] };
  }
  return { status: -1, title: 'Error', messages: [err instanceof Error ? err.message : String(err)] };
}
