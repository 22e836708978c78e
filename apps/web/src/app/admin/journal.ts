import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { AUDIT_ACTIONS, AUDIT_ROUTES } from '@pointage/contracts';
import { provideFrenchDatepicker } from '../core/french-datepicker-intl';
import { toLocalDate } from '../core/french-date-adapter';
import { AuditFilters, NO_AUDIT_FILTERS } from '../shared/audit-api';
import { AuditTable } from '../shared/audit-table';

export const BAD_JOURNAL_DATE = 'Date invalide : saisissez-la sous la forme jj/mm/aaaa.';
export const JOURNAL_DATES_INVERTED = 'La date de début doit précéder la date de fin.';

/** The actions of the select, by their French label. */
export const JOURNAL_ACTIONS = Object.entries(AUDIT_ACTIONS)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'fr'));

/** The audit log of the admin's structure, filtered by action, person and dates. */
@Component({
  selector: 'app-admin-journal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatDatepickerModule, MatFormFieldModule, MatInputModule, MatSelectModule, AuditTable],
  providers: [provideFrenchDatepicker(), { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <h1>JOURNAL</h1>
    <p>Qui a fait quoi, et quand, dans votre structure.</p>
    <form [formGroup]="form" (ngSubmit)="apply()" novalidate class="filters" aria-label="Filtrer le journal">
      <mat-form-field appearance="outline">
        <mat-label>Action</mat-label>
        <mat-select formControlName="action">
          <mat-option value="">Toutes les actions</mat-option>
          @for (a of actions; track a.value) {
            <mat-option [value]="a.value">{{ a.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Personne</mat-label>
        <input matInput formControlName="search" autocomplete="off" maxlength="100" />
        <mat-hint>Nom d'une famille ou d'un membre, ou adresse e-mail de l'auteur</mat-hint>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Du</mat-label>
        <input matInput [matDatepicker]="fromPicker" formControlName="from" placeholder="jj/mm/aaaa" autocomplete="off" />
        <mat-datepicker-toggle matIconSuffix [for]="fromPicker" />
        <mat-datepicker #fromPicker />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Au</mat-label>
        <input matInput [matDatepicker]="toPicker" formControlName="to" placeholder="jj/mm/aaaa" autocomplete="off" />
        <mat-datepicker-toggle matIconSuffix [for]="toPicker" />
        <mat-datepicker #toPicker />
      </mat-form-field>
      <div class="buttons">
        <button mat-flat-button type="submit">FILTRER</button>
        <button mat-stroked-button type="button" (click)="clear()">EFFACER LES FILTRES</button>
      </div>
    </form>
    <p class="error-text" aria-live="assertive">{{ error() }}</p>
    <app-audit-table [endpoint]="endpoint" [filters]="filters()" />
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 16px;
    }
    .filters mat-form-field {
      flex: 1 1 200px;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      padding-top: 6px;
    }
    .buttons button {
      min-height: 44px;
    }
  `,
})
export class AdminJournal {
  protected readonly endpoint = AUDIT_ROUTES.structureLog;
  protected readonly actions = JOURNAL_ACTIONS;

  readonly form = new FormGroup({
    action: new FormControl('', { nonNullable: true }),
    search: new FormControl('', { nonNullable: true }),
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
  });
  readonly filters = signal<AuditFilters>(NO_AUDIT_FILTERS);
  protected readonly error = signal('');

  constructor() {
    // A message about the dates goes as soon as they change.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.error.set(''));
  }

  apply(): void {
    const { from, to } = this.form.controls;
    if (from.hasError('matDatepickerParse') || to.hasError('matDatepickerParse')) {
      this.error.set(BAD_JOURNAL_DATE);
      return;
    }
    const fromDate = from.value ? toLocalDate(from.value) : null;
    const toDate = to.value ? toLocalDate(to.value) : null;
    if (fromDate && toDate && fromDate > toDate) {
      this.error.set(JOURNAL_DATES_INVERTED);
      return;
    }
    this.error.set('');
    const { action, search } = this.form.getRawValue();
    this.filters.set({ action, search: search.trim(), from: fromDate, to: toDate });
  }

  clear(): void {
    this.form.reset({ action: '', search: '', from: null, to: null });
    this.error.set('');
    this.filters.set(NO_AUDIT_FILTERS);
  }
}
