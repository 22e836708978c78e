import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { authInterceptor } from '../core/auth.interceptor';
import { SessionStore } from '../core/session';
import { fakeSession, provideTestIcons } from '../core/testing';
import { DEFAULT_KIOSK_TIMING, KIOSK_TIMING, KioskTiming } from '../shared/attendance/kiosk-timing';
import { KioskApi } from './kiosk-api';
import { KioskPresence } from './kiosk-presence';

/** Time passes for the fake timers only: nothing really waits. */
const elapse = (ms: number) => jest.advanceTimersByTimeAsync(ms);

describe('KioskPresence', () => {
  let backend: HttpTestingController;
  /** "Terminer" also ends the session on the server (best effort, answer ignored). */
  const expectLogout = (token: string) => {
    const req = backend.expectOne('/api/auth/logout');
    expect(req.request.method).toBe('POST');
    expect(req.request.headers.get('Authorization')).toBe(`Bearer ${token}`);
    req.flush({ message: 'Vous êtes déconnecté.' });
  };
  let store: SessionStore;
  let router: Router;
  /** Mutable: a test may shorten the inactivity delay after the page is created. */
  let timing: KioskTiming;

  beforeEach(() => {
    // Fake timers for the page's own delays (retries, thank-you, inactivity, debounce); animation frames stay
    // real: Angular's change detection runs on them, so whenStable() settles without advancing time.
    jest.useFakeTimers({ doNotFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'queueMicrotask', 'nextTick'] });
    sessionStorage.clear();
    timing = { ...DEFAULT_KIOSK_TIMING, thanksMs: 20 };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideTestIcons(),
        { provide: KIOSK_TIMING, useValue: timing },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
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
    jest.useRealTimers();
  });

  async function render() {
    const fixture = TestBed.createComponent(KioskPresence);
    fixture.componentRef.setInput('slug', 'chemin-rouge');
    await fixture.whenStable();
    backend
      .expectOne('/api/public/structures/chemin-rouge')
      .flush({ id: 7, name: 'Chemin Rouge', slug: 'chemin-rouge', timeZone: 'Europe/Paris', welcomeMessage: '', logoUrl: null });
    const sheet = backend.expectOne('/api/family/sheet');
    expect(sheet.request.headers.get('Authorization')).toBe('Bearer family-token');
    sheet.flush({
      familyId: 3,
      familyName: 'GRUJIC',
      slot: { id: 40, date: '2018-10-23', start: '14:00', end: '18:00' },
      members: [{ id: 6, firstName: 'Luka', lastName: 'GRUJIC', avatar: null, present: false }],
    });
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('shows the clock and the sheet; the members page is one touch away', async () => {
    const { el } = await render();
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(el.querySelector('h1')?.textContent).toBe('Famille GRUJIC');
    expect(el.querySelector('.time')?.textContent).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(el.querySelector('a[href="/k/chemin-rouge/famille"]')?.textContent).toContain('MODIFIER OU AJOUTER UN MEMBRE');
  });

  it('after the thank-you, drops the family session and goes back to the kiosk home', async () => {
    const { fixture, el } = await render();
    el.querySelector<HTMLButtonElement>('button.card')?.click();
    await fixture.whenStable();
    Array.from(el.querySelectorAll<HTMLButtonElement>('button'))
      .find((b) => b.textContent?.trim() === 'VALIDER')
      ?.click();
    backend.expectOne('/api/family/attendance').flush({
      recorded: 1,
      alreadyPresent: 0,
      slot: { id: 40, date: '2018-10-23', start: '14:00', end: '18:00' },
      message: '1 présence enregistrée.',
    });
    await fixture.whenStable();
    expect(store.token('kiosk')).toBe('family-token');
    await elapse(60);
    expect(store.token('kiosk')).toBeNull();
    expect(router.navigate).toHaveBeenCalledWith(['/k', 'chemin-rouge']);
    expectLogout('family-token');
  });

  it('after VALIDER, the focus goes to the family heading (the button is gone)', async () => {
    const { fixture, el } = await render();
    el.querySelector<HTMLButtonElement>('button.card')?.click();
    await fixture.whenStable();
    const validate = Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim() === 'VALIDER');
    validate?.focus();
    validate?.click();
    backend.expectOne('/api/family/attendance').flush({ recorded: 1, alreadyPresent: 0, slot: null, message: '1 présence enregistrée.' });
    await fixture.whenStable();
    const h1 = el.querySelector('h1');
    expect(h1?.getAttribute('tabindex')).toBe('-1');
    expect(document.activeElement).toBe(h1);
    await elapse(60);
    expectLogout('family-token');
  });

  it('the inactivity question names the ticked members and its VALIDER records them like the sheet', async () => {
    const { fixture, el } = await render();
    timing.inactivityMs = 30;
    // A tap: the touch starts the (shortened) delay again, the click ticks the member.
    const card = el.querySelector<HTMLButtonElement>('button.card');
    card?.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    card?.click();
    await fixture.whenStable();
    await elapse(80);
    const dialog = () => document.querySelector('mat-dialog-container');
    expect(dialog()?.textContent).toContain("1 personne cochée n'est pas encore validée.");
    Array.from(dialog()?.querySelectorAll<HTMLButtonElement>('button') ?? [])
      .find((b) => b.textContent?.trim() === 'VALIDER')
      ?.click();
    await elapse(20);
    await fixture.whenStable();
    const req = backend.expectOne('/api/family/attendance');
    expect(req.request.body).toEqual({ key: expect.stringMatching(/^[0-9a-f-]{36}$/), memberIds: [6] });
    expect(req.request.headers.get('Authorization')).toBe('Bearer family-token');
    req.flush({ recorded: 1, alreadyPresent: 0, slot: null, message: '1 présence enregistrée.' });
    await fixture.whenStable();
    expect(el.textContent).toContain('Merci');
    await elapse(60);
    expect(store.token('kiosk')).toBeNull();
    expect(router.navigate).toHaveBeenCalledWith(['/k', 'chemin-rouge']);
    expectLogout('family-token');
  });

  it('"Terminer" ends the family session at once', async () => {
    const { el } = await render();
    Array.from(el.querySelectorAll<HTMLButtonElement>('button'))
      .find((b) => b.textContent?.trim() === 'Terminer')
      ?.click();
    expect(store.token('kiosk')).toBeNull();
    expect(router.navigate).toHaveBeenCalledWith(['/k', 'chemin-rouge']);
    expectLogout('family-token');
  });
});
