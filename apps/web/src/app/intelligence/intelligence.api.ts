import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { queryParams } from '../core/query-params';
import type { Attachment, AttachmentAdded, InboxQuery, IntakeResult, IntelligenceBody, IntelligenceInbox } from './intelligence.types';

/** Typed calls to `/api/intelligence`. */
@Injectable({ providedIn: 'root' })
export class IntelligenceApi {
  private readonly http = inject(HttpClient);

  /** `GET /api/intelligence`: a desk's inbox, newest first (officers and supervisors: reports whose case reaches their office). */
  inbox(query: InboxQuery): Observable<IntelligenceInbox> {
    return this.http.get<IntelligenceInbox>('/api/intelligence', { params: new HttpParams({ fromObject: queryParams(query) }) });
  }

  /** `POST /api/intelligence`: routes the report and opens (or links to) its risk case. */
  register(body: IntelligenceBody): Observable<IntakeResult> {
    return this.http.post<IntakeResult>('/api/intelligence', body);
  }

  /** `POST /api/intelligence/:id/attachments` (multipart field `file`): 413 too large, 415 not PDF/PNG/JPEG/text. */
  attach(reportId: string, file: File): Observable<AttachmentAdded> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<AttachmentAdded>(`/api/intelligence/${encodeURIComponent(reportId)}/attachments`, form);
  }

  /** `GET /api/intelligence/:id/attachments`, oldest first. */
  attachments(reportId: string): Observable<{ attachments: Attachment[] }> {
    return this.http.get<{ attachments: Attachment[] }>(`/api/intelligence/${encodeURIComponent(reportId)}/attachments`);
  }
}
