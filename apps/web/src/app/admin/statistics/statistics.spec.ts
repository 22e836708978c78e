import { LiveAnnouncer } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { StatisticsDrillMember, StatisticsReport } from '@pointage/contracts';
import { provideFrenchPaginator } from '../../core/french-paginator-intl';
import { DATE_PROVIDERS, provideTestIcons } from '../../core/testing';
import { TODAY } from '../../core/today';
import { SAVE_FILE } from '../../shared/file-downloads';
import { Statistics } from './statistics';
import { StatisticsCharts } from './statistics-charts';
import { StatisticsResults } from './statistics-results';
import { testComparedReport, testEmptyReport, testLists, testReport } from './statistics-testing';

/** Stands for the charts (echarts needs a real browser): shows which report it got. */
@Component({
  selector: 'app-statistics-charts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p class="fake-charts">Graphiques du {{ report().from }}</p>`,
})
class FakeCharts {
  readonly report = input.required<StatisticsReport>();
}

function member(id: number, firstName: string, overrides: Partial<StatisticsDrillMember> = {}): StatisticsDrillMember {
  return {
    memberId: id,
    lastName: 'GRUJIC',
    firstName,
    familyId: 3,
    familyName: 'GRUJIC',
    sex: 'Homme',
    city: 'Lille',
    status: 'Enfant à charge',
    minima: 'Non',
    qf: '481 à 581 €',
    birthDate: '2016-03-01',
    age: 9,
    registeredOn: '2025-09-01',
    presences: 2,
    lastAttendance: '2026-01-14',
    archived: false,
    ...overrides,
  };
}

describe('STATISTIQUES', () => {
  let backend: HttpTestingController;
  let saved: jest.Mock;

  beforeEach(() => {
    saved = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'statistiques', component: Statistics }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestIcons(),
        provideFrenchPaginator(),
        ...DATE_PROVIDERS,
        { provide: TODAY, useValue: () => '2026-11-30' },
        { provide: SAVE_FILE, useValue: saved },
        { provide: LiveAnnouncer, useValue: { announce: jest.fn().mockResolvedValue(undefined) } },
      ],
    });
    TestBed.overrideComponent(StatisticsResults, { remove: { imports: [StatisticsCharts] }, add: { imports: [FakeCharts] } });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify({ ignoreCancelled: true });
  });

  async function open(url: string) {
    const harness = await RouterTestingHarness.create();
    const page = await harness.navigateByUrl(url, Statistics);
    backend.expectOne('/api/settings/lists').flush(testLists());
    const stable = async () => {
      await harness.fixture.whenStable();
      harness.detectChanges();
    };
    await stable();
    return { page, el: harness.routeNativeElement as HTMLElement, stable, harness };
  }

  const expectReport = (): TestRequest => {
    const req = backend.expectOne('/api/statistics/report');
    expect(req.request.method).toBe('POST');
    return req;
  };

  const lastDialog = () => Array.from(document.querySelectorAll<HTMLElement>('mat-dialog-container')).pop() as HTMLElement;
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const fieldOf = (el: HTMLElement, label: string) =>
    Array.from(el.querySelectorAll('mat-form-field')).find(
      (f) => f.querySelector('mat-label')?.textContent?.trim() === label,
    ) as HTMLElement;
  const button = (root: ParentNode, name: string | RegExp) =>
    Array.from(root.querySelectorAll('button')).find((b) => {
      const label = b.getAttribute('aria-label') ?? text(b);
      return typeof name === 'string' ? label === name : name.test(label);
    }) as HTMLButtonElement;

  it('fills the form from the URL and generates the report it names', async () => {
    const url = '/statistiques?du=2026-01-01&au=2026-01-31&ref=2026-06-30&comparer=n-1&ville=10,12&minima=aucun&tranches=0-5,6-17';
    const { page, el, stable } = await open(url);
    const req = expectReport();
    expect(req.request.body).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      criteria: { city: [10, 12], minima: [] },
      brackets: [
        { minAge: 0, maxAge: 5 },
        { minAge: 6, maxAge: 17 },
      ],
      referenceDate: '2026-06-30',
      compare: 'previous-year',
    });
    expect((fieldOf(el, 'Du').querySelector('input') as HTMLInputElement).value).toBe('01/01/2026');
    expect((fieldOf(el, 'Date de référence des âges').querySelector('input') as HTMLInputElement).value).toBe('30/06/2026');
    expect(page.form.controls.compare.value).toBe('previous-year');
    expect(page.checked().city).toEqual([10, 12]);
    expect(page.brackets.getRawValue()).toEqual([
      { minAge: 0, maxAge: 5 },
      { minAge: 6, maxAge: 17 },
    ]);
    // "Minima sociaux" has no box checked: the page says so before the report comes back.
    expect(text(el)).toContain('Aucune case cochée dans le groupe « Minima sociaux » : personne ne sera compté.');
    expect(el.querySelector('mat-progress-bar')).not.toBeNull();
    expect(el.querySelector('.results')?.getAttribute('aria-busy')).toBe('true');
    expect((button(el, 'GÉNÉRER') as HTMLButtonElement).disabled).toBe(true);

    req.flush(testReport());
    await stable();
    expect(el.querySelector('.results')?.getAttribute('aria-busy')).toBe('false');
    expect(text(el.querySelector('h2#results-title'))).toBe('Ludothèque du Chemin Rouge — statistiques du 01/01/2026 au 31/01/2026');
    expect(text(el.querySelector('.fake-charts'))).toBe('Graphiques du 2026-01-01');
  });

  it('GÉNÉRER sends the form as a request (all-checked groups left out, [] for none) and keeps it in the URL', async () => {
    const { page, el, stable } = await open('/statistiques');
    backend.expectNone('/api/statistics/report');
    // Defaults: the current civil year, every box checked.
    expect((fieldOf(el, 'Au').querySelector('input') as HTMLInputElement).value).toBe('31/12/2026');
    expect(text(el)).toContain('Tous les publics');

    button(el, 'Mois dernier').click();
    button(el, 'Tout décocher : Statut').click();
    await stable();
    expect(text(el)).toContain('Aucune case cochée dans le groupe « Statut » : personne ne sera compté.');
    expect(button(el, 'Mois dernier').getAttribute('aria-pressed')).toBe('true');
    const lille = Array.from(el.querySelectorAll('mat-checkbox'))
      .find((c) => text(c) === 'Lille')
      ?.querySelector('input') as HTMLInputElement;
    lille.click();
    await stable();
    expect(Array.from(el.querySelectorAll('mat-checkbox')).some((c) => text(c) === 'Wattrelos (désactivé)')).toBe(true);

    page.generate();
    const req = expectReport();
    expect(req.request.body).toEqual({ from: '2026-10-01', to: '2026-10-31', criteria: { city: [12, 11, 13], status: [] } });
    req.flush(testReport());
    await stable();
    const router = TestBed.inject(Router);
    expect(router.url).toBe('/statistiques?du=2026-10-01&au=2026-10-31&ville=12,11,13&statut=aucun');
    // The URL it wrote is not read back as a new report.
    backend.expectNone('/api/statistics/report');
  });

  it('checks the period like the API does, and shows the message next to the field', async () => {
    const { page, el, stable } = await open('/statistiques');
    page.form.patchValue({ from: new Date(2026, 1, 1), to: new Date(2026, 0, 31) });
    page.generate();
    await stable();
    backend.expectNone('/api/statistics/report');
    expect(text(fieldOf(el, 'Au').querySelector('mat-error'))).toBe('La date de fin est avant la date de début.');
    expect(fieldOf(el, 'Au').querySelector('input')?.getAttribute('aria-invalid')).toBe('true');
    // Typing another date clears it.
    page.form.controls.to.setValue(new Date(2026, 1, 28));
    await stable();
    expect(fieldOf(el, 'Au').querySelector('mat-error')).toBeNull();
  });

  it("shows the API's 400 next to the field it names", async () => {
    const { el, stable } = await open('/statistiques?du=2026-01-01&au=2026-01-31&ref=2026-01-15');
    expectReport().flush(
      { statusCode: 400, message: 'La date de référence doit être comprise entre 1900 et 2100.', field: 'referenceDate' },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    const reference = fieldOf(el, 'Date de référence des âges');
    expect(text(reference.querySelector('mat-error'))).toBe('La date de référence doit être comprise entre 1900 et 2100.');
    expect(reference.querySelector('input')?.getAttribute('aria-invalid')).toBe('true');

    // A criteria group: the message in that group, the panel opened.
    button(el, 'GÉNÉRER').click();
    expectReport().flush(
      {
        statusCode: 400,
        message: "Critère « Ville de résidence » : l'élément n° 99 n'existe pas dans les listes de votre structure.",
        field: 'criteria.city',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    const cities = Array.from(el.querySelectorAll('fieldset')).find((f) => text(f.querySelector('legend')) === 'Ville de résidence');
    expect(text(cities?.querySelector('[role="alert"]'))).toContain("l'élément n° 99 n'existe pas");
    expect(el.querySelector('mat-expansion-panel.mat-expanded')).not.toBeNull();
  });

  it('says that an empty period has nothing to count, rather than a page of zeros', async () => {
    const { el, stable } = await open('/statistiques?du=2025-03-01&au=2025-03-31');
    expectReport().flush(testEmptyReport());
    await stable();
    expect(text(el.querySelector('.empty'))).toContain('Aucune donnée du 01/03/2025 au 31/03/2025.');
    expect(el.querySelectorAll('.section')).toHaveLength(0);
    expect(el.querySelector('.fake-charts')).toBeNull();
    expect(el.querySelectorAll('button.drill')).toHaveLength(0);
  });

  it("lays the figures out by theme with the cahier's wording, hours as hours, the comparison and the change", async () => {
    const { el, stable } = await open('/statistiques?du=2026-01-01&au=2026-01-31&comparer=precedente');
    expectReport().flush(testComparedReport());
    await stable();
    expect(Array.from(el.querySelectorAll('.section h3')).map(text)).toEqual([
      'Ouverture',
      'Public',
      'Par sexe',
      'Par ville',
      'Par statut',
      'Par minima sociaux',
      'Par quotient familial',
      "Par tranche d'âge",
    ]);
    const row = (header: string) =>
      Array.from(el.querySelectorAll('tbody tr')).find((r) => text(r.querySelector('th')) === header) as HTMLElement;
    expect(Array.from(row("Nombre d'heures d'ouverture").querySelectorAll('td')).map(text)).toEqual(['10 h 30', '7 h', '+3 h 30 (+50 %)']);
    expect(Array.from(row('Nombre total de présences').querySelectorAll('td')).map(text)).toEqual(['9', '12', '−3 (−25 %)']);
    expect(row('Filles')).toBeDefined();
    expect(row('Habitants Lille')).toBeDefined();
    expect(row('Habitants autres')).toBeDefined();
    expect(row('Habitants Wattrelos (désactivé)')).toBeDefined();
    expect(row('Mères')).toBeDefined();
    expect(row('Grands-parents (grand-mère + grand-père)')).toBeDefined();
    expect(button(el, "Nombre d'inscrits filles : 2, voir le détail")).toBeDefined();
    expect(button(el, 'Total présences des mères : 2, voir le détail')).toBeDefined();
    expect(button(el, "Nombre d'inscrits total sur la période (période précédente) : 4, voir le détail")).toBeDefined();
    expect(text(el.querySelector('.summary'))).toContain('Comparaison : période précédente, du 01/12/2025 au 31/12/2025.');
  });

  it('opens the drill-down of a figure in a dialog whose count is the figure', async () => {
    const { el, stable } = await open('/statistiques?du=2026-01-01&au=2026-01-31&comparer=precedente');
    expectReport().flush(testComparedReport());
    await stable();

    button(el, "Nombre d'inscrits total sur la période : 5, voir le détail").click();
    await stable();
    const req = backend.expectOne('/api/statistics/drilldown');
    expect(req.request.body).toEqual({ from: '2026-01-01', to: '2026-01-31', compare: 'previous', key: 'inscrits' });
    const rows = ['Luka', 'Sofiane', 'Stanko', 'Amina', 'Yasmine'].map((n, i) => member(i + 1, n));
    req.flush({ key: 'inscrits', label: "Nombre d'inscrits total sur la période", kind: 'members', total: 5, rows });
    await stable();
    const dialog = lastDialog();
    expect(text(dialog.querySelector('h2'))).toBe("Nombre d'inscrits total sur la période");
    expect(text(dialog.querySelector('.count'))).toBe('5 personnes');
    expect(dialog.querySelectorAll('tbody tr.mat-mdc-row')).toHaveLength(5);
    expect(dialog.querySelector('.warning')).toBeNull();
    expect(text(dialog.querySelector('.mat-mdc-paginator-range-label'))).toBe('1 – 5 sur 5');
    TestBed.inject(MatDialog).closeAll();
    await stable();

    // The comparison column asks for the comparison period's list; a count that differs is flagged.
    button(el, "Nombre d'inscrits total sur la période (période précédente) : 4, voir le détail").click();
    await stable();
    const compared = backend.expectOne('/api/statistics/drilldown');
    expect(compared.request.body).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      compare: 'previous',
      key: 'inscrits',
      ofComparison: true,
    });
    compared.flush({ key: 'inscrits', label: "Nombre d'inscrits total sur la période", kind: 'members', total: 3, rows: rows.slice(0, 3) });
    await stable();
    const second = lastDialog();
    expect(text(second)).toContain('Période de comparaison du 01/12/2025 au 31/12/2025');
    expect(text(second.querySelector('.warning'))).toContain('La liste compte 3 alors que le rapport affiche 4');
  });

  it('lists families for the families figure, and présences add up for a présences line', async () => {
    const { el, stable } = await open('/statistiques?du=2026-01-01&au=2026-01-31');
    expectReport().flush(testReport());
    await stable();
    button(el, 'Nombre de familles : 2, voir le détail').click();
    await stable();
    backend.expectOne('/api/statistics/drilldown').flush({
      key: 'families',
      label: 'Nombre de familles',
      kind: 'families',
      total: 2,
      rows: [
        { familyId: 3, familyName: 'GRUJIC', members: ['Luka GRUJIC', 'Stanko GRUJIC'], presences: 5 },
        { familyId: 4, familyName: 'LAOUAR', members: ['Amina LAOUAR'], presences: 4 },
      ],
    });
    await stable();
    let dialog = lastDialog();
    expect(text(dialog.querySelector('.count'))).toBe('2 familles');
    expect(Array.from(dialog.querySelectorAll('thead th')).map(text)).toEqual(['Famille', 'Membres comptés', 'Présences']);
    expect(text(dialog.querySelector('tbody tr'))).toContain('Luka GRUJIC, Stanko GRUJIC');
    TestBed.inject(MatDialog).closeAll();
    await stable();

    button(el, 'Total présences habitants Ronchin : 4, voir le détail').click();
    await stable();
    const req = backend.expectOne('/api/statistics/drilldown');
    expect(req.request.body.key).toBe('presences:city:12');
    req.flush({
      key: 'presences:city:12',
      label: 'Présences — Ville de résidence : Ronchin',
      kind: 'presences',
      total: 4,
      rows: [member(4, 'Amina'), member(5, 'Yasmine')],
    });
    await stable();
    dialog = lastDialog();
    expect(text(dialog.querySelector('.count'))).toBe('4 présences de 2 personnes');
  });

  it('exports the report shown (not the edited form) to PDF and XLSX', async () => {
    const { page, el, stable } = await open('/statistiques?du=2026-01-01&au=2026-01-31&statut=20');
    expectReport().flush(testReport());
    await stable();
    page.form.patchValue({ from: new Date(2020, 0, 1) });

    button(el, 'PDF').click();
    await stable();
    const pdf = backend.expectOne('/api/statistics/export.pdf');
    expect(pdf.request.method).toBe('POST');
    expect(pdf.request.body).toEqual({ from: '2026-01-01', to: '2026-01-31', criteria: { status: [20] } });
    expect(pdf.request.responseType).toBe('blob');
    await stable();
    expect(text(el)).toContain('Préparation du PDF des statistiques…');
    pdf.flush(new Blob(['%PDF']), { headers: { 'Content-Disposition': 'attachment; filename="statistiques.pdf"' } });
    await stable();
    expect(saved).toHaveBeenCalledWith(expect.any(Blob), 'statistiques.pdf');
    expect(text(el)).toContain('Fichier « statistiques.pdf » enregistré');

    button(el, 'XLSX').click();
    const xlsx = backend.expectOne('/api/statistics/export.xlsx');
    xlsx.flush(new Blob([JSON.stringify({ statusCode: 404, message: 'Ressource introuvable.' })]), {
      status: 404,
      statusText: 'Not Found',
    });
    await page.download()?.finished();
    await stable();
    expect(text(el)).toContain('Échec du téléchargement du classeur XLSX des statistiques : Ressource introuvable.');
  });

  it("edits the brackets for one report, and saves them as the structure's on demand", async () => {
    const { page, el, stable } = await open('/statistiques?du=2026-01-01&au=2026-01-31');
    expectReport().flush(testReport());
    await stable();
    expect(text(el)).toContain('0–2, 3–6 ans');
    page.brackets.at(1).controls.maxAge.setValue(11);
    await stable();
    expect(text(el)).toContain('0–2, 3–11 ans (modifiées pour ce rapport)');
    page.brackets.at(1).controls.minAge.setValue(2);
    await stable();
    // Same live check and message as PARAMÈTRES.
    expect(text(el.querySelector('#brackets-problem'))).toBe('Les tranches 0–2 ans et 2–11 ans se chevauchent.');
    page.generate();
    backend.expectNone('/api/statistics/report');
    page.brackets.at(1).controls.minAge.setValue(3);
    await stable();

    page.generate();
    expect(expectReport().request.body.brackets).toEqual([
      { minAge: 0, maxAge: 2 },
      { minAge: 3, maxAge: 11 },
    ]);
    await stable();
    expect(TestBed.inject(Router).url).toContain('tranches=0-2,3-11');

    button(el, /Enregistrer comme tranches par défaut/).click();
    const put = backend.expectOne('/api/settings/age-brackets');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      brackets: [
        { minAge: 0, maxAge: 2 },
        { minAge: 3, maxAge: 11 },
      ],
    });
    put.flush([
      { id: 1, minAge: 0, maxAge: 2, position: 0 },
      { id: 2, minAge: 3, maxAge: 11, position: 1 },
    ]);
    await stable();
    // Now the structure's: no longer sent, no longer in the URL.
    page.generate();
    expect(expectReport().request.body.brackets).toBeUndefined();
    await stable();
    expect(TestBed.inject(Router).url).not.toContain('tranches');
  });
});
