import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SuperAdminApi } from './super-admin-api';

describe('SuperAdminApi', () => {
  let api: SuperAdminApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(SuperAdminApi);
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('sends a funder logo as the body with its type, the funder’s name in the query', () => {
    const file = new File(['x'], 'logo.png', { type: 'image/png' });
    api.addFunderLogo(file, 'Région & Europe').subscribe();
    const req = backend.expectOne('/api/super-admin/funder-logos?alt=R%C3%A9gion%20%26%20Europe');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toBe(file);
    expect(req.request.headers.get('Content-Type')).toBe('image/png');
    req.flush({ footerText: '', funderLogos: [], mailConfigured: true });
  });

  it('activates a structure with a PATCH and resets an admin’s password with an empty POST', () => {
    api.updateStructure(3, { active: true }).subscribe();
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/super-admin/structures/3' });
    expect(patch.request.body).toEqual({ active: true });
    patch.flush({});
    api.resetAdminPassword(7).subscribe();
    const reset = backend.expectOne({ method: 'POST', url: '/api/super-admin/admins/7/reset-password' });
    expect(reset.request.body).toEqual({});
    reset.flush({});
  });
});
