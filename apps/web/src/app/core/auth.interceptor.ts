import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { SessionStore } from './session';

/** Adds the bearer token of the current session to API calls. */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const token = inject(SessionStore).tokenFor(req.url);
  if (!token || !req.url.startsWith('/api/')) return next(req);
  return next(req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }));
};
