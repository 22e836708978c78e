import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PublicAppSettings } from '@pointage/contracts';
import { KIOSK_NO_MAIL, KioskForgot } from '../kiosk/kiosk-forgot';
import { provideTestIcons } from '../core/testing';
import { BACK_OFFICE_NO_MAIL, ForgotPassword } from './forgot-password';

const settings = (mailConfigured: boolean): PublicAppSettings => ({ footerText: 'FEDER', funderLogos: [], mailConfigured });

describe('forgot-password pages and the mail configuration', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestIcons()] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function renderBackOffice(mailConfigured: boolean): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(ForgotPassword);
    await fixture.whenStable();
    backend.expectOne('/api/public/settings').flush(settings(mailConfigured));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function renderKiosk(mailConfigured: boolean): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(KioskForgot);
    fixture.componentRef.setInput('slug', 'ludo');
    await fixture.whenStable();
    backend.expectOne('/api/public/settings').flush(settings(mailConfigured));
    // The kiosk header reads the structure's face; not what this test is about.
    for (const req of backend.match((r) => r.url.startsWith('/api/public/structures/')))
      req.flush({ name: 'Ludo', slug: 'ludo', welcomeMessage: '', logoUrl: null });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('back office: sends people to their colleagues instead of promising a mail that goes nowhere', async () => {
    const el = await renderBackOffice(false);
    expect(el.querySelector('.no-mail')?.textContent).toBe(BACK_OFFICE_NO_MAIL);
    expect(el.querySelector('form')).toBeNull();
    expect(el.textContent).not.toContain('vous recevrez un lien');
  });

  it('back office: asks for the address when mails are configured', async () => {
    const el = await renderBackOffice(true);
    expect(el.querySelector('.no-mail')).toBeNull();
    expect(el.querySelector('form input[type="email"]')).not.toBeNull();
  });

  it('kiosk: sends the family to the team while mails are not configured', async () => {
    const el = await renderKiosk(false);
    expect(el.querySelector('.no-mail')?.textContent).toBe(KIOSK_NO_MAIL);
    expect(KIOSK_NO_MAIL).toContain("Adressez-vous à l'équipe");
    expect(el.querySelector('form')).toBeNull();
  });

  it('kiosk: asks for the address when mails are configured', async () => {
    const el = await renderKiosk(true);
    expect(el.querySelector('.no-mail')).toBeNull();
    expect(el.querySelector('form input[type="email"]')).not.toBeNull();
  });

  async function send(el: HTMLElement, email: string): Promise<void> {
    const input = el.querySelector('form input[type="email"]') as HTMLInputElement;
    input.value = email;
    input.dispatchEvent(new Event('input'));
    (Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.includes('Envoyer')) as HTMLButtonElement).click();
  }

  it('back office: says the API’s refusal under the form, then its answer in place of the form', async () => {
    const el = await renderBackOffice(true);
    await send(el, 'equipe@ludo.fr');
    backend
      .expectOne('/api/auth/forgot')
      .flush(
        { statusCode: 429, message: 'Trop de demandes : réessayez dans une minute.' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await TestBed.inject(ApplicationRef).whenStable();
    expect(el.querySelector('.error-text')?.textContent).toContain('Trop de demandes');

    (el.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const req = backend.expectOne('/api/auth/forgot');
    expect(req.request.body).toEqual({ email: 'equipe@ludo.fr' });
    req.flush({ message: 'Si cette adresse correspond à un compte, un lien vient de lui être envoyé.' });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(el.querySelector('[role="status"] .success-text')?.textContent).toContain('un lien vient de lui être envoyé');
    expect(el.querySelector('form')).toBeNull();
  });

  it('kiosk: sends the address with the structure, and shows the answer in place of the form', async () => {
    const el = await renderKiosk(true);
    await send(el, 'famille@exemple.fr');
    const req = backend.expectOne('/api/auth/forgot');
    expect(req.request.body).toEqual({ email: 'famille@exemple.fr', structure: 'ludo' });
    req.flush({ message: 'Si cette adresse correspond à un compte, un lien vient de lui être envoyé.' });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(el.querySelector('[role="status"] .success-text')?.textContent).toContain('un lien vient de lui être envoyé');
    expect(el.querySelector('form')).toBeNull();
  });
});
