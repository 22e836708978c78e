import type { Role } from '@pointage/contracts';

/**
 * The authenticated caller, as the AccessGuard puts it on req.user (built by
 * auth/jwt.strategy.ts from the token and the database; read by the guard, the
 * tenancy wall and every service that needs to know who asks).
 * `role`, `structureId` and `familyId` are the *effective* identity; when the
 * account acts for somebody else (super-admin as a structure's admin, admin for
 * a family) `acting` is true and `account*` fields describe the real person.
 */
export interface Principal {
  accountId: number;
  accountRole: Role;
  login: string;
  displayName: string;
  role: Role;
  structureId: number | null;
  structureName: string | null;
  /** Time zone of the structure (Europe/Paris by default); null without a structure. */
  timeZone?: string | null;
  /** `structure.slots_version` as the token check read it for this request (SlotCalendar). */
  slotsVersion?: number;
  familyId: number | null;
  acting: boolean;
  /** Label of the acted-as identity for the audit log ("administrateur de X", "famille Y"). */
  actingAs: string | null;
  /** Seconds since epoch. */
  expiresAt: number;
  /** The token's id (`jti`), by which logout and the end of acting revoke it. */
  tokenId?: string;
}
