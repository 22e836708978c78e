import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkDragDrop, DragDropModule } from '@angular/cdk/drag-drop';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
} from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTooltipModule } from '@angular/material/tooltip';
import { LIMITS, REF_KIND_LABELS, RefItemWithUsage, RefKind, SaveRefListRequest } from '@pointage/contracts';
import { searchKey } from '@pointage/domain';
import { map, tap } from 'rxjs';
import { apiResource } from '../../core/api-resource';
import { submitter } from '../../core/submitter';
import { HasUnsavedChanges } from '../../shared/unsaved-changes';
import { SettingsApi } from './settings-api';
import { SettingsBackLink } from './settings-back-link';

/** The server accepts 50 entries per list. */
export const MAX_ENTRIES = 50;

/** What uses an entry (members, families, présences). */
type UsedBy = NonNullable<RefItemWithUsage['usedBy']>;

export type RefRow = FormGroup<{
  id: FormControl<number | null>;
  label: FormControl<string>;
  active: FormControl<boolean>;
  isChild: FormControl<boolean>;
  /** Members, families and attendance records using the entry (read only). */
  usage: FormControl<number>;
  /** What `usage` counts (read only). */
  usedBy: FormControl<UsedBy | null>;
}>;

export function refRow(item?: RefItemWithUsage): RefRow {
  return new FormGroup({
    id: new FormControl<number | null>(item?.id ?? null),
    label: new FormControl(item?.label ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(LIMITS.label), (c) => (c.value.trim() ? null : { required: true })],
    }),
    active: new FormControl(item?.active ?? true, { nonNullable: true }),
    isChild: new FormControl(item?.isChild ?? false, { nonNullable: true }),
    usage: new FormControl(item?.usage ?? 0, { nonNullable: true }),
    usedBy: new FormControl(item?.usedBy ?? null),
  });
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** "12 familles, 45 membres et 300 présences": what uses an entry, in words. */
export function usedByText(usage: number, usedBy?: UsedBy | null): string {
  if (!usedBy) return plural(usage, 'fiche', 'fiches');
  const parts = [
    usedBy.families ? plural(usedBy.families, 'famille', 'familles') : '',
    usedBy.members ? plural(usedBy.members, 'membre', 'membres') : '',
    usedBy.attendance ? plural(usedBy.attendance, 'présence', 'présences') : '',
  ].filter(Boolean);
  if (parts.length === 0) return plural(usage, 'fiche', 'fiches');
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

/** The line under an entry: "Non utilisée" or "Utilisée par 109 membres". */
export function usageText(usage: number, usedBy?: UsedBy | null): string {
  return usage === 0 ? 'Non utilisée' : `Utilisée par ${usedByText(usage, usedBy)}`;
}

/** An entry in use can be deactivated, never deleted. */
export function canDelete(usage: number): boolean {
  return usage === 0;
}

export function deleteTooltip(usage: number, usedBy?: UsedBy | null): string {
  return canDelete(usage) ? 'Supprimer' : `Utilisée par ${usedByText(usage, usedBy)} : désactivez-la au lieu de la supprimer`;
}

/** Moves a row of a FormArray (drag and drop or the up/down buttons); false when the move is impossible. */
export function moveRow<T extends FormArray>(rows: T, from: number, to: number): boolean {
  if (from === to || from < 0 || to < 0 || from >= rows.length || to >= rows.length) return false;
  const row = rows.at(from);
  rows.removeAt(from, { emitEvent: false });
  rows.insert(to, row);
  rows.markAsDirty();
  return true;
}

/** What keeps a whole list from being saved, in French; null when it can be. */
export function listProblem(items: { label: string; active: boolean }[]): string | null {
  if (items.length === 0) return 'La liste doit garder au moins une entrée.';
  if (items.length > MAX_ENTRIES) return `${MAX_ENTRIES} entrées au plus.`;
  if (!items.some((i) => i.active)) return 'Gardez au moins une entrée active : les formulaires en ont besoin.';
  const seen = new Set<string>();
  for (const item of items) {
    const key = searchKey(item.label);
    if (!key) continue;
    if (seen.has(key)) return `« ${item.label.trim()} » figure deux fois dans la liste.`;
    seen.add(key);
  }
  return null;
}

/** The whole ordered list as PUT expects it. */
export function saveRequest(kind: RefKind, rows: RefRow[]): SaveRefListRequest {
  return {
    items: rows.map((r) => {
      const v = r.getRawValue();
      const item: SaveRefListRequest['items'][number] = { label: v.label.trim(), active: v.active };
      if (v.id !== null) item.id = v.id;
      if (kind === 'status') item.isChild = v.isChild;
      return item;
    }),
  };
}

/** One reference list of PARAMÈTRES (SEXE, VILLE DE RÉSIDENCE…): reorder, rename, (de)activate, add, delete. */
@Component({
  selector: 'app-ref-list-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    DragDropModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    MatTooltipModule,
    SettingsBackLink,
  ],
  template: `
    <app-settings-back-link />
    <h1>{{ title() }}</h1>
    <p class="help">
      Glissez une entrée par sa poignée, ou utilisez les flèches, pour changer l'ordre. Une entrée utilisée peut être désactivée (elle n'est
      plus proposée) mais pas supprimée.
    </p>
    @if (list.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Chargement de la liste" />
    }
    <form (submit)="$event.preventDefault(); save()" novalidate>
      <ol class="rows" cdkDropList cdkDropListLockAxis="y" (cdkDropListDropped)="drop($event)" [attr.aria-label]="title()">
        @for (row of rows.controls; track row.controls.id.value ?? row; let i = $index, first = $first, last = $last) {
          <li class="row" cdkDrag [formGroup]="row">
            <span class="handle" cdkDragHandle aria-hidden="true" matTooltip="Glisser pour déplacer">
              <mat-icon svgIcon="drag_indicator" />
            </span>
            <button
              mat-icon-button
              type="button"
              class="move-up"
              [disabled]="first"
              disabledInteractive
              (click)="move(i, i - 1)"
              [attr.aria-label]="'Monter « ' + nameOf(row) + ' »'"
            >
              <mat-icon svgIcon="arrow_upward" />
            </button>
            <button
              mat-icon-button
              type="button"
              class="move-down"
              [disabled]="last"
              disabledInteractive
              (click)="move(i, i + 1)"
              [attr.aria-label]="'Descendre « ' + nameOf(row) + ' »'"
            >
              <mat-icon svgIcon="arrow_downward" />
            </button>
            <mat-form-field appearance="outline" class="label" subscriptSizing="dynamic">
              <mat-label>Libellé {{ i + 1 }}</mat-label>
              <input matInput formControlName="label" [maxlength]="maxLabel" autocomplete="off" />
              <mat-error>{{
                row.controls.label.hasError('maxlength') ? maxLabel + ' caractères au plus' : 'Saisissez un libellé.'
              }}</mat-error>
            </mat-form-field>
            <mat-slide-toggle formControlName="active">Active</mat-slide-toggle>
            @if (!row.controls.active.value) {
              <span class="inactive">Désactivée : plus proposée</span>
            }
            @if (kind() === 'status') {
              <mat-checkbox formControlName="isChild">Enfant</mat-checkbox>
            }
            <span class="usage">{{ usageOf(row) }}</span>
            <button
              mat-icon-button
              type="button"
              class="delete"
              [disabled]="!canDelete(row.controls.usage.value)"
              disabledInteractive
              [matTooltip]="deleteTooltipOf(row)"
              (click)="remove(i)"
              [attr.aria-label]="
                'Supprimer « ' +
                nameOf(row) +
                ' »' +
                (canDelete(row.controls.usage.value) ? '' : ' (impossible : ' + deleteTooltipOf(row) + ')')
              "
            >
              <mat-icon svgIcon="delete" />
            </button>
          </li>
        }
      </ol>
      <button mat-stroked-button type="button" class="add" (click)="add()" [disabled]="rows.length >= maxEntries">
        <mat-icon svgIcon="add" aria-hidden="true" />
        Ajouter une entrée
      </button>
      <p class="error-text" aria-live="assertive">{{ submit.error() || (list.error() ?? '') }}</p>
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="submit.busy() || list.loading()">
          <mat-icon svgIcon="save" aria-hidden="true" />
          SAUVEGARDER
        </button>
        @if (dirty()) {
          <span class="unsaved">Modifications non sauvegardées</span>
        }
      </div>
    </form>
  `,
  styles: `
    .help {
      max-width: 720px;
    }
    .rows {
      list-style: none;
      padding: 0;
      margin: 0 0 16px;
      max-width: 900px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      padding: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
    }
    .handle {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 44px;
      height: 44px;
      cursor: grab;
    }
    .label {
      flex: 1 1 180px;
    }
    .inactive {
      padding: 2px 8px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      font: var(--mat-sys-body-small);
    }
    .usage {
      min-width: 96px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .cdk-drag-preview {
      box-shadow: var(--mat-sys-level3);
    }
    .cdk-drag-placeholder {
      opacity: 0.3;
    }
    .add,
    .actions button {
      min-height: 44px;
    }
    .unsaved {
      color: var(--mat-sys-tertiary);
    }
  `,
})
export class RefListEditor implements HasUnsavedChanges {
  private readonly api = inject(SettingsApi);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly cdr = inject(ChangeDetectorRef);

  /** From the route: sex, city, status, minima or qf. */
  readonly kind = input.required<RefKind>();

  protected readonly title = computed(() => REF_KIND_LABELS[this.kind()].toLocaleUpperCase('fr-FR'));
  protected readonly maxLabel = LIMITS.label;
  protected readonly maxEntries = MAX_ENTRIES;
  protected readonly canDelete = canDelete;
  protected readonly deleteTooltip = deleteTooltip;

  readonly rows = new FormArray<RefRow>([]);
  protected readonly dirty = signal(false);
  protected readonly submit = submitter();
  /** The rows of the route's list, loaded again when the route changes list. */
  protected readonly list = apiResource(this.kind, (kind) => {
    this.submit.clear();
    return this.api.lists().pipe(
      map((lists) => lists[kind]),
      tap((items) => this.reset(items)),
    );
  });

  constructor() {
    this.rows.events.subscribe(() => {
      this.dirty.set(this.rows.dirty);
      this.cdr.markForCheck();
    });
  }

  hasUnsavedChanges(): boolean {
    return this.rows.dirty;
  }

  private reset(items: RefItemWithUsage[]): void {
    this.rows.clear({ emitEvent: false });
    for (const item of items) this.rows.push(refRow(item), { emitEvent: false });
    this.rows.markAsPristine();
    this.dirty.set(false);
    this.cdr.markForCheck();
  }

  protected nameOf(row: RefRow): string {
    return row.controls.label.value.trim() || 'nouvelle entrée';
  }

  protected usageOf(row: RefRow): string {
    return usageText(row.controls.usage.value, row.controls.usedBy.value);
  }

  protected deleteTooltipOf(row: RefRow): string {
    return deleteTooltip(row.controls.usage.value, row.controls.usedBy.value);
  }

  protected drop(event: CdkDragDrop<unknown>): void {
    this.move(event.previousIndex, event.currentIndex, false);
  }

  move(from: number, to: number, keepFocus = true): void {
    const row = this.rows.at(from);
    if (!moveRow(this.rows, from, to)) return;
    void this.announcer.announce(`« ${this.nameOf(row)} » déplacée en position ${to + 1} sur ${this.rows.length}.`, 'polite');
    if (keepFocus) {
      // The row's element moved in the page: give the focus back to the button used.
      const selector = to < from ? '.move-up' : '.move-down';
      this.focusInRow(to, selector);
    }
  }

  add(): void {
    if (this.rows.length >= MAX_ENTRIES) return;
    this.rows.push(refRow());
    this.rows.markAsDirty();
    this.focusInRow(this.rows.length - 1, 'input');
  }

  remove(index: number): void {
    const row = this.rows.at(index);
    if (!row || !canDelete(row.controls.usage.value)) return;
    const name = this.nameOf(row);
    this.rows.removeAt(index);
    this.rows.markAsDirty();
    void this.announcer.announce(`« ${name} » retirée de la liste : sauvegardez pour confirmer.`, 'polite');
    if (this.rows.length > 0) this.focusInRow(Math.min(index, this.rows.length - 1), 'input');
  }

  private focusInRow(index: number, selector: string): void {
    afterNextRender(
      () => {
        const row = this.host.nativeElement.querySelectorAll('li.row')[index];
        row?.querySelector<HTMLElement>(selector)?.focus();
      },
      { injector: this.injector },
    );
  }

  save(): void {
    this.submit.clear();
    if (this.rows.invalid) {
      this.rows.markAllAsTouched();
      this.submit.fail('Chaque entrée doit avoir un libellé.');
      return;
    }
    const problem = listProblem(this.rows.getRawValue());
    if (problem) {
      this.submit.fail(problem);
      return;
    }
    const kind = this.kind();
    this.submit.run(this.api.saveList(kind, saveRequest(kind, this.rows.controls)), {
      done: (items) => this.reset(items),
      success: 'Liste enregistrée',
    });
  }
}
