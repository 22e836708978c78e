import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink } from '@angular/router';
import { LIMITS, LoginResponse } from '@pointage/contracts';
import { apiErrorMessage } from '../core/api-error';
import { AuthService } from '../core/auth';
import { homeFor } from '../core/guards';
import { SessionStore } from '../core/session';
import { PasswordField } from '../shared/password-field';

export type BackOfficeArea = 'admin' | 'super-admin';

export const FAMILY_ACCOUNT_MESSAGE = "Ce compte est celui d'une famille : connectez-vous depuis la borne de votre ludothèque.";

/** The address to open after logging in: `retour` when it belongs to the role's area, else the role's home. */
export function afterLoginUrl(res: Pick<LoginResponse, 'role'>, retour: string | undefined): string {
  const home = homeFor(res.role);
  if (retour && retour.startsWith(`${home}/`) && !retour.startsWith(`${home}/connexion`)) return retour;
  return home;
}

/**
 * Login of the back office, for admins (/admin/connexion) and super-admins
 * (/super-admin/connexion): both are sent to their own area whatever the page used.
 */
@Component({
  selector: 'app-admin-login',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatToolbarModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    PasswordField,
  ],
  template: `
    <header>
      <mat-toolbar class="area-toolbar">{{ heading() }}</mat-toolbar>
    </header>
    <main class="page">
      <mat-card appearance="outlined" class="narrow-card">
        <mat-card-content>
          <h1>Se connecter</h1>
          @if (notice) {
            <p class="notice" role="status">{{ notice }}</p>
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field appearance="outline" class="full">
              <mat-label>Adresse e-mail</mat-label>
              <input
                matInput
                type="email"
                formControlName="login"
                autocomplete="username"
                inputmode="email"
                autocapitalize="off"
                spellcheck="false"
                [maxlength]="maxEmail"
              />
              <mat-error>Saisissez votre adresse e-mail.</mat-error>
            </mat-form-field>
            <app-password-field
              [control]="form.controls.password"
              label="Mot de passe"
              autocomplete="current-password"
              [errors]="{ required: 'Saisissez votre mot de passe.' }"
            />
            <p class="error-text" aria-live="assertive">{{ error() }}</p>
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="submitting()">
                <mat-icon svgIcon="login" aria-hidden="true" />
                S'identifier
              </button>
              <a mat-button [routerLink]="forgotPath()">Identifiants oubliés ?</a>
            </div>
          </form>
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    .narrow-card {
      max-width: 480px;
      margin: 32px auto;
    }
    .full {
      width: 100%;
    }
    .notice {
      padding: 8px 12px;
      border-radius: 4px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .actions button,
    .actions a {
      min-height: 44px;
    }
  `,
})
export class AdminLogin {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** From the route data. */
  readonly heading = input('PANNEAU DE CONTRÔLE');
  readonly area = input<BackOfficeArea>('admin');
  /** From the query string: the page asked for before logging in. */
  readonly retour = input<string>();

  /** Why the user was sent here (an expired session), read once. */
  protected readonly notice = inject(SessionStore).takeNotice();
  protected readonly maxEmail = LIMITS.email;
  protected readonly submitting = signal(false);
  protected readonly error = signal('');

  protected readonly form = new FormGroup({
    login: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(LIMITS.email)] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(LIMITS.password.max)] }),
  });

  protected forgotPath(): string {
    return `/${this.area()}/mot-de-passe-oublie`;
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { login, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set('');
    this.auth.login(login, password).subscribe({
      next: (res) => {
        this.submitting.set(false);
        if (res.role === 'family') {
          this.error.set(FAMILY_ACCOUNT_MESSAGE);
          return;
        }
        this.auth.storeLogin(res);
        void this.router.navigateByUrl(afterLoginUrl(res, this.retour()));
      },
      error: (err: unknown) => {
        this.submitting.set(false);
        this.error.set(apiErrorMessage(err));
      },
    });
  }
}
