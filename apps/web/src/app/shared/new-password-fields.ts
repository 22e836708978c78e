import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl } from '@angular/forms';
import { PasswordField } from './password-field';
import { CONFIRM_PASSWORD_ERRORS, NEW_PASSWORD_ERRORS } from './password-validators';

/**
 * "Nouveau mot de passe" and "Confirmer le mot de passe", with their messages:
 * the pair of every form that sets a password. the controls come from
 * `newPasswordControls()` (the confirmation is checked again when the password changes).
 */
@Component({
  selector: 'app-new-password-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PasswordField],
  template: `
    <app-password-field
      [control]="password()"
      label="Nouveau mot de passe"
      autocomplete="new-password"
      [hint]="hint()"
      [errors]="newErrors"
    />
    <app-password-field [control]="confirm()" label="Confirmer le mot de passe" autocomplete="new-password" [errors]="confirmErrors" />
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class NewPasswordFields {
  /** The `password` control of `newPasswordControls()`. */
  readonly password = input.required<FormControl<string>>();
  /** Its `confirm` control. */
  readonly confirm = input.required<FormControl<string>>();
  /** Under the new password ("12 caractères au moins"); none by default. */
  readonly hint = input('');

  protected readonly newErrors = NEW_PASSWORD_ERRORS;
  protected readonly confirmErrors = CONFIRM_PASSWORD_ERRORS;
}
