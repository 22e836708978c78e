import { Attendance } from '../attendance/entities/attendance.entity';
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { Account } from '../auth/entities/account.entity';
import { PasswordResetToken } from '../auth/entities/password-reset-token.entity';
import { RevokedToken } from '../auth/entities/revoked-token.entity';
import { ThrottleEvent, ThrottleKey } from '../auth/entities/throttle-event.entity';
import { Family } from '../families/entities/family.entity';
import { Member } from '../families/entities/member.entity';
import { AgeBracket } from '../settings/entities/age-bracket.entity';
import { AppSetting } from '../settings/entities/app-setting.entity';
import { FunderLogo } from '../settings/entities/funder-logo.entity';
import { RefItem } from '../settings/entities/ref-item.entity';
import { Slot } from '../slots/entities/slot.entity';
import { Structure } from '../tenancy/entities/structure.entity';

/**
 * Every entity, listed explicitly: the API is bundled by webpack, where a glob
 * over *.entity.ts would find nothing at run time.
 */
export const ENTITIES = [
  Structure,
  Account,
  PasswordResetToken,
  RevokedToken,
  AuditEntry,
  AppSetting,
  FunderLogo,
  RefItem,
  AgeBracket,
  Family,
  Member,
  Slot,
  Attendance,
  ThrottleEvent,
  ThrottleKey,
];
