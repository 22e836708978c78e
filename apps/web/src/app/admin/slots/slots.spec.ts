import { LiveAnnouncer } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal, Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { of } from 'rxjs';
import { DATE_PROVIDERS, provideTestIcons } from '../../core/testing';
import { TODAY } from '../../core/today';
import { DeleteSlots } from './delete-slots';
import { GenerateSlots } from './generate-slots';
import { SlotList } from './slot-list';
import { WeekdayPicker } from './weekday-picker';

@Component({
  selector: 'app-test-host',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [WeekdayPicker],
  template: `<app-weekday-picker [(value)]="days" />`,
})
class PickerHost {
  readonly days = signal<number[]>([]);
}

describe('GESTION DES CRÉNEAUX', () => {
  let backend: HttpTestingController;
  let confirmAnswer: boolean;
  let dialogOpen: jest.Mock;
  let announce: jest.Mock;

  beforeEach(() => {
    confirmAnswer = true;
    dialogOpen = jest.fn(() => ({ afterClosed: () => of(confirmAnswer) }));
    announce = jest.fn().mockResolvedValue(undefined);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestIcons(),
        ...DATE_PROVIDERS,
        { provide: TODAY, useValue: () => '2026-11-29' },
        { provide: MatDialog, useValue: { open: dialogOpen } },
        { provide: LiveAnnouncer, useValue: { announce } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  function checkboxes(el: HTMLElement): HTMLInputElement[] {
    return Array.from(el.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
  }

  function labelOf(input: HTMLInputElement): string {
    return input.closest('mat-checkbox')?.textContent?.trim() ?? '';
  }

  it('"Tous" ticks and unticks every day, and shows when only some are ticked', async () => {
    const fixture = TestBed.createComponent(PickerHost);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const boxes = checkboxes(el);
    expect(boxes.map(labelOf)).toEqual(['Tous', 'Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche']);
    expect(el.querySelector('legend')?.textContent).toBe('Jours');

    boxes[0].click();
    await fixture.whenStable();
    expect(fixture.componentInstance.days()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(checkboxes(el).every((b) => b.checked)).toBe(true);

    checkboxes(el)[7].click(); // Dimanche
    await fixture.whenStable();
    expect(fixture.componentInstance.days()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(checkboxes(el)[0].checked).toBe(false);
    expect(checkboxes(el)[0].indeterminate).toBe(true);

    checkboxes(el)[0].click();
    await fixture.whenStable();
    expect(fixture.componentInstance.days()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    checkboxes(el)[0].click();
    await fixture.whenStable();
    expect(fixture.componentInstance.days()).toEqual([]);
    expect(checkboxes(el).some((b) => b.checked)).toBe(false);
  });

  it('reads the dates typed in French (jj/mm/aaaa) into both forms', async () => {
    const forms: Type<GenerateSlots | DeleteSlots>[] = [GenerateSlots, DeleteSlots];
    for (const form of forms) {
      const fixture = TestBed.createComponent(form);
      await fixture.whenStable();
      const [from, to] = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll<HTMLInputElement>('app-date-span input'));
      for (const [input, text] of [
        [from, '02/11/2026'],
        [to, '30/11/2026'],
      ] as const) {
        input.value = text;
        input.dispatchEvent(new Event('input'));
      }
      await fixture.whenStable();
      const { controls } = fixture.componentInstance.form;
      expect(controls.from.value).toEqual(new Date(2026, 10, 2));
      expect(controls.to.value).toEqual(new Date(2026, 10, 30));
    }
  });

  it('GÉNÉRER checks the form, sends it and shows the message of the API', async () => {
    const fixture = TestBed.createComponent(GenerateSlots);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const c = fixture.componentInstance;
    expect(el.textContent).toContain('Laissez ce champ vide si vous souhaitez définir un seul jour');
    expect(el.textContent).not.toContain('3 mois');

    c.submit();
    await fixture.whenStable();
    expect(el.querySelector('.error-text')?.textContent).toBe('Choisissez la date de début.');

    c.form.controls.from.setValue(new Date(2026, 10, 2));
    c.form.controls.to.setValue(new Date(2026, 10, 30));
    c.weekdays.set([3, 6]);
    c.form.controls.ranges.at(0).setValue({ start: '09:30', end: '12:00' });
    c.addRange();
    c.form.controls.ranges.at(1).setValue({ start: '11:00', end: '18:00' });
    c.submit();
    await fixture.whenStable();
    expect(el.querySelector('.error-text')?.textContent).toBe('Les plages 09:30–12:00 et 11:00–18:00 se chevauchent.');
    backend.expectNone('/api/slots/generate');

    c.form.controls.ranges.at(1).setValue({ start: '14:00', end: '18:00' });
    c.submit();
    const req = backend.expectOne('/api/slots/generate');
    expect(req.request.body).toEqual({
      from: '2026-11-02',
      to: '2026-11-30',
      weekdays: [3, 6],
      ranges: [
        { start: '09:30', end: '12:00' },
        { start: '14:00', end: '18:00' },
      ],
    });
    req.flush({ created: 5, existing: 2, message: '5 créneaux créés avec succès (2 existaient déjà)' });
    await fixture.whenStable();
    expect(el.textContent).toContain('5 créneaux créés avec succès (2 existaient déjà)');
    expect(announce).toHaveBeenCalledWith('5 créneaux créés avec succès (2 existaient déjà)', 'polite');

    c.removeRange(0);
    expect(c.form.controls.ranges.getRawValue()).toEqual([{ start: '14:00', end: '18:00' }]);
  });

  it('SUPPRIMER asks first, then shows the whole message of the API (days kept)', async () => {
    const fixture = TestBed.createComponent(DeleteSlots);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const c = fixture.componentInstance;
    c.form.setValue({ from: new Date(2026, 10, 2), to: new Date(2026, 10, 30), start: '14:00', end: '18:00' });

    confirmAnswer = false;
    c.submit();
    expect(dialogOpen).toHaveBeenCalledTimes(1);
    expect((dialogOpen.mock.calls[0] as unknown[])[1]).toMatchObject({
      data: { message: expect.stringContaining('du 02/11/2026 au 30/11/2026, compris entre 14:00 et 18:00') },
    });
    backend.expectNone('/api/slots/delete');

    confirmAnswer = true;
    c.submit();
    const req = backend.expectOne('/api/slots/delete');
    expect(req.request.body).toEqual({
      from: '2026-11-02',
      to: '2026-11-30',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      start: '14:00',
      end: '18:00',
    });
    const message = '7 créneaux supprimés. Conservés car des présences y sont enregistrées : mercredi 04/11/2026, samedi 07/11/2026.';
    req.flush({ deleted: 7, keptDays: ['2026-11-04', '2026-11-07'], message });
    await fixture.whenStable();
    expect(el.textContent).toContain(message);
  });

  it('lists the slots of this month by day, and prints', async () => {
    const fixture = TestBed.createComponent(SlotList);
    await fixture.whenStable();
    const req = backend.expectOne((r) => r.url === '/api/slots');
    expect(req.request.params.toString()).toBe('from=2026-11-01&to=2026-11-30');
    req.flush([
      {
        date: '2026-11-04',
        slots: [
          { id: 1, date: '2026-11-04', start: '09:30', end: '12:00', attendanceCount: 3 },
          { id: 2, date: '2026-11-04', start: '14:00', end: '18:00', attendanceCount: 12 },
        ],
      },
      { date: '2026-11-07', slots: [{ id: 3, date: '2026-11-07', start: '14:00', end: '18:00', attendanceCount: 0 }] },
    ]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const cell = (td: Element) => {
      const lines = Array.from(td.querySelectorAll('.line')).map((l) => l.textContent?.trim());
      return lines.length ? lines.join(' | ') : td.textContent?.trim();
    };
    const rows = Array.from(el.querySelectorAll('tbody tr')).map((r) => Array.from(r.querySelectorAll('td')).map(cell));
    expect(rows).toEqual([
      ['mercredi 4 novembre 2026', '09:30 – 12:00 | 14:00 – 18:00', '3 | 12'],
      ['samedi 7 novembre 2026', '14:00 – 18:00', '0'],
    ]);
    expect(el.textContent).toContain('2 jours, 3 créneaux');
    expect(el.querySelector('h2')?.textContent).toBe('Créneaux paramétrés du 01/11/2026 au 30/11/2026');

    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    const button = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.includes('IMPRIMER'));
    button?.click();
    expect(print).toHaveBeenCalled();
    print.mockRestore();

    fixture.componentInstance.form.setValue({ from: new Date(2026, 11, 31), to: new Date(2026, 11, 1) });
    fixture.componentInstance.show();
    await fixture.whenStable();
    expect(el.querySelector('.error-text')?.textContent).toBe('La date de fin est avant la date de début.');
    backend.expectNone((r) => r.url === '/api/slots');
    // The refused period does not leave the previous list on screen.
    expect(el.querySelectorAll('td.day').length).toBe(0);
    expect(el.querySelector('h2')?.textContent).toBe('Créneaux paramétrés');
    expect(el.textContent).not.toContain('2 jours, 3 créneaux');
  });

  it('SUPPRIMER refused (every day kept) is not shown as a success', async () => {
    const fixture = TestBed.createComponent(DeleteSlots);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const c = fixture.componentInstance;
    c.form.setValue({ from: new Date(2026, 10, 4), to: null, start: '', end: '' });
    c.submit();
    const message = 'Aucun créneau supprimé. Les créneaux du mercredi 04/11/2026 ont des présences : non supprimés.';
    backend.expectOne('/api/slots/delete').flush({ deleted: 0, keptDays: ['2026-11-04'], message });
    await fixture.whenStable();
    const box = el.querySelector('.result') as HTMLElement;
    expect(box.textContent).toBe(message);
    expect(box.classList).toContain('warning');
    expect(box.classList).not.toContain('success');

    c.form.setValue({ from: new Date(2026, 10, 5), to: null, start: '', end: '' });
    c.submit();
    backend.expectOne('/api/slots/delete').flush({ deleted: 2, keptDays: [], message: '2 créneaux supprimés.' });
    await fixture.whenStable();
    expect(el.querySelector('.result')?.classList).toContain('success');
  });

  it('an error of the slot forms goes as soon as the field is fixed', async () => {
    for (const form of [GenerateSlots, DeleteSlots] as Type<GenerateSlots | DeleteSlots>[]) {
      const fixture = TestBed.createComponent(form);
      await fixture.whenStable();
      const el = fixture.nativeElement as HTMLElement;
      const c = fixture.componentInstance;
      c.submit();
      await fixture.whenStable();
      expect(el.querySelector('.error-text')?.textContent).toBe('Choisissez la date de début.');
      c.form.controls.from.setValue(new Date(2026, 10, 2));
      await fixture.whenStable();
      expect(el.querySelector('.error-text')?.textContent).toBe('');
    }
  });

  it('time fields are 24-hour text fields ("14:00"), whatever the browser language, and read "14h30" or "930"', async () => {
    const fixture = TestBed.createComponent(GenerateSlots);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const [start, end] = Array.from(el.querySelectorAll<HTMLInputElement>('.range input'));
    expect(start.type).toBe('text');
    expect(start.getAttribute('inputmode')).toBe('numeric');
    for (const [input, typed] of [
      [start, '14h30'],
      [end, '930'],
    ] as const) {
      input.value = typed;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
    }
    await fixture.whenStable();
    expect(fixture.componentInstance.form.controls.ranges.at(0).getRawValue()).toEqual({ start: '14:30', end: '09:30' });
    expect(start.value).toBe('14:30');
  });
});
