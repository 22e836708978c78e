/** The three roles of Pointage. See docs/architecture.md. */
export const ROLES = ['super-admin', 'admin', 'family'] as const;
export type Role = (typeof ROLES)[number];

/** The real person behind a token when somebody acts for somebody else. */
export interface ActorInfo {
  accountId: number;
  role: Role;
  displayName: string;
}

export interface SessionInfo {
  accountId: number;
  role: Role;
  structureId: number | null;
  structureName: string | null;
  familyId: number | null;
  displayName: string;
  login: string;
  /** Present when the token was issued to somebody acting as another identity. */
  actor: ActorInfo | null;
  /** Seconds since epoch. */
  expiresAt: number;
}
