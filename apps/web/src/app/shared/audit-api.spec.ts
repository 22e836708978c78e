import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuditApi, auditQueryParams, NO_AUDIT_FILTERS } from './audit-api';

describe('AuditApi', () => {
  it('leaves the empty filters out of the query string and trims the search', () => {
    expect(auditQueryParams({ page: 1, pageSize: 25, structureId: null, filters: NO_AUDIT_FILTERS }).toString()).toBe('page=1&pageSize=25');
    const params = auditQueryParams({
      page: 2,
      pageSize: 50,
      structureId: 7,
      filters: { action: 'attendance.removed', search: ' dupont ', from: '2026-10-01', to: '2026-10-31' },
    });
    expect(params.toString()).toBe(
      'page=2&pageSize=50&structureId=7&action=attendance.removed&search=dupont&from=2026-10-01&to=2026-10-31',
    );
    expect(
      auditQueryParams({ page: 1, pageSize: 25, structureId: null, filters: { ...NO_AUDIT_FILTERS, search: '   ' } }).has('search'),
    ).toBe(false);
  });

  it('asks the log of the route given by the page', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const backend = TestBed.inject(HttpTestingController);
    let total = -1;
    TestBed.inject(AuditApi)
      .page('/api/super-admin/audit', { page: 3, pageSize: 25, structureId: null, filters: NO_AUDIT_FILTERS })
      .subscribe((p) => (total = p.total));
    const req = backend.expectOne((r) => r.url === '/api/super-admin/audit');
    expect(req.request.method).toBe('GET');
    expect(req.request.params.get('page')).toBe('3');
    req.flush({ items: [], total: 0, page: 3, pageSize: 25 });
    expect(total).toBe(0);
    backend.verify();
  });
});
