import type { Page } from './api';
import type { RefItemDto, RefKind } from './reference';

/** Families and members (back office and kiosk self-service). */

export interface MemberDto {
  id: number;
  familyId: number;
  lastName: string;
  firstName: string;
  sexId: number;
  birthDate: string;
  cityId: number;
  statusId: number;
  minimaId: number;
  qfId: number;
  avatar: string | null;
  registeredOn: string;
  archived: boolean;
  /** Own login of an adult member, if any. */
  login: string | null;
  /** True once the member has attendance: it can be archived, not deleted. */
  hasAttendance: boolean;
}

export interface FamilyDetail {
  id: number;
  name: string;
  /** The family's login (kiosk). Null once anonymised. */
  email: string | null;
  qfId: number;
  minimaId: number;
  archived: boolean;
  anonymised: boolean;
  createdAt: string;
  members: MemberDto[];
  hasAttendance: boolean;
}

export interface FamilySummary {
  id: number;
  name: string;
  email: string | null;
  memberCount: number;
  memberNames: string;
  archived: boolean;
  anonymised: boolean;
  createdAt: string;
}

export type FamilyPage = Page<FamilySummary>;

export interface MemberSummary {
  id: number;
  familyId: number;
  familyName: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  archived: boolean;
}

/** What a member form sends. */
export interface MemberInput {
  lastName: string;
  firstName: string;
  sexId: number;
  /** YYYY-MM-DD */
  birthDate: string;
  cityId: number;
  statusId: number;
  minimaId: number;
  qfId: number;
  avatar?: string | null;
  /** Own login for an adult member (optional). */
  login?: { email: string; password: string } | null;
}

/** Admin only: fields a family cannot change. */
export interface AdminMemberInput extends MemberInput {
  registeredOn?: string;
}

export interface CreateFamilyRequest {
  name: string;
  email: string;
  /** Omitted by the admin: a password is generated and returned once. */
  password?: string;
  qfId: number;
  minimaId: number;
  members: MemberInput[];
}

export interface CreateFamilyResponse {
  family: FamilyDetail;
  /** Present when the password was generated. */
  password: string | null;
}

export interface UpdateFamilyRequest {
  name?: string;
  email?: string;
  /** Household values, applied to every member (a member may then still differ). */
  qfId?: number;
  minimaId?: number;
}

export interface SetFamilyPasswordRequest {
  password?: string;
}

export interface AnonymiseFamilyRequest {
  /** The family's current name, typed again to confirm. */
  confirmName: string;
}

/** Kiosk registration of a new family (public). */
export interface RegisterFamilyRequest {
  name: string;
  email: string;
  password: string;
  qfId: number;
  minimaId: number;
  members: MemberInput[];
}

export interface FamilyQuery {
  search?: string;
  sort?: 'name' | 'createdAt' | 'memberCount';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
  archived?: 'false' | 'true' | 'all';
}

/** Active entries of each list, for member forms. */
export type ReferenceOptions = Record<RefKind, RefItemDto[]>;

export const FAMILY_DELETE_REFUSED = 'Suppression impossible : des présences sont enregistrées. Vous pouvez archiver.';

export const FAMILY_ROUTES = {
  families: '/api/families',
  family: (id: number) => `/api/families/${id}`,
  familyMembers: (id: number) => `/api/families/${id}/members`,
  familyArchive: (id: number) => `/api/families/${id}/archive`,
  familyUnarchive: (id: number) => `/api/families/${id}/unarchive`,
  familyPassword: (id: number) => `/api/families/${id}/password`,
  familyExport: (id: number) => `/api/families/${id}/export`,
  familyAnonymise: (id: number) => `/api/families/${id}/anonymise`,
  members: '/api/members',
  member: (id: number) => `/api/members/${id}`,
  memberArchive: (id: number) => `/api/members/${id}/archive`,
  memberUnarchive: (id: number) => `/api/members/${id}/unarchive`,
  referenceOptions: '/api/reference',
  // Kiosk (family session)
  ownFamily: '/api/family/me',
  ownMembers: '/api/family/members',
  ownMember: (id: number) => `/api/family/members/${id}`,
  ownReference: '/api/family/reference',
  register: (slug: string) => `/api/public/structures/${slug}/families`,
} as const;
