import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable, tap } from 'rxjs';
import type { AuthUser, Role, TokenResponse } from './api.types';

const STORAGE_KEY = 'customs-risk.session';

interface Session {
  accessToken: string;
  user: AuthUser;
}

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
    return this.http.post<TokenResponse>('/api/auth/token', { username, password }).pipe(
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
    const user = this.user();
    return user !== null && roles.includes(user.role);
  }

  /** The page a user of this role starts on. */
  homeFor(user: AuthUser | null): string {
    switch (user?.role) {
      case 'local_officer':
      case 'supervisor':
        return '/queue';
      case 'cbtc_analyst':
        return '/criteria';
      case 'auditor':
        return '/audit';
      default:
        return '/login';
    }
  }
}

function readStoredSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    return typeof parsed.accessToken === 'string' && parsed.user ? (parsed as Session) : null;
  } catch {
    return null;
  }
}
