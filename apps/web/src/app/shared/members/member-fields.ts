import { ChangeDetectionStrategy, ChangeDetectorRef, Component, computed, effect, inject, input, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { LIMITS, RefKind } from '@pointage/contracts';
import { provideFrenchDatepicker } from '../../core/french-datepicker-intl';
import { fromLocalDate, toLocalDate } from '../../core/french-date-adapter';
import { choicesFor, RefCatalog, RefChoice } from '../../core/reference';
import { TODAY } from '../../core/today';
import { PasswordField } from '../password-field';
import { AvatarPicker } from './avatar-picker';
import { ageLabel, birthDateError, EARLIEST_BIRTH_DATE, MemberForm, MemberFormMode } from './member-form';

interface SelectField {
  kind: RefKind;
  control: 'sexId' | 'cityId' | 'statusId' | 'minimaId' | 'qfId';
  label: string;
  error: string;
}

const SELECTS: Record<'sex' | 'city' | 'status' | 'minima' | 'qf', SelectField> = {
  sex: { kind: 'sex', control: 'sexId', label: 'Sexe', error: 'Choisissez le sexe.' },
  city: { kind: 'city', control: 'cityId', label: 'Ville de résidence', error: 'Choisissez la ville de résidence.' },
  status: { kind: 'status', control: 'statusId', label: 'Statut', error: 'Choisissez le statut.' },
  minima: { kind: 'minima', control: 'minimaId', label: 'Minima sociaux', error: 'Choisissez les minima sociaux.' },
  qf: { kind: 'qf', control: 'qfId', label: 'Quotient familial', error: 'Choisissez le quotient familial.' },
};

/**
 * The fields of one member (see member-form.ts for the rules): used by the
 * back office and the kiosk, for a new member or an edited one.
 */
@Component({
  selector: 'app-member-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatDatepickerModule, PasswordField, AvatarPicker],
  // Hints and errors take the room they need (long hints, large kiosk text): no overlap with the next row.
  providers: [provideFrenchDatepicker(), { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <div [formGroup]="form()" class="member-fields">
      <div class="form-row">
        <mat-form-field appearance="outline">
          <mat-label>Nom</mat-label>
          <input matInput formControlName="lastName" [maxlength]="limits.name" autocomplete="off" autocapitalize="characters" />
          <mat-error>{{ textError('lastName', 'Saisissez le nom.') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Prénom</mat-label>
          <input matInput formControlName="firstName" [maxlength]="limits.name" autocomplete="off" />
          <mat-error>{{ textError('firstName', 'Saisissez le prénom.') }}</mat-error>
        </mat-form-field>
      </div>
      <div class="form-row">
        @for (f of [selects.sex]; track f.kind) {
          <mat-form-field appearance="outline">
            <mat-label>{{ f.label }}</mat-label>
            <mat-select [formControlName]="f.control" [panelClass]="panelClass()">
              @for (c of choices()[f.kind]; track c.id) {
                <mat-option [value]="c.id">{{ c.label }}</mat-option>
              }
            </mat-select>
            @if (f.kind === 'qf' || f.kind === 'minima') {
              <mat-hint>{{ householdHint() }}</mat-hint>
            }
            <mat-error>{{ f.error }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline">
          <mat-label>Date de naissance</mat-label>
          <input
            matInput
            [matDatepicker]="birthPicker"
            formControlName="birthDate"
            [min]="minBirth"
            [max]="maxDate"
            placeholder="jj/mm/aaaa"
            autocomplete="off"
            class="birth-date"
          />
          <mat-datepicker-toggle matIconSuffix [for]="birthPicker" />
          <mat-datepicker #birthPicker startView="multi-year" [touchUi]="mode() === 'family'" />
          <mat-hint>jj/mm/aaaa</mat-hint>
          <mat-error>{{ birthError() }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="age">
          <mat-label>Âge</mat-label>
          <input matInput readonly [value]="age()" class="age-value" />
        </mat-form-field>
      </div>
      @for (row of selectRows; track $index) {
        <div class="form-row">
          @for (f of row; track f.kind) {
            <mat-form-field appearance="outline">
              <mat-label>{{ f.label }}</mat-label>
              <mat-select [formControlName]="f.control" [panelClass]="panelClass()">
                @for (c of choices()[f.kind]; track c.id) {
                  <mat-option [value]="c.id">{{ c.label }}</mat-option>
                }
              </mat-select>
              @if (f.kind === 'qf' || f.kind === 'minima') {
                <mat-hint>{{ householdHint() }}</mat-hint>
              }
              <mat-error>{{ f.error }}</mat-error>
            </mat-form-field>
          }
        </div>
      }
      @if (mode() === 'admin') {
        <div class="form-row">
          <mat-form-field appearance="outline">
            <mat-label>Date d'inscription</mat-label>
            <input
              matInput
              [matDatepicker]="regPicker"
              formControlName="registeredOn"
              [max]="maxDate"
              placeholder="jj/mm/aaaa"
              autocomplete="off"
            />
            <mat-datepicker-toggle matIconSuffix [for]="regPicker" />
            <mat-datepicker #regPicker />
            <mat-hint>jj/mm/aaaa</mat-hint>
            <mat-error>{{ registeredError() }}</mat-error>
          </mat-form-field>
          <span></span>
        </div>
      }

      <app-avatar-picker [control]="form().controls.avatar" [firstName]="firstName()" [lastName]="lastName()" />

      @if (loginEnabled()) {
        <fieldset class="login" formGroupName="login">
          <legend>Identifiant personnel (facultatif, adultes)</legend>
          <mat-form-field appearance="outline" class="full">
            <mat-label>Identifiant (adresse e-mail)</mat-label>
            <input
              matInput
              type="email"
              formControlName="email"
              inputmode="email"
              autocomplete="off"
              autocapitalize="off"
              spellcheck="false"
              [maxlength]="limits.email"
            />
            <mat-hint>{{
              existingLogin() ? 'Videz ce champ pour supprimer cet identifiant.' : 'Pour que ce membre se connecte avec sa propre adresse.'
            }}</mat-hint>
            <mat-error>{{ emailError() }}</mat-error>
          </mat-form-field>
          <div class="form-row">
            <app-password-field
              [control]="form().controls.login.controls.password"
              label="Mot de passe"
              autocomplete="new-password"
              [hint]="existingLogin() ? 'Laissez vide pour garder le mot de passe actuel.' : passwordHint"
              [errors]="passwordErrors"
            />
            <app-password-field
              [control]="form().controls.login.controls.confirm"
              label="Confirmer le mot de passe"
              autocomplete="new-password"
              [errors]="confirmErrors"
            />
          </div>
        </fieldset>
      }
    </div>
  `,
  styles: `
    .form-row {
      align-items: flex-start;
      row-gap: 12px;
      margin-bottom: 12px;
    }
    .age {
      flex: 0 1 120px;
    }
    .full {
      width: 100%;
    }
    .login {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px 0;
      margin: 0 0 16px;
    }
  `,
})
export class MemberFields {
  private readonly today = inject(TODAY);

  readonly form = input.required<MemberForm>();
  readonly catalog = input.required<RefCatalog>();
  readonly mode = input<MemberFormMode>('admin');
  /** The member's current own login, if any (changes the hints and whether a password is required). */
  readonly existingLogin = input<string | null>(null);
  /** Hint of QF and minima: for a family, they are the household's values by default. */
  readonly householdHint = input('Par défaut : ceux de la famille');

  protected readonly limits = LIMITS;
  protected readonly selects = SELECTS;
  protected readonly selectRows = [
    [SELECTS.city, SELECTS.status],
    [SELECTS.minima, SELECTS.qf],
  ];
  protected readonly panelClass = computed(() => (this.mode() === 'family' ? 'kiosk-panel' : ''));
  protected readonly minBirth = fromLocalDate(EARLIEST_BIRTH_DATE);
  protected readonly maxDate = fromLocalDate(this.today());
  protected readonly passwordHint = `${LIMITS.password.min} caractères au moins`;
  protected readonly passwordErrors = {
    required: 'Saisissez le mot de passe de cet identifiant.',
    minlength: `${LIMITS.password.min} caractères au moins`,
    maxlength: `${LIMITS.password.max} caractères au plus`,
  };
  protected readonly confirmErrors = {
    required: 'Saisissez de nouveau le mot de passe.',
    mismatch: 'Les deux mots de passe ne correspondent pas.',
  };

  /** Values shown by the template, refreshed on every change of the form. */
  private readonly version = signal(0);
  protected readonly birth = computed(() => {
    this.version();
    const d = this.form().controls.birthDate.value;
    return d instanceof Date && !Number.isNaN(d.getTime()) ? toLocalDate(d) : null;
  });
  protected readonly age = computed(() => ageLabel(this.birth(), this.today()));
  protected readonly loginEnabled = computed(() => {
    this.version();
    return this.form().controls.login.enabled;
  });
  protected readonly firstName = computed(() => {
    this.version();
    return this.form().controls.firstName.value;
  });
  protected readonly lastName = computed(() => {
    this.version();
    return this.form().controls.lastName.value;
  });

  /** Choices from the values the form started with: a deactivated current value stays listed. */
  protected readonly choices = computed(() => {
    const initial = this.form().getRawValue();
    const catalog = this.catalog();
    const out = {} as Record<RefKind, RefChoice[]>;
    for (const f of Object.values(SELECTS)) out[f.kind] = choicesFor(catalog, f.kind, initial[f.control]);
    return out;
  });

  constructor() {
    const cdr = inject(ChangeDetectorRef);
    effect((onCleanup) => {
      const sub = this.form().events.subscribe(() => {
        this.version.update((v) => v + 1);
        cdr.markForCheck();
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected textError(name: 'lastName' | 'firstName', required: string): string {
    const c = this.form().controls[name];
    if (c.hasError('maxlength')) return `${LIMITS.name} caractères au plus`;
    return required;
  }

  protected birthError(): string {
    return birthDateError(this.form().controls.birthDate);
  }

  protected registeredError(): string {
    const c = this.form().controls.registeredOn;
    if (c.hasError('matDatepickerParse')) return 'Date invalide';
    if (c.hasError('future') || c.hasError('matDatepickerMax')) return "La date d'inscription ne peut pas être dans le futur.";
    if (c.hasError('tooEarly')) return 'Date invalide';
    return '';
  }

  protected emailError(): string {
    const c = this.form().controls.login.controls.email;
    if (c.hasError('emailNeeded')) return "Saisissez l'identifiant, ou videz le mot de passe.";
    if (c.hasError('maxlength')) return `${LIMITS.email} caractères au plus`;
    return 'Cette adresse e-mail n’est pas valide.';
  }
}
