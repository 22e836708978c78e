import { AbstractControl, FormControl, FormGroup, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { LIMITS } from '@pointage/contracts';

/** The rules of a new password, as the API checks them. */
export const NEW_PASSWORD_VALIDATORS: ValidatorFn[] = [
  Validators.required,
  Validators.minLength(LIMITS.password.min),
  Validators.maxLength(LIMITS.password.max),
];

export const PASSWORD_MISMATCH_MESSAGE = 'Les deux mots de passe ne correspondent pas.';

/** Messages of the password fields, by validator key. */
export const NEW_PASSWORD_ERRORS: Record<string, string> = {
  required: 'Saisissez le nouveau mot de passe.',
  minlength: `${LIMITS.password.min} caractères au moins`,
  maxlength: `${LIMITS.password.max} caractères au plus`,
};

export const CONFIRM_PASSWORD_ERRORS: Record<string, string> = {
  required: 'Saisissez de nouveau le mot de passe.',
  mismatch: PASSWORD_MISMATCH_MESSAGE,
};

/** Valid when the control holds the same value as its sibling `otherName` (or is still empty). */
export function matchesControl(otherName: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const other = control.parent?.get(otherName);
    if (!other || !control.value) return null;
    return control.value === other.value ? null : { mismatch: true };
  };
}

export type NewPasswordControls = {
  password: FormControl<string>;
  confirm: FormControl<string>;
};

/** A new password and its confirmation; the confirmation is checked again whenever the password changes. */
export function newPasswordControls(): NewPasswordControls {
  const password = new FormControl('', { nonNullable: true, validators: NEW_PASSWORD_VALIDATORS });
  const confirm = new FormControl('', { nonNullable: true, validators: [Validators.required, matchesControl('password')] });
  password.valueChanges.subscribe(() => confirm.updateValueAndValidity());
  return { password, confirm };
}

/** Convenience for forms made only of a new password and its confirmation. */
export function newPasswordForm(): FormGroup<NewPasswordControls> {
  return new FormGroup(newPasswordControls());
}
