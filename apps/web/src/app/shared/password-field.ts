import { ChangeDetectionStrategy, ChangeDetectorRef, Component, effect, inject, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { LIMITS } from '@pointage/contracts';

/** A labelled password input with a show/hide toggle and its error messages. */
@Component({
  selector: 'app-password-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatIconModule],
  template: `
    <mat-form-field appearance="outline" class="field">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [type]="visible() ? 'text' : 'password'"
        [formControl]="control()"
        [autocomplete]="autocomplete()"
        [attr.maxlength]="maxLength"
        autocapitalize="off"
        autocorrect="off"
        spellcheck="false"
      />
      <button
        mat-icon-button
        matSuffix
        type="button"
        (click)="visible.set(!visible())"
        [attr.aria-label]="visible() ? 'Masquer le mot de passe' : 'Afficher le mot de passe'"
        [attr.aria-pressed]="visible()"
      >
        <mat-icon [svgIcon]="visible() ? 'visibility_off' : 'visibility'" />
      </button>
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      <mat-error>{{ errorText() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    .field {
      width: 100%;
    }
  `,
})
export class PasswordField {
  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<string>();
  readonly autocomplete = input<'current-password' | 'new-password'>('current-password');
  readonly hint = input('');
  /** Message per validator key; the first error of the control that has one is shown. */
  readonly errors = input<Record<string, string>>({ required: 'Saisissez le mot de passe.' });

  protected readonly visible = signal(false);
  protected readonly maxLength = LIMITS.password.max;

  constructor() {
    // The control may change from outside this view (the form marked as touched on submit,
    // the confirmation checked again when the password changes): refresh then.
    const cdr = inject(ChangeDetectorRef);
    effect((onCleanup) => {
      const sub = this.control().events.subscribe(() => cdr.markForCheck());
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected errorText(): string {
    const errors = this.control().errors;
    if (!errors) return '';
    const messages = this.errors();
    const key = Object.keys(errors).find((k) => messages[k]);
    return key ? messages[key] : 'Valeur invalide.';
  }
}
