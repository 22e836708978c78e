import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_KEY, AccessRule } from '../src/common/access.decorators';

export interface DiscoveredRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Full path with the global prefix, Express style: /api/families/:id */
  path: string;
  params: string[];
  access: AccessRule | undefined;
  handler: string;
  /** The class of the @Body() parameter, if any. */
  bodyType: (new () => unknown) | null;
}

const METHODS: Partial<Record<RequestMethod, DiscoveredRoute['method']>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

function join(...parts: string[]): string {
  return (
    '/' +
    parts
      .map((p) => p.replace(/^\/+|\/+$/g, ''))
      .filter(Boolean)
      .join('/')
  ).replace(/\/+/g, '/');
}

/**
 * Every route of the application, read from Nest's own metadata — so routes
 * added later are covered by the tests that walk them without editing them.
 */
export function discoverRoutes(app: INestApplication, prefix = 'api'): DiscoveredRoute[] {
  const routes: DiscoveredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!controller) continue;
      const classPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === 'constructor') continue;
        const handler = proto[name];
        if (typeof handler !== 'function') continue;
        const methodPaths = Reflect.getMetadata(PATH_METADATA, handler);
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (methodPaths === undefined || requestMethod === undefined) continue;
        const method = METHODS[requestMethod];
        if (!method) throw new Error(`Unsupported method on ${controller.name}.${name}`);
        const access =
          (Reflect.getMetadata(ACCESS_KEY, handler) as AccessRule | undefined) ??
          (Reflect.getMetadata(ACCESS_KEY, controller) as AccessRule | undefined);
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number }>;
        const paramTypes = (Reflect.getMetadata('design:paramtypes', proto, name) ?? []) as (new () => unknown)[];
        const bodyKey = Object.keys(args).find((k) => Number(k.split(':')[0]) === RouteParamtypes.BODY);
        const bodyType = bodyKey ? (paramTypes[args[bodyKey].index] ?? null) : null;
        for (const cp of classPaths) {
          for (const mp of ([] as string[]).concat(methodPaths)) {
            const path = join(prefix, cp, mp);
            routes.push({
              method,
              path,
              params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
              access,
              handler: `${controller.name}.${name}`,
              bodyType,
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
