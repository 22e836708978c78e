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
  /** Full years today (structure's time zone). */
  age: number;
  sex: string;
  status: string;
  city: string;
  minima: string;
  qf: string;
  registeredOn: string;
  archived: boolean;
}

export type MemberSort =
  | 'lastName'
  | 'firstName'
  | 'birthDate'
  | 'familyName'
  | 'age'
  | 'sex'
  | 'status'
  | 'city'
  | 'minima'
  | 'qf'
  | 'registeredOn';

/** The members table of the back office: filters and sort are applied in SQL. */
export interface MemberQuery {
  search?: string;
  sort?: MemberSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
  archived?: 'false' | 'true' | 'all';
  statusId?: number;
  cityId?: number;
  /** Full years today, inclusive. */
  ageMin?: number;
  ageMax?: number;
}

/** A member of a new family who has the name and birth date of somebody already registered (back office only). */
export interface DuplicateMatch {
  /** Index of the new member in the request. */
  memberIndex: number;
  memberId: number;
  familyId: number;
  familyName: string;
  lastName: string;
  firstName: string;
  birthDate: string;
}

export interface DuplicateCheckRequest {
  members: { lastName: string; firstName: string; birthDate: string }[];
}

/** Shown at the kiosk: the other family is never named there. */
export const KIOSK_DUPLICATE_MESSAGE = "Une personne avec ce nom et cette date de naissance est déjà inscrite : adressez-vous à l'équipe.";

/** One attendance of a family, for its history (newest first). */
export interface FamilyAttendanceRow {
  id: number;
  date: string;
  startMinute: number;
  endMinute: number;
  arrivedAt: string;
  memberId: number;
  lastName: string;
  firstName: string;
}

export interface MergeFamiliesRequest {
  /** The family merged into the one of the URL, then deleted. */
  absorbedFamilyId: number;
}

export interface MergeFamiliesResponse {
  family: FamilyDetail;
  /** Members moved as they were. */
  movedMembers: number;
  /** Members of the absorbed family joined to the same person of the kept family. */
  joinedMembers: number;
  /** Attendance rows re-pointed to the kept family (and joined member). */
  movedAttendance: number;
  /** Attendance rows dropped because the joined person was already present in that slot. */
  droppedAttendance: number;
  /** Logins moved with their member; the absorbed family's own login is deleted. */
  movedAccounts: number;
  deletedAccounts: number;
}

/** GDPR retention (decision 9). */
export interface RetentionSettings {
  /** 0 = off. */
  years: number;
}

export interface InactiveFamily {
  id: number;
  name: string;
  memberCount: number;
  archived: boolean;
  /** Latest slot date with attendance, or null. */
  lastAttendance: string | null;
  /** Latest change, creation or login (instant). */
  lastActivity: string;
}

export interface RetentionPage extends Page<InactiveFamily> {
  years: number;
  /** Families whose last activity is before this date are listed; null when off. */
  cutoff: string | null;
}

export interface RetentionAnonymiseRequest {
  familyIds: number[];
  /** Explicit confirmation: anonymisation is irreversible. */
  confirm: true;
}

export interface RetentionAnonymiseResponse {
  anonymised: number[];
  /** Families no longer inactive (or gone) when asked: left untouched. */
  skipped: number[];
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
  /** Own login for an adult member (optional); the password is required for a new login, optional when the login exists. */
  login?: { email: string; password?: string } | null;
}

/** Admin only: fields a family cannot change. */
export interface AdminMemberInput extends MemberInput {
  registeredOn?: string;
}

/**
 * Whether a change of statistical attributes of somebody with attendance corrects
 * the past or starts today (SPEC "Reports must not change"); the API asks (400,
 * code `stats-change-needed`) when it is needed and missing.
 */
export const STATS_CHANGE_MODES = ['correction', 'from-today'] as const;
export type StatsChangeMode = (typeof STATS_CHANGE_MODES)[number];

/** What a family may change on one of its members. */
export interface UpdateMemberRequest extends Partial<MemberInput> {
  statsChange?: StatsChangeMode;
}

/** What an admin may change on a member. */
export interface AdminUpdateMemberRequest extends UpdateMemberRequest {
  registeredOn?: string;
}

export interface CreateFamilyRequest {
  name: string;
  email: string;
  /** Omitted by the admin: a password is generated and returned once. */
  password?: string;
  qfId: number;
  minimaId: number;
  members: AdminMemberInput[];
  /** Go on although a member matches somebody already registered. */
  confirmDuplicates?: boolean;
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
  statsChange?: StatsChangeMode;
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
  /** Go on although a member matches somebody already registered. */
  confirmDuplicates?: boolean;
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
  familyExportHtml: (id: number) => `/api/families/${id}/export-html`,
  familyMerge: (id: number) => `/api/families/${id}/merge`,
  familyAttendance: (id: number) => `/api/families/${id}/attendance`,
  duplicates: '/api/families/duplicates',
  retention: '/api/retention',
  retentionAnonymise: '/api/retention/anonymise',
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
