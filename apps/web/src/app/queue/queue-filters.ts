import type { AuthUser, CaseQuery, CaseStatus, Lane } from '../core/api.types';

/** The queue's filters and page, as the page holds them (`''` = all). */
export interface QueueFilters {
  officeId: string;
  status: CaseStatus | '';
  lane: Lane | '';
  /** Zero-based page number. */
  pageIndex: number;
  /** Rows per page. */
  pageSize: number;
  /** Server-side order (`''`: the API's default, riskiest first). */
  sort?: QueueSortKey | '';
  /** Only the escalated cases (queued past their SLA). */
  escalatedOnly?: boolean;
}

/** Orders the API sorts the queue by: risk score, age (oldest first), SLA due date (soonest first). */
export type QueueSortKey = NonNullable<CaseQuery['sort']> & string;
export const QUEUE_SORTS: readonly Exclude<QueueSortKey, ''>[] = ['score', 'age', 'due'];

/** Page sizes offered under the table; the first page shows {@link DEFAULT_PAGE_SIZE} rows. */
export const PAGE_SIZES: readonly number[] = [25, 50, 100];
/** Rows per page until the user picks another size. */
export const DEFAULT_PAGE_SIZE = 50;

/** The filters a user starts with: their own office (none for auditors), queued cases, every lane, first page. */
export function initialQueueFilters(user: AuthUser | null): QueueFilters {
  return { officeId: user?.officeId ?? '', status: 'QUEUED', lane: '', pageIndex: 0, pageSize: DEFAULT_PAGE_SIZE };
}

/**
 * The `GET /api/cases` query for the filters: office, status and lane as chosen (empty ones
 * are left out of the URL by `queryParams`), `limit` = page size and `offset` = page index x
 * page size (rows), the server-side `sort` and `escalated=true` when chosen.
 */
export function caseListQuery(f: QueueFilters): CaseQuery {
  return {
    officeId: f.officeId, status: f.status, lane: f.lane, limit: f.pageSize, offset: f.pageIndex * f.pageSize,
    ...(f.sort ? { sort: f.sort } : {}),
    ...(f.escalatedOnly ? { escalated: 'true' as const } : {}),
  };
}

/** The query counting the escalated cases under the same office, status and lane (one row; its `total` is the count). */
export function escalatedCountQuery(f: QueueFilters): CaseQuery {
  return { officeId: f.officeId, status: f.status, lane: f.lane, escalated: 'true', limit: 1, offset: 0 };
}

/** Officers and supervisors are bound to their office; users without one (auditors) may type any office. */
export function canPickOffice(user: AuthUser | null): boolean {
  return !user?.officeId;
}

/** Only local officers take a queued case themselves ("Assign to me"); supervisors assign from the case page. */
export function canAssignSelf(user: AuthUser | null): boolean {
  return user?.role === 'local_officer';
}
