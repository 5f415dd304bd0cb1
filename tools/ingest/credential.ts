import { DEFAULT_SERVICE_USER, login } from '../auth/login';

/**
 * The bearer credential of an ingest run: the fixed token in `API_TOKEN`, else a login as the
 * service identity `INGEST_USERNAME` / `INGEST_PASSWORD` (default: the demo user `svc-ingest`),
 * which can be renewed once it expires.
 */
export class Credential {
  private token: string | null = process.env.API_TOKEN || null;
  private readonly renewable = !process.env.API_TOKEN;

  /** @param api base URL of the API, e.g. `http://127.0.0.1:3000`. */
  constructor(private readonly api: string) {}

  /**
   * The `Authorization` header value, `Bearer <token>`, logging in first when there is no token.
   * @throws Error when the API is unreachable or refuses the login (see `login`).
   */
  async header(): Promise<string> {
    this.token ??= (await login(this.api, process.env.INGEST_USERNAME || DEFAULT_SERVICE_USER.username, process.env.INGEST_PASSWORD || DEFAULT_SERVICE_USER.password)).accessToken;
    return `Bearer ${this.token}`;
  }

  /** Drops an expired token; false when it cannot be renewed (a fixed `API_TOKEN`). */
  renew(): boolean {
    if (!this.renewable) return false;
    this.token = null;
    return true;
  }
}
