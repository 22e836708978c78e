import { LiveAnnouncer } from '@angular/cdk/a11y';
import { Clipboard } from '@angular/cdk/clipboard';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { of } from 'rxjs';
import { provideTestIcons } from '../core/testing';
import type { DemoDataInfo, PresentNow, PublicAppSettings } from '@pointage/contracts';
import { AdminHome, MAIL_NOT_CONFIGURED, PRESENT_POLL_MS, REMOVE_DEMO_QUESTION, RESET_COUNTER_QUESTION } from './admin-home';

const NO_DEMO: DemoDataInfo = { families: 0, members: 0, slots: 0, attendance: 0 };
const NOBODY: PresentNow = { today: '2026-11-30', slot: null, members: [] };
const SETTINGS: PublicAppSettings = { footerText: 'FEDER', funderLogos: [], mailConfigured: true };

describe('AdminHome', () => {
  let backend: HttpTestingController;
  let confirmed: boolean;
  let dialogOpen: jest.Mock;
  let copy: jest.Mock;

  beforeEach(() => {
    confirmed = true;
    dialogOpen = jest.fn(() => ({ afterClosed: () => of(confirmed) }));
    copy = jest.fn(() => true);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestIcons(),
        { provide: MatDialog, useValue: { open: dialogOpen } },
        { provide: Clipboard, useValue: { copy } },
        { provide: LiveAnnouncer, useValue: { announce: jest.fn().mockResolvedValue(undefined) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  /** The first requests of the page, answered. */
  function answerStart(o: { present?: PresentNow; demo?: DemoDataInfo; settings?: PublicAppSettings } = {}): void {
    backend.expectOne('/api/public/settings').flush(o.settings ?? SETTINGS);
    backend.expectOne('/api/attendance/counter').flush({ counter: 2, resetAt: null, kioskPath: '/k/chemin-rouge' });
    backend.expectOne('/api/attendance/present').flush(o.present ?? NOBODY);
    backend.expectOne('/api/demo-data').flush(o.demo ?? NO_DEMO);
  }

  it('shows the kiosk address and the present counter, and resets the counter after explaining it deletes nothing', async () => {
    const fixture = TestBed.createComponent(AdminHome);
    await fixture.whenStable();
    backend.expectOne('/api/public/settings').flush(SETTINGS);
    backend.expectOne('/api/attendance/counter').flush({ counter: 12, resetAt: '2026-11-29T13:02:00Z', kioskPath: '/k/chemin-rouge' });
    backend.expectOne('/api/attendance/present').flush(NOBODY);
    backend.expectOne('/api/demo-data').flush(NO_DEMO);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const address = `${location.origin}/k/chemin-rouge`;
    expect(el.querySelector('h2')?.textContent).toBe('Borne de pointage');
    expect(el.querySelector('code.address')?.textContent).toBe(address);
    expect(el.querySelector('a[aria-label="Ouvrir la borne (nouvel onglet)"]')?.getAttribute('href')).toBe(address);
    expect(el.textContent).toContain('12 personnes présentes');
    expect(el.textContent).toContain('Dernière remise à zéro : 29/11/2026 14:02');

    el.querySelector<HTMLButtonElement>(`button[aria-label="Copier l'adresse de la borne"]`)?.click();
    await fixture.whenStable();
    expect(copy).toHaveBeenCalledWith(address);
    expect(el.textContent).toContain('Adresse de la borne copiée.');

    const reset = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.includes('Remettre le compteur à zéro'));
    confirmed = false;
    reset?.click();
    expect((dialogOpen.mock.calls[0] as unknown[])[1]).toMatchObject({ data: { message: RESET_COUNTER_QUESTION } });
    expect(RESET_COUNTER_QUESTION).toContain('jamais effacées');
    backend.expectNone('/api/attendance/counter/reset');

    confirmed = true;
    reset?.click();
    backend.expectOne('/api/attendance/counter/reset').flush({ counter: 0, resetAt: '2026-11-29T14:00:00Z', kioskPath: '/k/chemin-rouge' });
    await fixture.whenStable();
    expect(el.textContent).toContain("Aucune personne présente pour l'instant");
  });

  it('lists who is here now in the current slot, and refreshes every 15 s only while the page is visible', async () => {
    // Only the interval is faked: Angular's stability still runs on real timers.
    jest.useFakeTimers({
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setImmediate',
        'clearImmediate',
        'nextTick',
        'queueMicrotask',
        'Date',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'performance',
        'hrtime',
        'requestIdleCallback',
        'cancelIdleCallback',
      ],
    });
    const fixture = TestBed.createComponent(AdminHome);
    await fixture.whenStable();
    answerStart({
      present: {
        today: '2026-11-30',
        slot: { id: 4, start: '14:00', end: '18:00' },
        members: [
          {
            memberId: 1,
            firstName: 'Pablo',
            lastName: 'NAVARRO',
            familyName: 'NAVARRO',
            arrivedAt: '2026-11-30T13:10:00Z',
            arrival: '14:10',
          },
          {
            memberId: 2,
            firstName: 'Lucía',
            lastName: 'NAVARRO',
            familyName: 'NAVARRO',
            arrivedAt: '2026-11-30T13:25:00Z',
            arrival: '14:25',
          },
        ],
      },
    });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toContain('Présents en ce moment');
    expect(el.textContent).toContain('Créneau en cours : 14:00–18:00');
    const rows = Array.from(el.querySelectorAll('ul[aria-label="Membres pointés sur le créneau en cours"] li')).map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(rows).toEqual(['Pablo NAVARRO, famille NAVARRO, arrivée à 14:10', 'Lucía NAVARRO, famille NAVARRO, arrivée à 14:25']);

    // 15 s later: counter and list again.
    jest.advanceTimersByTime(PRESENT_POLL_MS);
    backend.expectOne('/api/attendance/counter').flush({ counter: 0, resetAt: null, kioskPath: '/k/chemin-rouge' });
    backend.expectOne('/api/attendance/present').flush(NOBODY);
    await fixture.whenStable();
    expect(el.textContent).toContain('Aucun créneau en cours.');

    // A hidden tab polls nothing, and catches up as soon as it is shown.
    const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    jest.advanceTimersByTime(PRESENT_POLL_MS * 3);
    backend.expectNone('/api/attendance/present');
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    backend.expectOne('/api/attendance/counter').flush({ counter: 0, resetAt: null, kioskPath: '/k/chemin-rouge' });
    backend.expectOne('/api/attendance/present').flush({ ...NOBODY, slot: { id: 5, start: '18:00', end: '19:00' } });
    await fixture.whenStable();
    expect(el.textContent).toContain("Personne n'est encore pointé sur ce créneau.");

    // Gone with the page.
    fixture.destroy();
    jest.advanceTimersByTime(PRESENT_POLL_MS * 2);
    backend.expectNone('/api/attendance/present');
    visibility.mockRestore();
  });

  it('offers to remove the demo data, after a confirmation, and says what was removed and kept', async () => {
    const fixture = TestBed.createComponent(AdminHome);
    await fixture.whenStable();
    answerStart({ demo: { families: 25, members: 80, slots: 600, attendance: 1500 } });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('.demo-card h2')?.textContent).toBe('Données de démonstration');
    expect(el.querySelector('.demo-card')?.textContent).toContain('25 familles fictives, 600 créneaux et 1500 présences');
    const remove = () =>
      Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.includes('Supprimer les données de démonstration'));

    confirmed = false;
    remove()?.click();
    expect((dialogOpen.mock.calls[0] as unknown[])[1]).toMatchObject({ data: { message: REMOVE_DEMO_QUESTION } });
    expect(REMOVE_DEMO_QUESTION).toContain('Vos propres familles et leurs présences sont conservées');
    backend.expectNone({ method: 'DELETE', url: '/api/demo-data' });

    confirmed = true;
    remove()?.click();
    backend
      .expectOne({ method: 'DELETE', url: '/api/demo-data' })
      .flush({ families: 25, members: 80, slots: 598, attendance: 1500, keptSlots: 2 });
    backend.expectOne('/api/attendance/counter').flush({ counter: 0, resetAt: null, kioskPath: '/k/chemin-rouge' });
    backend.expectOne('/api/attendance/present').flush(NOBODY);
    await fixture.whenStable();
    expect(el.querySelector('.demo-card')).toBeNull();
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Données de démonstration supprimées : 25 familles fictives, 598 créneaux et 1500 présences. 2 créneaux conservés : vos familles y ont été pointées.',
    );
  });

  it('shows no demo card without demo data, and warns while mails are not configured', async () => {
    const fixture = TestBed.createComponent(AdminHome);
    await fixture.whenStable();
    answerStart({ settings: { ...SETTINGS, mailConfigured: false } });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('.demo-card')).toBeNull();
    expect(el.querySelector('.mail-notice')?.textContent).toContain(MAIL_NOT_CONFIGURED);
    // A local install has no super-admin at first: the notice says how to get one.
    expect(el.querySelector('.mail-notice')?.textContent).toContain('npm run cli -- create-super-admin');
  });

  it('says nothing about mails once they are configured', async () => {
    const fixture = TestBed.createComponent(AdminHome);
    await fixture.whenStable();
    answerStart();
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('.mail-notice')).toBeNull();
  });
});
