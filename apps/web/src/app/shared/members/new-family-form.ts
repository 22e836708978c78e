import {
  afterNextRender,
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { EMAIL_PATTERN, LIMITS, MemberInput, normaliseLogin } from '@pointage/contracts';
import { choicesFor, RefCatalog } from '../../core/reference';
import { TODAY } from '../../core/today';
import { PasswordField } from '../password-field';
import { CONFIRM_PASSWORD_ERRORS, matchesControl, NEW_PASSWORD_ERRORS } from '../password-validators';
import { MemberFields } from './member-fields';
import { createMemberForm, MemberForm, memberCreateBody, MemberFormMode } from './member-form';

/** What both registrations send (the back office may leave the password out: it is then generated). */
export interface NewFamilyBody {
  name: string;
  email: string;
  password?: string;
  qfId: number;
  minimaId: number;
  members: MemberInput[];
}

/** 20 members per family at most (the API's limit). */
export const MAX_MEMBERS = 20;

export const FAMILY_PASSWORD_HINT = `${LIMITS.password.min} caractères au moins — une phrase de plusieurs mots est facile à retenir`;

/**
 * A new family and its first members: "Inscription d'une nouvelle famille" at
 * the kiosk (mode 'family': the password is chosen and typed twice) and
 * "Nouvelle famille" in the back office (mode 'admin': left empty, the
 * password is generated).
 */
@Component({
  selector: 'app-new-family-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    PasswordField,
    MemberFields,
  ],
  providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <p class="required-note">Les champs marqués d'un * sont obligatoires.</p>
      <fieldset class="block">
        <legend>La famille</legend>
        <div class="form-row">
          <mat-form-field appearance="outline">
            <mat-label>Nom de la famille</mat-label>
            <input matInput formControlName="name" [maxlength]="limits.name" autocomplete="off" autocapitalize="characters" />
            <mat-error>{{
              form.controls.name.hasError('maxlength') ? limits.name + ' caractères au plus' : 'Saisissez le nom de la famille.'
            }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Adresse e-mail (identifiant)</mat-label>
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
            <mat-hint>Elle sert à se connecter à la borne.</mat-hint>
            <mat-error>{{
              form.controls.email.hasError('required') ? "Saisissez l'adresse e-mail." : 'Cette adresse e-mail n’est pas valide.'
            }}</mat-error>
          </mat-form-field>
        </div>
        <div class="form-row">
          <app-password-field
            [control]="form.controls.password"
            label="Mot de passe"
            autocomplete="new-password"
            [hint]="mode() === 'admin' ? 'Facultatif : laisser vide pour en générer un' : passwordHint"
            [errors]="passwordErrors"
          />
          @if (mode() === 'family') {
            <app-password-field
              [control]="form.controls.confirm"
              label="Confirmer le mot de passe"
              autocomplete="new-password"
              [errors]="confirmErrors"
            />
          }
        </div>
        <div class="form-row">
          <mat-form-field appearance="outline">
            <mat-label>Quotient familial</mat-label>
            <mat-select formControlName="qfId" [panelClass]="panelClass()">
              @for (c of qfChoices(); track c.id) {
                <mat-option [value]="c.id">{{ c.label }}</mat-option>
              }
            </mat-select>
            <mat-hint>Appliqué à tous les membres</mat-hint>
            <mat-error>Choisissez le quotient familial.</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Minima sociaux</mat-label>
            <mat-select formControlName="minimaId" [panelClass]="panelClass()">
              @for (c of minimaChoices(); track c.id) {
                <mat-option [value]="c.id">{{ c.label }}</mat-option>
              }
            </mat-select>
            <mat-hint>Appliqués à tous les membres</mat-hint>
            <mat-error>Choisissez les minima sociaux.</mat-error>
          </mat-form-field>
        </div>
      </fieldset>

      @for (member of form.controls.members.controls; track member; let i = $index) {
        <fieldset class="block member">
          <legend>Membre {{ i + 1 }}</legend>
          <app-member-fields [form]="member" [catalog]="catalog()" [mode]="mode()" />
          @if (form.controls.members.length > 1) {
            <button mat-stroked-button type="button" class="remove" (click)="removeMember(i)">
              <mat-icon svgIcon="delete" aria-hidden="true" />
              Retirer le membre {{ i + 1 }}
            </button>
          }
        </fieldset>
      }
      <button mat-stroked-button type="button" (click)="addMember()" [disabled]="form.controls.members.length >= maxMembers">
        <mat-icon svgIcon="person_add" aria-hidden="true" />
        Ajouter un membre
      </button>

      <p class="error-text" aria-live="assertive">{{ apiError() || localError() }}</p>
      <div class="actions">
        <ng-content />
        <button mat-flat-button type="submit" [disabled]="busy()">
          <mat-icon svgIcon="check" aria-hidden="true" />
          {{ submitLabel() }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .form-row {
      align-items: flex-start;
      row-gap: 12px;
      margin-bottom: 12px;
    }
    .required-note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .block {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 16px 16px;
      margin: 0 0 16px;
    }
    legend {
      font: var(--mat-sys-title-medium);
      padding: 0 4px;
    }
    button {
      min-height: 48px;
    }
    .actions {
      justify-content: flex-end;
    }
  `,
})
export class NewFamilyForm implements OnInit {
  private readonly today = inject(TODAY);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly cdr = inject(ChangeDetectorRef);

  readonly mode = input<MemberFormMode>('admin');
  readonly catalog = input.required<RefCatalog>();
  readonly busy = input(false);
  /** The API's answer to the last attempt. */
  readonly error = input('');
  readonly submitLabel = input('VALIDER');

  readonly submitted = output<NewFamilyBody>();

  protected readonly limits = LIMITS;
  protected readonly maxMembers = MAX_MEMBERS;
  protected readonly passwordHint = FAMILY_PASSWORD_HINT;
  protected readonly passwordErrors = { ...NEW_PASSWORD_ERRORS, required: 'Choisissez un mot de passe.' };
  protected readonly confirmErrors = CONFIRM_PASSWORD_ERRORS;
  protected readonly localError = signal('');
  /** The API's refusal, shown until the family changes something (then it no longer describes the form). */
  protected readonly apiError = linkedSignal(() => this.error());
  protected readonly panelClass = computed(() => (this.mode() === 'family' ? 'kiosk-panel' : ''));
  protected readonly qfChoices = computed(() => choicesFor(this.catalog(), 'qf', null));
  protected readonly minimaChoices = computed(() => choicesFor(this.catalog(), 'minima', null));

  readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(LIMITS.name), (c) => (c.value.trim() ? null : { required: true })],
    }),
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(LIMITS.email), Validators.pattern(EMAIL_PATTERN)],
    }),
    password: new FormControl('', {
      nonNullable: true,
      validators: [Validators.minLength(LIMITS.password.min), Validators.maxLength(LIMITS.password.max)],
    }),
    confirm: new FormControl('', { nonNullable: true, validators: [matchesControl('password')] }),
    qfId: new FormControl<number | null>(null, [Validators.required]),
    minimaId: new FormControl<number | null>(null, [Validators.required]),
    members: new FormArray<MemberForm>([]),
  });

  private initialised = false;

  constructor() {
    const c = this.form.controls;
    c.password.valueChanges.subscribe(() => c.confirm.updateValueAndValidity());
    this.form.valueChanges.subscribe(() => {
      if (this.apiError()) this.apiError.set('');
    });
    // Members take the family's name and household values until they are changed by hand.
    c.name.valueChanges.subscribe((name) => this.eachPristine('lastName', name.trim()));
    c.qfId.valueChanges.subscribe((id) => this.eachPristine('qfId', id));
    c.minimaId.valueChanges.subscribe((id) => this.eachPristine('minimaId', id));
  }

  /** Called once the inputs are known (mode decides the password rules). */
  ngOnInit(): void {
    if (this.initialised) return;
    this.initialised = true;
    if (this.mode() === 'family') {
      this.form.controls.password.addValidators(Validators.required);
      this.form.controls.confirm.addValidators(Validators.required);
      this.form.controls.password.updateValueAndValidity({ emitEvent: false });
      this.form.controls.confirm.updateValueAndValidity({ emitEvent: false });
    }
    this.addMember(false);
  }

  private eachPristine(field: 'lastName' | 'qfId' | 'minimaId', value: string | number | null): void {
    for (const m of this.form.controls.members.controls) {
      const control = m.controls[field] as FormControl<string | number | null>;
      if (control.pristine) control.setValue(value);
    }
  }

  addMember(focus = true): void {
    const members = this.form.controls.members;
    if (members.length >= MAX_MEMBERS) return;
    const v = this.form.getRawValue();
    members.push(
      createMemberForm({
        mode: this.mode(),
        catalog: this.catalog(),
        today: this.today(),
        defaults: { lastName: v.name.trim(), qfId: v.qfId, minimaId: v.minimaId },
      }),
    );
    this.cdr.markForCheck();
    if (focus) {
      const index = members.length - 1;
      afterNextRender(
        () => this.host.nativeElement.querySelectorAll('fieldset.member')[index]?.querySelectorAll<HTMLElement>('input')[1]?.focus(),
        { injector: this.injector },
      );
    }
  }

  removeMember(index: number): void {
    const members = this.form.controls.members;
    if (members.length <= 1) return;
    members.removeAt(index);
    this.cdr.markForCheck();
  }

  submit(): void {
    this.localError.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.localError.set('Vérifiez les champs signalés en rouge.');
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), {
        injector: this.injector,
      });
      return;
    }
    const v = this.form.getRawValue();
    const body: NewFamilyBody = {
      name: v.name.trim(),
      email: normaliseLogin(v.email),
      qfId: v.qfId as number,
      minimaId: v.minimaId as number,
      members: this.form.controls.members.controls.map((m) => memberCreateBody(m, this.mode())),
    };
    if (v.password) body.password = v.password;
    this.submitted.emit(body);
  }
}
