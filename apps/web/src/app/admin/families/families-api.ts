import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AnonymiseFamilyRequest,
  CreateFamilyRequest,
  CreateFamilyResponse,
  FAMILY_ROUTES,
  FamilyDetail,
  FamilyQuery,
  FamilySummary,
  MemberDto,
  Page,
  ReferenceLists,
  ReferenceOptions,
  SETTINGS_ROUTES,
  UpdateFamilyRequest,
} from '@pointage/contracts';
import { catchError, forkJoin, map, Observable, of } from 'rxjs';
import { RefCatalog } from '../../core/reference';
import type { StatsChange } from '../../shared/members/member-form';
import { MemberEndpoints } from '../../shared/members/member-editor';

export type FamilyPatch = UpdateFamilyRequest & { statsChange?: StatsChange };

/** The query string of the families table: empty search left out. */
export function familyQueryParams(q: FamilyQuery): HttpParams {
  let params = new HttpParams();
  const search = q.search?.trim();
  if (search) params = params.set('search', search);
  if (q.sort) params = params.set('sort', q.sort);
  if (q.order) params = params.set('order', q.order);
  if (q.page) params = params.set('page', q.page);
  if (q.pageSize) params = params.set('pageSize', q.pageSize);
  if (q.archived) params = params.set('archived', q.archived);
  return params;
}

export const ADMIN_MEMBER_ENDPOINTS = (familyId: number): MemberEndpoints => ({
  create: FAMILY_ROUTES.familyMembers(familyId),
  update: (id) => FAMILY_ROUTES.member(id),
});

/** Families and members of the back office. */
@Injectable({ providedIn: 'root' })
export class FamiliesApi {
  private readonly http = inject(HttpClient);

  list(q: FamilyQuery): Observable<Page<FamilySummary>> {
    return this.http.get<Page<FamilySummary>>(FAMILY_ROUTES.families, { params: familyQueryParams(q) });
  }

  get(id: number): Observable<FamilyDetail> {
    return this.http.get<FamilyDetail>(FAMILY_ROUTES.family(id));
  }

  create(body: CreateFamilyRequest): Observable<CreateFamilyResponse> {
    return this.http.post<CreateFamilyResponse>(FAMILY_ROUTES.families, body);
  }

  update(id: number, body: FamilyPatch): Observable<FamilyDetail> {
    return this.http.patch<FamilyDetail>(FAMILY_ROUTES.family(id), body);
  }

  archive(id: number, archived: boolean): Observable<FamilyDetail> {
    return this.http.post<FamilyDetail>(archived ? FAMILY_ROUTES.familyArchive(id) : FAMILY_ROUTES.familyUnarchive(id), {});
  }

  remove(id: number): Observable<void> {
    return this.http.delete<void>(FAMILY_ROUTES.family(id));
  }

  setPassword(id: number, password?: string): Observable<{ password: string | null }> {
    return this.http.post<{ password: string | null }>(FAMILY_ROUTES.familyPassword(id), password ? { password } : {});
  }

  exportData(id: number): Observable<Blob> {
    return this.http.get(FAMILY_ROUTES.familyExport(id), { responseType: 'blob' });
  }

  anonymise(id: number, confirmName: string): Observable<FamilyDetail> {
    return this.http.post<FamilyDetail>(FAMILY_ROUTES.familyAnonymise(id), { confirmName } satisfies AnonymiseFamilyRequest);
  }

  archiveMember(id: number, archived: boolean): Observable<MemberDto> {
    return this.http.post<MemberDto>(archived ? FAMILY_ROUTES.memberArchive(id) : FAMILY_ROUTES.memberUnarchive(id), {});
  }

  removeMember(id: number): Observable<void> {
    return this.http.delete<void>(FAMILY_ROUTES.member(id));
  }

  /**
   * Active entries for the forms, plus every entry (deactivated ones too) so
   * that old values keep their labels; the latter is optional.
   */
  catalog(): Observable<RefCatalog> {
    return forkJoin({
      options: this.http.get<ReferenceOptions>(FAMILY_ROUTES.referenceOptions),
      lists: this.http.get<ReferenceLists>(SETTINGS_ROUTES.lists).pipe(catchError(() => of(null))),
    }).pipe(map(({ options, lists }) => ({ options, known: lists ?? undefined })));
  }
}
