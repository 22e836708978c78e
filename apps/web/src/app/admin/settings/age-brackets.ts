import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormArray } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { AgeBracketDto, ReferenceLists, SaveAgeBracketsRequest, SETTINGS_ROUTES } from '@pointage/contracts';
import { ageBracketProblem } from '@pointage/domain';
import { apiErrorMessage } from '../../core/api-error';
import { HasUnsavedChanges } from '../../shared/unsaved-changes';
import { BracketRow, bracketRow, BracketRows } from './bracket-rows';
import { SettingsBackLink } from './settings-back-link';

/** The problem to show live: overlaps and inverted brackets among the complete rows. */
export function bracketsProblem(rows: { minAge: number | null; maxAge: number | null }[]): string | null {
  const complete = rows.filter((r): r is { minAge: number; maxAge: number } => r.minAge !== null && r.maxAge !== null);
  if (complete.length === 0) return rows.length === 0 ? "Indiquez au moins une tranche d'âge." : null;
  return ageBracketProblem(complete);
}

/** "Tranches d'âge" of the statistics: rows Âge mini / Âge maxi that must not overlap. */
@Component({
  selector: 'app-age-brackets',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BracketRows, MatButtonModule, MatIconModule, MatProgressBarModule, SettingsBackLink],
  template: `
    <app-settings-back-link />
    <h1>TRANCHES D'ÂGE</h1>
    <p>Les statistiques comptent les inscrits et les présences par tranche d'âge. Les tranches ne doivent pas se chevaucher.</p>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Chargement des tranches d'âge" />
    }
    <form (submit)="$event.preventDefault(); save()" novalidate>
      <app-bracket-rows [rows]="rows" [removedMessage]="removedMessage">
        <p class="error-text problem" aria-live="polite">{{ problem() }}</p>
      </app-bracket-rows>
      <p class="error-text" aria-live="assertive">{{ error() }}</p>
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="saving() || loading()">
          <mat-icon svgIcon="save" aria-hidden="true" />
          SAUVEGARDER
        </button>
      </div>
    </form>
  `,
  styles: `
    button {
      min-height: 44px;
    }
    .problem {
      min-height: 1.5em;
    }
  `,
})
export class AgeBrackets implements HasUnsavedChanges {
  private readonly http = inject(HttpClient);
  private readonly snackBar = inject(MatSnackBar);
  private readonly bracketRows = viewChild.required(BracketRows);

  readonly rows = new FormArray<BracketRow>([]);
  protected readonly removedMessage = (position: number) => `Tranche ${position} retirée : sauvegardez pour confirmer.`;
  protected readonly problem = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly error = signal('');

  constructor() {
    this.rows.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.problem.set(bracketsProblem(this.rows.getRawValue()));
      // A refusal about the rows goes as soon as they are changed.
      this.error.set('');
    });
    this.http.get<ReferenceLists>(SETTINGS_ROUTES.lists).subscribe({
      next: (lists) => {
        this.reset(lists.ageBrackets);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(apiErrorMessage(err));
        this.loading.set(false);
      },
    });
  }

  hasUnsavedChanges(): boolean {
    return this.rows.dirty;
  }

  private reset(brackets: AgeBracketDto[]): void {
    this.rows.clear({ emitEvent: false });
    for (const b of [...brackets].sort((x, y) => x.position - y.position))
      this.rows.push(bracketRow(b.minAge, b.maxAge), { emitEvent: false });
    this.rows.markAsPristine();
    this.problem.set(bracketsProblem(this.rows.getRawValue()));
  }

  add(): void {
    this.bracketRows().add();
  }

  remove(index: number): void {
    this.bracketRows().remove(index);
  }

  save(): void {
    this.error.set('');
    if (this.rows.invalid) {
      this.rows.markAllAsTouched();
      this.error.set('Chaque tranche a un âge mini et un âge maxi, entiers, entre 0 et 120 ans.');
      return;
    }
    const brackets = this.rows
      .getRawValue()
      .map((r) => ({ minAge: Number(r.minAge), maxAge: Number(r.maxAge) }))
      .sort((a, b) => a.minAge - b.minAge);
    const problem = ageBracketProblem(brackets);
    if (problem) {
      // Shown once, where the live check already says it.
      this.problem.set(problem);
      return;
    }
    this.saving.set(true);
    this.http.put<AgeBracketDto[]>(SETTINGS_ROUTES.ageBrackets, { brackets } satisfies SaveAgeBracketsRequest).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.reset(saved);
        this.snackBar.open("Tranches d'âge enregistrées", 'Fermer', { duration: 4000 });
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.error.set(apiErrorMessage(err));
      },
    });
  }
}
