import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormArray } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { ageBracketProblem } from '@pointage/domain';
import { submitter } from '../../core/submitter';
import { bracketsProblem } from '../settings/age-brackets';
import { BracketRow, bracketRow, BracketRows } from '../settings/bracket-rows';
import { SettingsApi } from '../settings/settings-api';
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
  imports: [BracketRows, MatButtonModule, MatIconModule],
  template: `
    <app-bracket-rows [rows]="rows()" layout="inline">
      <p class="error-text problem" id="brackets-problem" aria-live="polite">{{ error() || problem() }}</p>
      <button mat-button type="button" (click)="restore()" [disabled]="sameAsDefaults()">
        <mat-icon svgIcon="undo" aria-hidden="true" />
        Revenir aux tranches de la structure
      </button>
      <button mat-button type="button" (click)="saveAsDefaults()" [disabled]="saving.busy() || sameAsDefaults()">
        <mat-icon svgIcon="save" aria-hidden="true" />
        Enregistrer comme tranches par défaut
      </button>
    </app-bracket-rows>
    <p class="error-text" aria-live="assertive">{{ saving.error() }}</p>
  `,
  styles: `
    button {
      min-height: 44px;
    }
    .problem {
      min-height: 1.5em;
      margin: 8px 0;
    }
  `,
})
export class StatisticsBrackets {
  private readonly api = inject(SettingsApi);
  private readonly announcer = inject(LiveAnnouncer);

  readonly rows = input.required<FormArray<BracketRow>>();
  /** The structure's brackets. */
  readonly defaults = input.required<Bracket[]>();
  /** The API's message about the brackets of the last request. */
  readonly error = input('');
  readonly defaultsSaved = output<Bracket[]>();

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
  protected readonly saving = submitter();

  constructor() {
    effect((onCleanup) => {
      const subscription = this.rows().valueChanges.subscribe(() => this.version.update((v) => v + 1));
      onCleanup(() => subscription.unsubscribe());
    });
  }

  restore(): void {
    resetRows(this.rows(), this.defaults());
    void this.announcer.announce('Tranches de la structure rétablies.', 'polite');
  }

  saveAsDefaults(): void {
    this.saving.clear();
    const brackets = bracketsOfRows(this.rows());
    if (!brackets) {
      this.rows().markAllAsTouched();
      this.saving.fail(BAD_BRACKET_ROWS);
      return;
    }
    const sorted = [...brackets].sort((a, b) => a.minAge - b.minAge);
    const problem = ageBracketProblem(sorted);
    if (problem) {
      this.saving.fail(problem);
      return;
    }
    this.saving.run(this.api.saveAgeBrackets(sorted), {
      done: (saved) =>
        this.defaultsSaved.emit([...saved].sort((a, b) => a.position - b.position).map(({ minAge, maxAge }) => ({ minAge, maxAge }))),
      success: "Tranches d'âge enregistrées comme tranches par défaut de la structure",
    });
  }
}
