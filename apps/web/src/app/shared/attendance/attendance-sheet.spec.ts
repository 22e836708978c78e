import { LiveAnnouncer } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ATTENDANCE_THANKS, AttendanceSheet, ValidateAttendanceRequest, ValidateAttendanceResponse } from '@pointage/contracts';
import { provideTestIcons } from '../../core/testing';
import { AttendanceSheetView, CANCELLED_MESSAGE, CLOSED_MESSAGE, RETRYING_MESSAGE, SheetEnd } from './attendance-sheet';
import { DEFAULT_KIOSK_TIMING, KIOSK_TIMING } from './kiosk-timing';

const SLOT = { id: 40, date: '2018-10-23', start: '14:00', end: '18:00' };

function sheet(overrides: Partial<AttendanceSheet> = {}): AttendanceSheet {
  return {
    familyId: 3,
    familyName: 'GRUJIC',
    slot: SLOT,
    members: [
      { id: 5, firstName: 'Stanko', lastName: 'GRUJIC', avatar: null, present: true },
      { id: 6, firstName: 'Luka', lastName: 'GRUJIC', avatar: 'lion', present: false },
      { id: 7, firstName: 'Lyn', lastName: 'LAOUAR', avatar: null, present: false },
    ],
    ...overrides,
  };
}

const OK: ValidateAttendanceResponse = { recorded: 2, alreadyPresent: 0, slot: SLOT, message: '2 présences enregistrées.' };
/** Time passes for the fake timers only: nothing really waits. */
const elapse = (ms: number) => jest.advanceTimersByTimeAsync(ms);

describe('AttendanceSheetView', () => {
  let backend: HttpTestingController;
  let announce: jest.Mock;
  let fixture: ComponentFixture<AttendanceSheetView>;
  let el: HTMLElement;
  let ends: SheetEnd[];

  beforeEach(() => {
    // Fake timers for the page's own delays (retries, thank-you, inactivity, debounce); animation frames stay
    // real: Angular's change detection runs on them, so whenStable() settles without advancing time.
    jest.useFakeTimers({ doNotFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'queueMicrotask', 'nextTick'] });
    announce = jest.fn().mockResolvedValue(undefined);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestIcons(),
        { provide: LiveAnnouncer, useValue: { announce } },
        { provide: KIOSK_TIMING, useValue: { ...DEFAULT_KIOSK_TIMING, retryDelaysMs: [5, 10, 20], thanksMs: 200 } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  async function render(data: AttendanceSheet = sheet()) {
    fixture = TestBed.createComponent(AttendanceSheetView);
    fixture.componentRef.setInput('editLink', ['/k', 'chemin-rouge', 'famille']);
    ends = [];
    fixture.componentInstance.finished.subscribe((e) => ends.push(e));
    await fixture.whenStable();
    backend.expectOne('/api/family/sheet').flush(data);
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  }

  function card(firstName: string): HTMLButtonElement {
    const found = Array.from(el.querySelectorAll<HTMLButtonElement>('button.card')).find((b) => b.textContent?.includes(firstName));
    if (!found) throw new Error(`no card for ${firstName}`);
    return found;
  }

  function button(label: string): HTMLButtonElement | undefined {
    return Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim() === label);
  }

  async function click(b: HTMLElement | undefined) {
    b?.click();
    await fixture.whenStable();
  }

  function expectValidation(): TestRequest {
    return backend.expectOne('/api/family/attendance');
  }

  it('shows the family, the slot and a card per member; those already recorded stay present', async () => {
    await render();
    expect(el.querySelector('h1')?.textContent).toBe('Famille GRUJIC');
    expect(el.textContent).toContain('Créneau : 14:00 – 18:00');
    expect(el.textContent).toContain('MODIFIER OU AJOUTER UN MEMBRE');
    const stanko = card('Stanko');
    expect(stanko.getAttribute('aria-pressed')).toBe('true');
    expect(stanko.getAttribute('aria-disabled')).toBe('true');
    expect(stanko.textContent?.replace(/\s+/g, ' ')).toContain('Stanko GRUJIC Présent ✓ (déjà pointé)');
    expect(card('Luka').getAttribute('aria-pressed')).toBe('false');
    expect(card('Luka').textContent).toContain('Absent');

    // Un-ticking somebody already recorded does nothing.
    await click(stanko);
    expect(stanko.getAttribute('aria-pressed')).toBe('true');
    expect(fixture.componentInstance.ticked().size).toBe(0);
  });

  it('enables VALIDER only when somebody new is ticked', async () => {
    await render();
    expect(button('VALIDER')?.disabled).toBe(true);
    await click(card('Luka'));
    expect(card('Luka').getAttribute('aria-pressed')).toBe('true');
    expect(card('Luka').textContent).toContain('Présent');
    expect(button('VALIDER')?.disabled).toBe(false);
    await click(card('Luka'));
    expect(card('Luka').textContent).toContain('Absent');
    expect(button('VALIDER')?.disabled).toBe(true);
  });

  it('retries a lost validation with the same key until it succeeds, then thanks and ends', async () => {
    await render();
    await click(card('Luka'));
    await click(card('Lyn'));
    await click(button('VALIDER'));

    const first = expectValidation();
    const body = first.request.body as ValidateAttendanceRequest;
    expect(body.memberIds).toEqual([6, 7]);
    expect(body.key).toMatch(/^[0-9a-f-]{36}$/);
    first.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await fixture.whenStable();
    expect(el.textContent).toContain(RETRYING_MESSAGE);
    expect(button('Annuler')).toBeDefined();
    expect(announce).toHaveBeenCalledWith(RETRYING_MESSAGE, 'assertive');

    await elapse(50);
    const second = expectValidation();
    expect(second.request.body).toEqual(body);
    second.flush({ statusCode: 503, message: 'Indisponible' }, { status: 503, statusText: 'Service Unavailable' });

    await elapse(60);
    const third = expectValidation();
    expect(third.request.body).toEqual(body);
    third.flush(OK);
    await fixture.whenStable();

    expect(el.textContent).toContain(ATTENDANCE_THANKS);
    expect(el.textContent).not.toContain(RETRYING_MESSAGE);
    expect(announce).toHaveBeenCalledWith(ATTENDANCE_THANKS, 'assertive');
    expect(fixture.componentInstance.holding()).toBe(true);
    expect(ends).toEqual([]);
    // No more attempts once it succeeded; after the thank-you's delay, the sheet is over.
    await elapse(300);
    backend.expectNone('/api/family/attendance');
    expect(ends).toEqual(['thanks']);
  });

  it('stops retrying on "Annuler", and a new press of VALIDER uses a new key', async () => {
    await render();
    await click(card('Luka'));
    await click(button('VALIDER'));
    const first = expectValidation();
    const key = (first.request.body as ValidateAttendanceRequest).key;
    first.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await fixture.whenStable();

    await click(button('Annuler'));
    expect(el.textContent).toContain(CANCELLED_MESSAGE);
    await elapse(40);
    backend.expectNone('/api/family/attendance');
    // The selection is kept: the family may try again.
    expect(card('Luka').getAttribute('aria-pressed')).toBe('true');

    await click(button('VALIDER'));
    const again = expectValidation();
    expect((again.request.body as ValidateAttendanceRequest).key).not.toBe(key);
    again.flush(OK);
    await fixture.whenStable();
    expect(el.textContent).toContain(ATTENDANCE_THANKS);
    await click(button("Retour à l'accueil"));
    expect(ends).toEqual(['thanks']);
  });

  it('does not retry a refusal: shows the message and reloads the sheet (no slot any more)', async () => {
    await render();
    await click(card('Lyn'));
    await click(button('VALIDER'));
    expectValidation().flush(
      { statusCode: 409, message: "Aucun créneau n'est ouvert aujourd'hui." },
      { status: 409, statusText: 'Conflict' },
    );
    backend.expectOne('/api/family/sheet').flush(sheet({ slot: null }));
    await fixture.whenStable();
    expect(el.textContent).toContain("Aucun créneau n'est ouvert aujourd'hui.");
    expect(el.textContent).toContain(CLOSED_MESSAGE);
    await elapse(40);
    backend.expectNone('/api/family/attendance');
  });

  it('when closed, offers only member editing and "Terminer"', async () => {
    await render(sheet({ slot: null }));
    expect(el.textContent).toContain(CLOSED_MESSAGE);
    expect(el.querySelectorAll('button.card')).toHaveLength(0);
    expect(button('VALIDER')).toBeUndefined();
    expect(el.querySelector('a[href="/k/chemin-rouge/famille"]')?.textContent).toContain('MODIFIER OU AJOUTER UN MEMBRE');
    await click(button('Terminer'));
    expect(ends).toEqual(['finish']);
  });
});
