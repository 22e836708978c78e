import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { authInterceptor } from '../core/auth.interceptor';
import { KIOSK_KEY, SESSION_EXPIRED_MESSAGE, SessionStore } from '../core/session';
import { fakeSession, provideTestIcons } from '../core/testing';
import { DEFAULT_KIOSK_TIMING } from '../shared/attendance/kiosk-timing';
import { familySessionGuard, KioskApi } from './kiosk-api';
import { KioskPresence } from './kiosk-presence';

@Component({ selector: 'app-stub', changeDetection: ChangeDetectionStrategy.OnPush, template: '<p class="stub">page</p>' })
class Stub {}

/** The kiosk's family session across a reload of the tablet (a new application on the same tab's storage). */
describe('kiosk family session and reloads', () => {
  const LIMIT = DEFAULT_KIOSK_TIMING.inactivityMs + DEFAULT_KIOSK_TIMING.countdownSeconds * 1000;
  let backend: HttpTestingController;

  /** Starts the application (again): a reload keeps only the tab's sessionStorage. */
  function boot(): void {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            {
              path: 'k/:slug',
              children: [
                { path: '', pathMatch: 'full', component: Stub },
                { path: 'connexion', component: Stub },
                { path: 'presence', canActivate: [familySessionGuard], component: KioskPresence },
              ],
            },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideTestIcons(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  }

  beforeEach(() => {
    sessionStorage.clear();
    boot();
    TestBed.inject(KioskApi).keep('chemin-rouge', {
      accessToken: 'family-token',
      role: 'family',
      structureId: 7,
      displayName: 'GRUJIC',
      session: fakeSession('family', { familyId: 3 }),
    });
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  async function openPresence(): Promise<RouterTestingHarness> {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/k/chemin-rouge/presence');
    return harness;
  }

  function flushStructure(): void {
    backend
      .expectOne('/api/public/structures/chemin-rouge')
      .flush({ id: 7, name: 'Chemin Rouge', slug: 'chemin-rouge', timeZone: 'Europe/Paris', welcomeMessage: '', logoUrl: null });
  }

  it('a reload within the inactivity delay keeps the family on its sheet', async () => {
    boot();
    const harness = await openPresence();
    expect(TestBed.inject(Router).url).toBe('/k/chemin-rouge/presence');
    flushStructure();
    const sheet = backend.expectOne('/api/family/sheet');
    expect(sheet.request.headers.get('Authorization')).toBe('Bearer family-token');
    sheet.flush({ familyId: 3, familyName: 'GRUJIC', slot: null, members: [] });
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Famille GRUJIC');
  });

  it('a reload after the inactivity delay drops the family: the sheet asks to log in', async () => {
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + LIMIT + 1);
    boot();
    await openPresence();
    expect(TestBed.inject(Router).url).toBe('/k/chemin-rouge/connexion');
    expect(TestBed.inject(SessionStore).token('kiosk')).toBeNull();
    expect(sessionStorage.getItem(KIOSK_KEY)).toBeNull();
  });

  it('a restored session whose token was revoked meanwhile ends cleanly: back to the kiosk home', async () => {
    boot();
    const harness = await openPresence();
    flushStructure();
    backend
      .expectOne('/api/family/sheet')
      .flush({ statusCode: 401, message: 'Session expirée.' }, { status: 401, statusText: 'Unauthorized' });
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/k/chemin-rouge');
    const store = TestBed.inject(SessionStore);
    expect(store.token('kiosk')).toBeNull();
    expect(sessionStorage.getItem(KIOSK_KEY)).toBeNull();
    expect(store.takeNotice()).toBe(SESSION_EXPIRED_MESSAGE);
  });
});
