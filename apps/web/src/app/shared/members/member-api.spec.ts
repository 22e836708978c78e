import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MemberApi } from './member-api';
import { MemberEndpoints } from './member-editor';

const KIOSK: MemberEndpoints = { create: '/api/kiosk/members', update: (id) => `/api/kiosk/members/${id}` };

describe('MemberApi', () => {
  let api: MemberApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(MemberApi);
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('creates with a POST and updates with a PATCH at the routes it is given', () => {
    api.create(KIOSK, { firstName: 'Léa' } as never).subscribe();
    const post = backend.expectOne({ method: 'POST', url: '/api/kiosk/members' });
    expect(post.request.body).toEqual({ firstName: 'Léa' });
    post.flush({});
    api.update(KIOSK, 4, { lastName: 'Martin' }).subscribe();
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/kiosk/members/4' });
    expect(patch.request.body).toEqual({ lastName: 'Martin' });
    patch.flush({});
  });
});
