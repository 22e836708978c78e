import { LiveAnnouncer } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, Router } from '@angular/router';
import { FAMILY_DELETE_REFUSED, FamilyAttendanceRow, FamilyDetail, MergeFamiliesResponse } from '@pointage/contracts';
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

  /** The attendance history below the family reads its first page (again when the family changes). */
  function flushHistory(items: FamilyAttendanceRow[] = [], total = items.length): number {
    const reqs = backend.match((r) => r.url.startsWith('/api/families/') && r.url.endsWith('/attendance'));
    // A newer read cancels the one on its way (the history loads with apiResource).
    for (const r of reqs.filter((q) => !q.cancelled))
      r.flush({ items, total, page: Number(r.request.params.get('page')), pageSize: Number(r.request.params.get('pageSize')) });
    return reqs.length;
  }

  afterEach(() => {
    flushHistory();
    backend.verify();
  });

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
      .flush(
        { statusCode: 409, message: 'Suppression impossible : des présences sont enregistrées. Vous pouvez archiver.' },
        { status: 409, statusText: 'Conflict' },
      );
    backend.expectOne('/api/members/6/archive').flush({ ...luka, archived: true });
    await fixture.whenStable();
    expect(el.querySelector('.member.archived')?.textContent).toContain('Archivé');
  });

  it("shows the family's attendance history, newest first as the API pages it, with dates and slot times in French", async () => {
    const { fixture, el } = await render();
    const req = backend.expectOne((r) => r.url === '/api/families/3/attendance');
    expect(req.request.params.get('page')).toBe('1');
    expect(req.request.params.get('pageSize')).toBe('10');
    req.flush({
      items: [
        {
          id: 9,
          date: '2026-10-20',
          startMinute: 840,
          endMinute: 960,
          arrivedAt: '2026-10-20T12:05:00Z',
          memberId: 6,
          lastName: 'GRUJIC',
          firstName: 'Luka',
        },
        {
          id: 8,
          date: '2026-10-13',
          startMinute: 570,
          endMinute: 720,
          arrivedAt: '2026-10-13T07:31:00Z',
          memberId: 5,
          lastName: 'GRUJIC',
          firstName: 'Stanko',
        },
      ],
      total: 12,
      page: 1,
      pageSize: 10,
    });
    await fixture.whenStable();
    const rows = Array.from(el.querySelectorAll('app-family-history tr.mat-mdc-row')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['mardi 20/10/2026', '14:00–16:00', 'Luka GRUJIC', '14:05'],
      ['mardi 13/10/2026', '09:30–12:00', 'Stanko GRUJIC', '09:31'],
    ]);
    expect(el.querySelector('#history-title')?.textContent).toContain('Historique des présences (12)');
    expect(el.querySelector('app-family-history mat-paginator')).not.toBeNull();
  });

  it('downloads the readable export (HTML) beside the JSON one', async () => {
    const { page } = await render();
    flushHistory();
    const created = jest.fn(() => 'blob:x');
    Object.defineProperty(URL, 'createObjectURL', { value: created, configurable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: jest.fn(), configurable: true });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    page.exportReadable();
    const req = backend.expectOne('/api/families/3/export-html');
    expect(req.request.responseType).toBe('blob');
    req.flush(new Blob(['<html lang="fr"></html>'], { type: 'text/html' }));
    expect(created).toHaveBeenCalled();
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('famille-3.html');
    click.mockRestore();
  });

  it('after a merge, shows the kept family, or goes to it when it is the other one', async () => {
    const { fixture, page } = await render();
    flushHistory();
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const counts = { movedMembers: 1, joinedMembers: 1, movedAttendance: 3, droppedAttendance: 1, movedAccounts: 0, deletedAccounts: 1 };
    answers = [{ family: testFamily({ name: 'GRUJIC', members: [...testFamily().members] }), ...counts } satisfies MergeFamiliesResponse];
    page.mergeWithAnother();
    expect(dialogOpen.mock.calls[0][1].data.family.id).toBe(3);
    expect(snack).toHaveBeenCalledWith('Familles fusionnées : 2 membre(s) repris, 1 doublon(s) réuni(s).', 'Fermer', expect.anything());
    expect(navigate).not.toHaveBeenCalled();
    await fixture.whenStable();
    // Attendance moved in: the history is read again.
    expect(flushHistory()).toBe(1);

    answers = [{ family: testFamily({ id: 8, name: 'GRUJIC (2)' }), ...counts } satisfies MergeFamiliesResponse];
    page.mergeWithAnother();
    expect(navigate).toHaveBeenCalledWith(['/admin/familles', 8]);
  });
});
