/**
 * An HTTP client for the API that behaves as a well-made real client does under faults:
 * a refused connection, a reset socket, a timeout, a 5xx or a 429 is retried with exponential
 * back-off (100 ms doubling to 2 s) until `deadlineMs` has passed. Every other answer is
 * returned to the caller, who decides what a 4xx means. Logs in each demo user once; the API
 * under test signs with a fixed key, so a token outlives an API restart (a 401 logs in again).
 */
export class RetryingClient {
  private readonly tokens = new Map<string, string>();
  /** Attempts that failed transiently and were retried, per request kind (e.g. `POST /api/declarations/batch`). */
  readonly retries = new Map<string, number>();

  constructor(
    private readonly baseUrl: string,
    private readonly deadlineMs = 180_000,
    private readonly attemptTimeoutMs = 60_000,
  ) {}

  /** Total retried attempts over all request kinds. */
  get totalRetries(): number {
    return [...this.retries.values()].reduce((a, b) => a + b, 0);
  }

  /**
   * Sends one request as `username` (a demo user whose password is `<username>-demo`), retrying
   * transient failures.
   * @param kind the key under which retries are counted.
   * @param onRetry called before each re-send; returning a value ends the call with it instead
   *   (the caller found that the first attempt took effect after all).
   * @returns the final status and parsed JSON body (null when not JSON).
   * @throws Error when the deadline passes without a non-transient answer.
   */
  async send<T = unknown>(
    username: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    options: { kind?: string; onRetry?: () => Promise<{ status: number; body: T } | undefined> } = {},
  ): Promise<{ status: number; body: T; attempts: number }> {
    const kind = options.kind ?? `${method} ${path.replace(/\?.*$/, '')}`;
    const until = Date.now() + this.deadlineMs;
    let delay = 100;
    let lastProblem = '';
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) {
        this.retries.set(kind, (this.retries.get(kind) ?? 0) + 1);
        if (Date.now() > until) throw new Error(`${method} ${path}: still failing after ${this.deadlineMs / 1000} s (${lastProblem})`);
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 2000);
        const settled = options.onRetry ? await options.onRetry().catch(() => undefined) : undefined;
        if (settled) return { ...settled, attempts: attempt };
      }
      try {
        const token = await this.token(username);
        const res = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.attemptTimeoutMs),
        });
        const text = await res.text();
        if (res.status >= 500 || res.status === 429) {
          lastProblem = `HTTP ${res.status} ${text.slice(0, 200)}`;
          continue;
        }
        if (res.status === 401) {
          this.tokens.delete(username);
          lastProblem = 'HTTP 401';
          continue;
        }
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = null;
        }
        return { status: res.status, body: parsed as T, attempts: attempt };
      } catch (err) {
        lastProblem = describe(err);
      }
    }
  }

  private async token(username: string): Promise<string> {
    const known = this.tokens.get(username);
    if (known) return known;
    const res = await fetch(`${this.baseUrl}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: `${username}-demo` }),
      signal: AbortSignal.timeout(this.attemptTimeoutMs),
    });
    if (res.status !== 200) throw new Error(`login as ${username}: HTTP ${res.status}`);
    const { accessToken } = (await res.json()) as { accessToken: string };
    this.tokens.set(username, accessToken);
    return accessToken;
  }
}

function describe(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}
