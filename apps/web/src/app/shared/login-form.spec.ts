import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LoginResponse } from '@pointage/contracts';
import { Observable, of, Subject, throwError } from 'rxjs';
import { HttpErrorResponse } from '@angular/common/http';
import { fakeSession, provideTestIcons } from '../core/testing';
import { LoginCredentials, LoginForm } from './login-form';

const answer = (role: LoginResponse['role']): LoginResponse => ({
  accessToken: 'tok',
  role,
  structureId: 7,
  displayName: 'Équipe',
  session: fakeSession(role),
});

describe('LoginForm', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideRouter([]), provideTestIcons()] }));

  function render(login: (c: LoginCredentials) => Observable<LoginResponse>, inputs: Record<string, unknown> = {}) {
    const fixture = TestBed.createComponent(LoginForm);
    fixture.componentRef.setInput('submitLabel', "S'identifier");
    fixture.componentRef.setInput('forgotLink', '/admin/mot-de-passe-oublie');
    fixture.componentRef.setInput('login', login);
    for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
    const loggedIn = jest.fn();
    fixture.componentInstance.loggedIn.subscribe(loggedIn);
    fixture.detectChanges();
    return { fixture, form: fixture.componentInstance, el: fixture.nativeElement as HTMLElement, loggedIn };
  }

  it('has the e-mail field, the password field, the submit button and "Identifiants oubliés ?"', () => {
    const { fixture, el } = render(() => of(answer('admin')));
    const email = el.querySelector<HTMLInputElement>('input[type=email]');
    expect(email?.getAttribute('autocomplete')).toBe('username');
    expect(email?.getAttribute('inputmode')).toBe('email');
    expect(email?.getAttribute('autocapitalize')).toBe('off');
    expect(email?.getAttribute('spellcheck')).toBe('false');
    expect(el.querySelector('mat-label')?.textContent).toBe('Adresse e-mail');
    expect(el.querySelector('input[type=password]')?.getAttribute('autocomplete')).toBe('current-password');
    expect(el.textContent).toContain('Mot de passe');
    expect(el.querySelector('button[type=submit]')?.textContent?.trim()).toBe("S'identifier");
    const forgot = Array.from(el.querySelectorAll('a')).find((a) => a.textContent?.includes('Identifiants oubliés ?'));
    expect(forgot?.getAttribute('href')).toBe('/admin/mot-de-passe-oublie');
    expect(el.querySelector('.actions')?.classList.contains('column')).toBe(false);

    fixture.componentRef.setInput('emailAutocomplete', 'off');
    fixture.componentRef.setInput('column', true);
    fixture.detectChanges();
    expect(email?.getAttribute('autocomplete')).toBe('off');
    expect(el.querySelector('.actions')?.classList.contains('column')).toBe(true);
  });

  it('does not send an empty form, and says what is missing', () => {
    const login = jest.fn(() => of(answer('admin')));
    const { fixture, form, el } = render(login);
    form.submit();
    fixture.detectChanges();
    expect(login).not.toHaveBeenCalled();
    expect(el.textContent).toContain('Saisissez votre adresse e-mail.');
    expect(el.textContent).toContain('Saisissez votre mot de passe.');
  });

  it('sends the credentials and hands an accepted answer to the host', () => {
    const login = jest.fn(() => of(answer('admin')));
    const { form, loggedIn } = render(login);
    form.form.setValue({ login: 'equipe@ludo.fr', password: 'un-bon-mot-de-passe' });
    form.submit();
    expect(login).toHaveBeenCalledWith({ login: 'equipe@ludo.fr', password: 'un-bon-mot-de-passe' });
    expect(loggedIn).toHaveBeenCalledWith(answer('admin'));
  });

  it('shows the refusal of the host and the French message of the API, and disables the button while sending', () => {
    const answers = new Subject<LoginResponse>();
    let next: () => Observable<LoginResponse> = () => answers;
    const { fixture, form, el, loggedIn } = render(() => next(), {
      refuse: (res: LoginResponse) => (res.role === 'family' ? 'Pas ici.' : null),
    });
    form.form.setValue({ login: 'famille@exemple.fr', password: 'un-bon-mot-de-passe' });
    form.submit();
    fixture.detectChanges();
    expect(el.querySelector<HTMLButtonElement>('button[type=submit]')?.disabled).toBe(true);
    answers.next(answer('family'));
    fixture.detectChanges();
    expect(el.querySelector<HTMLButtonElement>('button[type=submit]')?.disabled).toBe(false);
    expect(el.querySelector('.error-text')?.textContent).toBe('Pas ici.');
    expect(loggedIn).not.toHaveBeenCalled();

    next = () =>
      throwError(
        () =>
          new HttpErrorResponse({
            status: 429,
            error: { statusCode: 429, message: 'Trop de tentatives : réessayez dans 5 minutes.' },
          }),
      );
    form.submit();
    fixture.detectChanges();
    expect(el.querySelector('.error-text')?.textContent).toBe('Trop de tentatives : réessayez dans 5 minutes.');
    expect(loggedIn).not.toHaveBeenCalled();
  });
});
