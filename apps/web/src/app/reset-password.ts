import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink } from '@angular/router';
import { LIMITS, ResetPasswordResponse } from '@pointage/contracts';
import { AuthService } from './core/auth';
import { submitter } from './core/submitter';
import { NewPasswordFields } from './shared/new-password-fields';
import { newPasswordForm } from './shared/password-validators';

/** Where to log in again after a reset: the back office, or the kiosk of the family's structure. */
export function loginLinkAfterReset(res: Pick<ResetPasswordResponse, 'role' | 'structureSlug'>): string {
  if (res.role === 'family') return res.structureSlug ? `/k/${res.structureSlug}` : '/';
  return '/admin/connexion';
}

/** The page of the e-mailed link /reinitialiser?token=…: choose a new password. */
@Component({
  selector: 'app-reset-password',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatToolbarModule, MatCardModule, MatButtonModule, MatIconModule, NewPasswordFields],
  template: `
    <header>
      <mat-toolbar class="area-toolbar">POINTAGE</mat-toolbar>
    </header>
    <main class="page">
      <mat-card appearance="outlined" class="narrow-card">
        <mat-card-content>
          <h1>NOUVEAU MOT DE PASSE</h1>
          <div role="status">
            @if (done(); as res) {
              <p class="success-text">{{ res.message }}</p>
            }
          </div>
          @if (done(); as res) {
            <p>
              <a mat-flat-button [routerLink]="loginLink(res)">
                <mat-icon svgIcon="login" aria-hidden="true" />
                Se connecter
              </a>
            </p>
          } @else if (!token()) {
            <p class="error-text" role="alert">
              Ce lien est incomplet. Ouvrez le lien reçu par e-mail, ou demandez-en un nouveau depuis « Identifiants oubliés ? ».
            </p>
          } @else {
            <p>Choisissez votre nouveau mot de passe ({{ min }} caractères au moins).</p>
            <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
              <app-new-password-fields
                [password]="form.controls.password"
                [confirm]="form.controls.confirm"
                [hint]="min + ' caractères au moins'"
              />
              <p class="error-text" aria-live="assertive">{{ sending.error() }}</p>
              <div class="actions">
                <button mat-flat-button type="submit" [disabled]="sending.busy()">
                  <mat-icon svgIcon="save" aria-hidden="true" />
                  ENREGISTRER
                </button>
              </div>
            </form>
          }
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    .narrow-card {
      max-width: 520px;
      margin: 32px auto;
    }
    .actions button,
    a[mat-flat-button] {
      min-height: 44px;
    }
  `,
})
export class ResetPassword {
  private readonly auth = inject(AuthService);

  /** From the query string. */
  readonly token = input<string>();

  protected readonly min = LIMITS.password.min;
  protected readonly form = newPasswordForm();
  protected readonly sending = submitter();
  protected readonly done = signal<ResetPasswordResponse | null>(null);
  protected readonly loginLink = loginLinkAfterReset;

  protected submit(): void {
    const token = this.token();
    if (!token) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    // The answer replaces the form with its link to log in, not a snack bar.
    this.sending.run(this.auth.reset(token, this.form.controls.password.value), { done: (res) => this.done.set(res) });
  }
}
