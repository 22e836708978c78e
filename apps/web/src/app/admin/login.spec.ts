import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { SessionStore } from '../core/session';
import { fakeSession, provideTestIcons } from '../core/testing';
import { afterLoginUrl, AdminLogin, FAMILY_ACCOUNT_MESSAGE } from './login';

describe('afterLoginUrl', () => {
  it('sends each role to its own area', () => {
    expect(afterLoginUrl({ role: 'admin' }, undefined)).toBe('/admin');
    expect(afterLoginUrl({ role: 'super-admin' }, '/admin/journal')).toBe('/super-admin');
    expect(afterLoginUrl({ role: 'admin' }, '/admin/journal')).toBe('/admin/journal');
    expect(afterLoginUrl({ role: 'admin' }, '/admin/connexion')).toBe('/admin');
    expect(afterLoginUrl({ role: 'admin' }, 'https://ailleurs.example/admin/x')).toBe('/admin');
  });
});

describe('AdminLogin', () => {
  let backend: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestIcons()] });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  async function fillAndSubmit(login: string, password: string) {
    const fixture = TestBed.createComponent(AdminLogin);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const email = el.querySelector<HTMLInputElement>('input[type=email]');
    const pwd = el.querySelector<HTMLInputElement>('input[type=password]');
    const form = el.querySelector('form');
    if (!email || !pwd || !form) throw new Error('login form not rendered');
    email.value = login;
    email.dispatchEvent(new Event('input'));
    pwd.value = password;
    pwd.dispatchEvent(new Event('input'));
    form.dispatchEvent(new Event('submit'));
    return fixture;
  }

  it('redirects a super-admin who logs in here to /super-admin', async () => {
    await fillAndSubmit('it@federation.fr', 'un-bon-mot-de-passe');
    const req = backend.expectOne('/api/auth/login');
    expect(req.request.body).toEqual({ login: 'it@federation.fr', password: 'un-bon-mot-de-passe' });
    const session = fakeSession('super-admin');
    req.flush({ accessToken: 'tok', role: 'super-admin', structureId: null, displayName: 'Fédération', session });
    expect(TestBed.inject(SessionStore).token('admin')).toBe('tok');
    expect(router.navigateByUrl).toHaveBeenCalledWith('/super-admin');
  });

  it('refuses a family account and shows the API errors', async () => {
    const fixture = await fillAndSubmit('famille@exemple.fr', 'un-bon-mot-de-passe');
    backend
      .expectOne('/api/auth/login')
      .flush({ accessToken: 'tok', role: 'family', structureId: 7, displayName: 'Dupont', session: fakeSession('family') });
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain(FAMILY_ACCOUNT_MESSAGE);
    expect(TestBed.inject(SessionStore).token('admin')).toBeNull();
  });

  it('shows the wait of a rate-limited login', async () => {
    const fixture = await fillAndSubmit('equipe@ludo.fr', 'un-mauvais-mot-de-passe');
    backend
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, message: 'Trop de tentatives : réessayez dans 5 minutes.' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Trop de tentatives : réessayez dans 5 minutes.');
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });
});
