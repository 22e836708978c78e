import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request } from 'express';

/**
 * Per-request context (the request itself, hence the authenticated principal on
 * req.user), reachable from any service without passing it down by hand.
 * Set by RequestContextMiddleware, which runs after the body parsers so that the
 * async context is not lost in their stream callbacks.
 */
export interface RequestContext {
  req: Request;
  requestId: string;
}

export const requestContextStorage = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): Request | undefined {
  return requestContextStorage.getStore()?.req;
}
