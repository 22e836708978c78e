import { LiveAnnouncer } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, Router } from '@angular/router';
import { FAMILY_DELETE_REFUSED, FamilyDetail } from '@pointage/contracts';
import { of } from 'rxjs';
import { DATE_PROVIDERS, provideTestIcons, testFamily, testOptions } from '../../core/testing';
import { TODAY } from '../../core/today';
import { nameConfirmed } from './anonymise-dialog';
import { FamilyPage, familyPatch } from './family-page';

describe('familyPatch', () => {
  it('keeps only what changed', () => {
    const f = testFamily();
    expect(familyPatch(f, { name: 'GRUJIC ', email: 'Famille.Grujic@exemple.fr', qfId: 41, minimaId: 30 })).toEqual({});
    expect(familyPatch(f, { name: 'GRUJIC-LAOUAR', email: 'autre@exemple.fr', qfId: 40, minimaId: 31 })).toEqual({
      name: 'GRUJIC-LAOUAR',
      email: 'autre@exemple.fr',
      qfId: 40,
      minimaId: 31,
    });
  });
});

describe('nameConfirmed', () => {
  it('needs the name, whatever the case, accents and spaces around', () => {
    expect(nameConfirmed('GRUJIC', 'GRUJIC')).toBe(true);
    expect(nameConfirmed(' grujic ', 'GRUJIC')).toBe(true);
    expect(nameConfirmed('Lefevre', 'LEFÈVRE')).toBe(true);
    expect(nameConfirmed('GRUJI', 'GRUJIC')).toBe(false);
    expect(nameConfirmed('', '')).toBe(false);
  });
});

describe('FamilyPage', () => {
  let backend: HttpTestingController;
  let answers: unknown[];
  let dialogOpen: jest.Mock;
  let snack: jest.Mock;
  let router: Router;

  beforeEach(() => {
    answers = [];
    dialogOpen = jest.fn(() => ({ afterClosed: () => of(answers.shift()) }));
    snack = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestIcons(),
        ...DATE_PROVIDERS,
        { provide: TODAY, useValue: () => '2026-11-29' },
        { provide: MatDialog, useValue: { open: dialogOpen } },
        { provide: MatSnackBar, useValue: { open: snack } },
        { provide: LiveAnnouncer, useValue: { announce: jest.fn().mockResolvedValue(undefined) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  async function render(f: FamilyDetail = testFamily()) {
    const fixture = TestBed.createComponent(FamilyPage);
    fixture.componentRef.setInput('id', String(f.id));
    await fixture.whenStable();
    backend.expectOne('/api/families/3').flush(f);
    backend.expectOne('/api/reference').flush(testOptions());
    backend.expectOne('/api/settings/lists').flush({ ...testOptions(), ageBrackets: [] });
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, page: fixture.componentInstance };
  }

  it('shows the family, its badges and its members with age and status', async () => {
    const { el } = await render(testFamily({ archived: true }));
    expect(el.querySelector('h1')?.textContent).toBe('Famille GRUJIC');
    expect(el.querySelector('.title')?.textContent).toContain('Archivée');
    const members = el.querySelector('.member-list')?.textContent ?? '';
    expect(members).toContain('GRUJIC Stanko');
    expect(members).toContain('51 ans · Père');
    expect(members).toContain('GRUJIC Luka');
    expect(members).toContain('8 ans · Enfant à charge');
    expect(el.textContent).toContain('Ajouter un nouveau membre dans sa famille');
  });

  it('titles an anonymised family by its anonymous name alone, and offers no way to unarchive it', async () => {
    const { el } = await render(testFamily({ name: 'Famille anonymisée n° 3', archived: true, anonymised: true }));
    expect(el.querySelector('h1')?.textContent).toBe('Famille anonymisée n° 3');
    const buttons = Array.from(el.querySelectorAll('button')).map((b) => b.textContent?.trim() ?? '');
    expect(buttons.some((t) => t.includes('Désarchiver'))).toBe(false);
  });

  it('asks correction or change before applying a new QF to a family with attendance', async () => {
    const { page } = await render();
    answers = ['from-today'];
    page.form.controls.qfId.setValue(40);
    page.saveFamily();
    const req = backend.expectOne('/api/families/3');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ qfId: 40, statsChange: 'from-today' });
    req.flush(testFamily({ qfId: 40 }));
    expect(snack).toHaveBeenCalledWith(expect.stringContaining('appliqués à tous les membres'), 'Fermer', expect.anything());
  });

  it('offers to archive a family that cannot be deleted', async () => {
    const { page } = await render();
    answers = [true, true];
    page.deleteFamily();
    backend
      .expectOne((r) => r.method === 'DELETE' && r.url === '/api/families/3')
      .flush({ statusCode: 409, message: FAMILY_DELETE_REFUSED }, { status: 409, statusText: 'Conflict' });
    expect(dialogOpen).toHaveBeenCalledTimes(2);
    expect(dialogOpen.mock.calls[1][1].data).toMatchObject({ message: FAMILY_DELETE_REFUSED, confirmLabel: 'Archiver' });
    backend.expectOne('/api/families/3/archive').flush(testFamily({ archived: true }));
    expect(snack).toHaveBeenCalledWith('Famille archivée', 'Fermer', expect.anything());
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });

  it('goes back to the list once a family is deleted', async () => {
    const { page } = await render(testFamily({ hasAttendance: false }));
    answers = [true];
    page.deleteFamily();
    backend.expectOne((r) => r.method === 'DELETE' && r.url === '/api/families/3').flush(null, { status: 204, statusText: 'No Content' });
    expect(router.navigateByUrl).toHaveBeenCalledWith('/admin/familles');
  });

  it('archives a member instead when its deletion is refused', async () => {
    const { fixture, page, el } = await render();
    const luka = page['family']()?.members[1];
    if (!luka) throw new Error('no member');
    answers = [true, true];
    page.deleteMember(luka);
    backend
      .expectOne((r) => r.method === 'DELETE' && r.url === '/api/members/6')
      .flush({ statusCode: 409, message: 'Suppression impossible : des présences sont enregistrées. Vous pouvez archiver.' }, { status: 409, statusText: 'Conflict' });
    backend.expectOne('/api/members/6/archive').flush({ ...luka, archived: true });
    await fixture.whenStable();
    expect(el.querySelector('.member.archived')?.textContent).toContain('Archivé');
  });
});
