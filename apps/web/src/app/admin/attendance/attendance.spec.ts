import { LiveAnnouncer } from '@angular/cdk/a11y';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, Router } from '@angular/router';
import type { AttendanceSheet, DayAttendance, FamilySummary, SessionInfo } from '@pointage/contracts';
import { of } from 'rxjs';
import { authInterceptor } from '../../core/auth.interceptor';
import { SessionStore } from '../../core/session';
import { DATE_PROVIDERS, fakeSession, provideTestIcons, testFamily, testMember } from '../../core/testing';
import { TODAY } from '../../core/today';
import { DEFAULT_KIOSK_TIMING, KIOSK_TIMING } from '../../shared/attendance/kiosk-timing';
import { ACTING_EXPIRED_MESSAGE, ActForFamily } from './act-for-family';
import { BAD_ARRIVAL, checkRetro, NO_MEMBER, PastAttendance } from './past-attendance';

const ACTOR = { accountId: 2, role: 'admin' as const, displayName: 'Équipe du Chemin Rouge' };

function actingSession(familyId = 3): SessionInfo {
  return fakeSession('family', { familyId, displayName: 'GRUJIC', actor: ACTOR });
}

const SHEET: AttendanceSheet = {
  familyId: 3,
  familyName: 'GRUJIC',
  slot: { id: 40, date: '2018-10-23', start: '14:00', end: '18:00' },
  members: [{ id: 6, firstName: 'Luka', lastName: 'GRUJIC', avatar: null, present: false }],
};

/** Time passes for the fake timers only: nothing really waits. */
const elapse = (ms: number) => jest.advanceTimersByTimeAsync(ms);

describe('attendance in the back office', () => {
  let backend: HttpTestingController;
  let store: SessionStore;
  let router: Router;
  let snack: jest.Mock;
  let dialogOpen: jest.Mock;
  let dialogAnswer: unknown;
  let announce: jest.Mock;

  beforeEach(() => {
    // Fake timers for the page's own delays (retries, thank-you, inactivity, debounce); animation frames stay
    // real: Angular's change detection runs on them, so whenStable() settles without advancing time.
    jest.useFakeTimers({ doNotFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'queueMicrotask', 'nextTick'] });
    sessionStorage.clear();
    snack = jest.fn();
    dialogAnswer = true;
    dialogOpen = jest.fn(() => ({ afterClosed: () => of(dialogAnswer) }));
    announce = jest.fn().mockResolvedValue(undefined);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideTestIcons(),
        ...DATE_PROVIDERS,
        { provide: TODAY, useValue: () => '2026-11-29' },
        { provide: MatSnackBar, useValue: { open: snack } },
        { provide: MatDialog, useValue: { open: dialogOpen } },
        { provide: LiveAnnouncer, useValue: { announce } },
        { provide: KIOSK_TIMING, useValue: { ...DEFAULT_KIOSK_TIMING, thanksMs: 20 } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
    store.set('admin', 'admin-token', fakeSession('admin', { displayName: 'Équipe du Chemin Rouge' }));
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  describe('acting for a family', () => {
    let fixture: ComponentFixture<ActForFamily>;
    let el: HTMLElement;

    async function open(alreadyActing = false) {
      fixture = TestBed.createComponent(ActForFamily);
      fixture.componentRef.setInput('familyId', '3');
      await fixture.whenStable();
      if (!alreadyActing) {
        const act = backend.expectOne('/api/families/3/act');
        expect(act.request.method).toBe('POST');
        expect(act.request.headers.get('Authorization')).toBe('Bearer admin-token');
        act.flush({ accessToken: 'acting-token', session: actingSession() });
        await fixture.whenStable();
      }
      const sheet = backend.expectOne('/api/family/sheet');
      expect(sheet.request.headers.get('Authorization')).toBe('Bearer acting-token');
      sheet.flush(SHEET);
      await fixture.whenStable();
      el = fixture.nativeElement as HTMLElement;
    }

    function button(label: string): HTMLButtonElement | undefined {
      return Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim() === label);
    }

    function expectEnd() {
      const end = backend.expectOne('/api/auth/act/end');
      expect(end.request.headers.get('Authorization')).toBe('Bearer acting-token');
      end.flush({ message: 'Vous avez repris votre propre compte.' });
    }

    it("opens the family's sheet with the acting token, under a banner saying who acts for whom", async () => {
      await open();
      expect(store.token('kiosk')).toBe('acting-token');
      expect(store.token('admin')).toBe('admin-token');
      expect(el.querySelector('.acting-family')?.textContent?.replace(/\s+/g, ' ')).toContain(
        'Équipe du Chemin Rouge agit pour la famille GRUJIC —',
      );
      expect(el.querySelector('h1')?.textContent).toBe('Famille GRUJIC');
      expect(el.textContent).toContain('Créneau du mardi 23 octobre 2018 : 14:00 – 18:00');
      expect(button('Terminer')).toBeUndefined();

      button('terminer')?.click();
      expectEnd();
      await fixture.whenStable();
      expect(store.token('kiosk')).toBeNull();
      expect(store.token('admin')).toBe('admin-token');
      expect(router.navigate).toHaveBeenCalledWith(['/admin/familles', '3']);
    });

    it('VALIDER records for the family; after the thank-you, acting ends and the family page comes back', async () => {
      await open();
      el.querySelector<HTMLButtonElement>('button.card')?.click();
      await fixture.whenStable();
      button('VALIDER')?.click();
      const req = backend.expectOne('/api/family/attendance');
      expect(req.request.headers.get('Authorization')).toBe('Bearer acting-token');
      expect(req.request.body).toMatchObject({ memberIds: [6] });
      req.flush({ recorded: 1, alreadyPresent: 0, slot: SHEET.slot, message: '1 présence enregistrée.' });
      await fixture.whenStable();
      expect(el.textContent).toContain('Merci. Votre présence a bien été prise en compte');
      await elapse(60);
      expectEnd();
      await fixture.whenStable();
      expect(router.navigate).toHaveBeenCalledWith(['/admin/familles', '3']);
    });

    it('reuses the acting session of this tab after a reload of the page', async () => {
      store.set('kiosk', 'acting-token', actingSession());
      await open(true);
      expect(el.textContent).toContain('agit pour la famille GRUJIC');
      fixture.destroy();
      // Leaving the page ends acting too.
      expectEnd();
      expect(store.token('kiosk')).toBeNull();
    });

    it('goes back to the family when the acting token has expired', async () => {
      await open();
      store.clear('kiosk');
      await fixture.whenStable();
      expect(snack).toHaveBeenCalledWith(ACTING_EXPIRED_MESSAGE, 'Fermer', expect.anything());
      expect(router.navigate).toHaveBeenCalledWith(['/admin/familles', '3']);
      fixture.destroy();
      backend.expectNone('/api/auth/act/end');
    });

    it('says why acting was refused', async () => {
      fixture = TestBed.createComponent(ActForFamily);
      fixture.componentRef.setInput('familyId', '3');
      await fixture.whenStable();
      backend
        .expectOne('/api/families/3/act')
        .flush({ statusCode: 409, message: 'Cette famille est archivée.' }, { status: 409, statusText: 'Conflict' });
      await fixture.whenStable();
      el = fixture.nativeElement as HTMLElement;
      expect(el.querySelector('h1')?.textContent).toBe('Pointer pour une famille');
      expect(el.textContent).toContain('Cette famille est archivée.');
      expect(store.token('kiosk')).toBeNull();
    });
  });

  describe('checkRetro', () => {
    it('needs a member and a valid arrival time (or none)', () => {
      expect(checkRetro(40, [], '14:10')).toBe(NO_MEMBER);
      expect(checkRetro(40, [5], '25:00')).toBe(BAD_ARRIVAL);
      expect(checkRetro(40, [5, 6], '14:10')).toEqual({ slotId: 40, memberIds: [5, 6], arrivalTime: '14:10' });
      expect(checkRetro(40, [5], '')).toEqual({ slotId: 40, memberIds: [5] });
    });
  });

  describe('PRÉSENCES PASSÉES', () => {
    const DAY: DayAttendance = {
      date: '2026-11-04',
      slots: [
        { id: 1, date: '2026-11-04', start: '09:30', end: '12:00', attendanceCount: 0, attendance: [] },
        {
          id: 2,
          date: '2026-11-04',
          start: '14:00',
          end: '18:00',
          attendanceCount: 1,
          attendance: [
            {
              id: 900,
              slotId: 2,
              memberId: 5,
              familyId: 3,
              familyName: 'GRUJIC',
              lastName: 'GRUJIC',
              firstName: 'Stanko',
              arrivedAt: '2026-11-04T13:05:00Z',
              arrival: '14:05',
              source: 'kiosk',
            },
          ],
        },
      ],
    };
    const FAMILY_SUMMARY: FamilySummary = {
      id: 3,
      name: 'GRUJIC',
      email: 'famille.grujic@exemple.fr',
      memberCount: 2,
      memberNames: 'Stanko, Luka',
      archived: false,
      anonymised: false,
      createdAt: '2026-09-01T08:00:00Z',
    };

    it('shows the slots of a past day, their attendance, and records members of a family after the fact', async () => {
      const fixture = TestBed.createComponent(PastAttendance);
      await fixture.whenStable();
      const el = fixture.nativeElement as HTMLElement;
      const c = fixture.componentInstance;

      c.dateControl.setValue(new Date(2026, 10, 4));
      await fixture.whenStable();
      backend.expectOne((r) => r.url === '/api/attendance/day' && r.params.get('date') === '2026-11-04').flush(DAY);
      await fixture.whenStable();
      const radios = Array.from(el.querySelectorAll('mat-radio-button')).map((r) => r.textContent?.trim());
      expect(radios).toEqual(['09:30 – 12:00 (aucune présence)', '14:00 – 18:00 (1 présence)']);

      c.chooseSlot(2);
      await fixture.whenStable();
      const cells = Array.from(el.querySelectorAll('tbody tr td')).map((td) => td.textContent?.trim());
      expect(cells.slice(0, 5)).toEqual(['GRUJIC', 'Stanko', 'GRUJIC', '14:05', 'Borne']);
      expect(el.querySelector('button[aria-label="Supprimer la présence de Stanko GRUJIC"]')).not.toBeNull();
      expect(c.arrival.value).toBe('14:00');

      c.familySearch.setValue('gruj');
      await elapse(300);
      const search = backend.expectOne((r) => r.url === '/api/families');
      expect(search.request.params.get('search')).toBe('gruj');
      search.flush({ items: [FAMILY_SUMMARY], total: 1, page: 1, pageSize: 10 });
      c.pickFamily({ option: { value: FAMILY_SUMMARY } } as MatAutocompleteSelectedEvent);
      await fixture.whenStable();
      backend.expectOne('/api/families/3').flush(testFamily({ members: [testMember(), testMember({ id: 6, firstName: 'Luka' })] }));
      await fixture.whenStable();
      const boxes = Array.from(el.querySelectorAll('fieldset.members mat-checkbox')).map((b) => b.textContent?.trim());
      expect(boxes).toEqual(['Stanko GRUJIC (déjà présent)', 'Luka GRUJIC']);

      c.save();
      await fixture.whenStable();
      expect(el.textContent).toContain(NO_MEMBER);

      c.toggleMember(6, true);
      await fixture.whenStable();
      // The "no member" message goes once a member is ticked.
      expect(el.textContent).not.toContain(NO_MEMBER);

      // An arrival outside the slot ± 30 min is refused next to the field, before anything is sent.
      c.arrival.setValue('23:30');
      c.save();
      await fixture.whenStable();
      const field = el.querySelector('mat-form-field.arrival') as HTMLElement;
      const outside = "L'heure d'arrivée doit être comprise entre 13:30 et 18:30 : le créneau va de 14:00 à 18:00 (30 minutes de marge).";
      expect(field.querySelector('mat-error')?.textContent?.trim()).toBe(outside);
      expect(field.querySelector('input')?.getAttribute('aria-invalid')).toBe('true');
      backend.expectNone('/api/attendance/retro');
      c.arrival.setValue('25:99');
      c.save();
      await fixture.whenStable();
      expect(field.querySelector('mat-error')?.textContent?.trim()).toBe(BAD_ARRIVAL);

      c.arrival.setValue('14:30');
      await fixture.whenStable();
      expect(field.querySelector('mat-error')).toBeNull();
      c.save();
      const retro = backend.expectOne('/api/attendance/retro');
      expect(retro.request.body).toEqual({ slotId: 2, memberIds: [6], arrivalTime: '14:30' });
      retro.flush({ recorded: 1, alreadyPresent: 0, message: '1 présence enregistrée.' });
      backend.expectOne((r) => r.url === '/api/attendance/day').flush(DAY);
      await fixture.whenStable();
      expect(el.textContent).toContain('1 présence enregistrée.');
      expect(announce).toHaveBeenCalledWith('1 présence enregistrée.', 'polite');
    });

    it('removes an attendance after asking for the reason', async () => {
      const fixture = TestBed.createComponent(PastAttendance);
      await fixture.whenStable();
      const c = fixture.componentInstance;
      c.dateControl.setValue(new Date(2026, 10, 4));
      await fixture.whenStable();
      backend.expectOne((r) => r.url === '/api/attendance/day').flush(DAY);
      c.chooseSlot(2);
      await fixture.whenStable();
      (fixture.nativeElement as HTMLElement)
        .querySelector<HTMLButtonElement>('button[aria-label="Supprimer la présence de Stanko GRUJIC"]')
        ?.click();
      expect((dialogOpen.mock.calls[0] as unknown[])[1]).toMatchObject({ data: { attendanceId: 900 } });
      // The dialog removed it: the day is read again.
      backend
        .expectOne((r) => r.url === '/api/attendance/day')
        .flush({ ...DAY, slots: [DAY.slots[0], { ...DAY.slots[1], attendance: [] }] });
      await fixture.whenStable();
      expect(announce).toHaveBeenCalledWith('Présence de Stanko GRUJIC supprimée.', 'polite');
      expect((fixture.nativeElement as HTMLElement).textContent).toContain('Aucune présence enregistrée pour ce créneau.');
    });
  });
});
