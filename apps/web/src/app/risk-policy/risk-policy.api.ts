import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { PreviewRiskPolicyBody, PutRiskPolicyBody, RiskPolicyHistory, RiskPolicyPreview, RiskPolicyView, RiskPolicyWrite } from './risk-policy.types';

/**
 * Typed calls to `/api/offices/:officeId/risk-policy`. Errors are Nest's `{statusCode, message}`:
 * 400 an absurd figure (named), 403 another office or a role that may not, 404 an unknown office,
 * 409 expectedDailyDeclarations omitted while the office has less than 28 days of decisions.
 */
@Injectable({ providedIn: 'root' })
export class RiskPolicyApi {
  private readonly http = inject(HttpClient);

  private url(officeId: string, rest = ''): string {
    return `/api/offices/${encodeURIComponent(officeId)}/risk-policy${rest}`;
  }

  /** `GET`: the policy in force and its derived cut-offs. */
  get(officeId: string): Observable<RiskPolicyView> {
    return this.http.get<RiskPolicyView>(this.url(officeId));
  }

  /** `GET .../history`: every version, newest first. */
  history(officeId: string): Observable<RiskPolicyHistory> {
    return this.http.get<RiskPolicyHistory>(this.url(officeId, '/history'));
  }

  /** `POST .../preview`: the last 28 days decided again under the current and the proposed figures; writes nothing. */
  preview(officeId: string, body: PreviewRiskPolicyBody): Observable<RiskPolicyPreview> {
    return this.http.post<RiskPolicyPreview>(this.url(officeId, '/preview'), body);
  }

  /** `PUT`: a new audited version (201), or nothing when figures and reason repeat the newest (200, `created: false`). */
  put(officeId: string, body: PutRiskPolicyBody): Observable<RiskPolicyWrite> {
    return this.http.put<RiskPolicyWrite>(this.url(officeId), body);
  }
}
