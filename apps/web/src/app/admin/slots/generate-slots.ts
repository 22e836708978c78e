import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { submitter } from '../../core/submitter';
import { provideFrenchDatepicker } from '../../core/french-datepicker-intl';
import { DateSpan } from './date-span';
import { ALL_WEEKDAYS, checkGenerate, dateOf } from './slot-form';
import { SlotsApi } from './slots-api';
import { WeekdayPicker } from './weekday-picker';
import { TimeInput } from '../../shared/time-input';

function rangeGroup(start = '', end = '') {
  return new FormGroup({
    start: new FormControl(start, { nonNullable: true }),
    end: new FormControl(end, { nonNullable: true }),
  });
}

/** "Générer les créneaux": a day or a period, weekdays, one or more time ranges. */
@Component({
  selector: 'app-generate-slots',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, DateSpan, WeekdayPicker, TimeInput],
  providers: [provideFrenchDatepicker(), { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  templateUrl: './generate-slots.html',
  styleUrl: './slot-forms.scss',
})
export class GenerateSlots {
  private readonly api = inject(SlotsApi);
  private readonly announcer = inject(LiveAnnouncer);

  readonly form = new FormGroup({
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
    ranges: new FormArray([rangeGroup()]),
  });
  readonly weekdays = signal<number[]>([...ALL_WEEKDAYS]);
  protected readonly sending = submitter();
  protected readonly busy = this.sending.busy;
  protected readonly error = this.sending.error;
  protected readonly result = signal('');

  constructor() {
    // A message about what was typed goes as soon as it is changed.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.sending.clear());
  }

  addRange(): void {
    this.form.controls.ranges.push(rangeGroup());
  }

  removeRange(index: number): void {
    if (this.form.controls.ranges.length <= 1) return;
    this.form.controls.ranges.removeAt(index);
    void this.announcer.announce(`Plage horaire ${index + 1} retirée.`, 'polite');
  }

  submit(): void {
    this.result.set('');
    const request = checkGenerate({
      from: dateOf(this.form.controls.from),
      to: dateOf(this.form.controls.to),
      weekdays: this.weekdays(),
      ranges: this.form.controls.ranges.getRawValue(),
    });
    if (typeof request === 'string') {
      this.sending.fail(request);
      return;
    }
    this.sending.clear();
    this.sending.run(this.api.generate(request), {
      done: (res) => {
        this.result.set(res.message);
        void this.announcer.announce(res.message, 'polite');
      },
    });
  }
}
