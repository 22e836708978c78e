import { LiveAnnouncer } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import { AgeBracketDto } from '@pointage/contracts';
import { provideTestIcons } from '../../core/testing';
import { AgeBrackets, bracketsProblem } from './age-brackets';

const DEFAULTS: AgeBracketDto[] = [
  [0, 2],
  [3, 6],
  [7, 11],
].map(([minAge, maxAge], i) => ({ id: i + 1, minAge, maxAge, position: i }));

describe('bracketsProblem', () => {
  it('reports overlaps and inverted brackets among complete rows', () => {
    expect(
      bracketsProblem([
        { minAge: 0, maxAge: 2 },
        { minAge: 3, maxAge: 6 },
      ]),
    ).toBeNull();
    expect(
      bracketsProblem([
        { minAge: 0, maxAge: 3 },
        { minAge: 3, maxAge: 6 },
      ]),
    ).toBe('Les tranches 0–3 ans et 3–6 ans se chevauchent.');
    expect(bracketsProblem([{ minAge: 9, maxAge: 6 }])).toContain('inversée');
    expect(
      bracketsProblem([
        { minAge: 0, maxAge: 2 },
        { minAge: 1, maxAge: null },
      ]),
    ).toBeNull();
    expect(bracketsProblem([])).toContain('au moins une tranche');
  });
});

describe('AgeBrackets', () => {
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
    const fixture = TestBed.createComponent(AgeBrackets);
    backend.expectOne('/api/settings/lists').flush({ sex: [], city: [], status: [], minima: [], qf: [], ageBrackets: DEFAULTS });
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, page: fixture.componentInstance };
  }

  it('shows an overlap as soon as it is typed, and does not save it', async () => {
    const { fixture, el, page } = await render();
    expect(el.querySelectorAll('.row')).toHaveLength(3);
    page.rows.at(1).controls.minAge.setValue(2);
    await fixture.whenStable();
    expect(el.querySelector('.problem')?.textContent).toContain('Les tranches 0–2 ans et 2–6 ans se chevauchent.');
    page.save();
    backend.expectNone('/api/settings/age-brackets');
    await fixture.whenStable();
    // Said once, not twice (the live check and the save).
    const occurrences = (el.textContent ?? '').split('Les tranches 0–2 ans et 2–6 ans se chevauchent.').length - 1;
    expect(occurrences).toBe(1);
    page.rows.at(1).controls.minAge.setValue(3);
    await fixture.whenStable();
    expect(el.textContent).not.toContain('se chevauchent');
  });

  it('an API refusal goes as soon as the rows are changed', async () => {
    const { fixture, el, page } = await render();
    page.save();
    backend
      .expectOne('/api/settings/age-brackets')
      .flush({ statusCode: 400, message: "Les tranches d'âge sont refusées." }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(el.textContent).toContain("Les tranches d'âge sont refusées.");
    page.rows.at(0).controls.maxAge.setValue(2);
    await fixture.whenStable();
    expect(el.textContent).not.toContain("Les tranches d'âge sont refusées.");
  });

  it('adds a bracket after the last one and saves them in order', async () => {
    const { fixture, page } = await render();
    page.add();
    expect(page.rows.at(3).getRawValue()).toEqual({ minAge: 12, maxAge: null });
    page.rows.at(3).controls.maxAge.setValue(17);
    page.remove(0);
    await fixture.whenStable();
    page.save();
    const req = backend.expectOne('/api/settings/age-brackets');
    expect(req.request.body).toEqual({
      brackets: [
        { minAge: 3, maxAge: 6 },
        { minAge: 7, maxAge: 11 },
        { minAge: 12, maxAge: 17 },
      ],
    });
    req.flush([]);
    expect(snack).toHaveBeenCalledWith("Tranches d'âge enregistrées", 'Fermer', expect.anything());
  });

  it('shows brackets that arrive after the page is drawn, and again after a save', async () => {
    const fixture = TestBed.createComponent(AgeBrackets);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelectorAll('.row')).toHaveLength(0);
    backend.expectOne('/api/settings/lists').flush({ sex: [], city: [], status: [], minima: [], qf: [], ageBrackets: DEFAULTS });
    await fixture.whenStable();
    expect(el.querySelectorAll('.row')).toHaveLength(3);
    // The saved list replaces the rows in place (no form events): the rows follow.
    fixture.componentInstance.save();
    backend.expectOne('/api/settings/age-brackets').flush(DEFAULTS.slice(0, 2));
    await fixture.whenStable();
    expect(el.querySelectorAll('.row')).toHaveLength(2);
  });

  it('keeps at least one bracket', async () => {
    const { page } = await render();
    page.remove(0);
    page.remove(0);
    page.remove(0);
    expect(page.rows.length).toBe(1);
  });
});
