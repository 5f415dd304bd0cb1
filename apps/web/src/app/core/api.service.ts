import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  BacktestDraftBody,
  BulkAssignment,
  CaseDetail,
  CriteriaOverlaps,
  CriterionBacktestResult,
  OfficeOfficers,
  CaseList,
  CaseQuery,
  CriteriaList,
  CriteriaMeta,
  CriteriaStats,
  CriterionHistory,
  CriterionInput,
  DecisionRecord,
  InspectionCase,
  LaneStats,
  ModelComparison,
  ModelEvent,
  OpenCasesOffice,
  RecordResultBody,
  RegisteredModel,
  ReplayResult,
  ReviewedCriterion,
  RiskAlertAcknowledgement,
  RiskAlertList,
} from './api.types';
import { queryParams } from './query-params';

/** Typed calls to the customs API (`/api`, proxied to :3000 in development). */
@Injectable({ providedIn: 'root' })
export class ApiService {
  private readonly http = inject(HttpClient);

  /** `GET /api/cases`: an office's queue, riskiest first, then oldest. */
  listCases(query: CaseQuery): Observable<CaseList> {
    return this.http.get<CaseList>('/api/cases', { params: new HttpParams({ fromObject: queryParams(query) }) });
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

  /** `GET /api/criteria/:id`: every stored version of one criterion (404 when unknown). */
  criterionHistory(id: string): Observable<CriterionHistory> {
    return this.http.get<CriterionHistory>(`/api/criteria/${encodeURIComponent(id)}`);
  }

  /** `GET /api/criteria/meta`: facts (type, unit), operators, risk areas, default validity. */
  criteriaMeta(): Observable<CriteriaMeta> {
    return this.http.get<CriteriaMeta>('/api/criteria/meta');
  }

  /** `POST /api/criteria`: a new version, awaiting approval. 400 carries `errors: ["path: problem"]`. */
  createCriterion(body: CriterionInput): Observable<ReviewedCriterion> {
    return this.http.post<ReviewedCriterion>('/api/criteria', body);
  }

  /** `POST /api/criteria/:id/versions/:version/approve` (maker-checker). */
  approveCriterion(id: string, version: number): Observable<ReviewedCriterion> {
    return this.http.post<ReviewedCriterion>(`/api/criteria/${encodeURIComponent(id)}/versions/${version}/approve`, null);
  }

  /** `GET /api/stats/lanes`: lane counts by acceptance date (inclusive `YYYY-MM-DD` bounds). */
  laneStats(query: { from?: string; to?: string; officeId?: string }): Observable<LaneStats> {
    return this.http.get<LaneStats>('/api/stats/lanes', { params: new HttpParams({ fromObject: queryParams(query) }) });
  }

  /** `GET /api/stats/open-cases`. */
  openCases(): Observable<{ offices: OpenCasesOffice[] }> {
    return this.http.get<{ offices: OpenCasesOffice[] }>('/api/stats/open-cases');
  }

  /** `GET /api/stats/criteria`: hit rate and verdicts per criterion, with the control sample. */
  criteriaStats(): Observable<CriteriaStats> {
    return this.http.get<CriteriaStats>('/api/stats/criteria');
  }

  /** `GET /api/declarations/:id/replay`: re-derives the decision and compares. */
  replay(declarationId: string): Observable<ReplayResult> {
    return this.http.get<ReplayResult>(`/api/declarations/${encodeURIComponent(declarationId)}/replay`);
  }

  /** `GET /api/models`: registered model versions with role and validation figures. */
  listModels(): Observable<{ models: RegisteredModel[] }> {
    return this.http.get<{ models: RegisteredModel[] }>('/api/models');
  }

  /** `GET /api/models/events`: registrations, promotions and demotions, newest first. */
  modelEvents(): Observable<{ events: ModelEvent[] }> {
    return this.http.get<{ events: ModelEvent[] }>('/api/models/events');
  }

  /** `GET /api/models/compare`: champion vs challengers on the inspected declarations (`YYYY-MM-DD` bounds). */
  compareModels(query: { from?: string; to?: string }): Observable<ModelComparison> {
    return this.http.get<ModelComparison>('/api/models/compare', { params: new HttpParams({ fromObject: queryParams(query) }) });
  }

  /** `POST /api/models/:version/promote` (analysts): 400 bad reason, 404 unknown, 409 already champion or retired. */
  promoteModel(version: string, reason: string): Observable<{ models: RegisteredModel[] }> {
    return this.http.post<{ models: RegisteredModel[] }>(`/api/models/${encodeURIComponent(version)}/promote`, { reason });
  }

  /** `GET /api/criteria/approvals`: versions waiting for the signed-in checker, oldest first. */
  approvals(): Observable<CriteriaList> {
    return this.http.get<CriteriaList>('/api/criteria/approvals');
  }

  /** `POST /api/criteria/backtest`: what a draft would have selected (default: the last 28 days); 400 names every problem. */
  backtestDraft(body: BacktestDraftBody): Observable<CriterionBacktestResult> {
    return this.http.post<CriterionBacktestResult>('/api/criteria/backtest', body);
  }

  /**
   * `GET /api/criteria/:id/versions/:version/backtest`: the same for a stored version, over
   * `period` (`YYYY-MM-DD` bounds, inclusive; default the last 28 days).
   */
  backtestVersion(id: string, version: number, period: { from?: string; to?: string } = {}): Observable<CriterionBacktestResult> {
    return this.http.get<CriterionBacktestResult>(`/api/criteria/${encodeURIComponent(id)}/versions/${version}/backtest`, {
      params: new HttpParams({ fromObject: queryParams(period) }),
    });
  }

  /** `GET /api/criteria/overlaps`: central and local criteria selecting mostly the same declarations. */
  criteriaOverlaps(): Observable<CriteriaOverlaps> {
    return this.http.get<CriteriaOverlaps>('/api/criteria/overlaps');
  }

  /** `GET /api/offices/:officeId/officers`. */
  officers(officeId: string): Observable<OfficeOfficers> {
    return this.http.get<OfficeOfficers>(`/api/offices/${encodeURIComponent(officeId)}/officers`);
  }

  /** `POST /api/cases/assign` (supervisors): each case assigned or refused on its own. */
  bulkAssign(caseIds: string[], officerId: string): Observable<BulkAssignment> {
    return this.http.post<BulkAssignment>('/api/cases/assign', { caseIds, officerId });
  }

  /** `GET /api/risk-alerts` (officers and supervisors): risk cases shared with their office, most recently shared first. */
  riskAlerts(): Observable<RiskAlertList> {
    return this.http.get<RiskAlertList>('/api/risk-alerts');
  }

  /** `POST /api/risk-alerts/:riskCaseId/acknowledge`: idempotent, answers the first acknowledgement's time. */
  acknowledgeRiskAlert(riskCaseId: string): Observable<RiskAlertAcknowledgement> {
    return this.http.post<RiskAlertAcknowledgement>(`/api/risk-alerts/${encodeURIComponent(riskCaseId)}/acknowledge`, {});
  }
}
