import { LiveAnnouncer } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FormArray } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import { ReferenceLists, RefItemWithUsage } from '@pointage/contracts';
import { provideTestIcons } from '../../core/testing';
import { canDelete, deleteTooltip, listProblem, moveRow, RefListEditor, refRow, RefRow, saveRequest, usageText } from './ref-list-editor';

function item(id: number, label: string, usage = 0, extra: Partial<RefItemWithUsage> = {}): RefItemWithUsage {
  return {
    id,
    kind: 'city',
    label,
    position: id,
    active: true,
    isChild: false,
    code: null,
    usage,
    usedBy: { members: usage, families: 0, attendance: 0 },
    ...extra,
  };
}

const CITIES = [item(1, 'Faches-Thumesnil', 3), item(2, 'Lille', 12), item(3, 'Ronchin'), item(4, 'Autres', 0, { code: 'other' })];

function labels(rows: FormArray<RefRow>): string[] {
  return rows.controls.map((r) => r.controls.label.value);
}

describe('list editor rules', () => {
  it('moves rows up and down, never out of the list', () => {
    const rows = new FormArray(CITIES.map((c) => refRow(c)));
    expect(moveRow(rows, 1, 0)).toBe(true);
    expect(labels(rows)).toEqual(['Lille', 'Faches-Thumesnil', 'Ronchin', 'Autres']);
    expect(moveRow(rows, 0, 3)).toBe(true);
    expect(labels(rows)).toEqual(['Faches-Thumesnil', 'Ronchin', 'Autres', 'Lille']);
    expect(moveRow(rows, 0, -1)).toBe(false);
    expect(moveRow(rows, 3, 4)).toBe(false);
    expect(rows.dirty).toBe(true);
  });

  it('lets delete only entries nobody uses', () => {
    expect(canDelete(0)).toBe(true);
    expect(canDelete(12)).toBe(false);
    expect(deleteTooltip(12, { members: 12, families: 0, attendance: 0 })).toBe(
      'Utilisée par 12 membres : désactivez-la au lieu de la supprimer',
    );
    expect(deleteTooltip(0)).toBe('Supprimer');
  });

  it('says what uses an entry: members, families, présences', () => {
    expect(usageText(0, { members: 0, families: 0, attendance: 0 })).toBe('Non utilisée');
    expect(usageText(109, { members: 109, families: 0, attendance: 0 })).toBe('Utilisée par 109 membres');
    expect(usageText(1, { members: 0, families: 1, attendance: 0 })).toBe('Utilisée par 1 famille');
    expect(usageText(357, { members: 45, families: 12, attendance: 300 })).toBe('Utilisée par 12 familles, 45 membres et 300 présences');
  });

  it('refuses an empty list, a list without active entry, and twice the same label', () => {
    expect(listProblem([])).toContain('au moins une entrée');
    expect(listProblem([{ label: 'Lille', active: false }])).toContain('au moins une entrée active');
    expect(
      listProblem([
        { label: 'Lille', active: true },
        { label: ' lille ', active: true },
      ]),
    ).toBe('« lille » figure deux fois dans la liste.');
    expect(
      listProblem([
        { label: 'Mère', active: true },
        { label: 'Mere', active: true },
      ]),
    ).toContain('deux fois');
    expect(
      listProblem([
        { label: 'Lille', active: true },
        { label: 'Ronchin', active: false },
      ]),
    ).toBeNull();
  });

  it('sends the whole ordered list: ids of existing entries, isChild for statuses only', () => {
    const rows = [refRow(item(2, 'Lille', 12)), refRow()];
    rows[1].controls.label.setValue('  Wattignies ');
    expect(saveRequest('city', rows)).toEqual({
      items: [
        { id: 2, label: 'Lille', active: true },
        { label: 'Wattignies', active: true },
      ],
    });
    rows[1].controls.isChild.setValue(true);
    expect(saveRequest('status', rows).items[1]).toEqual({ label: 'Wattignies', active: true, isChild: true });
  });
});

describe('RefListEditor', () => {
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

  async function render(kind: 'city' | 'status' = 'city') {
    const fixture = TestBed.createComponent(RefListEditor);
    fixture.componentRef.setInput('kind', kind);
    await fixture.whenStable();
    const lists = { sex: [], city: CITIES, status: [item(20, 'Mère', 4, { kind: 'status' })], minima: [], qf: [], ageBrackets: [] };
    backend.expectOne('/api/settings/lists').flush(lists as unknown as ReferenceLists);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, editor: fixture.componentInstance };
  }

  it('shows the title in capitals and disables the delete button of used entries', async () => {
    const { el } = await render();
    expect(el.querySelector('h1')?.textContent).toBe('VILLE DE RÉSIDENCE');
    const deletes = Array.from(el.querySelectorAll<HTMLButtonElement>('button.delete'));
    expect(deletes.map((b) => b.getAttribute('aria-disabled'))).toEqual(['true', 'true', null, null]);
    expect(deletes[1].getAttribute('aria-label')).toContain('Utilisée par 12 membres : désactivez-la');
    expect(el.querySelectorAll('.usage')[1].textContent).toBe('Utilisée par 12 membres');
    expect(el.querySelector('mat-checkbox')).toBeNull();
  });

  it('has an "Enfant" checkbox for statuses', async () => {
    const { el } = await render('status');
    expect(el.querySelector('mat-checkbox')?.textContent).toContain('Enfant');
  });

  it('reorders with the buttons, adds, removes unused entries and saves the whole list', async () => {
    const { fixture, el, editor } = await render();
    el.querySelectorAll<HTMLButtonElement>('button.move-up')[1].click();
    await fixture.whenStable();
    expect(labels(editor.rows)).toEqual(['Lille', 'Faches-Thumesnil', 'Ronchin', 'Autres']);

    // A used entry stays; an unused one goes.
    el.querySelectorAll<HTMLButtonElement>('button.delete')[0].click();
    el.querySelectorAll<HTMLButtonElement>('button.delete')[2].click();
    await fixture.whenStable();
    expect(labels(editor.rows)).toEqual(['Lille', 'Faches-Thumesnil', 'Autres']);

    editor.add();
    editor.rows.at(3).controls.label.setValue('Wattignies');
    editor.rows.at(0).controls.active.setValue(false);
    await fixture.whenStable();
    expect(el.textContent).toContain('Modifications non sauvegardées');
    // A deactivated entry does not read "active".
    const first = el.querySelectorAll('.row')[0];
    expect(first.textContent).not.toContain('✓');
    expect(first.textContent).toContain('Désactivée : plus proposée');
    expect(el.querySelectorAll('.row')[1].textContent).not.toContain('Désactivée');

    editor.save();
    const req = backend.expectOne('/api/settings/lists/city');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({
      items: [
        { id: 2, label: 'Lille', active: false },
        { id: 1, label: 'Faches-Thumesnil', active: true },
        { id: 4, label: 'Autres', active: true },
        { label: 'Wattignies', active: true },
      ],
    });
    req.flush([item(2, 'Lille', 12, { active: false }), item(1, 'Faches-Thumesnil', 3), item(4, 'Autres'), item(9, 'Wattignies')]);
    await fixture.whenStable();
    expect(snack).toHaveBeenCalledWith('Liste enregistrée', 'Fermer', expect.anything());
    expect(editor.rows.at(3).controls.id.value).toBe(9);
    expect(editor.hasUnsavedChanges()).toBe(false);
  });

  it('does not save a blank label, and shows the refusal of the API', async () => {
    const { fixture, el, editor } = await render();
    editor.add();
    editor.save();
    backend.expectNone('/api/settings/lists/city');
    await fixture.whenStable();
    expect(el.textContent).toContain('Chaque entrée doit avoir un libellé.');

    editor.remove(4);
    editor.save();
    backend
      .expectOne('/api/settings/lists/city')
      .flush(
        { statusCode: 409, message: '« Ronchin » est utilisé par 2 membres : vous pouvez le désactiver, pas le supprimer.' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(el.textContent).toContain('« Ronchin » est utilisé par 2 membres');
    expect(snack).not.toHaveBeenCalled();
  });
});
