import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AnonymiseFamilyRequest,
  CreateFamilyRequest,
  CreateFamilyResponse,
  DuplicateCheckRequest,
  DuplicateMatch,
  FAMILY_ROUTES,
  FamilyAttendanceRow,
  FamilyDetail,
  FamilyQuery,
  FamilySummary,
  MemberDto,
  MemberQuery,
  MemberSummary,
  MergeFamiliesRequest,
  MergeFamiliesResponse,
  Page,
  RetentionAnonymiseRequest,
  RetentionAnonymiseResponse,
  RetentionPage,
  RetentionSettings,
  ReferenceLists,
  ReferenceOptions,
  SETTINGS_ROUTES,
  UpdateFamilyRequest,
} from '@pointage/contracts';
import { catchError, forkJoin, map, Observable, of } from 'rxjs';
import { RefCatalog } from '../../core/reference';
import { MemberEndpoints } from '../../shared/members/member-editor';

export type FamilyPatch = UpdateFamilyRequest;

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

/** The query string of the members table: empty search and unset filters left out. */
export function memberQueryParams(q: MemberQuery): HttpParams {
  let params = new HttpParams();
  const search = q.search?.trim();
  if (search) params = params.set('search', search);
  for (const key of ['sort', 'order', 'page', 'pageSize', 'archived', 'statusId', 'cityId', 'ageMin', 'ageMax'] as const) {
    const value = q[key];
    if (value !== undefined && value !== null) params = params.set(key, value);
  }
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

  exportHtml(id: number): Observable<Blob> {
    return this.http.get(FAMILY_ROUTES.familyExportHtml(id), { responseType: 'blob' });
  }

  duplicates(body: DuplicateCheckRequest): Observable<DuplicateMatch[]> {
    return this.http.post<DuplicateMatch[]>(FAMILY_ROUTES.duplicates, body);
  }

  /** Merges `absorbedFamilyId` into `keptId` (the absorbed family is deleted). */
  merge(keptId: number, absorbedFamilyId: number): Observable<MergeFamiliesResponse> {
    return this.http.post<MergeFamiliesResponse>(FAMILY_ROUTES.familyMerge(keptId), { absorbedFamilyId } satisfies MergeFamiliesRequest);
  }

  attendance(id: number, page: number, pageSize: number): Observable<Page<FamilyAttendanceRow>> {
    return this.http.get<Page<FamilyAttendanceRow>>(FAMILY_ROUTES.familyAttendance(id), { params: { page, pageSize } });
  }

  members(q: MemberQuery): Observable<Page<MemberSummary>> {
    return this.http.get<Page<MemberSummary>>(FAMILY_ROUTES.members, { params: memberQueryParams(q) });
  }

  retention(page: number, pageSize: number): Observable<RetentionPage> {
    return this.http.get<RetentionPage>(FAMILY_ROUTES.retention, { params: { page, pageSize } });
  }

  setRetention(years: number): Observable<RetentionSettings> {
    return this.http.put<RetentionSettings>(FAMILY_ROUTES.retention, { years } satisfies RetentionSettings);
  }

  anonymiseInactive(familyIds: number[]): Observable<RetentionAnonymiseResponse> {
    return this.http.post<RetentionAnonymiseResponse>(FAMILY_ROUTES.retentionAnonymise, {
      familyIds,
      confirm: true,
    } satisfies RetentionAnonymiseRequest);
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
