import { LiveAnnouncer } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MemberDto } from '@pointage/contracts';
import { of } from 'rxjs';
import { fromLocalDate } from '../../core/french-date-adapter';
import { DATE_PROVIDERS, provideTestIcons, testMember, testOptions } from '../../core/testing';
import { TODAY } from '../../core/today';
import { MemberEditor, NOTHING_CHANGED_MESSAGE } from './member-editor';

describe('MemberEditor', () => {
  let backend: HttpTestingController;
  let dialogOpen: jest.Mock;
  let answer: 'correction' | 'from-today' | undefined;

  beforeEach(() => {
    answer = 'correction';
    dialogOpen = jest.fn(() => ({ afterClosed: () => of(answer) }));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestIcons(),
        ...DATE_PROVIDERS,
        { provide: TODAY, useValue: () => '2026-11-29' },
        { provide: MatDialog, useValue: { open: dialogOpen } },
        { provide: LiveAnnouncer, useValue: { announce: jest.fn().mockResolvedValue(undefined) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function render(member: MemberDto | null, mode: 'admin' | 'family' = 'admin') {
    const fixture = TestBed.createComponent(MemberEditor);
    fixture.componentRef.setInput('mode', mode);
    fixture.componentRef.setInput('catalog', { options: testOptions() });
    fixture.componentRef.setInput('member', member);
    fixture.componentRef.setInput('defaults', { lastName: 'GRUJIC', qfId: 41, minimaId: 30 });
    fixture.componentRef.setInput('endpoints', { create: '/api/families/3/members', update: (id: number) => `/api/members/${id}` });
    const saved: MemberDto[] = [];
    fixture.componentInstance.saved.subscribe((m) => saved.push(m));
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, saved };
  }

  function labels(el: HTMLElement): string[] {
    return Array.from(el.querySelectorAll('mat-label')).map((l) => l.textContent?.trim() ?? '');
  }

  it('shows the age live: years, and months under one year', async () => {
    const { fixture, el } = await render(null);
    const age = () => el.querySelector<HTMLInputElement>('input.age-value')?.value;
    expect(age()).toBe('');
    fixture.componentInstance.form().controls.birthDate.setValue(fromLocalDate('1983-05-10'));
    await fixture.whenStable();
    expect(age()).toBe('43 ans');
    fixture.componentInstance.form().controls.birthDate.setValue(fromLocalDate('2026-03-15'));
    await fixture.whenStable();
    expect(age()).toBe('8 mois');
  });

  it('says "Date invalide" for a date that does not exist', async () => {
    const { fixture, el } = await render(null);
    const input = el.querySelector<HTMLInputElement>('input.birth-date');
    if (!input) throw new Error('no birth date input');
    input.value = '31/02/2020';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
    expect(fixture.componentInstance.form().controls.birthDate.hasError('matDatepickerParse')).toBe(true);
    expect(el.querySelector('mat-error')?.textContent).toContain('Date invalide');

    input.value = '29/02/2020';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(fixture.componentInstance.form().controls.birthDate.valid).toBe(true);
    expect(el.querySelector<HTMLInputElement>('input.age-value')?.value).toBe('6 ans');
  });

  it('shows the own-login fields for adult statuses only', async () => {
    const { fixture, el } = await render(null);
    expect(labels(el)).not.toContain('Identifiant (adresse e-mail)');
    fixture.componentInstance.form().controls.statusId.setValue(20);
    await fixture.whenStable();
    expect(labels(el)).toContain('Identifiant (adresse e-mail)');
    expect(labels(el)).toContain('Confirmer le mot de passe');
    fixture.componentInstance.form().controls.statusId.setValue(25);
    await fixture.whenStable();
    expect(labels(el)).not.toContain('Identifiant (adresse e-mail)');
  });

  it('offers the registration date to the back office only', async () => {
    expect(labels((await render(null, 'admin')).el)).toContain("Date d'inscription");
    expect(labels((await render(null, 'family')).el)).not.toContain("Date d'inscription");
  });

  it('keeps a deactivated current value displayed but does not offer it to others', async () => {
    const { fixture } = await render(testMember({ cityId: 99 }), 'family');
    const form = fixture.componentInstance.form();
    expect(form.controls.cityId.value).toBe(99);
    expect(form.valid).toBe(true);
  });

  it('creates a member with the household defaults', async () => {
    const { fixture, saved } = await render(null);
    fixture.componentInstance
      .form()
      .patchValue({ firstName: 'Luka', sexId: 2, birthDate: fromLocalDate('2016-05-04'), cityId: 10, statusId: 25 });
    fixture.componentInstance.submit();
    const req = backend.expectOne('/api/families/3/members');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toMatchObject({ lastName: 'GRUJIC', firstName: 'Luka', qfId: 41, minimaId: 30, registeredOn: '2026-11-29' });
    req.flush(testMember({ id: 9, firstName: 'Luka' }));
    expect(saved.map((m) => m.id)).toEqual([9]);
  });

  it('does not send an invalid form', async () => {
    const { fixture, el } = await render(null);
    fixture.componentInstance.submit();
    await fixture.whenStable();
    backend.expectNone('/api/families/3/members');
    expect(el.textContent).toContain('Vérifiez les champs signalés en rouge.');
    expect(el.textContent).toContain('Saisissez le prénom.');
  });

  it('asks whether a change of a statistical attribute is a correction before sending it', async () => {
    const { fixture, saved } = await render(testMember({ hasAttendance: true }));
    fixture.componentInstance.form().controls.cityId.setValue(11);
    fixture.componentInstance.submit();
    expect(dialogOpen).toHaveBeenCalledTimes(1);
    const req = backend.expectOne('/api/members/5');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ cityId: 11, statsChange: 'correction' });
    req.flush(testMember({ cityId: 11, hasAttendance: true }));
    expect(saved).toHaveLength(1);
  });

  it('does not ask a family: its change of a statistical attribute applies from today', async () => {
    const { fixture, saved } = await render(testMember({ hasAttendance: true }), 'family');
    fixture.componentInstance.form().controls.cityId.setValue(11);
    fixture.componentInstance.submit();
    expect(dialogOpen).not.toHaveBeenCalled();
    const req = backend.expectOne('/api/members/5');
    expect(req.request.body).toEqual({ cityId: 11, statsChange: 'from-today' });
    req.flush(testMember({ cityId: 11, hasAttendance: true }));
    expect(saved).toHaveLength(1);

    // A name change carries no statsChange at all.
    const other = await render(testMember({ hasAttendance: true }), 'family');
    other.fixture.componentInstance.form().controls.firstName.setValue('Stan');
    other.fixture.componentInstance.submit();
    expect(backend.expectOne('/api/members/5').request.body).toEqual({ firstName: 'Stan' });
    expect(dialogOpen).not.toHaveBeenCalled();
  });

  it('sends nothing when the question is cancelled', async () => {
    answer = undefined;
    const { fixture } = await render(testMember({ hasAttendance: true }));
    fixture.componentInstance.form().controls.qfId.setValue(40);
    fixture.componentInstance.submit();
    expect(dialogOpen).toHaveBeenCalledTimes(1);
    backend.expectNone('/api/members/5');
  });

  it('does not ask for a name change, nor for a member without attendance', async () => {
    const { fixture } = await render(testMember({ hasAttendance: true }));
    fixture.componentInstance.form().controls.firstName.setValue('Stan');
    fixture.componentInstance.submit();
    backend.expectOne('/api/members/5').flush(testMember({ firstName: 'Stan' }));

    const other = await render(testMember({ hasAttendance: false }));
    other.fixture.componentInstance.form().controls.sexId.setValue(1);
    other.fixture.componentInstance.submit();
    expect(backend.expectOne('/api/members/5').request.body).toEqual({ sexId: 1 });
    expect(dialogOpen).not.toHaveBeenCalled();
  });

  it('asks when the API says so, then sends again with the answer', async () => {
    answer = 'from-today';
    const { fixture, saved } = await render(testMember({ hasAttendance: false }));
    fixture.componentInstance.form().controls.statusId.setValue(20);
    fixture.componentInstance.submit();
    backend.expectOne('/api/members/5').flush(
      {
        statusCode: 400,
        message: "Précisez s'il s'agit d'une correction ou d'un changement à partir d'aujourd'hui.",
        code: 'stats-change-needed',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(dialogOpen).toHaveBeenCalledTimes(1);
    const retry = backend.expectOne('/api/members/5');
    expect(retry.request.body).toEqual({ statusId: 20, statsChange: 'from-today' });
    retry.flush(testMember({ statusId: 20 }));
    expect(saved).toHaveLength(1);
  });

  it('shows the French message of a refusal, and says when nothing changed', async () => {
    const { fixture, el } = await render(testMember());
    fixture.componentInstance.submit();
    await fixture.whenStable();
    expect(el.textContent).toContain(NOTHING_CHANGED_MESSAGE);
    backend.expectNone('/api/members/5');

    fixture.componentInstance.form().controls.lastName.setValue('LAOUAR');
    fixture.componentInstance.submit();
    backend
      .expectOne('/api/members/5')
      .flush({ statusCode: 400, message: 'Le nom est trop long.' }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(el.textContent).toContain('Le nom est trop long.');
  });
});
