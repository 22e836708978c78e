import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MailSettings } from '@pointage/contracts';
import { PublicSettingsStore } from '../core/public-settings';
import { provideTestIcons } from '../core/testing';
import { MailSettingsCard } from './mail-settings';

const FILE: MailSettings = { source: 'file', host: '', port: null, security: 'starttls', user: '', passwordSet: false, from: '' };
const SAVED: MailSettings = {
  source: 'settings',
  host: 'smtp.exemple.fr',
  port: 587,
  security: 'starttls',
  user: 'ludo',
  passwordSet: true,
  from: 'Ludo <ludo@exemple.fr>',
};

describe('MailSettingsCard', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestIcons()] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function render(initial: MailSettings) {
    const fixture = TestBed.createComponent(MailSettingsCard);
    await fixture.whenStable();
    backend.expectOne('/api/super-admin/settings/mail').flush(initial);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = (label: string) => {
      const field = Array.from(el.querySelectorAll('mat-form-field')).find(
        (f) => f.querySelector('mat-label')?.textContent?.trim() === label,
      );
      return field?.querySelector('input') as HTMLInputElement;
    };
    const type = async (label: string, value: string) => {
      const i = input(label);
      i.value = value;
      i.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const button = (text: string) =>
      Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.includes(text)) as HTMLButtonElement;
    return { fixture, el, input, type, button };
  }

  it('says mails only land in DATA_DIR/mails while nothing is configured', async () => {
    const { el } = await render(FILE);
    expect(el.querySelector('h2')?.textContent).toBe('Envoi des e-mails');
    expect(el.querySelector('.route')?.textContent).toContain('DATA_DIR/mails');
    expect(TestBed.inject(PublicSettingsStore).settings().mailConfigured).toBe(false);
  });

  it('never shows the stored password, and sends none when the field is left empty', async () => {
    const { el, input, type, button, fixture } = await render(SAVED);
    expect(input('Mot de passe').value).toBe('');
    expect(el.textContent).toContain('Un mot de passe est enregistré : laisser vide pour ne pas changer.');
    expect(input('Serveur SMTP').value).toBe('smtp.exemple.fr');

    await type('Utilisateur', 'ludotheque');
    button('SAUVEGARDER').click();
    const put = backend.expectOne({ method: 'PUT', url: '/api/super-admin/settings/mail' });
    expect(put.request.body).toEqual({
      host: 'smtp.exemple.fr',
      port: 587,
      security: 'starttls',
      user: 'ludotheque',
      from: 'Ludo <ludo@exemple.fr>',
    });
    put.flush({ ...SAVED, user: 'ludotheque' });
    await fixture.whenStable();
    expect(el.textContent).toContain("Configuration de l'envoi des e-mails enregistrée.");

    await type('Mot de passe', 'nouveau-secret');
    button('SAUVEGARDER').click();
    const second = backend.expectOne({ method: 'PUT', url: '/api/super-admin/settings/mail' });
    expect(second.request.body.password).toBe('nouveau-secret');
    second.flush(SAVED);
    await fixture.whenStable();
    expect(input('Mot de passe').value).toBe('');
  });

  it('sends a test mail to the typed address and shows the server’s French answer, success or failure', async () => {
    const { el, type, button, fixture } = await render(SAVED);
    button('Envoyer un e-mail de test').click();
    backend.expectNone('/api/super-admin/settings/mail/test');

    await type('Adresse du destinataire', 'equipe@exemple.fr');
    button('Envoyer un e-mail de test').click();
    const test = backend.expectOne({ method: 'POST', url: '/api/super-admin/settings/mail/test' });
    expect(test.request.body).toEqual({ to: 'equipe@exemple.fr' });
    test.flush({ message: 'E-mail de test envoyé à equipe@exemple.fr.' });
    await fixture.whenStable();
    expect(el.querySelector('[role="status"].success-text')?.textContent).toBe('E-mail de test envoyé à equipe@exemple.fr.');

    button('Envoyer un e-mail de test').click();
    backend
      .expectOne('/api/super-admin/settings/mail/test')
      .flush(
        { statusCode: 422, message: "L'e-mail de test n'a pas pu être envoyé : le serveur a refusé l'identifiant ou le mot de passe." },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await fixture.whenStable();
    expect(el.querySelector('.error-text')?.textContent).toContain("le serveur a refusé l'identifiant ou le mot de passe");
  });
});
