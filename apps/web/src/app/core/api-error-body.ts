/** An API failure ready to show next to a form: status and one or more messages. */
export interface ApiError {
  /** HTTP status; 0 when the API did not answer, -1 for a failure that is not an HTTP one. */
  status: number;
  title: string;
  messages: string[];
  /** Every problem as `path: message` when the API names them (e.g. `POST /api/criteria`'s 400). */
  errors?: string[];
}

/** What an HTTP failure carries (the fields of Angular's `HttpErrorResponse` read here). */
export interface HttpFailure {
  status: number;
  statusText: string;
  /** Angular's own one-line description, e.g. "Http failure response for /api/x: 404 Not Found". */
  message: string;
  /** The response body: Nest's JSON error object, a text, or null. */
  error: unknown;
}

/**
 * Reads an HTTP failure into an `ApiError`: status 0 is "the API did not answer"; a JSON body
 * is Nest's `{statusCode, message, error, errors?}` (`message` a string or an array, one entry
 * per invalid field; `errors` the `path: problem` list, shown in preference to `message`); a
 * text body is the message; otherwise Angular's own message.
 */
export function apiErrorOfResponse(res: HttpFailure): ApiError {
  if (res.status === 0) return { status: 0, title: 'Network error', messages: ['The API did not answer. Is it running on port 3000?'] };
  const body = res.error;
  if (body && typeof body === 'object') {
    const b = body as { statusCode?: number; message?: unknown; error?: unknown; errors?: unknown };
    const raw = b.message;
    const messages = Array.isArray(raw) ? raw.map(String) : raw !== undefined ? [String(raw)] : [];
    const errors = Array.isArray(b.errors) ? b.errors.map(String) : undefined;
    return {
      status: b.statusCode ?? res.status,
      title: typeof b.error === 'string' ? b.error : res.statusText,
      messages: errors?.length ? errors : messages.length ? messages : [res.message],
      ...(errors ? { errors } : {}),
    };
  }
  return { status: res.status, title: res.statusText, messages: [typeof body === 'string' && body ? body : res.message] };
}

/** Anything thrown that is not an HTTP failure, as an `ApiError` of status -1 with the error's message. */
export function apiErrorOfThrown(err: unknown): ApiError {
  return { status: -1, title: 'Error', messages: [err instanceof Error ? err.message : String(err)] };
}

/** The heading of an error box: "404 Not Found", or the title alone when there was no HTTP status ("Network error"). */
export function apiErrorHeading(e: ApiError): string {
  return `${e.status > 0 ? e.status + ' ' : ''}${e.title}`;
}
