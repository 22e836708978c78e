import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  AttendanceListPage,
  AttendanceListRequest,
  AttendanceListRow,
  DEFAULT_DAY_COLUMNS,
  DEFAULT_PERIOD_COLUMNS,
  SlotDto,
} from '@pointage/contracts';
import { provideFrenchPaginator } from '../../core/french-paginator-intl';
import { DATE_PROVIDERS, provideTestIcons } from '../../core/testing';
import { TODAY } from '../../core/today';
import { SAVE_FILE } from '../../shared/file-downloads';
import { AttendanceList } from './attendance-list';
import { COLUMNS_STORAGE_KEY, PRINT_MAX_ROWS } from './attendance-list-form';

const TODAY_DATE = '2026-03-02'; // a Monday
const SLOTS: SlotDto[] = [
  { id: 12, date: TODAY_DATE, start: '09:30', end: '12:00', attendanceCount: 2 },
  { id: 13, date: TODAY_DATE, start: '14:00', end: '18:00', attendanceCount: 0 },
];

function row(id: number, overrides: Partial<AttendanceListRow> = {}): AttendanceListRow {
  return {
    id,
    date: TODAY_DATE,
    slotId: 12,
    slot: '09:30 – 12:00',
    memberId: id,
    lastName: 'GRUJIC',
    firstName: `Enfant ${id}`,
    familyId: 3,
    family: 'GRUJIC',
    sex: 'Homme',
    age: 7,
    status: 'Enfant à charge',
    city: 'Lille',
    minima: 'Non',
    qf: '481 à 581 €',
    arrival: '09:42',
    source: 'kiosk',
    ...overrides,
  };
}

function listPage(req: AttendanceListRequest, items: AttendanceListRow[], total = items.length): AttendanceListPage {
  const slot = req.slotId ? { id: req.slotId, label: req.slotId === 12 ? '09:30 – 12:00' : '14:00 – 18:00' } : null;
  return { items, total, page: req.page ?? 1, pageSize: req.pageSize ?? 50, from: req.from, to: req.to ?? req.from, slot };
}

describe('AttendanceList', () => {
  // Whole-page tests with Material: a loaded 2-core machine needs more than the default 5 s.
  jest.setTimeout(15_000);
  let backend: HttpTestingController;
  let router: Router;
  let saved: jest.Mock;

  beforeEach(() => {
    localStorage.clear();
    saved = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'liste', component: AttendanceList },
          { path: 'ailleurs', children: [] },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestIcons(),
        provideFrenchPaginator(),
        DATE_PROVIDERS,
        { provide: TODAY, useValue: () => TODAY_DATE },
        { provide: SAVE_FILE, useValue: saved },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  // The slots of a day typed over are cancelled (switchMap): not left open.
  afterEach(() => backend.verify({ ignoreCancelled: true }));

  function expectList(): TestRequest {
    return backend.expectOne((r) => r.method === 'POST' && r.url === '/api/attendance-list');
  }

  function flushSlots(date = TODAY_DATE, slots: SlotDto[] = SLOTS): void {
    const req = backend.expectOne((r) => r.url === '/api/slots' && r.params.get('from') === date);
    expect(req.request.params.get('to')).toBe(date);
    req.flush([{ date, slots }]);
  }

  let harness: RouterTestingHarness | null = null;
  afterEach(() => (harness = null));

  async function open(url = '/liste') {
    harness ??= await RouterTestingHarness.create();
    const page = await harness.navigateByUrl(url, AttendanceList);
    const h = harness;
    const el = h.routeNativeElement as HTMLElement;
    const stable = async () => {
      await h.fixture.whenStable();
      h.detectChanges();
    };
    return { harness: h, page, el, stable };
  }

  /** Opens the page, answers the slots of the day and the list. */
  async function openWith(url: string, items: AttendanceListRow[], total = items.length, slotsDate: string | null = TODAY_DATE) {
    const opened = await open(url);
    if (slotsDate) flushSlots(slotsDate);
    const req = expectList();
    req.flush(listPage(req.request.body as AttendanceListRequest, items, total));
    await opened.stable();
    return { ...opened, request: req.request.body as AttendanceListRequest };
  }

  const headers = (el: HTMLElement) => Array.from(el.querySelectorAll('table[mat-table] th')).map((th) => th.textContent?.trim());
  const params = () => router.parseUrl(router.url).queryParams;

  it('lists today by default, with the columns of a one-day list, and says how many came', async () => {
    const { el, request } = await openWith('/liste', [row(1), row(2)]);
    expect(request).toEqual({ from: TODAY_DATE, columns: DEFAULT_DAY_COLUMNS, page: 1, pageSize: 50 });
    expect(headers(el)).toEqual([
      'Nom',
      'Prénom',
      'Sexe',
      'Âge',
      'Statut',
      'Ville de résidence',
      'Minima sociaux',
      'Quotient familial',
      "Heure d'arrivée",
    ]);
    const cells = Array.from(el.querySelectorAll('tbody tr.mat-mdc-row')[0].querySelectorAll('td')).map((td) => td.textContent?.trim());
    expect(cells).toEqual(['GRUJIC', 'Enfant 1', 'Homme', '7 ans', 'Enfant à charge', 'Lille', 'Non', '481 à 581 €', '09:42']);
    expect(el.querySelector('[role="status"]')?.textContent).toContain('2 présences le lundi 02/03/2026');
    // The slot select offers the day's slots.
    expect(el.querySelector('mat-hint')?.textContent).toBeDefined();
    expect(el.textContent).toContain('2 créneaux ce jour-là');
  });

  it('says when nobody came', async () => {
    const { el } = await openWith('/liste', []);
    expect(el.querySelector('.no-data')?.textContent).toContain('Aucune présence le lundi 02/03/2026.');
    expect((el.querySelector('button.mat-mdc-button-disabled, button[disabled]') as HTMLElement | null)?.textContent).toContain('PDF');
  });

  it('builds the request of one slot of a day from the form, and keeps it in the URL', async () => {
    const { page, el, stable } = await openWith('/liste', [row(1)]);
    page.form.controls.slot.setValue(12);
    page.show();
    await stable();
    expect(params()).toEqual({ du: TODAY_DATE, creneau: '12' });
    const req = expectList();
    expect(req.request.body).toEqual({ from: TODAY_DATE, slotId: 12, columns: DEFAULT_DAY_COLUMNS, page: 1, pageSize: 50 });
    req.flush(listPage(req.request.body as AttendanceListRequest, [row(1)], 12));
    await stable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain('12 présences le lundi 02/03/2026, créneau 09:30 – 12:00');
    // One slot listed: its blank sign-in sheet is offered.
    expect(el.textContent).toContain("FEUILLE D'ÉMARGEMENT");
  });

  it('disables the slot for a period and asks a period with its own columns', async () => {
    const { page, el, stable } = await openWith('/liste', [row(1)]);
    page.form.controls.slot.setValue(12);
    page.form.controls.to.setValue(new Date(2026, 2, 8));
    await stable();
    expect(page.form.controls.slot.disabled).toBe(true);
    expect(page.form.controls.slot.value).toBe(0);
    expect(el.textContent).toContain("Pour une liste d'un seul jour seulement");
    expect(el.textContent).toContain('Colonnes à afficher (liste sur plusieurs jours)');
    page.show();
    await stable();
    expect(params()).toEqual({ du: TODAY_DATE, au: '2026-03-08' });
    const req = expectList();
    expect(req.request.body).toEqual({ from: TODAY_DATE, to: '2026-03-08', columns: DEFAULT_PERIOD_COLUMNS, page: 1, pageSize: 50 });
    req.flush(listPage(req.request.body as AttendanceListRequest, [row(1)]));
    await stable();
    expect(headers(el)[0]).toBe('Date');
    expect(el.querySelector('[role="status"]')?.textContent).toContain('1 présence du 02/03/2026 au 08/03/2026');

    // Back to one day: the slot can be chosen again, among the slots of that day.
    page.form.controls.to.setValue(null);
    page.form.controls.from.setValue(new Date(2026, 2, 3));
    await stable();
    flushSlots('2026-03-03', []);
    await stable();
    expect(page.form.controls.slot.enabled).toBe(true);
    expect(el.textContent).toContain('Aucun créneau ce jour-là');
  });

  it('lists a whole month with one click on a preset', async () => {
    const { el, stable } = await openWith('/liste', []);
    const preset = Array.from(el.querySelectorAll<HTMLButtonElement>('.presets button')).find(
      (b) => b.textContent?.trim() === 'Ce mois-ci',
    );
    preset?.click();
    await stable();
    expect(params()).toEqual({ du: '2026-03-01', au: '2026-03-31' });
    const req = expectList();
    expect(req.request.body).toEqual({ from: '2026-03-01', to: '2026-03-31', columns: DEFAULT_PERIOD_COLUMNS, page: 1, pageSize: 50 });
    req.flush(listPage(req.request.body as AttendanceListRequest, []));
    await stable();
    expect(preset?.getAttribute('aria-pressed')).toBe('true');
  });

  it('refuses to send a form without a start date or with the dates the wrong way round, next to the field', async () => {
    const { page, el, stable } = await openWith('/liste', []);
    page.form.controls.from.setValue(null);
    await stable();
    page.show();
    await stable();
    expect(el.querySelector('mat-form-field mat-error')?.textContent).toContain('Choisissez la date de début.');
    page.form.controls.from.setValue(new Date(2026, 2, 10));
    page.form.controls.to.setValue(new Date(2026, 2, 1));
    await stable();
    page.show();
    await stable();
    const errors = Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    expect(errors).toEqual(['La date de fin est avant la date de début.']);
    expect(params()).toEqual({});
  });

  it('shows an API 400 with a field next to that field', async () => {
    const { el, stable } = await open('/liste?du=2026-03-02&creneau=99');
    flushSlots();
    expectList().flush(
      { statusCode: 400, message: "Ce créneau n'existe pas dans votre structure.", field: 'slotId' },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    const slotField = el.querySelector('mat-form-field.slot');
    expect(slotField?.querySelector('mat-error')?.textContent).toContain("Ce créneau n'existe pas dans votre structure.");
    expect(el.querySelector('.no-data')?.textContent).not.toContain('créneau');
  });

  it('shows an API 400 about the end date under Au, and a server failure in the list', async () => {
    const { page, el, stable } = await open('/liste?du=2026-03-01&au=2026-03-31');
    expectList().flush(
      { statusCode: 400, message: "Cette liste compte 250 000 présences : l'export Excel est limité.", field: 'to' },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    const au = Array.from(el.querySelectorAll('mat-form-field')).find((f) => f.querySelector('mat-label')?.textContent?.trim() === 'Au');
    expect(au?.querySelector('mat-error')?.textContent).toContain('Cette liste compte 250');

    page.form.controls.to.setValue(new Date(2026, 2, 30));
    page.show();
    await stable();
    expectList().flush({ statusCode: 500, message: 'Une erreur inattendue est survenue.' }, { status: 500, statusText: 'Server Error' });
    await stable();
    expect(au?.querySelector('mat-error')).toBeNull();
    expect(el.querySelector('.no-data')?.textContent).toContain('Liste indisponible.');
    expect(el.querySelector('.results > p.error-text[aria-live]')?.textContent).toContain('Une erreur inattendue est survenue.');
  });

  it('reads the whole list from the URL, and writes the same URL back', async () => {
    const url = '/liste?du=2026-03-01&au=2026-03-31&tri=age&ordre=desc&page=2&lignes=100';
    const { page, request, stable } = await openWith(url, [row(1)], 150, null);
    expect(request).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      columns: DEFAULT_PERIOD_COLUMNS,
      sort: 'age',
      order: 'desc',
      page: 2,
      pageSize: 100,
    });
    expect(page.form.controls.from.value).toEqual(new Date(2026, 2, 1));
    expect(page.form.controls.to.value).toEqual(new Date(2026, 2, 31));
    expect(page.form.controls.slot.disabled).toBe(true);
    // AFFICHER again: the same list from its first page, the sort kept.
    page.show();
    await stable();
    expect(params()).toEqual({ du: '2026-03-01', au: '2026-03-31', tri: 'age', ordre: 'desc', lignes: '100' });
    expectList().flush(listPage(request, [row(1)], 150));
  });

  it('sorts and pages on the server', async () => {
    const { page, el, stable } = await openWith('/liste', [row(1)], 120);
    (el.querySelector('th.mat-column-lastName .mat-sort-header-container') as HTMLElement).click();
    await stable();
    expect(params()).toEqual({ du: TODAY_DATE, tri: 'lastName', ordre: 'asc' });
    let req = expectList();
    expect(req.request.body).toMatchObject({ sort: 'lastName', order: 'asc', page: 1 });
    req.flush(listPage(req.request.body as AttendanceListRequest, [row(1)], 120));
    await stable();
    expect(el.querySelector('th.mat-column-lastName')?.getAttribute('aria-sort')).toBe('ascending');

    page.onSort({ active: 'age', direction: 'desc' });
    await stable();
    req = expectList();
    expect(req.request.body).toMatchObject({ sort: 'age', order: 'desc', page: 1 });
    req.flush(listPage(req.request.body as AttendanceListRequest, [row(1)], 120));

    page.onPage({ pageIndex: 2, pageSize: 50, length: 120 });
    await stable();
    req = expectList();
    expect(req.request.body).toMatchObject({ sort: 'age', order: 'desc', page: 3, pageSize: 50 });
    req.flush(listPage(req.request.body as AttendanceListRequest, [row(1)], 120));

    page.onPage({ pageIndex: 2, pageSize: 100, length: 120 });
    await stable();
    expect(params()).toEqual({ du: TODAY_DATE, tri: 'age', ordre: 'desc', lignes: '100' });
    req = expectList();
    expect(req.request.body).toMatchObject({ page: 1, pageSize: 100 });
    req.flush(listPage(req.request.body as AttendanceListRequest, [row(1)], 120));

    // Back to the default order.
    page.onSort({ active: 'age', direction: '' });
    await stable();
    req = expectList();
    expect(req.request.body).not.toHaveProperty('sort');
    req.flush(listPage(req.request.body as AttendanceListRequest, [row(1)], 120));
  });

  it('goes to the last page when the URL names a page past the end', async () => {
    const { el, stable } = await open('/liste?du=2026-03-02&page=5&lignes=25');
    flushSlots();
    let req = expectList();
    expect(req.request.body).toMatchObject({ page: 5, pageSize: 25 });
    req.flush(listPage(req.request.body as AttendanceListRequest, [], 30));
    await stable();
    expect(params()).toEqual({ du: TODAY_DATE, page: '2', lignes: '25' });
    req = expectList();
    req.flush(listPage(req.request.body as AttendanceListRequest, [row(26)], 30));
    await stable();
    expect(el.textContent).toContain('26 – 30 sur 30');
  });

  it('hides a column at once and remembers the choice for the next visit', async () => {
    const first = await openWith('/liste', [row(1)]);
    const sexBox = Array.from(first.el.querySelectorAll('mat-checkbox')).find((b) => b.textContent?.trim() === 'Sexe');
    (sexBox?.querySelector('input') as HTMLInputElement).click();
    await first.stable();
    expect(headers(first.el)).not.toContain('Sexe');
    expect(JSON.parse(localStorage.getItem(COLUMNS_STORAGE_KEY) ?? '{}').day).toEqual(DEFAULT_DAY_COLUMNS.filter((c) => c !== 'sex'));
    await first.harness.navigateByUrl('/ailleurs');

    const again = await openWith('/liste', [row(1)]);
    expect(again.request.columns).toEqual(DEFAULT_DAY_COLUMNS.filter((c) => c !== 'sex'));
    expect(headers(again.el)).not.toContain('Sexe');
    const box = Array.from(again.el.querySelectorAll('mat-checkbox')).find((b) => b.textContent?.trim() === 'Sexe');
    expect((box?.querySelector('input') as HTMLInputElement).checked).toBe(false);

    again.page.resetColumns();
    await again.stable();
    expect(headers(again.el)).toContain('Sexe');
  });

  it('ignores garbage in the remembered columns', async () => {
    localStorage.setItem(COLUMNS_STORAGE_KEY, '{"day": "everything", "period": [42]');
    const { request } = await openWith('/liste', [row(1)]);
    expect(request.columns).toEqual(DEFAULT_DAY_COLUMNS);
  });

  it('says so when every column is unticked, instead of asking the list', async () => {
    localStorage.setItem(COLUMNS_STORAGE_KEY, JSON.stringify({ day: ['lastName'] }));
    const { page, el, stable } = await openWith('/liste', [row(1)]);
    page.toggleColumn('lastName', false);
    await stable();
    page.show();
    await stable();
    expect(el.querySelector('fieldset.columns .error-text')?.textContent).toContain('Cochez au moins une colonne à afficher.');
  });

  it('exports the same list (period, slot, columns, sort, order) to XLSX and PDF', async () => {
    localStorage.setItem(COLUMNS_STORAGE_KEY, JSON.stringify({ day: ['lastName', 'firstName', 'arrival'] }));
    const { page, el, stable } = await openWith('/liste?du=2026-03-02&creneau=12&tri=lastName&ordre=desc&page=2', [row(1)], 80);

    page.exportFile('xlsx');
    let req = backend.expectOne('/api/attendance-list/export.xlsx');
    const same = { from: TODAY_DATE, slotId: 12, columns: ['lastName', 'firstName', 'arrival'], sort: 'lastName', order: 'desc' };
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual(same);
    req.flush(new Blob(['xlsx']), {
      headers: { 'Content-Disposition': 'attachment; filename="liste-presence-ludo-2026-03-02-2026-03-02.xlsx"' },
    });
    await stable();
    expect(saved).toHaveBeenCalledWith(expect.any(Blob), 'liste-presence-ludo-2026-03-02-2026-03-02.xlsx');
    expect(el.textContent).toContain('Fichier « liste-presence-ludo-2026-03-02-2026-03-02.xlsx » enregistré');

    page.exportFile('pdf');
    req = backend.expectOne('/api/attendance-list/export.pdf');
    expect(req.request.body).toEqual(same);
    req.flush(new Blob([JSON.stringify({ statusCode: 404, message: 'Cannot POST /api/attendance-list/export.pdf' })]), {
      status: 404,
      statusText: 'Not Found',
    });
    expect((await page.download()?.finished())?.phase).toBe('failed');
    await stable();
    expect(el.textContent).toContain('Échec du téléchargement');
    expect(el.textContent).toContain('PDF de la liste de présence');
  });

  it('downloads the sign-in sheet of the listed slot with the spare rows chosen', async () => {
    const { page, el, stable } = await openWith('/liste?du=2026-03-02&creneau=12', []);
    const input = Array.from(el.querySelectorAll('mat-form-field'))
      .find((f) => f.querySelector('mat-label')?.textContent?.trim() === 'Lignes vides')
      ?.querySelector('input') as HTMLInputElement;
    expect(input.value).toBe('10');
    page.spareRows.setValue(500);
    page.signInSheet();
    await stable();
    backend.expectNone('/api/attendance-list/sign-in-sheet.pdf');
    expect(el.textContent).toContain('Entre 0 et 100 lignes.');

    page.spareRows.setValue(15);
    page.signInSheet();
    const req = backend.expectOne('/api/attendance-list/sign-in-sheet.pdf');
    expect(req.request.body).toEqual({ slotId: 12, spareRows: 15 });
    req.flush(new Blob(['%PDF']), {
      headers: { 'Content-Disposition': 'attachment; filename="emargement-ludo-2026-03-02-2026-03-02.pdf"' },
    });
    expect(saved).toHaveBeenCalledWith(expect.any(Blob), 'emargement-ludo-2026-03-02-2026-03-02.pdf');
  });

  describe('printing', () => {
    let print: jest.SpyInstance;
    beforeEach(() => (print = jest.spyOn(window, 'print').mockImplementation(() => undefined)));
    afterEach(() => print.mockRestore());

    it('prints at once when the page holds the whole list', async () => {
      const { page, el, stable } = await openWith('/liste', [row(1), row(2)]);
      page.print();
      await stable();
      expect(print).toHaveBeenCalledTimes(1);
      const printed = el.querySelectorAll('table.print-table tbody tr');
      expect(printed.length).toBe(2);
      expect(el.querySelector('.print-head')?.textContent).toContain('2 présences le lundi 02/03/2026');
    });

    it('loads every page of the list before printing', async () => {
      localStorage.setItem(COLUMNS_STORAGE_KEY, JSON.stringify({ period: ['lastName', 'firstName'] }));
      const { page, el, stable } = await openWith('/liste?du=2026-03-01&au=2026-03-31&tri=lastName', [row(1)], 700, null);
      expect(el.querySelector('.print-note')?.textContent).toContain('Seules les lignes 1 à 1 sur 700 sont imprimées');
      page.print();
      const reqs = backend.match((r) => r.url === '/api/attendance-list');
      expect(reqs.map((r) => [r.request.body.page, r.request.body.pageSize, r.request.body.sort])).toEqual([
        [1, 500, 'lastName'],
        [2, 500, 'lastName'],
      ]);
      reqs[0].flush(
        listPage(
          reqs[0].request.body,
          Array.from({ length: 500 }, (_, i) => row(i + 1)),
          700,
        ),
      );
      reqs[1].flush(
        listPage(
          reqs[1].request.body,
          Array.from({ length: 200 }, (_, i) => row(i + 501)),
          700,
        ),
      );
      await stable();
      expect(print).toHaveBeenCalledTimes(1);
      expect(el.querySelectorAll('table.print-table tbody tr').length).toBe(700);
      expect(el.querySelector('.print-note')).toBeNull();
    });

    it('sends a list too long to print to the PDF export', async () => {
      const { page, el, stable } = await openWith('/liste?du=2026-01-01&au=2026-12-31', [row(1)], PRINT_MAX_ROWS + 1, null);
      page.print();
      await stable();
      expect(print).not.toHaveBeenCalled();
      expect(el.textContent).toContain("l'impression depuis cette page est limitée à 2\u202f000 lignes. Utilisez l'export PDF");
    });
  });
});
