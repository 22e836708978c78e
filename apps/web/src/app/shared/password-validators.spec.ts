import { newPasswordForm, PASSWORD_MISMATCH_MESSAGE, CONFIRM_PASSWORD_ERRORS, NEW_PASSWORD_ERRORS } from './password-validators';

describe('new password validators', () => {
  it('asks for 10 characters at least', () => {
    const form = newPasswordForm();
    form.controls.password.setValue('court');
    expect(form.controls.password.hasError('minlength')).toBe(true);
    expect(NEW_PASSWORD_ERRORS['minlength']).toBe('10 caractères au moins');
    form.controls.password.setValue('assez-long-1');
    expect(form.controls.password.valid).toBe(true);
  });

  it('refuses a confirmation that differs, and checks it again when the password changes', () => {
    const form = newPasswordForm();
    form.setValue({ password: 'motdepasse-123', confirm: 'motdepasse-124' });
    expect(form.controls.confirm.hasError('mismatch')).toBe(true);
    expect(CONFIRM_PASSWORD_ERRORS['mismatch']).toBe(PASSWORD_MISMATCH_MESSAGE);
    expect(PASSWORD_MISMATCH_MESSAGE).toBe('Les deux mots de passe ne correspondent pas.');

    form.controls.password.setValue('motdepasse-124');
    expect(form.controls.confirm.valid).toBe(true);
    expect(form.valid).toBe(true);
  });

  it('requires both fields', () => {
    const form = newPasswordForm();
    expect(form.controls.password.hasError('required')).toBe(true);
    expect(form.controls.confirm.hasError('required')).toBe(true);
  });
});
