import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { DeleteSlotsRequest } from '@pointage/contracts';
import { submitter } from '../../core/submitter';
import { provideFrenchDatepicker } from '../../core/french-datepicker-intl';
import { confirmAction } from '../../shared/confirm-dialog';
import { DateSpan } from './date-span';
import { ALL_WEEKDAYS, checkDelete, dateOf, describeDeletion } from './slot-form';
import { SlotsApi } from './slots-api';
import { WeekdayPicker } from './weekday-picker';
import { TimeInput } from '../../shared/time-input';

/**
 * "Supprimer les créneaux d'ouverture": a day or a period, weekdays, and
 * optionally a time range. The API keeps the days that have attendance and
 * says which: its message is shown whole.
 */
@Component({
  selector: 'app-delete-slots',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, DateSpan, WeekdayPicker, TimeInput],
  providers: [provideFrenchDatepicker(), { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <h2 id="delete-slots-title">Supprimer les créneaux d'ouverture</h2>
    <p>Les jours qui ont déjà des présences sont conservés.</p>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate aria-labelledby="delete-slots-title">
      <app-date-span [from]="form.controls.from" [to]="form.controls.to" />

      <app-weekday-picker [(value)]="weekdays" (valueChange)="sending.clear()" />

      <fieldset class="group hours">
        <legend>Durée du créneau (facultatif)</legend>
        <mat-form-field appearance="outline">
          <mat-label>De</mat-label>
          <input matInput appTimeInput formControlName="start" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>À</mat-label>
          <input matInput appTimeInput formControlName="end" />
        </mat-form-field>
      </fieldset>

      <p class="error-text" aria-live="assertive">{{ error() }}</p>
      <div role="status">
        @if (result(); as r) {
          <p class="result" [class.success]="r.complete" [class.warning]="!r.complete">{{ r.message }}</p>
        }
      </div>
      <div class="actions">
        <button mat-flat-button type="submit" class="danger" [disabled]="busy()">
          <mat-icon svgIcon="delete" aria-hidden="true" />
          SUPPRIMER
        </button>
      </div>
    </form>
  `,
  styleUrl: './slot-forms.scss',
})
export class DeleteSlots {
  private readonly api = inject(SlotsApi);
  private readonly dialog = inject(MatDialog);
  private readonly announcer = inject(LiveAnnouncer);

  readonly form = new FormGroup({
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
    start: new FormControl('', { nonNullable: true }),
    end: new FormControl('', { nonNullable: true }),
  });
  readonly weekdays = signal<number[]>([...ALL_WEEKDAYS]);
  protected readonly sending = submitter();
  protected readonly busy = this.sending.busy;
  protected readonly error = this.sending.error;
  /** The API's answer: complete when every matching slot went; else some (or all) days were kept. */
  protected readonly result = signal<{ message: string; complete: boolean } | null>(null);

  constructor() {
    // A message about what was typed goes as soon as it is changed.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.sending.clear());
  }

  submit(): void {
    this.result.set(null);
    const { start, end } = this.form.getRawValue();
    const request = checkDelete({
      from: dateOf(this.form.controls.from),
      to: dateOf(this.form.controls.to),
      weekdays: this.weekdays(),
      start,
      end,
    });
    if (typeof request === 'string') {
      this.sending.fail(request);
      return;
    }
    this.sending.clear();
    confirmAction(this.dialog, {
      title: "Supprimer les créneaux d'ouverture",
      message: `Supprimer les créneaux ${describeDeletion(request)} ? Les jours qui ont déjà des présences sont conservés.`,
      confirmLabel: 'Supprimer',
    }).subscribe((ok) => {
      if (ok) this.send(request);
    });
  }

  private send(request: DeleteSlotsRequest): void {
    this.sending.run(this.api.remove(request), {
      done: (res) => {
        this.result.set({ message: res.message, complete: res.deleted > 0 && res.keptDays.length === 0 });
        void this.announcer.announce(res.message, 'polite');
      },
    });
  }
}
