import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { Structure } from '../tenancy/entities/structure.entity';
import { Account } from './entities/account.entity';
import type { Principal, TokenClaims } from './principal';

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
      secretOrKey: config.jwt.secret,
      algorithms: ['HS256'],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
    });
  }

  async validate(claims: TokenClaims): Promise<Principal> {
    const accountId = Number(claims.sub);
    if (!Number.isInteger(accountId) || !['super-admin', 'admin', 'family'].includes(claims.role)) throw new UnauthorizedException(SESSION_EXPIRED);
    const account = await this.db.manager.findOneBy(Account, { id: accountId });
    if (!account || !account.active || account.tokenVersion !== claims.tv) throw new UnauthorizedException(SESSION_EXPIRED);

    const sid = claims.sid ?? null;
    const fid = claims.fid ?? null;
    let acting = false;
    if (claims.act) {
      if (claims.act.sub !== claims.sub || claims.act.role !== account.role) throw new UnauthorizedException(SESSION_EXPIRED);
      const allowed =
        (account.role === 'super-admin' && sid !== null && (claims.role === 'admin' || claims.role === 'family')) ||
        (account.role === 'admin' && claims.role === 'family' && sid === account.structureId && fid !== null);
      if (!allowed) throw new UnauthorizedException(SESSION_EXPIRED);
      acting = true;
    } else if (claims.role !== account.role || sid !== account.structureId || fid !== account.familyId) {
      throw new UnauthorizedException(SESSION_EXPIRED);
    }

    let structureName: string | null = null;
    if (sid !== null) {
      const structure = await this.db.manager.findOneBy(Structure, { id: sid });
      // The super-admin may still act on a disabled structure; nobody else may use it.
      if (!structure || (!structure.active && account.role !== 'super-admin')) throw new UnauthorizedException(SESSION_EXPIRED);
      structureName = structure.name;
    }
    return {
      accountId,
      accountRole: account.role,
      login: account.email,
      displayName: account.displayName,
      role: claims.role,
      structureId: sid,
      structureName,
      familyId: fid,
      acting,
      actingAs: acting ? (claims.as ?? null) : null,
      expiresAt: claims.exp ?? 0,
    };
  }
}
