import { LiveAnnouncer } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PASSWORD_CHANGED_MESSAGE } from '@pointage/contracts';
import { SessionStore } from '../core/session';
import { fakeSession, provideTestIcons } from '../core/testing';
import { ChangePassword } from './change-password';

describe('ChangePassword', () => {
  let backend: HttpTestingController;
  let store: SessionStore;
  let announce: jest.Mock;

  beforeEach(() => {
    sessionStorage.clear();
    announce = jest.fn().mockResolvedValue(undefined);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestIcons(),
        { provide: LiveAnnouncer, useValue: { announce } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SessionStore);
    store.set('admin', 'old-token', fakeSession('admin'));
  });

  afterEach(() => backend.verify());

  async function render() {
    const fixture = TestBed.createComponent(ChangePassword);
    await fixture.whenStable();
    return fixture;
  }

  it('does not call the API while the form is invalid, and shows the reasons', async () => {
    const fixture = await render();
    const form = fixture.componentInstance.form;
    form.setValue({ currentPassword: 'ancien', password: 'court', confirm: 'autre' });
    fixture.componentInstance.submit();
    await fixture.whenStable();

    backend.expectNone('/api/auth/password');
    const text: string = fixture.nativeElement.textContent;
    expect(text).toContain('10 caractères au moins');
    expect(text).toContain('Les deux mots de passe ne correspondent pas.');
  });

  it('changes the password, keeps the fresh token and announces the success', async () => {
    const fixture = await render();
    fixture.componentInstance.form.setValue({
      currentPassword: 'ancien-mot-de-passe',
      password: 'nouveau-secret-1',
      confirm: 'nouveau-secret-1',
    });
    fixture.componentInstance.submit();

    const req = backend.expectOne('/api/auth/password');
    expect(req.request.body).toEqual({ currentPassword: 'ancien-mot-de-passe', newPassword: 'nouveau-secret-1' });
    req.flush({ message: PASSWORD_CHANGED_MESSAGE, accessToken: 'new-token', session: fakeSession('admin') });
    await fixture.whenStable();

    expect(store.token('admin')).toBe('new-token');
    expect(fixture.nativeElement.textContent).toContain('Votre mot de passe a été modifié avec succès');
    expect(announce).toHaveBeenCalledWith(PASSWORD_CHANGED_MESSAGE, 'polite');
    expect(fixture.componentInstance.form.getRawValue()).toEqual({ currentPassword: '', password: '', confirm: '' });
  });

  it('shows the French message of a refusal', async () => {
    const fixture = await render();
    fixture.componentInstance.form.setValue({
      currentPassword: 'faux-mot-de-passe',
      password: 'nouveau-secret-1',
      confirm: 'nouveau-secret-1',
    });
    fixture.componentInstance.submit();
    backend
      .expectOne('/api/auth/password')
      .flush({ statusCode: 400, message: 'Le mot de passe actuel est incorrect.' }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Le mot de passe actuel est incorrect.');
    expect(store.token('admin')).toBe('old-token');

    // Fixing the field takes the old message away.
    fixture.componentInstance.form.controls.currentPassword.setValue('ancien-mot-de-passe');
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).not.toContain('Le mot de passe actuel est incorrect.');
  });
});
