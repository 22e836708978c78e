import { HttpContextToken, HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { AUTH_ROUTES } from '@pointage/contracts';
import { catchError, throwError } from 'rxjs';
import { loginPathFor } from './guards';
import { SessionArea, SessionStore } from './session';

/** Public calls (and everything under /api/public/): no token is sent, so an old session can never be mixed in. */
const PUBLIC_URLS: readonly string[] = [AUTH_ROUTES.login, AUTH_ROUTES.forgot, AUTH_ROUTES.reset];

/**
 * A 401 from these does not mean "session expired": a wrong current password,
 * or the end of acting (the caller restores the session kept aside itself).
 */
const NO_EXPIRY_URLS: readonly string[] = [AUTH_ROUTES.changePassword, AUTH_ROUTES.endActing];

/**
 * Forces the session whose token a call carries. Ending the acting of an admin
 * for a family (POST /api/auth/act/end) must carry the family-role acting token
 * kept in the 'kiosk' area, not the admin's own.
 */
export const SESSION_AREA = new HttpContextToken<SessionArea | null>(() => null);

function pathOf(url: string): string {
  return url.split(/[?#]/)[0];
}

/**
 * Adds the bearer token of the current session to API calls. On a 401 the
 * session of that area has expired or was revoked: it is cleared and the user
 * is sent to the login page with a message.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith('/api/')) return next(req);
  // A call that names its token itself (logging out a session kept aside) is sent as is.
  if (req.headers.has('Authorization')) return next(req);
  const store = inject(SessionStore);
  const router = inject(Router);
  const path = pathOf(req.url);
  const area = req.context.get(SESSION_AREA) ?? store.areaFor(path);
  const token = PUBLIC_URLS.includes(path) || path.startsWith('/api/public/') ? null : store.token(area);
  const request = token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
  return next(request).pipe(
    catchError((err: unknown) => {
      // Only the session that made the call: it may have been replaced meanwhile (logout, new login).
      if (
        err instanceof HttpErrorResponse &&
        err.status === 401 &&
        token &&
        !NO_EXPIRY_URLS.includes(path) &&
        store.token(area) === token
      ) {
        if (area === 'admin') {
          const login = loginPathFor(store.admin());
          store.expire('admin');
          void router.navigate([login], { queryParams: { retour: router.url } });
        } else if (store.kiosk()?.actor) {
          // An admin acting for a family in the back office: only the acting token is gone;
          // the page of the back office notices and goes back to the family.
          store.clear('kiosk');
        } else {
          store.expire('kiosk');
          const kiosk = /^\/k\/[^/?#]+/.exec(router.url)?.[0] ?? '/';
          void router.navigateByUrl(kiosk);
        }
      }
      return throwError(() => err);
    }),
  );
};
