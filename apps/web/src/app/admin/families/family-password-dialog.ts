import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatRadioModule } from '@angular/material/radio';
import { submitter } from '../../core/submitter';
import { NewPasswordFields } from '../../shared/new-password-fields';
import { newPasswordControls } from '../../shared/password-validators';
import { FamiliesApi } from './families-api';

export interface FamilyPasswordDialogData {
  familyId: number;
  familyName: string;
}

/** Result: the generated password to show once, or null when the admin typed it. */
export interface FamilyPasswordResult {
  password: string | null;
}

/** "Changer le mot de passe" of a family: generated (shown once) or typed twice. */
@Component({
  selector: 'app-family-password-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatRadioModule, NewPasswordFields],
  template: `
    <h2 mat-dialog-title>Changer le mot de passe de la famille {{ data.familyName }}</h2>
    <form (submit)="$event.preventDefault(); save()" novalidate>
      <mat-dialog-content>
        <mat-radio-group [formControl]="choice" aria-label="Nouveau mot de passe" class="choices">
          <mat-radio-button value="generate">Générer un mot de passe (affiché une seule fois)</mat-radio-button>
          <mat-radio-button value="type">Saisir le mot de passe</mat-radio-button>
        </mat-radio-group>
        @if (choice.value === 'type') {
          <app-new-password-fields [password]="form.controls.password" [confirm]="form.controls.confirm" />
        }
        <p>L'ancien mot de passe ne fonctionnera plus.</p>
        <p class="error-text" aria-live="assertive">{{ submit.error() }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" [disabled]="submit.busy()">Changer le mot de passe</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .choices {
      display: flex;
      flex-direction: column;
      margin-bottom: 16px;
    }
    button {
      min-height: 44px;
    }
  `,
})
export class FamilyPasswordDialog {
  private readonly api = inject(FamiliesApi);
  private readonly ref = inject<MatDialogRef<FamilyPasswordDialog, FamilyPasswordResult>>(MatDialogRef);
  protected readonly data = inject<FamilyPasswordDialogData>(MAT_DIALOG_DATA);

  readonly choice = new FormControl<'generate' | 'type'>('generate', { nonNullable: true });
  readonly form = new FormGroup(newPasswordControls());
  protected readonly submit = submitter();

  save(): void {
    const typed = this.choice.value === 'type';
    if (typed && this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submit.run(this.api.setPassword(this.data.familyId, typed ? this.form.controls.password.value : undefined), {
      done: (res) => this.ref.close({ password: typed ? null : res.password }),
    });
  }
}
