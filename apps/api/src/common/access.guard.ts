import { ExecutionContext, ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import type { Principal } from './principal';
import { ACCESS_KEY, AccessRule } from './access.decorators';
import { databaseUnavailable } from './database-unavailable';
import { isDatabaseUnavailable } from '../database/driver-errors';
import { french } from './errors';

/**
 * Global guard: a route is public, or open to the roles it declares, or closed.
 * "Closed by default" is what makes a forgotten decorator a refused route and
 * not an open one. Authentication is passport-jwt (JwtStrategy).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) {
      this.logger.error(`Route without access declaration: ${context.getClass().name}.${context.getHandler().name}`);
      throw new ForbiddenException(french("Cette route n'a pas de règle d'accès déclarée."));
    }
    if (rule.kind === 'public') return true;
    // Answers for a signed-in person are theirs only: no browser or proxy cache keeps them.
    context.switchToHttp().getResponse<Response>().setHeader('Cache-Control', 'no-store');
    await super.canActivate(context);
    const principal = context.switchToHttp().getRequest<Request & { user?: Principal }>().user;
    if (!principal || !rule.roles.includes(principal.role)) {
      throw new ForbiddenException(french("Vous n'avez pas accès à cette fonction."));
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (err || !user) {
      const reason = info instanceof Error ? info.name : '';
      if (err instanceof UnauthorizedException) throw err;
      // The token could not be checked because the database failed: not the
      // caller's fault, and the session is not over (503, the client retries).
      if (err) throw isDatabaseUnavailable(err) ? databaseUnavailable() : err;
      if (reason === 'TokenExpiredError') throw new UnauthorizedException(french('Votre session a expiré : reconnectez-vous.'));
      throw new UnauthorizedException(french('Vous devez vous connecter.'));
    }
    return user;
  }
}
