import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { ActivatedRoute, Router } from '@angular/router';
import { LIMITS, PASSWORD_CHANGED_MESSAGE } from '@pointage/contracts';
import { AuthService } from '../core/auth';
import { SessionStore } from '../core/session';
import { submitter } from '../core/submitter';
import { NewPasswordFields } from './new-password-fields';
import { PasswordField } from './password-field';
import { newPasswordControls } from './password-validators';

/** "MOT DE PASSE" of the back office: the logged-in person changes its own password. */
@Component({
  selector: 'app-change-password',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatCardModule, MatButtonModule, MatIconModule, PasswordField, NewPasswordFields],
  template: `
    <mat-card appearance="outlined" class="narrow-card">
      <mat-card-content>
        <h1>MODIFICATION DU MOT DE PASSE</h1>
        @if (acting()) {
          <p role="status">
            Vous agissez en tant qu'administrateur : son mot de passe reste le sien. Revenez à votre compte pour modifier le vôtre.
          </p>
        } @else {
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <app-password-field
              [control]="form.controls.currentPassword"
              label="Ancien mot de passe"
              autocomplete="current-password"
              [errors]="currentErrors"
            />
            <app-new-password-fields [password]="form.controls.password" [confirm]="form.controls.confirm" [hint]="minHint" />
            <p class="error-text" aria-live="assertive">{{ sending.error() }}</p>
            @if (success()) {
              <p class="success-text">{{ success() }}</p>
            }
            <div class="actions">
              <button mat-stroked-button type="button" (click)="cancel()">ANNULER</button>
              <button mat-flat-button type="submit" [disabled]="sending.busy()">
                <mat-icon svgIcon="save" aria-hidden="true" />
                SAUVEGARDER
              </button>
            </div>
          </form>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .narrow-card {
      max-width: 560px;
      margin: 24px auto;
    }
    .actions {
      justify-content: flex-end;
    }
    .actions button {
      min-height: 44px;
    }
  `,
})
export class ChangePassword {
  private readonly auth = inject(AuthService);
  private readonly session = inject(SessionStore);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly formDirective = viewChild(FormGroupDirective);

  protected readonly acting = computed(() => this.session.admin()?.actor != null);
  protected readonly sending = submitter();
  protected readonly success = signal('');

  protected readonly minHint = `${LIMITS.password.min} caractères au moins`;
  protected readonly currentErrors = { required: 'Saisissez votre mot de passe actuel.' };

  readonly form = new FormGroup({
    currentPassword: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(LIMITS.password.max)],
    }),
    ...newPasswordControls(),
  });

  constructor() {
    // The API's refusal is about what was typed: it goes as soon as a field is changed.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.sending.clear());
  }

  submit(): void {
    this.success.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, password } = this.form.getRawValue();
    // The success is said on the page (and announced), not in a snack bar.
    this.sending.run(this.auth.changePassword({ currentPassword, newPassword: password }), {
      done: (res) => {
        const message = res.message || PASSWORD_CHANGED_MESSAGE;
        this.success.set(message);
        void this.announcer.announce(message, 'polite');
        this.clearForm();
      },
    });
  }

  protected cancel(): void {
    this.clearForm();
    void this.router.navigate(['..'], { relativeTo: this.route });
  }

  /** Empties the fields without showing "required" errors (the submitted state is reset too). */
  private clearForm(): void {
    const directive = this.formDirective();
    if (directive) directive.resetForm();
    else this.form.reset();
  }
}
