import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { REF_KIND_LABELS, REF_KINDS, type RefKind } from '@pointage/contracts';
import { StatisticsLists } from './statistics-form';

/**
 * "Critères": one group of checkboxes per list (every item of the structure's
 * list, deactivated ones marked), "Tout cocher / Tout décocher" per group, and
 * a warning on a group where nothing is checked (nobody would be counted).
 */
@Component({
  selector: 'app-statistics-criteria',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCheckboxModule, MatIconModule],
  template: `
    <div class="groups">
      @for (g of groups(); track g.kind) {
        <fieldset class="group" [attr.aria-describedby]="isEmpty(g.kind) || errors()[g.kind] ? 'criteria-note-' + g.kind : null">
          <legend>{{ g.label }}</legend>
          <div class="group-actions">
            <button mat-button type="button" (click)="setAll(g.kind, true)" [attr.aria-label]="'Tout cocher : ' + g.label">
              Tout cocher
            </button>
            <button mat-button type="button" (click)="setAll(g.kind, false)" [attr.aria-label]="'Tout décocher : ' + g.label">
              Tout décocher
            </button>
          </div>
          @for (item of g.items; track item.id) {
            <mat-checkbox [checked]="isChecked(g.kind, item.id)" (change)="toggle(g.kind, item.id, $event.checked)">
              {{ item.label }}
              @if (!item.active) {
                <span class="deactivated">(désactivé)</span>
              }
            </mat-checkbox>
          }
          <div [id]="'criteria-note-' + g.kind">
            @if (errors()[g.kind]; as error) {
              <p class="error-text note" role="alert">{{ error }}</p>
            }
            @if (isEmpty(g.kind)) {
              <p class="warning note">
                <mat-icon svgIcon="warning" aria-hidden="true" />
                Aucune case cochée : personne ne sera compté.
              </p>
            }
          </div>
        </fieldset>
      }
    </div>
  `,
  styles: `
    .groups {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(210px, 1fr));
      gap: 12px;
    }
    fieldset.group {
      margin: 0;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      min-width: 0;
    }
    .group-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0 4px;
      margin: 0 0 4px -8px;
    }
    .group-actions button {
      min-height: 40px;
      --mat-button-text-horizontal-padding: 8px;
    }
    mat-checkbox {
      min-height: 40px;
    }
    .deactivated {
      color: var(--mat-sys-on-surface-variant);
      font-style: italic;
    }
    .note {
      margin: 4px 0 0;
      font: var(--mat-sys-body-medium);
    }
    .warning {
      display: flex;
      align-items: center;
      gap: 4px;
      color: #7a4100;
    }
    .warning mat-icon {
      width: 20px;
      height: 20px;
      flex: none;
    }
  `,
})
export class StatisticsCriteriaPicker {
  readonly lists = input.required<StatisticsLists>();
  /** Ids checked, per group. */
  readonly checked = model.required<Record<RefKind, number[]>>();
  /** Messages of the API about a group ('criteria.city' → city). */
  readonly errors = input<Partial<Record<RefKind, string>>>({});

  protected readonly groups = computed(() =>
    REF_KINDS.map((kind) => ({ kind, label: REF_KIND_LABELS[kind], items: this.lists().items[kind] })).filter((g) => g.items.length > 0),
  );

  protected isChecked(kind: RefKind, id: number): boolean {
    return this.checked()[kind]?.includes(id) ?? false;
  }

  protected isEmpty(kind: RefKind): boolean {
    return !this.lists().items[kind].some((i) => this.isChecked(kind, i.id));
  }

  setAll(kind: RefKind, on: boolean): void {
    this.checked.update((c) => ({ ...c, [kind]: on ? this.lists().items[kind].map((i) => i.id) : [] }));
  }

  toggle(kind: RefKind, id: number, on: boolean): void {
    this.checked.update((c) => {
      const set = new Set(c[kind] ?? []);
      if (on) set.add(id);
      else set.delete(id);
      return {
        ...c,
        [kind]: this.lists()
          .items[kind].map((i) => i.id)
          .filter((x) => set.has(x)),
      };
    });
  }
}
