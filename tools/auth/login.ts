/**
 * Logging in to the API's development identity provider, for the command-line tools.
 * `POST /api/auth/token {username, password}` -> `{ accessToken, tokenType, expiresIn, user }`.
 */

/** The demo service identity the ingest CLI uses by default (README, "Demo users"). */
export const DEFAULT_SERVICE_USER = { username: 'svc-ingest', password: 'svc-ingest-demo' };

/** What `POST /api/auth/token` answers. */
export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: { id: string; name: string; role: string; officeId: string | null };
}

/**
 * Logs in and returns the token response.
 * @param api base URL, e.g. `http://127.0.0.1:3000`
 * @throws Error with the API's message on a refused login (401), or when the API is unreachable.
 */
export async function login(api: string, username: string, password: string): Promise<LoginResponse> {
  let res: Response;
  try {
    res = await fetch(`${api}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  } catch (err) {
    throw new Error(`cannot reach the API at ${api} (${(err as Error).message}); is it running (npm start)?`);
  }
  const body = (await res.json().catch(() => ({}))) as Partial<LoginResponse> & { message?: unknown };
  if (res.status !== 200 || typeof body.accessToken !== 'string') {
    const why = res.status === 404 ? 'the API has no development identity provider (AUTH_DEV_IDP); pass API_TOKEN instead' : String(body.message ?? res.statusText);
    throw new Error(`login as ${username} at ${api} refused (HTTP ${res.status}): ${why}`);
  }
  return body as LoginResponse;
}
