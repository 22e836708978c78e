import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SettingsApi } from './settings-api';

describe('SettingsApi', () => {
  let api: SettingsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(SettingsApi);
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('sends the logo as the body with its own type', () => {
    const file = new File(['x'], 'logo.webp', { type: 'image/webp' });
    api.uploadLogo(file).subscribe();
    const req = backend.expectOne({ method: 'PUT', url: '/api/settings/logo' });
    expect(req.request.body).toBe(file);
    expect(req.request.headers.get('Content-Type')).toBe('image/webp');
    req.flush({});
  });

  it('saves one list at its own address and the age brackets wrapped in { brackets }', () => {
    api.saveList('city', { items: [] }).subscribe();
    backend.expectOne({ method: 'PUT', url: '/api/settings/lists/city' }).flush([]);
    api.saveAgeBrackets([{ minAge: 0, maxAge: 2 }]).subscribe();
    const put = backend.expectOne({ method: 'PUT', url: '/api/settings/age-brackets' });
    expect(put.request.body).toEqual({ brackets: [{ minAge: 0, maxAge: 2 }] });
    put.flush([]);
  });
});
