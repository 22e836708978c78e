import { ExecutionContext, ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import type { Principal } from '../auth/principal';
import { ACCESS_KEY, AccessRule } from './access.decorators';

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
      throw new ForbiddenException("Cette route n'a pas de règle d'accès déclarée.");
    }
    if (rule.kind === 'public') return true;
    await super.canActivate(context);
    const principal = context.switchToHttp().getRequest<Request & { user?: Principal }>().user;
    if (!principal || !rule.roles.includes(principal.role)) {
      throw new ForbiddenException("Vous n'avez pas accès à cette fonction.");
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (err || !user) {
      const reason = info instanceof Error ? info.name : '';
      if (err instanceof UnauthorizedException) throw err;
      if (reason === 'TokenExpiredError') throw new UnauthorizedException('Votre session a expiré : reconnectez-vous.');
      throw new UnauthorizedException('Vous devez vous connecter.');
    }
    return user;
  }
}
