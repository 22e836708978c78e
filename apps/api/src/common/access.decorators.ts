import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Role } from '@pointage/contracts';

export const ACCESS_KEY = 'pointage:access';

export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: Role[] };

/**
 * Every route states who may call it, with exactly one of these decorators
 * (on the handler or on its controller). A route with neither is refused by the
 * AccessGuard, and the route-walking test fails.
 */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
}

export function Roles(...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule), ApiBearerAuth());
}
