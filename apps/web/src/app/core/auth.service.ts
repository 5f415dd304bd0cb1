import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable, tap } from 'rxjs';
import type { AuthUser, Role, TokenResponse } from './api.types';
import { LOGIN_URL, hasAnyRole, homePageFor, parseStoredSession, type Session } from './auth-session';

const STORAGE_KEY = 'customs-risk.session';

/**
 * The signed-in user and their bearer token. Kept in memory and in sessionStorage (so a
 * reload keeps the session, a closed tab forgets it); never in localStorage.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly session = signal<Session | null>(readStoredSession());

  /** The signed-in user, or null. */
  readonly user = computed(() => this.session()?.user ?? null);
  /** The bearer token to send, or null. */
  readonly token = computed(() => this.session()?.accessToken ?? null);
  readonly signedIn = computed(() => this.session() !== null);

  /** `POST /api/auth/token`; on success the session is stored. Errors are Nest's `{statusCode, message, error}`. */
  login(username: string, password: string): Observable<TokenResponse> {
    return this.http.post<TokenResponse>(LOGIN_URL, { username, password }).pipe(
      tap((res) => {
        const session: Session = { accessToken: res.accessToken, user: res.user };
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
        this.session.set(session);
      }),
    );
  }

  /** Forgets the token (the API keeps no server-side session to end). */
  logout(): void {
    sessionStorage.removeItem(STORAGE_KEY);
    this.session.set(null);
  }

  /** True when the signed-in user has one of these roles. */
  hasRole(...roles: Role[]): boolean {
    return hasAnyRole(this.user(), roles);
  }

  /** The page a user of this role starts on (see {@link homePageFor}). */
  homeFor(user: AuthUser | null): string {
    return homePageFor(user);
  }
}

function readStoredSession(): Session | null {
  try {
    return parseStoredSession(sessionStorage.getItem(STORAGE_KEY));
  } catch {
    // sessionStorage itself may be unavailable (privacy settings): no stored session then.
    return null;
  }
}
