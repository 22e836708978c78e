import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormArray } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AgeBracketDto } from '@pointage/contracts';
import { ageBracketProblem } from '@pointage/domain';
import { tap } from 'rxjs';
import { apiResource } from '../../core/api-resource';
import { submitter } from '../../core/submitter';
import { HasUnsavedChanges } from '../../shared/unsaved-changes';
import { BracketRow, bracketRow, BracketRows } from './bracket-rows';
import { SettingsApi } from './settings-api';
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
    @if (lists.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Chargement des tranches d'âge" />
    }
    <form (submit)="$event.preventDefault(); save()" novalidate>
      <app-bracket-rows [rows]="rows" [removedMessage]="removedMessage">
        <p class="error-text problem" aria-live="polite">{{ problem() }}</p>
      </app-bracket-rows>
      <p class="error-text" aria-live="assertive">{{ submit.error() || (lists.error() ?? '') }}</p>
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="submit.busy() || lists.loading()">
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
  private readonly api = inject(SettingsApi);
  private readonly bracketRows = viewChild.required(BracketRows);

  readonly rows = new FormArray<BracketRow>([]);
  protected readonly removedMessage = (position: number) => `Tranche ${position} retirée : sauvegardez pour confirmer.`;
  protected readonly problem = signal<string | null>(null);
  protected readonly submit = submitter();
  protected readonly lists = apiResource(() => this.api.lists().pipe(tap((lists) => this.reset(lists.ageBrackets))));

  constructor() {
    this.rows.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.problem.set(bracketsProblem(this.rows.getRawValue()));
      // A refusal about the rows goes as soon as they are changed.
      this.submit.clear();
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
    this.submit.clear();
    if (this.rows.invalid) {
      this.rows.markAllAsTouched();
      this.submit.fail('Chaque tranche a un âge mini et un âge maxi, entiers, entre 0 et 120 ans.');
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
    this.submit.run(this.api.saveAgeBrackets(brackets), {
      done: (saved) => this.reset(saved),
      success: "Tranches d'âge enregistrées",
    });
  }
}
