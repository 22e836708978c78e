import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DATE_PROVIDERS, provideTestIcons } from '../core/testing';
import { AdminJournal, JOURNAL_ACTIONS, JOURNAL_DATES_INVERTED } from './journal';

describe('JOURNAL (admin)', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestIcons(), ...DATE_PROVIDERS] });
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  const empty = { items: [], total: 0, page: 1, pageSize: 25 };

  it('offers every action by its French label', () => {
    expect(JOURNAL_ACTIONS.find((a) => a.value === 'attendance.removed')?.label).toBe('Présence supprimée');
  });

  it('filters by action, person and dates, and clears the filters', async () => {
    const fixture = TestBed.createComponent(AdminJournal);
    fixture.detectChanges();
    backend.expectOne((r) => r.url === '/api/audit').flush(empty);
    await fixture.whenStable();
    const c = fixture.componentInstance;
    c.form.setValue({ action: 'attendance.validated', search: '  Dupont ', from: new Date(2026, 9, 1), to: new Date(2026, 9, 31) });
    c.apply();
    fixture.detectChanges();
    const req = backend.expectOne((r) => r.url === '/api/audit');
    expect(req.request.params.get('action')).toBe('attendance.validated');
    expect(req.request.params.get('search')).toBe('Dupont');
    expect(req.request.params.get('from')).toBe('2026-10-01');
    expect(req.request.params.get('to')).toBe('2026-10-31');
    req.flush(empty);
    await fixture.whenStable();

    c.clear();
    fixture.detectChanges();
    const cleared = backend.expectOne((r) => r.url === '/api/audit');
    expect(['action', 'search', 'from', 'to'].some((k) => cleared.request.params.has(k))).toBe(false);
    cleared.flush(empty);
  });

  it('refuses inverted dates in French, and the message goes once the dates change', async () => {
    const fixture = TestBed.createComponent(AdminJournal);
    fixture.detectChanges();
    backend.expectOne((r) => r.url === '/api/audit').flush(empty);
    await fixture.whenStable();
    const c = fixture.componentInstance;
    c.form.patchValue({ from: new Date(2026, 9, 31), to: new Date(2026, 9, 1) });
    c.apply();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('.error-text')?.textContent).toBe(JOURNAL_DATES_INVERTED);
    backend.expectNone((r) => r.url === '/api/audit');
    c.form.patchValue({ to: new Date(2026, 10, 30) });
    fixture.detectChanges();
    expect(el.querySelector('.error-text')?.textContent).toBe('');
  });
});
