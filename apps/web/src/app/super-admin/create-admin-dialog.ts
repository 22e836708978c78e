import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AdminCredentialsResponse, CreateAdminRequest, EMAIL_PATTERN, LIMITS, StructureSummary } from '@pointage/contracts';
import { submitter } from '../core/submitter';
import { SuperAdminApi } from './super-admin-api';

/** Creates the admin account of a structure; closes with the generated credentials. */
@Component({
  selector: 'app-create-admin-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>Créer l'administrateur de {{ structure.name }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>Un mot de passe est généré ; il sera affiché une seule fois.</p>
        <mat-form-field appearance="outline" class="full">
          <mat-label>Adresse e-mail</mat-label>
          <input
            matInput
            type="email"
            formControlName="email"
            [maxlength]="limits.email"
            autocomplete="off"
            inputmode="email"
            autocapitalize="off"
            spellcheck="false"
            cdkFocusInitial
          />
          <mat-error>
            {{
              form.controls.email.hasError('required')
                ? "Saisissez l'adresse e-mail de l'administrateur."
                : 'Cette adresse e-mail n’est pas valide.'
            }}
          </mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="full">
          <mat-label>Nom affiché (facultatif)</mat-label>
          <input matInput formControlName="displayName" [maxlength]="limits.name" autocomplete="off" />
          <mat-hint>Par exemple : Équipe de la ludothèque</mat-hint>
        </mat-form-field>
        <p class="error-text" aria-live="assertive">{{ saving.error() }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" [disabled]="saving.busy()">Créer</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
    mat-dialog-actions button {
      min-height: 44px;
    }
  `,
})
export class CreateAdminDialog {
  private readonly api = inject(SuperAdminApi);
  private readonly ref = inject<MatDialogRef<CreateAdminDialog, AdminCredentialsResponse>>(MatDialogRef);
  protected readonly structure = inject<StructureSummary>(MAT_DIALOG_DATA);

  protected readonly limits = LIMITS;
  protected readonly saving = submitter();

  readonly form = new FormGroup({
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(LIMITS.email), Validators.pattern(EMAIL_PATTERN)],
    }),
    displayName: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(LIMITS.name)] }),
  });

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const email = this.form.controls.email.value.trim();
    const displayName = this.form.controls.displayName.value.trim();
    const body: CreateAdminRequest = displayName ? { email, displayName } : { email };
    this.saving.run(this.api.createAdmin(this.structure.id, body), { done: (res) => this.ref.close(res) });
  }
}
