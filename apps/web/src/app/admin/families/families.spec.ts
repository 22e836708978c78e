import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { SessionStore } from '../../core/session';
import { FamilySummary, Page } from '@pointage/contracts';
import { provideFrenchPaginator } from '../../core/french-paginator-intl';
import { fakeSession, provideTestIcons } from '../../core/testing';
import { familyQueryParams } from './families-api';
import { Families, SEARCH_DEBOUNCE_MS } from './families';

function page(items: FamilySummary[], total = items.length): Page<FamilySummary> {
  return { items, total, page: 1, pageSize: 25 };
}

const GRUJIC: FamilySummary = {
  id: 3,
  name: 'GRUJIC',
  email: 'famille.grujic@exemple.fr',
  memberCount: 4,
  memberNames: 'Stanko, Affida, Sarah, Farès',
  archived: false,
  anonymised: false,
  createdAt: '2026-09-01T08:00:00Z',
};

describe('familyQueryParams', () => {
  it('leaves an empty search out and keeps the rest', () => {
    expect(familyQueryParams({ search: '  ', sort: 'name', order: 'asc', page: 1, pageSize: 25, archived: 'false' }).toString()).toBe(
      'sort=name&order=asc&page=1&pageSize=25&archived=false',
    );
    expect(
      familyQueryParams({ search: ' Grujić ', sort: 'memberCount', order: 'desc', page: 3, pageSize: 50, archived: 'all' }).toString(),
    ).toBe('search=Gruji%C4%87&sort=memberCount&order=desc&page=3&pageSize=50&archived=all');
  });
});

describe('Families', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestIcons(), provideFrenchPaginator()],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  function expectList(): TestRequest {
    return backend.expectOne((r) => r.url === '/api/families');
  }

  async function render() {
    const fixture = TestBed.createComponent(Families);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, table: fixture.componentInstance };
  }

  it('asks the first page of the active families by name, and lists them', async () => {
    const { fixture, el } = await render();
    const req = expectList();
    expect(req.request.params.toString()).toBe('sort=name&order=asc&page=1&pageSize=25&archived=false');
    req.flush(page([GRUJIC]));
    await fixture.whenStable();
    const text = el.querySelector('tbody')?.textContent ?? '';
    expect(text).toContain('GRUJIC');
    expect(text).toContain('Stanko, Affida, Sarah, Farès');
    expect(text).toContain('famille.grujic@exemple.fr');
    expect(text).toContain('01/09/2026');
    expect(el.querySelector('a[aria-label="Voir la famille GRUJIC"]')?.getAttribute('href')).toBe('/admin/familles/3');
  });

  it('says when no family matches', async () => {
    const { fixture, el } = await render();
    expectList().flush(page([]));
    await fixture.whenStable();
    expect(el.textContent).toContain('Aucune famille ne correspond.');
  });

  it('searches 300 ms after the last keystroke, from the first page', async () => {
    // Fake timers for the debounce; animation frames stay real: Angular's change detection runs on them.
    jest.useFakeTimers({ doNotFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'queueMicrotask', 'nextTick'] });
    const { fixture, table } = await render();
    expectList().flush(page([GRUJIC], 120));
    table.onPage({ pageIndex: 2, pageSize: 25, length: 120 });
    await fixture.whenStable();
    expect(expectList().request.params.get('page')).toBe('3');

    table.searchControl.setValue('gru');
    table.searchControl.setValue('grujic ');
    await jest.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 1);
    backend.expectNone((r) => r.url === '/api/families');
    await jest.advanceTimersByTimeAsync(1);
    await fixture.whenStable();
    const req = expectList();
    expect(req.request.params.get('search')).toBe('grujic');
    expect(req.request.params.get('page')).toBe('1');
    req.flush(page([GRUJIC]));
  });

  it('sorts and filters on the server', async () => {
    const { fixture, table } = await render();
    expectList().flush(page([GRUJIC]));

    table.onSort({ active: 'createdAt', direction: 'desc' });
    await fixture.whenStable();
    let req = expectList();
    expect(req.request.params.get('sort')).toBe('createdAt');
    expect(req.request.params.get('order')).toBe('desc');
    req.flush(page([GRUJIC]));

    table.onArchived('true');
    await fixture.whenStable();
    req = expectList();
    expect(req.request.params.get('archived')).toBe('true');
    req.flush(page([]));

    table.onPage({ pageIndex: 0, pageSize: 100, length: 0 });
    await fixture.whenStable();
    req = expectList();
    expect(req.request.params.get('pageSize')).toBe('100');
    expect(req.request.params.get('archived')).toBe('true');
    req.flush(page([]));
  });

  it('"Pointer" opens the sheet of an active family in the back office (acting for it)', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const { fixture, el } = await render();
    expectList().flush(page([GRUJIC, { ...GRUJIC, id: 4, name: 'MARTIN', archived: true }]));
    await fixture.whenStable();
    expect(el.querySelector('button[aria-label="Pointer pour la famille MARTIN"]')).toBeNull();
    const point = el.querySelector<HTMLButtonElement>('button[aria-label="Pointer pour la famille GRUJIC"]');
    expect(point?.textContent?.trim()).toBe('Pointer');
    point?.click();
    const act = backend.expectOne('/api/families/3/act');
    expect(act.request.method).toBe('POST');
    act.flush({
      accessToken: 'acting-token',
      session: fakeSession('family', { familyId: 3, actor: { accountId: 2, role: 'admin', displayName: 'Équipe' } }),
    });
    expect(TestBed.inject(SessionStore).token('kiosk')).toBe('acting-token');
    expect(navigate).toHaveBeenCalledWith(['/admin/pointer', 3]);
  });
});
