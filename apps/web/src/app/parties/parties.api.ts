import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { PartyView } from './party.types';

/**
 * Typed calls to the party network API (`/api/parties`). Errors are Nest's
 * `{statusCode, message}`: 400 a malformed key or date, 403 an officer, 404 a party on no declaration.
 */
@Injectable({ providedIn: 'root' })
export class PartiesApi {
  private readonly http = inject(HttpClient);

  /** `GET /api/parties/:partyKey?asOf=`: the party as of `asOf` (YYYY-MM-DD; the API's default today when null). */
  party(partyKey: string, asOf: string | null): Observable<PartyView> {
    const params = asOf ? new HttpParams().set('asOf', asOf) : undefined;
    return this.http.get<PartyView>(`/api/parties/${encodeURIComponent(partyKey)}`, { params });
  }
}
