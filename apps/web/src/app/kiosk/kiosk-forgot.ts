import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { EMAIL_PATTERN, LIMITS } from '@pointage/contracts';
import { PublicSettingsStore } from '../core/public-settings';
import { submitter } from '../core/submitter';
import { KioskApi } from './kiosk-api';
import { KioskHeader } from './kiosk-header';

/** Shown instead of the form while no mail can leave the installation. */
export const KIOSK_NO_MAIL =
  "Aucun e-mail ne peut être envoyé depuis cette borne pour l'instant. Adressez-vous à l'équipe de la ludothèque : elle peut vous donner un nouveau mot de passe.";

/** "IDENTIFIANTS OUBLIÉS ?" at the kiosk: a reset link is e-mailed to the family. */
@Component({
  selector: 'app-kiosk-forgot',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, KioskHeader],
  template: `
    <app-kiosk-header [slug]="slug()" />
    <main class="kiosk page narrow">
      <h1>IDENTIFIANTS OUBLIÉS ?</h1>
      <div role="status">
        @if (sent()) {
          <p class="success-text">{{ sent() }}</p>
        }
      </div>
      @if (!mailConfigured()) {
        <p class="no-mail">{{ noMail }}</p>
      } @else if (!sent()) {
        <form (submit)="$event.preventDefault(); submit()" novalidate>
          <mat-form-field appearance="outline" class="full">
            <mat-label>Votre email</mat-label>
            <input
              matInput
              type="email"
              [formControl]="email"
              inputmode="email"
              autocomplete="off"
              autocapitalize="off"
              autocorrect="off"
              spellcheck="false"
              [maxlength]="maxEmail"
            />
            <mat-hint>La même adresse que lors de votre inscription.</mat-hint>
            <mat-error>{{
              email.hasError('required') ? 'Saisissez votre adresse e-mail.' : 'Cette adresse e-mail n’est pas valide.'
            }}</mat-error>
          </mat-form-field>
          <p>Vous recevrez un lien pour choisir un nouveau mot de passe.</p>
          <p class="error-text" aria-live="assertive">{{ sending.error() }}</p>
          <div class="actions column">
            <button mat-flat-button type="submit" [disabled]="sending.busy()">Envoyer</button>
          </div>
        </form>
      }
      <div class="actions column">
        <a mat-button [routerLink]="['/k', slug()]">
          <mat-icon svgIcon="arrow_back" aria-hidden="true" />
          Retour à l'accueil
        </a>
      </div>
    </main>
  `,
})
export class KioskForgot implements OnInit {
  private readonly api = inject(KioskApi);
  private readonly publicSettings = inject(PublicSettingsStore);
  protected readonly mailConfigured = computed(() => this.publicSettings.settings().mailConfigured);
  protected readonly noMail = KIOSK_NO_MAIL;
  readonly slug = input.required<string>();

  protected readonly maxEmail = LIMITS.email;
  readonly email = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(LIMITS.email), Validators.pattern(EMAIL_PATTERN)],
  });
  protected readonly sending = submitter();
  protected readonly sent = signal('');

  ngOnInit(): void {
    this.publicSettings.load();
  }

  submit(): void {
    if (this.email.invalid) {
      this.email.markAsTouched();
      return;
    }
    // The answer replaces the form (role="status"), not a snack bar.
    this.sending.run(this.api.forgot(this.slug(), this.email.value), { done: (res) => this.sent.set(res.message) });
  }
}
