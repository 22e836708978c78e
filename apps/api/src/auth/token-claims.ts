import type { Role } from '@pointage/contracts';

/** What a token carries (see TokenService). */
export interface TokenClaims {
  /** The real account. */
  sub: string;
  role: Role;
  sid: number | null;
  fid: number | null;
  /** Token version of the account at issue time. */
  tv: number;
  /** Present when acting for somebody else (RFC 8693 "act" claim): the real actor. */
  act?: { sub: string; role: Role };
  /** Label of the acted-as identity, for banners and the audit log. */
  as?: string;
  /** Token id: every token has one, so that it can be revoked (logout, end of acting). */
  jti?: string;
  exp?: number;
  iat?: number;
}
