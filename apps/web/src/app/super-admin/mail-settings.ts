import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { EMAIL_PATTERN, LIMITS, MailSecurity, MailSettings, SaveMailSettingsRequest } from '@pointage/contracts';
import { tap } from 'rxjs';
import { apiResource } from '../core/api-resource';
import { PublicSettingsStore } from '../core/public-settings';
import { submitter } from '../core/submitter';
import { PasswordField } from '../shared/password-field';
import { SuperAdminApi } from './super-admin-api';

/** What the installation does with mails now, in one sentence. */
export function mailRouteText(s: MailSettings): string {
  switch (s.source) {
    case 'settings':
      return `Les e-mails partent par le serveur SMTP ${s.host}:${s.port ?? ''} configuré ci-dessous.`;
    case 'environment':
      return 'Les e-mails partent par le serveur SMTP de la configuration du serveur (variables SMTP_URL et MAIL_FROM). Ce qui est saisi ci-dessous la remplace.';
    default:
      return "Aucun serveur d'envoi n'est configuré : les e-mails (liens de réinitialisation des mots de passe) sont seulement écrits dans le dossier DATA_DIR/mails du serveur, et les pages « Identifiants oubliés » invitent à s'adresser à l'équipe.";
  }
}

const SECURITY_LABELS: { value: MailSecurity; label: string }[] = [
  { value: 'starttls', label: 'STARTTLS (port 587 en général)' },
  { value: 'tls', label: 'TLS (port 465 en général)' },
  { value: 'none', label: 'Aucune (réseau local uniquement)' },
];

/**
 * The SMTP server of the installation (super-admin): it overrides the server's
 * environment. The password is write-only: the API only says whether one is stored.
 */
@Component({
  selector: 'app-mail-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    PasswordField,
  ],
  template: `
    <mat-card appearance="outlined">
      <mat-card-content>
        <h2>Envoi des e-mails</h2>
        <p class="route" role="status">{{ routeText() }}</p>
        <form [formGroup]="form" (ngSubmit)="save()" novalidate>
          <div class="grid">
            <mat-form-field appearance="outline">
              <mat-label>Serveur SMTP</mat-label>
              <input matInput formControlName="host" maxlength="253" autocapitalize="off" spellcheck="false" />
              <mat-hint>Vide : revenir à la configuration du serveur.</mat-hint>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Port</mat-label>
              <input matInput type="number" formControlName="port" min="1" max="65535" />
              <mat-hint>Vide : 587, 465 ou 25 selon la sécurité.</mat-hint>
              <mat-error>Un port va de 1 à 65535.</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Sécurité</mat-label>
              <mat-select formControlName="security">
                @for (s of securities; track s.value) {
                  <mat-option [value]="s.value">{{ s.label }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Utilisateur</mat-label>
              <input matInput formControlName="user" maxlength="254" autocomplete="off" autocapitalize="off" spellcheck="false" />
            </mat-form-field>
            <app-password-field
              [control]="form.controls.password"
              label="Mot de passe"
              autocomplete="new-password"
              [hint]="
                passwordSet() ? 'Un mot de passe est enregistré : laisser vide pour ne pas changer.' : 'Laisser vide pour ne pas changer.'
              "
              [errors]="{}"
            />
            <mat-form-field appearance="outline">
              <mat-label>Expéditeur</mat-label>
              <input matInput formControlName="from" maxlength="254" placeholder="Ludothèque <ludotheque@exemple.fr>" />
              <mat-hint>Adresse (et nom) qui apparaît comme expéditeur.</mat-hint>
            </mat-form-field>
          </div>
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="submit.busy()">
              <mat-icon svgIcon="save" aria-hidden="true" />
              SAUVEGARDER
            </button>
          </div>
        </form>

        <h3>Envoyer un e-mail de test</h3>
        <div class="test-row">
          <mat-form-field appearance="outline">
            <mat-label>Adresse du destinataire</mat-label>
            <input
              matInput
              type="email"
              [formControl]="testTo"
              [maxlength]="maxEmail"
              autocomplete="email"
              autocapitalize="off"
              spellcheck="false"
            />
            <mat-error>Saisissez une adresse e-mail valide.</mat-error>
          </mat-form-field>
          <button mat-stroked-button type="button" (click)="sendTest()" [disabled]="submit.busy()">Envoyer un e-mail de test</button>
        </div>
        <p class="success-text" role="status">{{ done() }}</p>
        <p class="error-text" aria-live="assertive">{{ submit.error() || (mail.error() ?? '') }}</p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    mat-card {
      margin-bottom: 16px;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
      gap: 8px 16px;
    }
    .test-row {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      align-items: flex-start;
    }
    .test-row mat-form-field {
      flex: 1 1 280px;
    }
    button {
      min-height: 44px;
    }
  `,
})
export class MailSettingsCard {
  private readonly api = inject(SuperAdminApi);
  private readonly publicSettings = inject(PublicSettingsStore);

  protected readonly securities = SECURITY_LABELS;
  protected readonly maxEmail = LIMITS.email;
  /** Both buttons share it: one change at a time. */
  protected readonly submit = submitter();
  /** The outcome is said by the status line (role="status"), which screen readers announce, not by a snack bar. */
  protected readonly done = signal('');

  protected readonly form = new FormGroup({
    host: new FormControl('', { nonNullable: true }),
    port: new FormControl<number | null>(null, { validators: [Validators.min(1), Validators.max(65535)] }),
    security: new FormControl<MailSecurity>('starttls', { nonNullable: true }),
    user: new FormControl('', { nonNullable: true }),
    password: new FormControl('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
  });
  protected readonly testTo = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(LIMITS.email), Validators.pattern(EMAIL_PATTERN)],
  });

  protected readonly mail = apiResource(() => this.api.mail().pipe(tap((s) => this.apply(s))));
  protected readonly routeText = computed(() => {
    const s = this.mail.value();
    return s ? mailRouteText(s) : '';
  });
  protected readonly passwordSet = computed(() => this.mail.value()?.passwordSet ?? false);

  /** Fills the form (never with the password) and tells the rest of the app whether mails leave. */
  private apply(s: MailSettings): void {
    this.form.setValue({ host: s.host, port: s.port, security: s.security, user: s.user, password: '', from: s.from });
    this.publicSettings.settings.update((p) => ({ ...p, mailConfigured: s.source !== 'file' }));
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body: SaveMailSettingsRequest = {
      host: v.host.trim(),
      port: v.port || null,
      security: v.security,
      user: v.user.trim(),
      from: v.from.trim(),
      ...(v.password ? { password: v.password } : {}),
    };
    this.done.set('');
    this.submit.run(this.api.saveMail(body), {
      done: (s) => {
        this.mail.set(s);
        this.apply(s);
        this.done.set(
          body.host
            ? "Configuration de l'envoi des e-mails enregistrée."
            : 'Configuration effacée : la configuration du serveur s’applique de nouveau.',
        );
      },
    });
  }

  protected sendTest(): void {
    if (this.testTo.invalid) {
      this.testTo.markAsTouched();
      return;
    }
    this.done.set('');
    this.submit.run(this.api.testMail(this.testTo.value.trim()), { done: (r) => this.done.set(r.message) });
  }
}
