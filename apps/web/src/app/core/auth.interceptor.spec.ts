import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { authInterceptor, SESSION_AREA } from './auth.interceptor';
import { SESSION_EXPIRED_MESSAGE, SessionStore } from './session';
import { fakeSession } from './testing';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: SessionStore;
  let router: Router;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  it('adds the bearer token of the area', () => {
    store.set('admin', 'admin-token', fakeSession('admin'));
    http.get('/api/audit').subscribe();
    expect(backend.expectOne('/api/audit').request.headers.get('Authorization')).toBe('Bearer admin-token');
  });

  it('sends no token to the login call', () => {
    store.set('admin', 'admin-token', fakeSession('admin'));
    http.post('/api/auth/login', {}).subscribe({ error: () => undefined });
    const req = backend.expectOne('/api/auth/login');
    expect(req.request.headers.has('Authorization')).toBe(false);
    // Wrong credentials: not an expired session.
    req.flush({ statusCode: 401, message: 'Identifiants incorrects.' }, { status: 401, statusText: 'Unauthorized' });
    expect(store.token('admin')).toBe('admin-token');
    expect(router.navigate).not.toHaveBeenCalled();
  });

  it('sends no token to the public calls of the kiosk, and the family token to its own calls', () => {
    store.set('admin', 'admin-token', fakeSession('admin'));
    store.set('kiosk', 'family-token', fakeSession('family'));
    http.post('/api/public/structures/chemin-rouge/families', {}).subscribe();
    expect(backend.expectOne('/api/public/structures/chemin-rouge/families').request.headers.has('Authorization')).toBe(false);
    http.get('/api/family/me').subscribe();
    expect(backend.expectOne('/api/family/me').request.headers.get('Authorization')).toBe('Bearer family-token');
  });

  it('on a 401 clears the session and goes to the login page with a message', () => {
    store.set('admin', 'admin-token', fakeSession('admin'));
    let failed = false;
    http.get('/api/audit').subscribe({ error: () => (failed = true) });
    backend.expectOne('/api/audit').flush({ statusCode: 401, message: 'Session expirée.' }, { status: 401, statusText: 'Unauthorized' });
    expect(failed).toBe(true);
    expect(store.token('admin')).toBeNull();
    expect(router.navigate).toHaveBeenCalledWith(['/admin/connexion'], expect.anything());
    expect(store.takeNotice()).toBe(SESSION_EXPIRED_MESSAGE);
  });

  it('sends an acting super-admin to the super-admin login page', () => {
    store.set('admin', 'super', fakeSession('super-admin'));
    store.startActing('acting', fakeSession('admin', { actor: { accountId: 1, role: 'super-admin', displayName: 'Fédération' } }));
    http.get('/api/audit').subscribe({ error: () => undefined });
    backend.expectOne('/api/audit').flush({}, { status: 401, statusText: 'Unauthorized' });
    expect(router.navigate).toHaveBeenCalledWith(['/super-admin/connexion'], expect.anything());
    expect(store.admin()).toBeNull();
  });

  it('a wrong current password does not end the session', () => {
    store.set('admin', 'admin-token', fakeSession('admin'));
    http.post('/api/auth/password', {}).subscribe({ error: () => undefined });
    backend
      .expectOne('/api/auth/password')
      .flush({ message: 'Mot de passe actuel incorrect.' }, { status: 401, statusText: 'Unauthorized' });
    expect(store.token('admin')).toBe('admin-token');
  });

  it('a 401 of the kiosk area leaves the back office alone', () => {
    store.set('admin', 'admin-token', fakeSession('admin'));
    store.set('kiosk', 'family-token', fakeSession('family'));
    http.get('/api/kiosk/sheet').subscribe({ error: () => undefined });
    backend.expectOne('/api/kiosk/sheet').flush({}, { status: 401, statusText: 'Unauthorized' });
    expect(store.token('kiosk')).toBeNull();
    expect(store.token('admin')).toBe('admin-token');
    expect(router.navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('sends the token of the area the caller asks for (ending acting for a family)', () => {
    store.set('admin', 'admin-token', fakeSession('admin'));
    store.set('kiosk', 'acting-token', fakeSession('family', { actor: { accountId: 2, role: 'admin', displayName: 'Équipe' } }));
    http.post('/api/auth/act/end', {}, { context: new HttpContext().set(SESSION_AREA, 'kiosk') }).subscribe();
    expect(backend.expectOne('/api/auth/act/end').request.headers.get('Authorization')).toBe('Bearer acting-token');
    http.post('/api/auth/act/end', {}).subscribe();
    expect(backend.expectOne('/api/auth/act/end').request.headers.get('Authorization')).toBe('Bearer admin-token');
  });

  it('an expired acting token only drops the acting session: the back office stays where it is', () => {
    store.set('admin', 'admin-token', fakeSession('admin'));
    store.set('kiosk', 'acting-token', fakeSession('family', { actor: { accountId: 2, role: 'admin', displayName: 'Équipe' } }));
    http.get('/api/family/sheet').subscribe({ error: () => undefined });
    backend.expectOne('/api/family/sheet').flush({}, { status: 401, statusText: 'Unauthorized' });
    expect(store.token('kiosk')).toBeNull();
    expect(store.token('admin')).toBe('admin-token');
    expect(router.navigateByUrl).not.toHaveBeenCalled();
    expect(router.navigate).not.toHaveBeenCalled();
    expect(store.takeNotice()).toBeNull();
  });
});
