import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import type { Role } from '@pointage/contracts';
import type { Principal } from '../common/principal';
import type { TokenClaims } from './token-claims';
import { hmacKey } from './token.service';
import { french } from '../common/errors';

interface AccountRow {
  role: Role;
  email: string;
  display_name: string;
  structure_id: number | null;
  family_id: number | null;
  token_version: number;
  active: number | boolean;
  s_name: string | null;
  s_active: number | boolean | null;
  s_time_zone: string | null;
  s_slots_version: number | string | null;
  /** Present when the token names a family: whether it may still be used. */
  f_archived: number | boolean | null;
  f_anonymised_at: unknown;
  f_id: number | null;
  /** Non-null when the token was revoked (logout, end of acting). */
  revoked: string | null;
}

export const SESSION_EXPIRED = 'Votre session a expiré : reconnectez-vous.';

/**
 * Verifies the bearer token (HS256, issuer, audience, expiry — by passport-jwt)
 * and turns its claims into a Principal after checking them against the
 * database: the account still exists and is active, its token version is
 * current (a password change revokes older tokens), its structure is active,
 * and an "acting" token is one the account may hold.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: Database,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: false,
      // A KeyObject: see hmacKey(). passport-jwt hands it to jsonwebtoken as is.
      secretOrKey: hmacKey(config.jwt.secret) as unknown as string,
      algorithms: ['HS256'],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
    });
  }

  async validate(claims: TokenClaims): Promise<Principal> {
    const accountId = Number(claims.sub);
    if (!Number.isInteger(accountId) || !['super-admin', 'admin', 'family'].includes(claims.role))
      throw new UnauthorizedException(french(SESSION_EXPIRED));
    // jsonwebtoken accepts a token without expiry; ours always have one, and an id to revoke them by.
    if (typeof claims.exp !== 'number' || typeof claims.jti !== 'string' || !claims.jti)
      throw new UnauthorizedException(french(SESSION_EXPIRED));
    // One plain query for the account, the structure acted in, the family named
    // and the deny list: every authenticated request goes through here (the
    // query builder doubled its cost).
    const sidClaim = claims.sid ?? null;
    const fidClaim = claims.fid ?? null;
    const [row] = (await this.db.manager.query(
      'SELECT a.role, a.email, a.display_name, a.structure_id, a.family_id, a.token_version, a.active, s.name AS s_name, s.active AS s_active, s.time_zone AS s_time_zone, s.slots_version AS s_slots_version, ' +
        'f.id AS f_id, f.archived AS f_archived, f.anonymised_at AS f_anonymised_at, r.jti AS revoked ' +
        'FROM account a LEFT JOIN structure s ON s.id = ? LEFT JOIN family f ON f.id = ? AND f.structure_id = ? LEFT JOIN revoked_token r ON r.jti = ? WHERE a.id = ?',
      [sidClaim ?? -1, fidClaim ?? -1, sidClaim ?? -1, claims.jti, accountId],
    )) as AccountRow[];
    if (!row || !Number(row.active) || Number(row.token_version) !== claims.tv || row.revoked !== null)
      throw new UnauthorizedException(french(SESSION_EXPIRED));
    // A family's session (its own, or an admin's acting for it) ends when the family is archived.
    if (fidClaim !== null && (row.f_id === null || Number(row.f_archived) || row.f_anonymised_at !== null))
      throw new UnauthorizedException(french(SESSION_EXPIRED));
    const account = {
      role: row.role,
      email: row.email,
      displayName: row.display_name,
      structureId: row.structure_id === null ? null : Number(row.structure_id),
      familyId: row.family_id === null ? null : Number(row.family_id),
    };
    const sid = sidClaim;
    const fid = claims.fid ?? null;
    let acting = false;
    if (claims.act) {
      if (claims.act.sub !== claims.sub || claims.act.role !== account.role) throw new UnauthorizedException(french(SESSION_EXPIRED));
      const allowed =
        (account.role === 'super-admin' && sid !== null && (claims.role === 'admin' || claims.role === 'family')) ||
        (account.role === 'admin' && claims.role === 'family' && sid === account.structureId && fid !== null);
      if (!allowed) throw new UnauthorizedException(french(SESSION_EXPIRED));
      acting = true;
    } else if (claims.role !== account.role || sid !== account.structureId || fid !== account.familyId) {
      throw new UnauthorizedException(french(SESSION_EXPIRED));
    }

    let structureName: string | null = null;
    if (sid !== null) {
      // The super-admin may still act on a disabled structure; nobody else may use it.
      if (row.s_name === null || (!Number(row.s_active) && account.role !== 'super-admin'))
        throw new UnauthorizedException(french(SESSION_EXPIRED));
      structureName = row.s_name;
    }
    return {
      accountId,
      accountRole: account.role,
      login: account.email,
      displayName: account.displayName,
      role: claims.role,
      structureId: sid,
      structureName,
      timeZone: row.s_time_zone,
      slotsVersion: row.s_slots_version === null ? undefined : Number(row.s_slots_version),
      familyId: fid,
      acting,
      actingAs: acting ? (claims.as ?? null) : null,
      expiresAt: claims.exp,
      tokenId: claims.jti,
    };
  }
}
