import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
} from '@angular/core';
import { FormArray, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ageBracketProblem } from '@pointage/domain';
import { apiErrorMessage } from '../../core/api-error';
import { BracketRow, bracketRow, bracketsProblem, MAX_AGE, MAX_BRACKETS } from '../settings/age-brackets';
import { StatisticsApi } from './statistics-api';
import { BAD_BRACKET_ROWS, Bracket, bracketsEqual } from './statistics-form';

/** The rows as brackets, or null while some row is incomplete or out of range. */
export function bracketsOfRows(rows: FormArray<BracketRow>): Bracket[] | null {
  if (rows.invalid) return null;
  return rows.getRawValue().map((r) => ({ minAge: Number(r.minAge), maxAge: Number(r.maxAge) }));
}

/** Fills the rows with `brackets` (sorted by age). */
export function resetRows(rows: FormArray<BracketRow>, brackets: readonly Bracket[]): void {
  rows.clear({ emitEvent: false });
  for (const b of [...brackets].sort((x, y) => x.minAge - y.minAge)) rows.push(bracketRow(b.minAge, b.maxAge), { emitEvent: false });
  rows.updateValueAndValidity();
}

/**
 * "Tranches d'âge" of one report: the structure's brackets to start with,
 * editable for this run (same rules and messages as PARAMÈTRES), and saved as
 * the structure's defaults on demand.
 */
@Component({
  selector: 'app-statistics-brackets',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule],
  template: `
    <ol class="rows">
      @for (row of rows().controls; track row; let i = $index) {
        <li class="row" [formGroup]="row" role="group" [attr.aria-label]="'Tranche ' + (i + 1)">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Âge mini</mat-label>
            <input matInput type="number" inputmode="numeric" formControlName="minAge" min="0" [max]="maxAge" />
            <mat-error>Entre 0 et {{ maxAge }} ans</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Âge maxi</mat-label>
            <input matInput type="number" inputmode="numeric" formControlName="maxAge" min="0" [max]="maxAge" />
            <mat-error>Entre 0 et {{ maxAge }} ans</mat-error>
          </mat-form-field>
          <button
            mat-icon-button
            type="button"
            (click)="remove(i)"
            [disabled]="rows().length <= 1"
            disabledInteractive
            [attr.aria-label]="'Supprimer la tranche ' + (i + 1)"
          >
            <mat-icon svgIcon="remove" />
          </button>
        </li>
      }
    </ol>
    <p class="error-text problem" id="brackets-problem" aria-live="polite">{{ error() || problem() }}</p>
    <div class="bracket-actions">
      <button mat-stroked-button type="button" (click)="add()" [disabled]="rows().length >= maxBrackets">
        <mat-icon svgIcon="add" aria-hidden="true" />
        Ajouter une tranche
      </button>
      <button mat-button type="button" (click)="restore()" [disabled]="sameAsDefaults()">
        <mat-icon svgIcon="undo" aria-hidden="true" />
        Revenir aux tranches de la structure
      </button>
      <button mat-button type="button" (click)="saveAsDefaults()" [disabled]="saving() || sameAsDefaults()">
        <mat-icon svgIcon="save" aria-hidden="true" />
        Enregistrer comme tranches par défaut
      </button>
    </div>
    <p class="error-text" aria-live="assertive">{{ saveError() }}</p>
  `,
  styles: `
    .rows {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    mat-form-field {
      width: 112px;
    }
    button {
      min-height: 44px;
    }
    .problem {
      min-height: 1.5em;
      margin: 8px 0;
    }
    .bracket-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class StatisticsBrackets {
  private readonly api = inject(StatisticsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly rows = input.required<FormArray<BracketRow>>();
  /** The structure's brackets. */
  readonly defaults = input.required<Bracket[]>();
  /** The API's message about the brackets of the last request. */
  readonly error = input('');
  readonly defaultsSaved = output<Bracket[]>();

  protected readonly maxAge = MAX_AGE;
  protected readonly maxBrackets = MAX_BRACKETS;
  /** Bumped on every change of the rows (a FormArray is not a signal). */
  private readonly version = signal(0);
  protected readonly problem = computed(() => {
    this.version();
    return bracketsProblem(this.rows().getRawValue());
  });
  protected readonly sameAsDefaults = computed(() => {
    this.version();
    const current = bracketsOfRows(this.rows());
    return current !== null && bracketsEqual(current, this.defaults());
  });
  protected readonly saving = signal(false);
  protected readonly saveError = signal('');

  constructor() {
    effect((onCleanup) => {
      const subscription = this.rows().valueChanges.subscribe(() => this.version.update((v) => v + 1));
      onCleanup(() => subscription.unsubscribe());
    });
  }

  add(): void {
    const rows = this.rows();
    if (rows.length >= MAX_BRACKETS) return;
    const last = rows.at(rows.length - 1)?.controls.maxAge.value;
    const start = last === null || last === undefined ? null : Math.min(last + 1, MAX_AGE);
    rows.push(bracketRow(start, null));
    const index = rows.length - 1;
    afterNextRender(() => this.host.nativeElement.querySelectorAll<HTMLElement>('.row input')[index * 2 + 1]?.focus(), {
      injector: this.injector,
    });
  }

  remove(index: number): void {
    if (this.rows().length <= 1) return;
    this.rows().removeAt(index);
    void this.announcer.announce(`Tranche ${index + 1} retirée.`, 'polite');
  }

  restore(): void {
    resetRows(this.rows(), this.defaults());
    void this.announcer.announce('Tranches de la structure rétablies.', 'polite');
  }

  saveAsDefaults(): void {
    this.saveError.set('');
    const brackets = bracketsOfRows(this.rows());
    if (!brackets) {
      this.rows().markAllAsTouched();
      this.saveError.set(BAD_BRACKET_ROWS);
      return;
    }
    const sorted = [...brackets].sort((a, b) => a.minAge - b.minAge);
    const problem = ageBracketProblem(sorted);
    if (problem) {
      this.saveError.set(problem);
      return;
    }
    this.saving.set(true);
    this.api.saveDefaultBrackets(sorted).subscribe({
      next: (saved) => {
        this.saving.set(false);
        const defaults = [...saved].sort((a, b) => a.position - b.position).map(({ minAge, maxAge }) => ({ minAge, maxAge }));
        this.defaultsSaved.emit(defaults);
        this.snackBar.open("Tranches d'âge enregistrées comme tranches par défaut de la structure", 'Fermer', { duration: 4000 });
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.saveError.set(apiErrorMessage(err));
      },
    });
  }
}
