import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { AuditEntry, Page } from '@pointage/contracts';
import { Observable } from 'rxjs';

/** Filters of the log, sent as they are ('' or null: none). */
export interface AuditFilters {
  action: string;
  search: string;
  /** 'YYYY-MM-DD' */
  from: string | null;
  to: string | null;
}

export const NO_AUDIT_FILTERS: AuditFilters = { action: '', search: '', from: null, to: null };

/** One page of the log asked for (`page` starts at 1). */
export interface AuditQuery {
  page: number;
  pageSize: number;
  /** The super-admin's filter on a structure; null: all. */
  structureId: number | null;
  filters: AuditFilters;
}

/** The query string of a page of the log: empty filters left out. */
export function auditQueryParams(q: AuditQuery): HttpParams {
  let params = new HttpParams().set('page', q.page).set('pageSize', q.pageSize);
  if (q.structureId !== null) params = params.set('structureId', q.structureId);
  const f = q.filters;
  if (f.action) params = params.set('action', f.action);
  if (f.search.trim()) params = params.set('search', f.search.trim());
  if (f.from) params = params.set('from', f.from);
  if (f.to) params = params.set('to', f.to);
  return params;
}

/** The audit logs: the structure's (`AUDIT_ROUTES.structureLog`) and the super-admin's. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  /** A page of the log at `endpoint` (the route of the host page's log). */
  page(endpoint: string, q: AuditQuery): Observable<Page<AuditEntry>> {
    return this.http.get<Page<AuditEntry>>(endpoint, { params: auditQueryParams(q) });
  }
}
