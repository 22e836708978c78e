import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, Router, RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import type { Role } from '@pointage/contracts';
import { requireRole } from './guards';
import { SESSION_EXPIRED_MESSAGE, SessionStore } from './session';
import { fakeSession } from './testing';

describe('requireRole', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
  });

  function run(url: string, ...roles: Role[]): true | string {
    const result = TestBed.runInInjectionContext(() => requireRole(...roles)({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot));
    if (result === true) return true;
    expect(result).toBeInstanceOf(UrlTree);
    return TestBed.inject(Router).serializeUrl(result as UrlTree);
  }

  it('sends to the admin login page, remembering the page asked for', () => {
    expect(run('/admin/journal', 'admin')).toBe('/admin/connexion?retour=%2Fadmin%2Fjournal');
  });

  it('sends to the super-admin login page for super-admin routes', () => {
    expect(run('/super-admin/structures', 'super-admin')).toBe('/super-admin/connexion?retour=%2Fsuper-admin%2Fstructures');
  });

  it('lets the right role in', () => {
    TestBed.inject(SessionStore).set('admin', 't', fakeSession('admin'));
    expect(run('/admin/journal', 'admin')).toBe(true);
  });

  it("sends a session of another role to that role's home", () => {
    TestBed.inject(SessionStore).set('admin', 't', fakeSession('super-admin'));
    expect(run('/admin', 'admin')).toBe('/super-admin');
    TestBed.inject(SessionStore).set('admin', 't', fakeSession('admin'));
    expect(run('/super-admin', 'super-admin')).toBe('/admin');
  });

  it('treats an expired session as none and explains why', () => {
    const store = TestBed.inject(SessionStore);
    store.set('admin', 't', fakeSession('admin', { expiresAt: Math.floor(Date.now() / 1000) - 10 }));
    expect(run('/admin', 'admin')).toBe('/admin/connexion?retour=%2Fadmin');
    expect(store.admin()).toBeNull();
    expect(store.takeNotice()).toBe(SESSION_EXPIRED_MESSAGE);
  });
});
