import { booleanAttribute, ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { LIMITS, LoginResponse } from '@pointage/contracts';
import { Observable } from 'rxjs';
import { submitter } from '../core/submitter';
import { PasswordField } from './password-field';

export interface LoginCredentials {
  login: string;
  password: string;
}

/**
 * The login form of the back office and of the kiosk: e-mail, password, the
 * error line, the submit button and "Identifiants oubliés ?". The host gives the
 * API call (`login`), what it refuses among the answers (a family in the back
 * office, a back-office account at the kiosk) and does what follows a login
 * (`loggedIn`: keep the session, open the next page). More links are projected
 * after "Identifiants oubliés ?".
 */
@Component({
  selector: 'app-login-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, PasswordField],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field appearance="outline" class="full">
        <mat-label>Adresse e-mail</mat-label>
        <input
          matInput
          type="email"
          formControlName="login"
          inputmode="email"
          [autocomplete]="emailAutocomplete()"
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
      <p class="error-text" aria-live="assertive">{{ sending.error() }}</p>
      <div class="actions" [class.column]="column()">
        <button mat-flat-button type="submit" [disabled]="sending.busy()">
          <mat-icon svgIcon="login" aria-hidden="true" />
          {{ submitLabel() }}
        </button>
        <a mat-button [routerLink]="forgotLink()">Identifiants oubliés ?</a>
        <ng-content />
      </div>
    </form>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .actions button,
    .actions a {
      min-height: 44px;
    }
  `,
})
export class LoginForm {
  /** "S'identifier" (back office), "Se connecter" (kiosk). */
  readonly submitLabel = input.required<string>();
  /** 'username' lets the browser fill it in; 'off' on a shared kiosk. */
  readonly emailAutocomplete = input<'username' | 'off'>('username');
  /** The page "Identifiants oubliés ?" opens. */
  readonly forgotLink = input.required<string | readonly (string | number)[]>();
  /** The buttons one under the other (the kiosk). */
  readonly column = input(false, { transform: booleanAttribute });
  /** The API call of the host (the kiosk adds its structure). */
  readonly login = input.required<(credentials: LoginCredentials) => Observable<LoginResponse>>();
  /** Why an answer is refused on this page (shown in the error line), or null when it is accepted. */
  readonly refuse = input<(res: LoginResponse) => string | null>(() => null);
  /** An accepted login: the host keeps the session and opens the next page. */
  readonly loggedIn = output<LoginResponse>();

  protected readonly maxEmail = LIMITS.email;
  protected readonly sending = submitter();

  readonly form = new FormGroup({
    login: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(LIMITS.email)] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(LIMITS.password.max)] }),
  });

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.sending.run(this.login()(this.form.getRawValue()), {
      done: (res) => {
        const refusal = this.refuse()(res);
        if (refusal) this.sending.fail(refusal);
        else this.loggedIn.emit(res);
      },
    });
  }
}
