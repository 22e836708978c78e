import { LiveAnnouncer } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { KIOSK_DUPLICATE_MESSAGE } from '@pointage/contracts';
import { fromLocalDate } from '../core/french-date-adapter';
import { SessionStore } from '../core/session';
import { DATE_PROVIDERS, fakeSession, provideTestIcons, testOptions } from '../core/testing';
import { TODAY } from '../core/today';
import { NewFamilyForm } from '../shared/members/new-family-form';
import { KioskRegister } from './kiosk-register';

describe('KioskRegister', () => {
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
        { provide: LiveAnnouncer, useValue: { announce: jest.fn().mockResolvedValue(undefined) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  async function render() {
    const fixture = TestBed.createComponent(KioskRegister);
    fixture.componentRef.setInput('slug', 'chemin-rouge');
    await fixture.whenStable();
    backend
      .expectOne('/api/public/structures/chemin-rouge')
      .flush({ id: 7, name: 'Chemin Rouge', slug: 'chemin-rouge', timeZone: 'Europe/Paris', welcomeMessage: '', logoUrl: null });
    backend.expectOne('/api/public/structures/chemin-rouge/reference').flush(testOptions());
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const formDebug = fixture.debugElement.query((d) => d.componentInstance instanceof NewFamilyForm);
    return { fixture, el, form: formDebug.componentInstance as NewFamilyForm };
  }

  it('asks the password twice, with the hint, and no registration date', async () => {
    const { el, form } = await render();
    expect(el.querySelector('h1')?.textContent).toBe("Inscription d'une nouvelle famille");
    expect(el.textContent).toContain('une phrase de plusieurs mots est facile à retenir');
    expect(el.textContent).toContain('Confirmer le mot de passe');
    expect(el.textContent).not.toContain("Date d'inscription");
    expect(form.form.controls.password.hasError('required')).toBe(true);
    form.form.controls.password.setValue('une phrase assez longue');
    form.form.controls.confirm.setValue('une autre phrase');
    expect(form.form.controls.confirm.hasError('mismatch')).toBe(true);
  });

  it('gives the family name and household values to the members, then registers and logs the family in', async () => {
    const { fixture, form } = await render();
    const f = form.form.controls;
    f.name.setValue('GRUJIC');
    f.qfId.setValue(41);
    f.minimaId.setValue(31);
    const member = f.members.at(0);
    expect(member.controls.lastName.value).toBe('GRUJIC');
    expect(member.controls.qfId.value).toBe(41);
    form.addMember(false);
    expect(f.members.at(1).controls.minimaId.value).toBe(31);
    form.removeMember(1);

    f.email.setValue('Famille.Grujic@Exemple.fr');
    f.password.setValue('une phrase assez longue');
    f.confirm.setValue('une phrase assez longue');
    member.patchValue({ firstName: 'Stanko', sexId: 2, birthDate: fromLocalDate('1975-06-26'), cityId: 10, statusId: 21 });
    form.submit();

    const req = backend.expectOne('/api/public/structures/chemin-rouge/families');
    expect(req.request.body).toEqual({
      name: 'GRUJIC',
      email: 'famille.grujic@exemple.fr',
      password: 'une phrase assez longue',
      qfId: 41,
      minimaId: 31,
      members: [
        {
          lastName: 'GRUJIC',
          firstName: 'Stanko',
          sexId: 2,
          birthDate: '1975-06-26',
          cityId: 10,
          statusId: 21,
          minimaId: 31,
          qfId: 41,
          avatar: null,
        },
      ],
    });
    req.flush({ accessToken: 'family-token', role: 'family', structureId: 7, displayName: 'GRUJIC', session: fakeSession('family') });
    await fixture.whenStable();
    expect(TestBed.inject(SessionStore).token('kiosk')).toBe('family-token');
    expect(router.navigate).toHaveBeenCalledWith(['/k', 'chemin-rouge', 'famille']);
  });

  it("drops the API's refusal as soon as the family changes a field", async () => {
    const { fixture, el, form } = await render();
    const f = form.form.controls;
    f.name.setValue('GRUJIC');
    f.qfId.setValue(41);
    f.minimaId.setValue(31);
    f.email.setValue('famille.grujic@exemple.fr');
    f.password.setValue('une phrase assez longue');
    f.confirm.setValue('une phrase assez longue');
    f.members.at(0).patchValue({ firstName: 'Stanko', sexId: 2, birthDate: fromLocalDate('1975-06-26'), cityId: 10, statusId: 21 });
    form.submit();
    const taken = 'Cette adresse e-mail est déjà utilisée par une autre famille de la ludothèque.';
    backend
      .expectOne('/api/public/structures/chemin-rouge/families')
      .flush({ statusCode: 409, message: taken }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('app-new-family-form .error-text')?.textContent).toContain(taken);
    f.email.setValue('autre.adresse@exemple.fr');
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('app-new-family-form .error-text')?.textContent?.trim()).toBe('');
  });

  it('does not send an incomplete registration', async () => {
    const { fixture, el, form } = await render();
    form.submit();
    await fixture.whenStable();
    backend.expectNone('/api/public/structures/chemin-rouge/families');
    expect(el.textContent).toContain('Vérifiez les champs signalés en rouge.');
  });

  it('says that somebody with this name and birth date is registered, without more, and goes on only once confirmed', async () => {
    const { fixture, el, form } = await render();
    const f = form.form.controls;
    f.name.setValue('GRUJIC');
    f.qfId.setValue(41);
    f.minimaId.setValue(31);
    f.email.setValue('grujic.bis@exemple.fr');
    f.password.setValue('une phrase assez longue');
    f.confirm.setValue('une phrase assez longue');
    f.members.at(0).patchValue({ firstName: 'Stanko', sexId: 2, birthDate: fromLocalDate('1975-06-26'), cityId: 10, statusId: 21 });
    form.submit();
    const first = backend.expectOne('/api/public/structures/chemin-rouge/families');
    expect(first.request.body.confirmDuplicates).toBeUndefined();
    first.flush({ statusCode: 409, message: KIOSK_DUPLICATE_MESSAGE, code: 'possible-duplicate' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    const alert = el.querySelector('[role="alertdialog"]') as HTMLElement;
    expect(alert.textContent).toContain(
      "Une personne avec ce nom et cette date de naissance est déjà inscrite : adressez-vous à l'équipe.",
    );
    expect(router.navigate).not.toHaveBeenCalled();

    const go = Array.from(alert.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === "Continuer l'inscription",
    ) as HTMLButtonElement;
    go.click();
    const second = backend.expectOne('/api/public/structures/chemin-rouge/families');
    expect(second.request.body).toMatchObject({ name: 'GRUJIC', email: 'grujic.bis@exemple.fr', confirmDuplicates: true });
    second.flush({ accessToken: 'family-token', role: 'family', structureId: 7, displayName: 'GRUJIC', session: fakeSession('family') });
    await fixture.whenStable();
    expect(el.querySelector('[role="alertdialog"]')).toBeNull();
    expect(router.navigate).toHaveBeenCalledWith(['/k', 'chemin-rouge', 'famille']);
  });

  it('goes back to the form when the family does not confirm', async () => {
    const { fixture, el, form } = await render();
    const f = form.form.controls;
    f.name.setValue('GRUJIC');
    f.qfId.setValue(41);
    f.minimaId.setValue(31);
    f.email.setValue('grujic.bis@exemple.fr');
    f.password.setValue('une phrase assez longue');
    f.confirm.setValue('une phrase assez longue');
    f.members.at(0).patchValue({ firstName: 'Stanko', sexId: 2, birthDate: fromLocalDate('1975-06-26'), cityId: 10, statusId: 21 });
    form.submit();
    backend
      .expectOne('/api/public/structures/chemin-rouge/families')
      .flush({ statusCode: 409, message: KIOSK_DUPLICATE_MESSAGE, code: 'possible-duplicate' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    const back = Array.from(el.querySelectorAll('[role="alertdialog"] button')).find(
      (b) => b.textContent?.trim() === 'Revenir au formulaire',
    ) as HTMLButtonElement;
    back.click();
    await fixture.whenStable();
    expect(el.querySelector('[role="alertdialog"]')).toBeNull();
    backend.expectNone('/api/public/structures/chemin-rouge/families');
  });
});
