import { TestBed } from '@angular/core/testing';
import { FormGroup } from '@angular/forms';
import { provideTestIcons } from '../core/testing';
import { NewPasswordFields } from './new-password-fields';
import { newPasswordControls, PASSWORD_MISMATCH_MESSAGE } from './password-validators';

describe('NewPasswordFields', () => {
  function render(hint?: string) {
    TestBed.configureTestingModule({ providers: [provideTestIcons()] });
    const form = new FormGroup(newPasswordControls());
    const fixture = TestBed.createComponent(NewPasswordFields);
    fixture.componentRef.setInput('password', form.controls.password);
    fixture.componentRef.setInput('confirm', form.controls.confirm);
    if (hint !== undefined) fixture.componentRef.setInput('hint', hint);
    fixture.detectChanges();
    return { fixture, form, el: fixture.nativeElement as HTMLElement };
  }

  it('has the new password and its confirmation, both "new-password", with the hint when given', () => {
    const { el } = render('10 caractères au moins');
    const labels = Array.from(el.querySelectorAll('mat-label')).map((l) => l.textContent);
    expect(labels).toEqual(['Nouveau mot de passe', 'Confirmer le mot de passe']);
    const inputs = Array.from(el.querySelectorAll('input'));
    expect(inputs.map((i) => i.getAttribute('autocomplete'))).toEqual(['new-password', 'new-password']);
    expect(el.querySelector('mat-hint')?.textContent).toBe('10 caractères au moins');
  });

  it('says why the pair is refused once touched', async () => {
    const { fixture, form, el } = render();
    expect(el.querySelector('mat-hint')).toBeNull();
    form.setValue({ password: 'court', confirm: 'autre' });
    form.markAllAsTouched();
    await fixture.whenStable();
    expect(el.textContent).toContain('10 caractères au moins');
    expect(el.textContent).toContain(PASSWORD_MISMATCH_MESSAGE);
    form.setValue({ password: '', confirm: '' });
    await fixture.whenStable();
    expect(el.textContent).toContain('Saisissez le nouveau mot de passe.');
    expect(el.textContent).toContain('Saisissez de nouveau le mot de passe.');
  });
});
