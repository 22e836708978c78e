import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/**
 * "Date — De … À …" of the slot forms: one day (À left empty) or a period.
 * The datepickers come from the host's providers (French locale).
 */
@Component({
  selector: 'app-date-span',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDatepickerModule, MatFormFieldModule, MatInputModule],
  template: `
    <fieldset class="group">
      <legend>Date</legend>
      <div class="dates">
        <mat-form-field appearance="outline">
          <mat-label>De</mat-label>
          <input matInput [matDatepicker]="fromPicker" [formControl]="from()" placeholder="jj/mm/aaaa" autocomplete="off" />
          <mat-datepicker-toggle matIconSuffix [for]="fromPicker" />
          <mat-datepicker #fromPicker />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>À</mat-label>
          <input matInput [matDatepicker]="toPicker" [formControl]="to()" placeholder="jj/mm/aaaa" autocomplete="off" />
          <mat-datepicker-toggle matIconSuffix [for]="toPicker" />
          <mat-datepicker #toPicker />
          <mat-hint>Laissez ce champ vide si vous souhaitez définir un seul jour</mat-hint>
        </mat-form-field>
      </div>
    </fieldset>
  `,
  styles: `
    :host {
      display: block;
    }
    .dates {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0 16px;
    }
    mat-form-field {
      flex: 0 1 240px;
    }
  `,
})
export class DateSpan {
  readonly from = input.required<FormControl<Date | null>>();
  readonly to = input.required<FormControl<Date | null>>();
}
