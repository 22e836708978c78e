/**
 * Input limits shared by the API validation and the web forms, so that a form
 * never accepts what the API refuses.
 */
export const LIMITS = {
  email: 254,
  password: { min: 10, max: 128 },
  name: 100,
  label: 80,
  slug: 60,
  longText: 2000,
  reason: 500,
  search: 100,
  pageSize: { default: 25, max: 200 },
} as const;

/** A pragmatic e-mail check (RFC 5322 is broader; this is what forms accept). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower-case, Unicode NFC, trimmed: the one form under which logins are stored and compared. */
export function normaliseLogin(value: string): string {
  return value.normalize('NFC').trim().toLowerCase();
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
