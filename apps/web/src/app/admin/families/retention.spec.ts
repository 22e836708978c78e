import { LiveAnnouncer } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { RetentionPage } from '@pointage/contracts';
import { of } from 'rxjs';
import { provideTestIcons } from '../../core/testing';
import { Retention } from './retention';

const PAGE: RetentionPage = {
  years: 3,
  cutoff: '2023-11-30',
  total: 2,
  page: 1,
  pageSize: 25,
  items: [
    { id: 4, name: 'DORMANTE', memberCount: 2, archived: false, lastAttendance: null, lastActivity: '2021-05-04T10:00:00Z' },
    { id: 7, name: 'ANCIENNE', memberCount: 1, archived: true, lastAttendance: '2022-03-08', lastActivity: '2022-03-08T09:00:00Z' },
  ],
};

describe('Retention', () => {
  let backend: HttpTestingController;
  let answers: unknown[];
  let dialogOpen: jest.Mock;
  let announce: jest.Mock;

  beforeEach(() => {
    answers = [];
    dialogOpen = jest.fn(() => ({ afterClosed: () => of(answers.shift()) }));
    announce = jest.fn().mockResolvedValue(undefined);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestIcons(),
        { provide: MatDialog, useValue: { open: dialogOpen } },
        { provide: LiveAnnouncer, useValue: { announce } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function render(p: RetentionPage = PAGE) {
    const fixture = TestBed.createComponent(Retention);
    const req = backend.expectOne((r) => r.url === '/api/retention');
    expect(req.request.params.get('page')).toBe('1');
    req.flush(p);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, page: fixture.componentInstance };
  }

  it('explains what inactive means, shows the setting and the inactive families with their last attendance and activity', async () => {
    const { el, page } = await render();
    expect(el.textContent).toContain("aucun de ses membres n'a été présent");
    expect(page.years.value).toBe(3);
    expect(el.querySelector('h2')?.textContent).toBe('2 familles inactives depuis le 30/11/2023');
    const rows = Array.from(el.querySelectorAll('tr.mat-mdc-row')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['', 'DORMANTE', '2', 'aucune', '04/05/2021'],
      ['', 'ANCIENNEArchivée', '1', '08/03/2022', '08/03/2022'],
    ]);
    const bulk = Array.from(el.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Anonymiser la sélection'),
    ) as HTMLButtonElement;
    expect(bulk.disabled).toBe(true);
  });

  it('anonymises the selection after confirmation, says what was skipped, and reads the list again', async () => {
    const { fixture, page } = await render();
    page.toggleAll(true);
    fixture.detectChanges();
    answers = [false];
    page.anonymiseSelected();
    expect(dialogOpen.mock.calls[0][1].data).toMatchObject({ title: 'Anonymiser 2 familles', confirmLabel: 'Anonymiser' });
    expect(dialogOpen.mock.calls[0][1].data.message).toContain('DORMANTE, ANCIENNE');
    backend.expectNone('/api/retention/anonymise');

    answers = [true];
    page.anonymiseSelected();
    const req = backend.expectOne('/api/retention/anonymise');
    expect(req.request.body).toEqual({ familyIds: [4, 7], confirm: true });
    req.flush({ anonymised: [4], skipped: [7] });
    expect(announce).toHaveBeenCalledWith(
      "1 famille(s) anonymisée(s). 1 famille(s) redevenue(s) active(s) entre-temps n'ont pas été anonymisée(s).",
      'polite',
    );
    backend.expectOne((r) => r.url === '/api/retention').flush({ ...PAGE, total: 1, items: [PAGE.items[1]] });
    expect(page.selected().size).toBe(0);
  });

  it('saves the number of years (0 = off) and refuses a wrong value before asking the API', async () => {
    const { fixture, el, page } = await render();
    page.years.setValue(-2);
    page.saveYears();
    backend.expectNone((r) => r.method === 'PUT');
    page.years.setValue(0);
    page.saveYears();
    const req = backend.expectOne((r) => r.method === 'PUT' && r.url === '/api/retention');
    expect(req.request.body).toEqual({ years: 0 });
    req.flush({ years: 0 });
    backend
      .expectOne((r) => r.method === 'GET' && r.url === '/api/retention')
      .flush({ ...PAGE, years: 0, cutoff: null, total: 0, items: [] });
    await fixture.whenStable();
    expect(el.textContent).toContain("La durée de conservation est à 0 : aucune famille n'est proposée à l'anonymisation.");
    expect(announce).toHaveBeenCalledWith('Durée de conservation enregistrée : 0 an.', 'polite');
  });
});
