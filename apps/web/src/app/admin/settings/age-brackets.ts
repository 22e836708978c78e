import { LiveAnnouncer } from '@angular/cdk/a11y';
import { HttpClient } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { AgeBracketDto, ReferenceLists, SaveAgeBracketsRequest, SETTINGS_ROUTES } from '@pointage/contracts';
import { ageBracketProblem } from '@pointage/domain';
import { apiErrorMessage } from '../../core/api-error';
import { HasUnsavedChanges } from '../../shared/unsaved-changes';
import { SettingsBackLink } from './settings-back-link';

export const MAX_AGE = 120;
export const MAX_BRACKETS = 20;

export type BracketRow = FormGroup<{ minAge: FormControl<number | null>; maxAge: FormControl<number | null> }>;

const ageValidators = [Validators.required, Validators.min(0), Validators.max(MAX_AGE), Validators.pattern(/^\d+$/)];

export function bracketRow(minAge: number | null = null, maxAge: number | null = null): BracketRow {
  return new FormGroup({
    minAge: new FormControl<number | null>(minAge, ageValidators),
    maxAge: new FormControl<number | null>(maxAge, ageValidators),
  });
}

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
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    SettingsBackLink,
  ],
  template: `
    <app-settings-back-link />
    <h1>TRANCHES D'ÂGE</h1>
    <p>Les statistiques comptent les inscrits et les présences par tranche d'âge. Les tranches ne doivent pas se chevaucher.</p>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Chargement des tranches d'âge" />
    }
    <form (submit)="$event.preventDefault(); save()" novalidate>
      <ol class="rows">
        @for (row of rows.controls; track $index; let i = $index) {
          <li>
            <div class="row" [formGroup]="row" role="group" [attr.aria-label]="'Tranche ' + (i + 1)">
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
                [disabled]="rows.length <= 1"
                disabledInteractive
                [attr.aria-label]="'Supprimer la tranche ' + (i + 1)"
              >
                <mat-icon svgIcon="remove" />
              </button>
            </div>
          </li>
        }
      </ol>
      <p class="error-text problem" aria-live="polite">{{ problem() }}</p>
      <button mat-stroked-button type="button" (click)="add()" [disabled]="rows.length >= maxBrackets">
        <mat-icon svgIcon="add" aria-hidden="true" />
        Ajouter une tranche
      </button>
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
    .rows {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-bottom: 12px;
    }
    mat-form-field {
      width: 140px;
    }
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
  private readonly announcer = inject(LiveAnnouncer);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly maxAge = MAX_AGE;
  protected readonly maxBrackets = MAX_BRACKETS;
  readonly rows = new FormArray<BracketRow>([]);
  protected readonly problem = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly error = signal('');

  constructor() {
    this.rows.valueChanges.subscribe(() => this.problem.set(bracketsProblem(this.rows.getRawValue())));
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
    for (const b of [...brackets].sort((x, y) => x.position - y.position)) this.rows.push(bracketRow(b.minAge, b.maxAge), { emitEvent: false });
    this.rows.markAsPristine();
    this.problem.set(bracketsProblem(this.rows.getRawValue()));
  }

  add(): void {
    if (this.rows.length >= MAX_BRACKETS) return;
    const last = this.rows.at(this.rows.length - 1)?.controls.maxAge.value;
    const start = last === null || last === undefined ? null : Math.min(last + 1, MAX_AGE);
    this.rows.push(bracketRow(start, null));
    this.rows.markAsDirty();
    const index = this.rows.length - 1;
    afterNextRender(() => this.host.nativeElement.querySelectorAll<HTMLElement>('.row input')[index * 2 + 1]?.focus(), {
      injector: this.injector,
    });
  }

  remove(index: number): void {
    if (this.rows.length <= 1) return;
    this.rows.removeAt(index);
    this.rows.markAsDirty();
    void this.announcer.announce(`Tranche ${index + 1} retirée : sauvegardez pour confirmer.`, 'polite');
  }

  save(): void {
    this.error.set('');
    if (this.rows.invalid) {
      this.rows.markAllAsTouched();
      this.error.set("Chaque tranche a un âge mini et un âge maxi, entiers, entre 0 et 120 ans.");
      return;
    }
    const brackets = this.rows
      .getRawValue()
      .map((r) => ({ minAge: Number(r.minAge), maxAge: Number(r.maxAge) }))
      .sort((a, b) => a.minAge - b.minAge);
    const problem = ageBracketProblem(brackets);
    if (problem) {
      this.error.set(problem);
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
