/**
 * POSTs JSON to the API, retrying network errors and the answers `retryable` names (default:
 * 5xx) with exponential back-off (400 ms, 800 ms, ... at most 10 s between attempts).
 * @param url full URL, e.g. `http://127.0.0.1:3000/api/declarations/batch`
 * @param authorization the `Authorization` header value, e.g. `Bearer <token>`
 * @returns the first answer that is not retried (any status).
 * @throws Error naming the URL and the last error after `attempts` tries.
 */
export async function postWithRetry(
  url: string,
  body: unknown,
  authorization: string,
  { attempts = 8, retryable = (status: number) => status >= 500 }: { attempts?: number; retryable?: (status: number) => boolean } = {},
): Promise<Response> {
  const payload = JSON.stringify(body);
  let lastError = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: payload });
      if (!retryable(res.status)) return res;
      lastError = `HTTP ${res.status}: ${await res.text()}`;
    } catch (err) {
      lastError = (err as Error).message;
    }
    if (attempt < attempts) await new Promise((r) => setTimeout(r, Math.min(200 * 2 ** attempt, 10_000)));
  }
  throw new Error(`${url} failed ${attempts} times; last error: ${lastError}`);
}
