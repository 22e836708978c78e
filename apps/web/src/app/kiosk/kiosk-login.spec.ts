import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { ActivatedRouteSnapshot, provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import { SessionStore } from '../core/session';
import { fakeSession, provideTestIcons } from '../core/testing';
import { familySessionGuard, KioskApi, NOT_A_FAMILY_MESSAGE } from './kiosk-api';
import { KioskFamily } from './kiosk-family';
import { LoginForm } from '../shared/login-form';
import { KioskLogin } from './kiosk-login';

describe('kiosk login and family session', () => {
  let backend: HttpTestingController;
  /** "Terminer" also ends the session on the server (best effort, answer ignored). */
  const expectLogout = () => {
    // No interceptor here: the token it carries is checked in kiosk-presence.spec.
    const req = backend.expectOne('/api/auth/logout');
    expect(req.request.method).toBe('POST');
    req.flush({ message: 'Vous êtes déconnecté.' });
  };
  let router: Router;
  let store: SessionStore;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestIcons()] });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    store = TestBed.inject(SessionStore);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  async function login(role: 'family' | 'admin') {
    const fixture = TestBed.createComponent(KioskLogin);
    fixture.componentRef.setInput('slug', 'chemin-rouge');
    await fixture.whenStable();
    backend
      .expectOne('/api/public/structures/chemin-rouge')
      .flush({ id: 7, name: 'Chemin Rouge', slug: 'chemin-rouge', timeZone: 'Europe/Paris', welcomeMessage: '', logoUrl: null });
    const form = fixture.debugElement.query(By.directive(LoginForm)).componentInstance as LoginForm;
    form.form.setValue({ login: ' famille.grujic@exemple.fr ', password: 'une phrase assez longue' });
    form.submit();
    const req = backend.expectOne('/api/auth/login');
    expect(req.request.body).toEqual({
      login: 'famille.grujic@exemple.fr',
      password: 'une phrase assez longue',
      structure: 'chemin-rouge',
    });
    req.flush({ accessToken: 'family-token', role, structureId: 7, displayName: 'GRUJIC', session: fakeSession(role) });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function guard(slug: string): boolean | UrlTree {
    const route = { paramMap: new Map([['slug', slug]]) } as unknown as ActivatedRouteSnapshot;
    return TestBed.runInInjectionContext(() => familySessionGuard(route, {} as RouterStateSnapshot)) as boolean | UrlTree;
  }

  it('keeps the family session of this kiosk and opens the family page', async () => {
    await login('family');
    expect(store.token('kiosk')).toBe('family-token');
    expect(store.token('admin')).toBeNull();
    expect(router.navigate).toHaveBeenCalledWith(['/k', 'chemin-rouge', 'presence']);
    expect(guard('chemin-rouge')).toBe(true);
  });

  it('refuses a back-office account at the kiosk', async () => {
    const el = await login('admin');
    expect(el.textContent).toContain(NOT_A_FAMILY_MESSAGE);
    expect(store.token('kiosk')).toBeNull();
    expect(router.navigate).not.toHaveBeenCalled();
  });

  it('sends to the login page without a session, or with one opened at another kiosk', async () => {
    expect(router.serializeUrl(guard('chemin-rouge') as UrlTree)).toBe('/k/chemin-rouge/connexion');
    await login('family');
    expect(router.serializeUrl(guard('arbrisseau') as UrlTree)).toBe('/k/arbrisseau/connexion');
    expect(store.token('kiosk')).toBeNull();
    // The session left behind is ended on the server too, with its own token.
    expectLogout();
  });

  it('"Terminer" ends the family session and returns to the kiosk home', async () => {
    TestBed.inject(KioskApi).keep('chemin-rouge', {
      accessToken: 'family-token',
      role: 'family',
      structureId: 7,
      displayName: 'GRUJIC',
      session: fakeSession('family'),
    });
    const fixture = TestBed.createComponent(KioskFamily);
    fixture.componentRef.setInput('slug', 'chemin-rouge');
    await fixture.whenStable();
    backend
      .expectOne('/api/public/structures/chemin-rouge')
      .flush({ id: 7, name: 'Chemin Rouge', slug: 'chemin-rouge', timeZone: 'Europe/Paris', welcomeMessage: '', logoUrl: null });
    backend.expectOne('/api/family/me').flush({
      id: 3,
      name: 'GRUJIC',
      email: 'f@g.fr',
      qfId: 41,
      minimaId: 30,
      archived: false,
      anonymised: false,
      createdAt: '',
      hasAttendance: false,
      members: [],
    });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent).toBe('Famille GRUJIC');
    expect(el.textContent).toContain('PRÉSENCE DU JOUR');
    fixture.componentInstance.finish();
    expect(store.token('kiosk')).toBeNull();
    expect(router.navigate).toHaveBeenCalledWith(['/k', 'chemin-rouge']);
    expectLogout();
  });
});
