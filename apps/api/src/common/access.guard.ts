import { CanActivate, ExecutionContext, ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_KEY, AccessRule } from './access.decorators';

/**
 * Global guard: a route is public, or open to the roles it declares, or closed.
 * "Closed by default" is what makes a forgotten decorator a refused route and
 * not an open one.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) {
      this.logger.error(`Route without access declaration: ${context.getClass().name}.${context.getHandler().name}`);
      throw new ForbiddenException("Cette route n'a pas de règle d'accès déclarée.");
    }
    if (rule.kind === 'public') return true;
    throw new UnauthorizedException('Vous devez vous connecter.');
  }
}
