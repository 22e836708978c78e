import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../common/principal';
import { currentRequest } from '../common/request-context';
import { french } from '../common/errors';

/** Reads the authenticated principal of the current request (set by the AccessGuard). */
@Injectable()
export class TenantContext {
  principal(): Principal {
    const principal = (currentRequest() as (Request & { user?: Principal }) | undefined)?.user;
    if (!principal) throw new UnauthorizedException(french('Vous devez vous connecter.'));
    return principal;
  }

  /** The principal if any (public routes may be called with or without a session). */
  optionalPrincipal(): Principal | null {
    return ((currentRequest() as (Request & { user?: Principal }) | undefined)?.user as Principal | undefined) ?? null;
  }

  /** The structure whose data the caller may reach. The super-admin has none until it acts as an admin. */
  structureId(): number {
    const { structureId } = this.principal();
    if (structureId === null) {
      throw new ForbiddenException(french("Choisissez d'abord une structure (agir en tant qu'administrateur)."));
    }
    return structureId;
  }

  ip(): string | null {
    return currentRequest()?.ip ?? null;
  }
}
