import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { KioskStatus } from '@pointage/contracts';
import { SessionStore } from '../core/session';
import { fakeSession, provideTestIcons } from '../core/testing';
import { DEFAULT_KIOSK_TIMING, KIOSK_TIMING } from '../shared/attendance/kiosk-timing';
import { CLOSED_TODAY, CONNECTION_LOST, KioskHome } from './kiosk-home';

const STATUS_URL = '/api/public/structures/chemin-rouge/kiosk';

function status(overrides: Partial<KioskStatus> = {}): KioskStatus {
  return {
    structure: {
      name: 'Ludothèque du Chemin Rouge',
      slug: 'chemin-rouge',
      welcomeMessage: 'Bienvenue à la ludothèque !',
      logoUrl: null,
      timeZone: 'Europe/Paris',
    },
    today: '2018-10-23',
    now: '15:41',
    slot: { id: 40, start: '14:00', end: '18:00', current: true },
    closed: false,
    counter: 12,
    ...overrides,
  };
}

describe('KioskHome', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<KioskHome>;
  let el: HTMLElement;

  beforeEach(() => {
    sessionStorage.clear();
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    // 13:41:20 UTC: 15:41:20 in Paris, whatever the zone of the device running the test.
    jest.setSystemTime(new Date(Date.UTC(2018, 9, 23, 13, 41, 20)));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestIcons(),
        { provide: KIOSK_TIMING, useValue: { ...DEFAULT_KIOSK_TIMING, statusPollMs: 1000 } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(KioskHome);
    fixture.componentRef.setInput('slug', 'chemin-rouge');
    el = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => {
    backend.verify();
    fixture.destroy();
    jest.useRealTimers();
  });

  function tick(ms = 0): void {
    jest.advanceTimersByTime(ms);
    fixture.detectChanges();
  }

  function start(answer: KioskStatus = status()): void {
    fixture.detectChanges();
    tick();
    backend.expectOne(STATUS_URL).flush(answer);
    fixture.detectChanges();
  }

  function links(): string[] {
    return Array.from(el.querySelectorAll('nav a')).map((a) => a.textContent?.trim() ?? '');
  }

  it('shows the structure, the date and time of its zone, the current slot, the counter and the ways in', () => {
    start();
    expect(el.querySelector('h1')?.textContent).toBe('Ludothèque du Chemin Rouge');
    expect(el.textContent).toContain('Bienvenue à la ludothèque !');
    expect(el.querySelector('.time')?.textContent).toBe('15:41:20');
    expect(el.querySelector('.date')?.textContent).toBe('mardi 23 octobre 2018');
    expect(el.textContent).toContain('Créneau en cours : 14:00 – 18:00');
    expect(el.textContent).toContain('12 personnes présentes');
    expect(links()).toEqual(['Se connecter', "Inscription d'une nouvelle famille", 'Identifiants oubliés ?']);
    expect(el.textContent).not.toContain('panneau de contrôle');
    // The clock ticks just after each change of second.
    tick(1020);
    expect(el.querySelector('.time')?.textContent).toBe('15:41:21');
    backend.expectOne(STATUS_URL).flush(status());
  });

  it('announces the next slot, and says when nobody is there yet', () => {
    start(status({ slot: { id: 41, start: '16:30', end: '18:30', current: false }, counter: 0 }));
    expect(el.textContent).toContain('Prochain créneau : 16:30 – 18:30');
    expect(el.textContent).toContain("Aucune personne présente pour l'instant");
  });

  it('says when the ludothèque is closed today, and still lets families log in', () => {
    start(status({ slot: null, closed: true, counter: 0 }));
    expect(el.textContent).toContain(CLOSED_TODAY);
    expect(el.textContent).not.toContain('Créneau');
    expect(links()).toContain('Se connecter');
  });

  it('polls the status, keeps the last figures when a poll fails, and says the connection is lost', () => {
    start();
    tick(1000);
    backend.expectOne(STATUS_URL).flush(status({ counter: 13 }));
    fixture.detectChanges();
    expect(el.textContent).toContain('13 personnes présentes');
    expect(el.textContent).not.toContain(CONNECTION_LOST);

    tick(1000);
    backend.expectOne(STATUS_URL).error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    fixture.detectChanges();
    expect(el.textContent).toContain('13 personnes présentes');
    expect(el.textContent).toContain(CONNECTION_LOST);

    tick(1000);
    backend.expectOne(STATUS_URL).flush(status({ counter: 14 }));
    fixture.detectChanges();
    expect(el.textContent).toContain('14 personnes présentes');
    expect(el.textContent).not.toContain(CONNECTION_LOST);
  });

  it('refreshes when the kiosk window gets the focus back', () => {
    start();
    window.dispatchEvent(new Event('focus'));
    backend.expectOne(STATUS_URL).flush(status({ counter: 20 }));
    fixture.detectChanges();
    expect(el.textContent).toContain('20 personnes présentes');
  });

  it('shows the structure without figures when the first poll fails', () => {
    fixture.detectChanges();
    tick();
    backend.expectOne(STATUS_URL).flush({ statusCode: 500, message: 'Erreur' }, { status: 500, statusText: 'Server Error' });
    backend.expectOne('/api/public/structures/chemin-rouge').flush({
      id: 7,
      name: 'Ludothèque du Chemin Rouge',
      slug: 'chemin-rouge',
      timeZone: 'Europe/Paris',
      welcomeMessage: '',
      logoUrl: null,
    });
    fixture.detectChanges();
    expect(el.querySelector('h1')?.textContent).toBe('Ludothèque du Chemin Rouge');
    expect(el.textContent).toContain(CONNECTION_LOST);
    expect(links()).toContain('Se connecter');
  });

  it('says when the structure does not exist', () => {
    fixture.detectChanges();
    tick();
    backend.expectOne(STATUS_URL).flush({ statusCode: 404, message: 'Ludothèque introuvable.' }, { status: 404, statusText: 'Not Found' });
    backend
      .expectOne('/api/public/structures/chemin-rouge')
      .flush({ statusCode: 404, message: 'Ludothèque introuvable.' }, { status: 404, statusText: 'Not Found' });
    fixture.detectChanges();
    expect(el.querySelector('h1')?.textContent).toBe('Ludothèque introuvable');
    expect(el.textContent).not.toContain(CONNECTION_LOST);
  });

  it('ends a family session still open when the kiosk is back home (left by the header link, without "Terminer")', () => {
    const store = TestBed.inject(SessionStore);
    store.openKiosk('chemin-rouge', 'family-token', fakeSession('family', { familyId: 3 }));
    const again = TestBed.createComponent(KioskHome);
    const logout = backend.expectOne('/api/auth/logout');
    expect(logout.request.method).toBe('POST');
    logout.flush({ message: 'Vous êtes déconnecté.' });
    expect(store.token('kiosk')).toBeNull();
    expect(sessionStorage.getItem('pointage.kiosk')).toBeNull();
    again.destroy();
  });
});
