/** Super-admin back office: structures (social centres) and their admin accounts. */

export interface StructureSummary {
  id: number;
  name: string;
  slug: string;
  timeZone: string;
  active: boolean;
  createdAt: string;
  admins: AdminAccountSummary[];
}

export interface AdminAccountSummary {
  id: number;
  email: string;
  displayName: string;
  active: boolean;
  lastLoginAt: string | null;
}

export interface CreateStructureRequest {
  name: string;
  /** Derived from the name when omitted. */
  slug?: string;
  timeZone?: string;
}

export interface UpdateStructureRequest {
  name?: string;
  active?: boolean;
  timeZone?: string;
}

export interface CreateAdminRequest {
  email: string;
  displayName?: string;
}

/** The generated password is shown once, never stored in clear. */
export interface AdminCredentialsResponse {
  account: AdminAccountSummary;
  password: string;
}

export const SUPER_ADMIN_ROUTES = {
  structures: '/api/super-admin/structures',
  structure: (id: number) => `/api/super-admin/structures/${id}`,
  admins: (structureId: number) => `/api/super-admin/structures/${structureId}/admins`,
  resetAdminPassword: (accountId: number) => `/api/super-admin/admins/${accountId}/reset-password`,
  actAsAdmin: (structureId: number) => `/api/super-admin/structures/${structureId}/act`,
  audit: '/api/super-admin/audit',
} as const;
