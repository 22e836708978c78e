import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from './auth';
import { authInterceptor } from './auth.interceptor';
import { SessionStore } from './session';
import { fakeSession } from './testing';

describe('AuthService acting', () => {
  let backend: HttpTestingController;
  let store: SessionStore;
  let auth: AuthService;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
    auth = TestBed.inject(AuthService);
    store.set('admin', 'super-token', fakeSession('super-admin'));
  });

  afterEach(() => backend.verify());

  const actingSession = fakeSession('admin', { actor: { accountId: 1, role: 'super-admin', displayName: 'Fédération' } });

  it('acts as the admin of a structure with the super-admin token, then uses the acting token', () => {
    auth.actAsAdmin(7).subscribe();
    const act = backend.expectOne('/api/super-admin/structures/7/act');
    expect(act.request.method).toBe('POST');
    expect(act.request.headers.get('Authorization')).toBe('Bearer super-token');
    act.flush({ accessToken: 'acting-token', session: actingSession });
    expect(store.token('admin')).toBe('acting-token');
    expect(store.previousAdmin()?.role).toBe('super-admin');
  });

  it('"revenir" audits with the acting token and restores the super-admin session', () => {
    store.startActing('acting-token', actingSession);
    let restored: string | undefined;
    auth.endActing().subscribe((info) => (restored = info?.role));
    const end = backend.expectOne('/api/auth/act/end');
    expect(end.request.headers.get('Authorization')).toBe('Bearer acting-token');
    end.flush({ message: 'Vous êtes revenu à votre compte.' });
    expect(restored).toBe('super-admin');
    expect(store.token('admin')).toBe('super-token');
  });

  it('restores the super-admin session even when the acting token was refused', () => {
    store.startActing('acting-token', actingSession);
    auth.endActing().subscribe();
    backend
      .expectOne('/api/auth/act/end')
      .flush({ statusCode: 401, message: 'Session expirée.' }, { status: 401, statusText: 'Unauthorized' });
    expect(store.token('admin')).toBe('super-token');
  });
});
