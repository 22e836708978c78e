import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Role, SessionInfo } from '@pointage/contracts';
import { SessionStore } from './session';

/** Where each role lands after logging in. */
export function homeFor(role: Role): string {
  if (role === 'super-admin') return '/super-admin';
  if (role === 'admin') return '/admin';
  return '/';
}

/** The login page of the person behind a session: an acting super-admin logs in as super-admin. */
export function loginPathFor(info: SessionInfo | null, fallback: Role = 'admin'): string {
  const role = info?.actor?.role ?? info?.role ?? fallback;
  if (role === 'super-admin') return '/super-admin/connexion';
  if (role === 'admin') return '/admin/connexion';
  return '/';
}

/**
 * Lets a route open only with a live session of one of `roles`. Without one,
 * redirects to the area's login page (with the wanted address in `retour`);
 * with a session of another role, to that role's home.
 * Usable as canActivate and canActivateChild.
 */
export function requireRole(...roles: Role[]): CanActivateFn {
  return (_route, state) => {
    const store = inject(SessionStore);
    const router = inject(Router);
    const area = roles.includes('family') ? 'kiosk' : 'admin';
    const stored = area === 'admin' ? store.admin() : store.kiosk();
    const info = store.current(area);
    if (!info) {
      if (stored) store.expire(area);
      const login = loginPathFor(null, roles.includes('admin') ? 'admin' : roles[0]);
      return router.createUrlTree([login], { queryParams: login === '/' ? {} : { retour: state.url } });
    }
    if (roles.includes(info.role)) return true;
    return router.createUrlTree([homeFor(info.role)]);
  };
}
