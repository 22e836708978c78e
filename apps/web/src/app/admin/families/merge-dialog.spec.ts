import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { FamilySummary, MergeFamiliesResponse } from '@pointage/contracts';
import { provideTestIcons, testFamily, testMember } from '../../core/testing';
import { MERGE_SEARCH_DEBOUNCE_MS, MergeDialog, samePeople } from './merge-dialog';

const OTHER = testFamily({
  id: 8,
  name: 'GRUJIC (2)',
  email: 'grujic.bis@exemple.fr',
  members: [
    testMember({ id: 51, familyId: 8, lastName: 'Grujić', firstName: 'stanko' }),
    testMember({ id: 52, familyId: 8, firstName: 'Sarah', birthDate: '2020-04-04', statusId: 25 }),
  ],
});

function summary(f: typeof OTHER, extra: Partial<FamilySummary> = {}): FamilySummary {
  return {
    id: f.id,
    name: f.name,
    email: f.email,
    memberCount: f.members.length,
    memberNames: f.members.map((m) => m.firstName).join(', '),
    archived: false,
    anonymised: false,
    createdAt: f.createdAt,
    ...extra,
  };
}

describe('samePeople', () => {
  it('pairs the members with the same name (case and accents ignored) and birth date, as the API joins them', () => {
    const pairs = samePeople(testFamily().members, OTHER.members);
    expect(pairs.map((p) => [p.kept.id, p.absorbed.id])).toEqual([[5, 51]]);
    expect(samePeople(testFamily().members, [testMember({ id: 60, birthDate: '1975-06-27' })])).toEqual([]);
  });
});

describe('MergeDialog', () => {
  let backend: HttpTestingController;
  let close: jest.Mock;

  beforeEach(() => {
    jest.useFakeTimers();
    close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestIcons(),
        { provide: MAT_DIALOG_DATA, useValue: { family: testFamily() } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  async function pickOther() {
    const fixture = TestBed.createComponent(MergeDialog);
    fixture.detectChanges();
    const dialog = fixture.componentInstance;
    const el = fixture.nativeElement as HTMLElement;
    const merge = () => Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Fusionner') as HTMLButtonElement;
    expect(merge().disabled).toBe(true);
    dialog.search.setValue('grujic');
    jest.advanceTimersByTime(MERGE_SEARCH_DEBOUNCE_MS);
    fixture.detectChanges();
    const list = backend.expectOne((r) => r.url === '/api/families');
    expect(list.request.params.get('search')).toBe('grujic');
    expect(list.request.params.get('archived')).toBe('all');
    // The family itself and anonymised families are not offered.
    list.flush({
      items: [summary(testFamily()), summary(OTHER), summary(testFamily({ id: 9, name: 'Famille anonymisée n° 9' }), { anonymised: true })],
      total: 3,
      page: 1,
      pageSize: 10,
    });
    fixture.detectChanges();
    const offered = Array.from(el.querySelectorAll('mat-radio-button')).map((r) => r.textContent?.trim());
    expect(offered).toEqual(['GRUJIC (2) — stanko, Sarah']);
    dialog.pick(8);
    fixture.detectChanges();
    backend.expectOne('/api/families/8').flush(OTHER);
    fixture.detectChanges();
    return { fixture, dialog, el, merge };
  }

  it('finds the other family, keeps this one by default, says who is joined and who moves, then merges', async () => {
    const { fixture, el, merge } = await pickOther();
    const text = el.textContent ?? '';
    expect(text).toContain('La famille GRUJIC (2) est supprimée après la fusion');
    expect(text).toContain('Stanko GRUJIC (26/06/1975) est la même personne dans les deux familles');
    expect(text).toContain('Rejoignent la famille conservée : Sarah GRUJIC.');
    expect(text).toContain('Cette opération est irréversible.');
    expect(merge().disabled).toBe(false);
    merge().click();
    const req = backend.expectOne('/api/families/3/merge');
    expect(req.request.body).toEqual({ absorbedFamilyId: 8 });
    const answer: MergeFamiliesResponse = {
      family: testFamily(),
      movedMembers: 1,
      joinedMembers: 1,
      movedAttendance: 2,
      droppedAttendance: 0,
      movedAccounts: 0,
      deletedAccounts: 1,
    };
    req.flush(answer);
    fixture.detectChanges();
    expect(close).toHaveBeenCalledWith(answer);
  });

  it('merges into the other family when it is the one kept, and shows a refusal in French', async () => {
    const { fixture, dialog, el, merge } = await pickOther();
    dialog.keptId.set(8);
    fixture.detectChanges();
    expect(el.textContent).toContain('La famille GRUJIC est supprimée après la fusion');
    expect(el.textContent).toContain('Rejoignent la famille conservée : Luka GRUJIC.');
    merge().click();
    const req = backend.expectOne('/api/families/8/merge');
    expect(req.request.body).toEqual({ absorbedFamilyId: 3 });
    req.flush(
      { statusCode: 409, message: 'Fusion impossible : une famille anonymisée ne peut pas être fusionnée.' },
      { status: 409, statusText: 'Conflict' },
    );
    fixture.detectChanges();
    expect(el.querySelector('.error-text')?.textContent).toBe('Fusion impossible : une famille anonymisée ne peut pas être fusionnée.');
    expect(close).not.toHaveBeenCalled();
    expect(merge().disabled).toBe(false);
  });
});
