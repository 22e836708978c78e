import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, Router } from '@angular/router';
import { DuplicateMatch } from '@pointage/contracts';
import { fromLocalDate } from '../../core/french-date-adapter';
import { DATE_PROVIDERS, provideTestIcons, testFamily, testOptions } from '../../core/testing';
import { TODAY } from '../../core/today';
import { NewFamilyForm } from '../../shared/members/new-family-form';
import { FamilyNew } from './family-new';

const MATCH: DuplicateMatch = {
  memberIndex: 0,
  memberId: 5,
  familyId: 3,
  familyName: 'GRUJIC',
  lastName: 'GRUJIC',
  firstName: 'Stanko',
  birthDate: '1975-06-26',
};

describe('FamilyNew: people already registered', () => {
  let backend: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestIcons(),
        ...DATE_PROVIDERS,
        { provide: TODAY, useValue: () => '2026-11-29' },
        { provide: MatSnackBar, useValue: { open: jest.fn() } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  async function fillAndSubmit() {
    const fixture = TestBed.createComponent(FamilyNew);
    await fixture.whenStable();
    backend.expectOne('/api/reference').flush(testOptions());
    backend.expectOne('/api/settings/lists').flush({ ...testOptions(), ageBrackets: [] });
    await fixture.whenStable();
    const form = fixture.debugElement.query((d) => d.componentInstance instanceof NewFamilyForm).componentInstance as NewFamilyForm;
    const f = form.form.controls;
    f.name.setValue('GRUJIC');
    f.email.setValue('grujic.bis@exemple.fr');
    f.qfId.setValue(41);
    f.minimaId.setValue(30);
    f.members.at(0).patchValue({ firstName: 'Stanko', sexId: 2, birthDate: fromLocalDate('1975-06-26'), cityId: 10, statusId: 21 });
    form.submit();
    const check = backend.expectOne('/api/families/duplicates');
    expect(check.request.body).toEqual({ members: [{ lastName: 'GRUJIC', firstName: 'Stanko', birthDate: '1975-06-26' }] });
    return { fixture, el: fixture.nativeElement as HTMLElement, check };
  }

  it('creates at once when nobody matches', async () => {
    const { check } = await fillAndSubmit();
    check.flush([]);
    const create = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/families');
    expect(create.request.body.confirmDuplicates).toBeUndefined();
    create.flush({ family: testFamily({ id: 12 }), password: null });
    expect(router.navigate).toHaveBeenCalledWith(['/admin/familles', 12]);
  });

  it('shows who matches, with a link to their family, and creates only when confirmed', async () => {
    const { fixture, el, check } = await fillAndSubmit();
    check.flush([MATCH]);
    await fixture.whenStable();
    const alert = el.querySelector('[role="alertdialog"]') as HTMLElement;
    expect(alert.querySelector('h2')?.textContent).toBe('Doublon possible');
    expect(alert.textContent).toContain('Stanko GRUJIC, né(e) le 26/06/1975, dans la famille');
    const link = alert.querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/admin/familles/3');
    expect(link.textContent).toContain('GRUJIC');
    backend.expectNone((r) => r.method === 'POST' && r.url === '/api/families');

    (Array.from(alert.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Créer quand même') as HTMLButtonElement).click();
    const create = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/families');
    expect(create.request.body).toMatchObject({ name: 'GRUJIC', confirmDuplicates: true });
    create.flush({ family: testFamily({ id: 12 }), password: null });
    expect(router.navigate).toHaveBeenCalledWith(['/admin/familles', 12]);
  });

  it('shows who matches when the person was registered between the check and the creation', async () => {
    const { fixture, el, check } = await fillAndSubmit();
    check.flush([]);
    backend
      .expectOne((r) => r.method === 'POST' && r.url === '/api/families')
      .flush({ statusCode: 409, message: 'Doublon possible : …', code: 'possible-duplicate' }, { status: 409, statusText: 'Conflict' });
    backend.expectOne('/api/families/duplicates').flush([MATCH]);
    await fixture.whenStable();
    expect(el.querySelector('[role="alertdialog"]')?.textContent).toContain('dans la famille');
    expect(router.navigate).not.toHaveBeenCalled();
  });
});
