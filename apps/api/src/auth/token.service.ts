import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, KeyObject, randomUUID } from 'node:crypto';
import type { Role, SessionInfo } from '@pointage/contracts';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { Principal } from '../common/principal';
import type { TokenClaims } from './token-claims';

/** Back-office sessions last a working day; family sessions at the kiosk a quarter of an hour. */
export const TOKEN_LIFETIME_SECONDS: Record<Role, number> = {
  'super-admin': 8 * 3600,
  admin: 8 * 3600,
  family: 15 * 60,
};
/** Acting for somebody else is a short errand: a quarter of an hour, then act again. */
export const ACTING_LIFETIME_SECONDS = 15 * 60;

/**
 * The HMAC key as a KeyObject: given a string, jsonwebtoken first tries (and
 * fails) to read it as a public key on every call — a fifth of the server's CPU
 * under kiosk load. One KeyObject per process.
 */
const keys = new Map<string, KeyObject>();
export function hmacKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

export interface IssuedToken {
  accessToken: string;
  session: SessionInfo;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Signs a token for `principal` (effective identity + real account).
   * HS256 only, with issuer, audience and expiry checked on the way back.
   */
  async issue(principal: Omit<Principal, 'expiresAt'>, tokenVersion: number): Promise<IssuedToken> {
    const lifetime = principal.acting
      ? Math.min(ACTING_LIFETIME_SECONDS, TOKEN_LIFETIME_SECONDS[principal.role])
      : TOKEN_LIFETIME_SECONDS[principal.role];
    const tokenId = randomUUID();
    const claims: TokenClaims = {
      sub: String(principal.accountId),
      role: principal.role,
      sid: principal.structureId,
      fid: principal.familyId,
      tv: tokenVersion,
      ...(principal.acting
        ? { act: { sub: String(principal.accountId), role: principal.accountRole }, as: principal.actingAs ?? undefined }
        : {}),
    };
    const accessToken = await this.jwt.signAsync(claims, {
      jwtid: tokenId,
      privateKey: hmacKey(this.config.jwt.secret),
      algorithm: 'HS256',
      expiresIn: lifetime,
      issuer: this.config.jwt.issuer,
      audience: this.config.jwt.audience,
    });
    // The token's `exp` as jsonwebtoken computes it (system clock, which it also checks against): not the Clock.
    const expiresAt = Math.floor(Date.now() / 1000) + lifetime;
    return { accessToken, session: toSessionInfo({ ...principal, expiresAt, tokenId }) };
  }
}

export function toSessionInfo(p: Principal): SessionInfo {
  return {
    accountId: p.accountId,
    role: p.role,
    structureId: p.structureId,
    structureName: p.structureName,
    familyId: p.familyId,
    displayName: p.displayName,
    login: p.login,
    actor: p.acting ? { accountId: p.accountId, role: p.accountRole, displayName: p.displayName } : null,
    expiresAt: p.expiresAt,
  };
}
