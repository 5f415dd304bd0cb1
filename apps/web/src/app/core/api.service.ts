import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  CaseDetail,
  CaseList,
  CaseStatus,
  CriteriaList,
  DecisionRecord,
  InspectionCase,
  Lane,
  RecordResultBody,
} from './api.types';

/** Queue filters; empty values are left out of the query string. */
export interface CaseQuery {
  officeId?: string | null;
  status?: CaseStatus | '' | null;
  lane?: Lane | '' | null;
  assigneeId?: string | null;
  limit?: number;
  offset?: number;
}

/** Typed calls to the customs API (`/api`, proxied to :3000 in development). */
@Injectable({ providedIn: 'root' })
export class ApiService {
  private readonly http = inject(HttpClient);

  /** `GET /api/cases`: an office's queue, riskiest first, then oldest. */
  listCases(query: CaseQuery): Observable<CaseList> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<CaseList>('/api/cases', { params });
  }

  /** `GET /api/cases/:id` with its event history. */
  getCase(caseId: string): Observable<CaseDetail> {
    return this.http.get<CaseDetail>(`/api/cases/${encodeURIComponent(caseId)}`);
  }

  /** `POST /api/cases/:id/assign`. */
  assign(caseId: string, officerId: string): Observable<InspectionCase> {
    return this.http.post<InspectionCase>(`/api/cases/${encodeURIComponent(caseId)}/assign`, { officerId });
  }

  /** `POST /api/cases/:id/result`: outcome, findings, one verdict per fired criterion. */
  recordResult(caseId: string, body: RecordResultBody): Observable<InspectionCase> {
    return this.http.post<InspectionCase>(`/api/cases/${encodeURIComponent(caseId)}/result`, body);
  }

  /** `POST /api/cases/:id/close`. */
  close(caseId: string): Observable<InspectionCase> {
    return this.http.post<InspectionCase>(`/api/cases/${encodeURIComponent(caseId)}/close`, {});
  }

  /** `GET /api/declarations/:id/selection`: the decision record. */
  selection(declarationId: string): Observable<DecisionRecord> {
    return this.http.get<DecisionRecord>(`/api/declarations/${encodeURIComponent(declarationId)}/selection`);
  }

  /** `GET /api/criteria`: newest version of every criterion. */
  listCriteria(): Observable<CriteriaList> {
    return this.http.get<CriteriaList>('/api/criteria');
  }
}
