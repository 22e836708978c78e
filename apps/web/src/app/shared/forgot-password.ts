import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink } from '@angular/router';
import { EMAIL_PATTERN, LIMITS } from '@pointage/contracts';
import { AuthService } from '../core/auth';
import { PublicSettingsStore } from '../core/public-settings';
import { submitter } from '../core/submitter';

/** Shown instead of the form while no mail can leave the installation. */
export const BACK_OFFICE_NO_MAIL =
  "L'envoi des e-mails n'est pas encore configuré sur cette installation : aucun lien ne peut vous être envoyé. " +
  "Demandez à un autre administrateur de votre structure, ou au super-administrateur de l'installation, de vous donner un nouveau mot de passe.";

/** "Identifiants oubliés ?" of the back office: asks the API to e-mail a reset link. */
@Component({
  selector: 'app-forgot-password',
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
  ],
  template: `
    <header>
      <mat-toolbar class="area-toolbar">{{ heading() }}</mat-toolbar>
    </header>
    <main class="page">
      <mat-card appearance="outlined" class="narrow-card">
        <mat-card-content>
          <h1>IDENTIFIANTS OUBLIÉS ?</h1>
          <div role="status">
            @if (sent()) {
              <p class="success-text">{{ sent() }}</p>
            }
          </div>
          @if (!mailConfigured()) {
            <p class="no-mail">{{ noMail }}</p>
          } @else if (!sent()) {
            <p>Saisissez l'adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>
            <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
              <mat-form-field appearance="outline" class="full">
                <mat-label>Votre email</mat-label>
                <input
                  matInput
                  type="email"
                  formControlName="email"
                  autocomplete="email"
                  inputmode="email"
                  autocapitalize="off"
                  spellcheck="false"
                  [maxlength]="maxEmail"
                />
                <mat-error>{{
                  form.controls.email.hasError('required') ? 'Saisissez votre adresse e-mail.' : 'Cette adresse e-mail n’est pas valide.'
                }}</mat-error>
              </mat-form-field>
              <p class="error-text" aria-live="assertive">{{ sending.error() }}</p>
              <div class="actions">
                <button mat-flat-button type="submit" [disabled]="sending.busy()">Envoyer</button>
              </div>
            </form>
          }
          <p><a [routerLink]="loginPath()">Retour à la connexion</a></p>
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    .narrow-card {
      max-width: 520px;
      margin: 32px auto;
    }
    .full {
      width: 100%;
    }
    .actions button {
      min-height: 44px;
    }
    a {
      display: inline-block;
      min-height: 44px;
      line-height: 44px;
    }
  `,
})
export class ForgotPassword implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly publicSettings = inject(PublicSettingsStore);
  protected readonly mailConfigured = computed(() => this.publicSettings.settings().mailConfigured);
  protected readonly noMail = BACK_OFFICE_NO_MAIL;

  /** From the route data. */
  readonly heading = input('PANNEAU DE CONTRÔLE');
  readonly loginPath = input('/admin/connexion');

  protected readonly maxEmail = LIMITS.email;
  protected readonly form = new FormGroup({
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(LIMITS.email), Validators.pattern(EMAIL_PATTERN)],
    }),
  });
  protected readonly sending = submitter();
  protected readonly sent = signal('');

  ngOnInit(): void {
    this.publicSettings.load();
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    // The answer replaces the form (role="status"), not a snack bar.
    this.sending.run(this.auth.forgot(this.form.controls.email.value), { done: (res) => this.sent.set(res.message) });
  }
}
