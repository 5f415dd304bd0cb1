import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { Schema } from '@customs/api-contract';
import { queryParams } from '../core/query-params';
import type { AssessBody, CloseBody, DraftCriterionBody, DraftedCriterion, RiskCaseDetail, RiskCaseList, RiskCaseListQuery } from './risk-case.types';

/** `POST /api/risk-cases/:id/window` body. */
export type AdjustWindowBody = { action: 'EXTEND'; days: number } | { action: 'END' };

/** Typed calls to `/api/risk-cases` (answers typed in `risk-case.types.ts` until the contract names them). */
@Injectable({ providedIn: 'root' })
export class RiskCasesApi {
  private readonly http = inject(HttpClient);
  private url(id: string, tail = ''): string {
    return `/api/risk-cases/${encodeURIComponent(id)}${tail}`;
  }

  /** `GET /api/risk-cases`: newest first, filtered by status, risk area, desk and age, with counts per status (office-bound users: their office's cases). */
  list(query: RiskCaseListQuery): Observable<RiskCaseList> {
    return this.http.get<RiskCaseList>('/api/risk-cases', { params: new HttpParams({ fromObject: queryParams(query) }) });
  }

  /** `GET /api/risk-cases/:id` with reports and history. */
  get(id: string): Observable<RiskCaseDetail> {
    return this.http.get<RiskCaseDetail>(this.url(id));
  }

  /** `POST /api/risk-cases/:id/assess` (IDENTIFIED only; 409 otherwise). */
  assess(id: string, body: AssessBody): Observable<unknown> {
    return this.http.post(this.url(id, '/assess'), body);
  }

  /** `POST /api/risk-cases/:id/criteria`: a version prefilled from the case, awaiting approval. */
  draftCriterion(id: string, body: DraftCriterionBody): Observable<DraftedCriterion> {
    return this.http.post<DraftedCriterion>(this.url(id, '/criteria'), body);
  }

  /** `POST /api/risk-cases/:id/criteria/:criterionId/retire`: a RETIRED version, awaiting approval. */
  retire(id: string, criterionId: string): Observable<DraftedCriterion> {
    return this.http.post<DraftedCriterion>(this.url(id, `/criteria/${encodeURIComponent(criterionId)}/retire`), null);
  }

  /** `POST /api/risk-cases/:id/window`: extend by `days`, or end now. */
  adjustWindow(id: string, body: AdjustWindowBody & Schema<'AdjustWindowDto'>): Observable<unknown> {
    return this.http.post(this.url(id, '/window'), body);
  }

  /** `POST /api/risk-cases/:id/close` (FEEDBACK only). */
  close(id: string, body: CloseBody): Observable<unknown> {
    return this.http.post(this.url(id, '/close'), body);
  }
}
