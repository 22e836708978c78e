import { LiveAnnouncer } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import { LogoInfo } from '@pointage/contracts';
import { provideTestIcons } from '../../core/testing';
import { logoFileProblem, proportionalHeight, WelcomeSettingsPage } from './welcome-settings';

const LOGO: LogoInfo = { url: '/api/public/files/logo-s1-abc.png', width: 600, height: 263, originalWidth: 3274, originalHeight: 1435 };

describe('logo helpers', () => {
  it('checks type and size before sending', () => {
    expect(logoFileProblem({ type: 'image/png', size: 1000 })).toBeNull();
    expect(logoFileProblem({ type: 'image/svg+xml', size: 1000 })).toContain('PNG, JPEG ou WebP');
    expect(logoFileProblem({ type: 'image/jpeg', size: 6 * 1024 * 1024 })).toContain('5 Mo');
    expect(logoFileProblem({ type: 'image/webp', size: 0 })).toBe('Ce fichier est vide.');
  });

  it('computes the height that keeps the proportions', () => {
    expect(proportionalHeight(600, 3274, 1435)).toBe(263);
    expect(proportionalHeight(3274, 3274, 1435)).toBe(1435);
    expect(proportionalHeight(0, 3274, 1435)).toBe(0);
  });
});

describe('WelcomeSettingsPage', () => {
  let backend: HttpTestingController;
  let snack: jest.Mock;

  beforeEach(() => {
    snack = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestIcons(),
        { provide: MatSnackBar, useValue: { open: snack } },
        { provide: LiveAnnouncer, useValue: { announce: jest.fn().mockResolvedValue(undefined) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function render() {
    const fixture = TestBed.createComponent(WelcomeSettingsPage);
    backend.expectOne('/api/settings/welcome').flush({ message: 'Bienvenue !', logo: LOGO });
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, page: fixture.componentInstance };
  }

  it('shows the original size and the height computed from a new width', async () => {
    const { fixture, el, page } = await render();
    expect(el.textContent).toContain('Taille originale : 3274 × 1435');
    page.width.setValue(1000);
    await fixture.whenStable();
    const inputs = Array.from(el.querySelectorAll<HTMLInputElement>('.resize input'));
    expect(inputs[1].value).toBe('438');
    page.resize();
    const req = backend.expectOne('/api/settings/logo/resize');
    expect(req.request.body).toEqual({ width: 1000 });
    req.flush({ ...LOGO, width: 1000, height: 438 });
    expect(snack).toHaveBeenCalledWith('Logo redimensionné : 1000 × 438', 'Fermer', expect.anything());
  });

  it('sends the file itself with its type, after checking it', async () => {
    const { fixture, el, page } = await render();
    page.upload(new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
    backend.expectNone('/api/settings/logo');
    await fixture.whenStable();
    expect(el.textContent).toContain('Format non accepté');

    const file = new File([new Uint8Array([0x89, 0x50])], 'logo.png', { type: 'image/png' });
    page.upload(file);
    const req = backend.expectOne('/api/settings/logo');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toBe(file);
    expect(req.request.headers.get('Content-Type')).toBe('image/png');
    req.flush(LOGO);
  });

  it('saves the welcome message', async () => {
    const { page } = await render();
    page.message.setValue('Pensez à pointer votre arrivée.');
    expect(page.hasUnsavedChanges()).toBe(false);
    page.message.markAsDirty();
    expect(page.hasUnsavedChanges()).toBe(true);
    page.saveMessage();
    const req = backend.expectOne('/api/settings/welcome');
    expect(req.request.body).toEqual({ message: 'Pensez à pointer votre arrivée.' });
    req.flush({ message: 'Pensez à pointer votre arrivée.', logo: LOGO });
    expect(page.hasUnsavedChanges()).toBe(false);
    expect(snack).toHaveBeenCalledWith("Message d'accueil enregistré", 'Fermer', expect.anything());
  });
});
