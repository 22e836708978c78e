import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { LIMITS } from '@pointage/contracts';
import { apiErrorMessage } from '../core/api-error';
import { SessionStore } from '../core/session';
import { PasswordField } from '../shared/password-field';
import { KioskApi, NOT_A_FAMILY_MESSAGE } from './kiosk-api';
import { KioskHeader } from './kiosk-header';
import { PageHeading } from '../shared/page-heading';

/** Family login at the kiosk: large fields for a touch keyboard. */
@Component({
  selector: 'app-kiosk-login',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PageHeading,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    PasswordField,
    KioskHeader,
  ],
  template: `
    <app-kiosk-header [slug]="slug()" />
    <main class="kiosk page narrow">
      <h1 appPageHeading>Se connecter</h1>
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
            inputmode="email"
            autocomplete="off"
            autocapitalize="off"
            autocorrect="off"
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
        <div class="actions column">
          <button mat-flat-button type="submit" [disabled]="submitting()">
            <mat-icon svgIcon="login" aria-hidden="true" />
            Se connecter
          </button>
          <a mat-button [routerLink]="['/k', slug(), 'oubli']">Identifiants oubliés ?</a>
          <a mat-button [routerLink]="['/k', slug()]">
            <mat-icon svgIcon="arrow_back" aria-hidden="true" />
            Retour à l'accueil
          </a>
        </div>
      </form>
    </main>
  `,
})
export class KioskLogin {
  private readonly api = inject(KioskApi);
  private readonly router = inject(Router);

  readonly slug = input.required<string>();

  /** Why the family was sent here (an expired session), read once. */
  protected readonly notice = inject(SessionStore).takeNotice();
  protected readonly maxEmail = LIMITS.email;
  protected readonly submitting = signal(false);
  protected readonly error = signal('');

  readonly form = new FormGroup({
    login: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(LIMITS.email)] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(LIMITS.password.max)] }),
  });

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { login, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set('');
    this.api.login(this.slug(), login, password).subscribe({
      next: (res) => {
        this.submitting.set(false);
        if (res.role !== 'family') {
          this.error.set(NOT_A_FAMILY_MESSAGE);
          return;
        }
        this.api.keep(this.slug(), res);
        void this.router.navigate(['/k', this.slug(), 'presence']);
      },
      error: (err: unknown) => {
        this.submitting.set(false);
        this.error.set(apiErrorMessage(err));
      },
    });
  }
}
