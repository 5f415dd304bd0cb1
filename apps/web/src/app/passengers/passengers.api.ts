import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { PassengerDetail, PassengerQueue } from './passengers.types';

/**
 * Typed calls to the passenger API (`/api/passengers`). Every answer is masked (initials, the
 * document's last three characters, the year of birth) unless the caller is the passenger desk,
 * and every call is recorded in the audit trail by the API. Errors are Nest's
 * `{statusCode, message}`: 400 an analyst or auditor without `office` or a bad `limit`, 403 another
 * office's queue or passenger, 404 an unknown passenger.
 */
@Injectable({ providedIn: 'root' })
export class PassengersApi {
  private readonly http = inject(HttpClient);

  /**
   * `GET /api/passengers/queue`: the first `limit` (1..200) selected passengers with an open
   * inspection case, riskiest then earliest flight first; of the caller's own office, or of
   * `office` (analysts and auditors must name one).
   */
  queue(limit: number, office?: string | null): Observable<PassengerQueue> {
    let params = new HttpParams().set('limit', limit);
    if (office) params = params.set('office', office);
    return this.http.get<PassengerQueue>('/api/passengers/queue', { params });
  }

  /** `GET /api/passengers/:passengerId`: the APIS record, the PNR, every screening (oldest first) and the case. */
  detail(passengerId: string): Observable<PassengerDetail> {
    return this.http.get<PassengerDetail>(`/api/passengers/${encodeURIComponent(passengerId)}`);
  }
}
