import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { XrayDecision, XrayInterpretation, XrayQueue, XrayQueueState } from './xray.types';

/**
 * Typed calls to the express X-ray API (`/api/express`). Errors are Nest's `{statusCode, message}`:
 * 403 another centre's queue or waybill, 404 an unknown waybill, 409 a different final decision
 * already recorded or RELEASE of an item selected for intrusive inspection.
 */
@Injectable({ providedIn: 'root' })
export class XrayApi {
  private readonly http = inject(HttpClient);

  /**
   * `GET /api/express/xray-queue`: the first `limit` (1..100) items of one list of the caller's
   * centre (or `centre`), in conveyor order, with both lists' sizes.
   */
  queue(state: XrayQueueState, limit: number, centre?: string): Observable<XrayQueue> {
    let params = new HttpParams().set('state', state).set('limit', limit);
    if (centre) params = params.set('centre', centre);
    return this.http.get<XrayQueue>('/api/express/xray-queue', { params });
  }

  /** `POST /api/express/waybills/:waybillNumber/interpretation`: 201 recorded, 200 the same final decision again. */
  interpret(waybillNumber: string, decision: XrayDecision, note?: string): Observable<XrayInterpretation> {
    return this.http.post<XrayInterpretation>(`/api/express/waybills/${encodeURIComponent(waybillNumber)}/interpretation`, note ? { decision, note } : { decision });
  }
}
