import { LiveAnnouncer } from '@angular/cdk/a11y';
import { Clipboard } from '@angular/cdk/clipboard';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { of } from 'rxjs';
import { provideTestIcons } from '../core/testing';
import { AdminHome, RESET_COUNTER_QUESTION } from './admin-home';

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

  afterEach(() => backend.verify());

  it('shows the kiosk address and the present counter, and resets the counter after explaining it deletes nothing', async () => {
    const fixture = TestBed.createComponent(AdminHome);
    await fixture.whenStable();
    backend.expectOne('/api/attendance/counter').flush({ counter: 12, resetAt: '2026-11-29T13:02:00Z', kioskPath: '/k/chemin-rouge' });
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
});
