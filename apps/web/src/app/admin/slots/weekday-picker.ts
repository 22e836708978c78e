import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { toggleAllWeekdays, toggleWeekday, WEEKDAYS, weekdaysState } from './slot-form';

/** "Jours : Tous, Lundi … Dimanche" — "Tous" ticks or unticks them all, and shows when only some are. */
@Component({
  selector: 'app-weekday-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCheckboxModule],
  template: `
    <fieldset class="group weekdays">
      <legend>{{ legend() }}</legend>
      <mat-checkbox class="all" [checked]="state() === 'all'" [indeterminate]="state() === 'some'" (change)="setAll($event.checked)"
        >Tous</mat-checkbox
      >
      @for (d of days; track d.value) {
        <mat-checkbox [checked]="value().includes(d.value)" (change)="set(d.value, $event.checked)">{{ d.label }}</mat-checkbox>
      }
    </fieldset>
  `,
  styles: `
    .weekdays {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
    }
    .all {
      margin-right: 8px;
      font-weight: 500;
    }
  `,
})
export class WeekdayPicker {
  readonly value = model.required<number[]>();
  readonly legend = input('Jours');

  protected readonly days = WEEKDAYS;
  protected readonly state = computed(() => weekdaysState(this.value()));

  setAll(checked: boolean): void {
    this.value.set(toggleAllWeekdays(checked));
  }

  set(day: number, checked: boolean): void {
    this.value.set(toggleWeekday(this.value(), day, checked));
  }
}
