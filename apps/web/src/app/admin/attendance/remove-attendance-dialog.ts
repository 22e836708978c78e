import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { submitter } from '../../core/submitter';
import { AttendanceAdminApi } from './attendance-api';

export const REASON_MAX = 500;

export interface RemoveAttendanceData {
  attendanceId: number;
  /** "Stanko GRUJIC, créneau 14:00 – 18:00 du mardi 23 octobre 2018" */
  description: string;
}

/** Removes an attendance entered by mistake; the reason is required (audited). Closes with true once removed. */
@Component({
  selector: 'app-remove-attendance-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>Supprimer une présence</h2>
    <form (submit)="$event.preventDefault(); submit()" novalidate>
      <mat-dialog-content>
        <p>Supprimer la présence de {{ data.description }} ?</p>
        <mat-form-field appearance="outline" class="full">
          <mat-label>Motif de la suppression</mat-label>
          <textarea matInput [formControl]="reason" rows="3" [maxlength]="max" cdkFocusInitial></textarea>
          <mat-hint align="end">{{ reason.value.length }} / {{ max }}</mat-hint>
          <mat-error>{{ reason.hasError('maxlength') ? max + ' caractères au plus.' : 'Indiquez le motif de la suppression.' }}</mat-error>
        </mat-form-field>
        <p class="error-text" aria-live="assertive">{{ error() }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="busy()">Supprimer</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
  `,
})
export class RemoveAttendanceDialog {
  protected readonly data = inject<RemoveAttendanceData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<RemoveAttendanceDialog, boolean>>(MatDialogRef);
  private readonly api = inject(AttendanceAdminApi);

  protected readonly max = REASON_MAX;
  readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(REASON_MAX), (c) => (c.value.trim() ? null : { required: true })],
  });
  private readonly removing = submitter();
  protected readonly busy = this.removing.busy;
  protected readonly error = this.removing.error;

  submit(): void {
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    this.removing.run(this.api.remove(this.data.attendanceId, this.reason.value.trim()), { done: () => this.ref.close(true) });
  }
}
