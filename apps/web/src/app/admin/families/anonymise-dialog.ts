import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FamilyDetail, LIMITS } from '@pointage/contracts';
import { searchKey } from '@pointage/domain';
import { submitter } from '../../core/submitter';
import { FamiliesApi } from './families-api';

export interface AnonymiseDialogData {
  familyId: number;
  familyName: string;
}

/** The typed name matches the family's, as the API compares them (case, accents and extra spaces ignored). */
export function nameConfirmed(typed: string, name: string): boolean {
  const key = searchKey(typed);
  return key !== '' && key === searchKey(name);
}

/** Anonymises a family (GDPR) once its name is typed again; closes with the updated family. */
@Component({
  selector: 'app-anonymise-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>Anonymiser la famille {{ data.familyName }}</h2>
    <form (submit)="$event.preventDefault(); submit()" novalidate>
      <mat-dialog-content>
        <p>L'anonymisation efface l'identité de la famille et de ses membres :</p>
        <ul>
          <li>les noms, prénoms, adresses e-mail et identifiants sont effacés ;</li>
          <li>les dates de naissance sont réduites à l'année ;</li>
          <li>les présences sont conservées, sans nom, pour les statistiques ;</li>
          <li>la famille ne pourra plus se connecter.</li>
        </ul>
        <p><strong>Cette opération est irréversible.</strong></p>
        <mat-form-field appearance="outline" class="full">
          <mat-label>Saisissez « {{ data.familyName }} » pour confirmer</mat-label>
          <input matInput [formControl]="confirmName" autocomplete="off" [maxlength]="maxName" />
        </mat-form-field>
        <p class="error-text" aria-live="assertive">{{ error() }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" class="danger" [disabled]="!matches() || busy()">Anonymiser</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
    button {
      min-height: 44px;
    }
    .danger:not([disabled]) {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class AnonymiseDialog {
  private readonly api = inject(FamiliesApi);
  private readonly ref = inject<MatDialogRef<AnonymiseDialog, FamilyDetail>>(MatDialogRef);
  protected readonly data = inject<AnonymiseDialogData>(MAT_DIALOG_DATA);

  protected readonly maxName = LIMITS.name;
  readonly confirmName = new FormControl('', { nonNullable: true });
  private readonly typed = toSignal(this.confirmName.valueChanges, { initialValue: '' });
  protected readonly matches = computed(() => nameConfirmed(this.typed(), this.data.familyName));
  private readonly anonymising = submitter();
  protected readonly busy = this.anonymising.busy;
  protected readonly error = this.anonymising.error;

  submit(): void {
    if (!this.matches()) return;
    this.anonymising.run(this.api.anonymise(this.data.familyId, this.confirmName.value.trim()), {
      done: (family) => this.ref.close(family),
    });
  }
}
