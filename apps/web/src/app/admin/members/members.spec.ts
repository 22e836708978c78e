import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MemberSummary, Page } from '@pointage/contracts';
import { provideFrenchPaginator } from '../../core/french-paginator-intl';
import { provideTestIcons, testOptions } from '../../core/testing';
import { memberQueryParams } from '../families/families-api';
import { MEMBER_SEARCH_DEBOUNCE_MS, Members, MembersTableState, parseAge } from './members';

const LUKA: MemberSummary = {
  id: 6,
  familyId: 3,
  familyName: 'GRUJIC',
  lastName: 'GRUJIC',
  firstName: 'Luka',
  birthDate: '2018-02-03',
  age: 8,
  sex: 'Homme',
  status: 'Enfant à charge',
  city: 'Lille',
  minima: 'Non',
  qf: '481 à 581 €',
  registeredOn: '2025-09-01',
  archived: false,
};

function page(items: MemberSummary[], total = items.length): Page<MemberSummary> {
  return { items, total, page: 1, pageSize: 25 };
}

describe('memberQueryParams and parseAge', () => {
  it('leaves out an empty search and unset filters', () => {
    expect(memberQueryParams({ search: ' ', sort: 'lastName', order: 'asc', page: 1, pageSize: 25, archived: 'false' }).toString()).toBe(
      'sort=lastName&order=asc&page=1&pageSize=25&archived=false',
    );
    expect(
      memberQueryParams({
        search: 'Luka',
        sort: 'age',
        order: 'desc',
        page: 2,
        pageSize: 50,
        archived: 'all',
        statusId: 25,
        cityId: 10,
        ageMin: 3,
        ageMax: 6,
      }).toString(),
    ).toBe('search=Luka&sort=age&order=desc&page=2&pageSize=50&archived=all&statusId=25&cityId=10&ageMin=3&ageMax=6');
  });

  it('reads whole ages only', () => {
    expect(parseAge('6')).toBe(6);
    expect(parseAge(0)).toBe(0);
    expect(parseAge('')).toBeNull();
    expect(parseAge('-1')).toBeNull();
    expect(parseAge('2.5')).toBeNull();
  });
});

describe('Members', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestIcons(), provideFrenchPaginator()],
    });
    backend = TestBed.inject(HttpTestingController);
    // The state outlives the page (root service): each test starts from the defaults.
    TestBed.inject(MembersTableState).search.set('');
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  function expectList(): TestRequest {
    return backend.expectOne((r) => r.url === '/api/members');
  }

  function render() {
    const fixture = TestBed.createComponent(Members);
    fixture.detectChanges();
    backend.expectOne('/api/reference').flush(testOptions());
    backend.expectOne('/api/settings/lists').flush({ ...testOptions(), ageBrackets: [] });
    return {
      fixture,
      el: fixture.nativeElement as HTMLElement,
      members: fixture.componentInstance,
      state: TestBed.inject(MembersTableState),
    };
  }

  it('shows the columns of the attendance list, with the family as a link', () => {
    const { fixture, el } = render();
    const req = expectList();
    expect(req.request.params.toString()).toBe('sort=lastName&order=asc&page=1&pageSize=25&archived=false');
    req.flush(page([LUKA]));
    fixture.detectChanges();
    expect(Array.from(el.querySelectorAll('th')).map((th) => th.textContent?.trim())).toEqual([
      'Nom',
      'Prénom',
      'Sexe',
      'Âge',
      'Statut',
      'Ville de résidence',
      'Minima sociaux',
      'Quotient familial',
      'Famille',
    ]);
    const cells = Array.from(el.querySelectorAll('tr.mat-mdc-row td')).map((td) => td.textContent?.trim());
    expect(cells).toEqual(['GRUJIC', 'Luka', 'Homme', '8 ans', 'Enfant à charge', 'Lille', 'Non', '481 à 581 €', 'GRUJIC']);
    expect(el.querySelector('tr.mat-mdc-row a')?.getAttribute('href')).toBe('/admin/familles/3');
    expect(el.querySelector('p.visually-hidden[aria-live="polite"]')?.textContent).toBe('1 membre');
  });

  it('asks the API again, from the first page, when the search, a filter, the sort or the age range changes', () => {
    const { fixture, members, state } = render();
    expectList().flush(page([LUKA], 60));
    state.pageIndex.set(1);
    fixture.detectChanges();
    expect(expectList().request.params.get('page')).toBe('2');

    members.searchControl.setValue('luka');
    jest.advanceTimersByTime(MEMBER_SEARCH_DEBOUNCE_MS);
    fixture.detectChanges();
    let req = expectList();
    expect(req.request.params.get('search')).toBe('luka');
    expect(req.request.params.get('page')).toBe('1');

    members.setFilter(state.statusId, 25);
    fixture.detectChanges();
    req = expectList();
    expect(req.request.params.get('statusId')).toBe('25');

    members.onSort({ active: 'age', direction: 'desc' });
    fixture.detectChanges();
    req = expectList();
    expect(req.request.params.get('sort')).toBe('age');
    expect(req.request.params.get('order')).toBe('desc');

    members.ageMinControl.setValue(3);
    jest.advanceTimersByTime(MEMBER_SEARCH_DEBOUNCE_MS);
    fixture.detectChanges();
    expect(expectList().request.params.get('ageMin')).toBe('3');
  });

  it('says an impossible age range beside the fields and does not ask the API', () => {
    const { fixture, el, members } = render();
    expectList().flush(page([LUKA]));
    members.ageMinControl.setValue(10);
    jest.advanceTimersByTime(MEMBER_SEARCH_DEBOUNCE_MS);
    fixture.detectChanges();
    expectList().flush(page([]));
    members.ageMaxControl.setValue(5);
    jest.advanceTimersByTime(MEMBER_SEARCH_DEBOUNCE_MS);
    fixture.detectChanges();
    backend.expectNone((r) => r.url === '/api/members');
    expect(el.querySelector('.error-text')?.textContent).toBe("L'âge minimum doit être inférieur ou égal à l'âge maximum.");
    TestBed.inject(MembersTableState).ageMin.set(null);
    TestBed.inject(MembersTableState).ageMax.set(null);
  });
});
