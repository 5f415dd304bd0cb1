import { type AuthUser, type Role } from './api.types';

/** What the browser keeps of a sign-in (sessionStorage): the bearer token and who it is for. */
export interface Session {
  accessToken: string;
  user: AuthUser;
}

/**
 * The session stored as JSON by a previous sign-in, or null when there is none or it is not
 * usable (not JSON, no string `accessToken`, no `user`). Never throws.
 */
export function parseStoredSession(raw: string | null): Session | null {
  try {
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    return typeof parsed.accessToken === 'string' && parsed.user ? (parsed as Session) : null;
  } catch {
    return null;
  }
}

/** True when `user` is signed in and has one of `roles`. */
export function hasAnyRole(user: AuthUser | null, roles: readonly Role[]): boolean {
  return user !== null && roles.includes(user.role);
}

/**
 * The page a user starts on: the queue for officers and supervisors, the criteria for
 * analysts, the decision lookup for auditors, the arrival hall for the passenger desk; `/login`
 * for anyone else (the `service` role has no pages) and when signed out.
 */
export function homePageFor(user: AuthUser | null): string {
  switch (user?.role) {
    case 'local_officer':
    case 'supervisor':
      return '/queue';
    case 'cbtc_analyst':
      return '/criteria';
    case 'auditor':
      return '/audit';
    case 'passenger_desk':
      return '/passengers';
    default:
      return '/login';
  }
}

/** The sign-in call; it neither carries a bearer token nor ends the session on a 401 (that is a wrong password). */
export const LOGIN_URL = '/api/auth/token';

/** The `Authorization` header value for a request to `url`: `Bearer <token>` for API calls but the sign-in, else null. */
export function bearerHeader(url: string, token: string | null): string | null {
  return url.startsWith('/api/') && url !== LOGIN_URL && token ? `Bearer ${token}` : null;
}

/**
 * True when a failed request means the session is over (token expired or refused): a 401 from
 * any API call but the sign-in itself. The app then forgets the token and shows the login
 * with `?expired=1`. The token's lifetime is judged by the API alone; the browser does not read it.
 */
export function endsSession(url: string, status: number): boolean {
  return status === 401 && url.startsWith('/api/') && url !== LOGIN_URL;
}

/**
 * Whether `user` may open a page for `roles` (any signed-in user when `roles` is empty): true,
 * or where to send them instead: `/login` when signed out, else their own start page
 * ({@link homePageFor}).
 */
export function pageAccess(user: AuthUser | null, roles: readonly Role[]): true | string {
  if (!user) return '/login';
  if (roles.length > 0 && !hasAnyRole(user, roles)) return homePageFor(user);
  return true;
}
