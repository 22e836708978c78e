import { AbstractControl, FormControl, FormGroup, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import {
  AdminMemberInput,
  AdminUpdateMemberRequest,
  EMAIL_PATTERN,
  LIMITS,
  MemberDto,
  MemberInput,
  normaliseLogin,
  StatsChangeMode,
} from '@pointage/contracts';
import { ageAt } from '@pointage/domain';
import { fromLocalDate, toLocalDate } from '../../core/french-date-adapter';
import { isChildStatus, RefCatalog } from '../../core/reference';

/**
 * The member form shared by the back office and the kiosk: the controls, their
 * rules (the API's, see LIMITS) and the bodies sent to the API.
 */

/** Who fills the form: an admin may also set the registration date; a family may not. */
export type MemberFormMode = 'admin' | 'family';

/** Attributes copied into each attendance record for the statistics (SPEC "Reports must not change"). */
export const STATS_FIELDS = ['sexId', 'cityId', 'statusId', 'minimaId', 'qfId'] as const;
export type StatsField = (typeof STATS_FIELDS)[number];

export type StatsChange = StatsChangeMode;

/** A member update as sent to PATCH: only the changed fields, and how past attendance is treated. */
export type MemberPatch = AdminUpdateMemberRequest;

export const EARLIEST_BIRTH_DATE = '1900-01-01';

export type LoginGroup = FormGroup<{
  email: FormControl<string>;
  password: FormControl<string>;
  confirm: FormControl<string>;
}>;

export type MemberForm = FormGroup<{
  lastName: FormControl<string>;
  firstName: FormControl<string>;
  sexId: FormControl<number | null>;
  birthDate: FormControl<Date | null>;
  cityId: FormControl<number | null>;
  statusId: FormControl<number | null>;
  minimaId: FormControl<number | null>;
  qfId: FormControl<number | null>;
  avatar: FormControl<string | null>;
  registeredOn: FormControl<Date | null>;
  login: LoginGroup;
}>;

/** Household values a new member starts with. */
export interface MemberDefaults {
  lastName?: string;
  qfId?: number | null;
  minimaId?: number | null;
}

export interface MemberFormOptions {
  mode: MemberFormMode;
  catalog: RefCatalog;
  /** Today, 'YYYY-MM-DD': latest birth and registration date. */
  today: string;
  /** The member edited; null or absent for a new one. */
  member?: MemberDto | null;
  defaults?: MemberDefaults;
}

const notBlank: ValidatorFn = (c) => (typeof c.value === 'string' && c.value.trim() === '' ? { required: true } : null);

/** A calendar date between `min` and `max` ('YYYY-MM-DD'); null values are left to Validators.required. */
export function dateRangeValidator(min: string, max: string): ValidatorFn {
  return (c: AbstractControl<Date | null>): ValidationErrors | null => {
    const value = c.value;
    if (!(value instanceof Date)) return null;
    if (Number.isNaN(value.getTime())) return { matDatepickerParse: true };
    const iso = toLocalDate(value);
    if (iso < min) return { tooEarly: true };
    if (iso > max) return { future: true };
    return null;
  };
}

/**
 * The own login of an adult member: empty e-mail and password mean "none".
 * A new login needs a password; an existing one keeps its password unless a new one is typed.
 */
export function loginGroup(existingLogin: string | null): LoginGroup {
  const email = new FormControl(existingLogin ?? '', {
    nonNullable: true,
    validators: [
      Validators.maxLength(LIMITS.email),
      Validators.pattern(EMAIL_PATTERN),
      (c) => (!c.value.trim() && c.parent?.get('password')?.value ? { emailNeeded: true } : null),
    ],
  });
  const password = new FormControl('', {
    nonNullable: true,
    validators: [
      (c) => {
        const mail = (c.parent?.get('email')?.value as string | undefined)?.trim();
        if (!c.value) return mail && !existingLogin ? { required: true } : null;
        if (c.value.length < LIMITS.password.min) return { minlength: true };
        if (c.value.length > LIMITS.password.max) return { maxlength: true };
        return null;
      },
    ],
  });
  const confirm = new FormControl('', {
    nonNullable: true,
    validators: [
      (c) => {
        const typed = c.parent?.get('password')?.value as string | undefined;
        if (!typed) return null;
        if (!c.value) return { required: true };
        return c.value === typed ? null : { mismatch: true };
      },
    ],
  });
  // Each field's rule reads its siblings: check them again when one changes (the group's
  // status is recomputed right after, by the control that changed; a group being disabled is left alone).
  // Events are emitted so that the fields refresh; the flag stops a recheck from triggering another.
  let rechecking = false;
  const recheck = (...controls: FormControl<string>[]) => {
    if (rechecking) return;
    rechecking = true;
    try {
      for (const c of controls) if (c.enabled) c.updateValueAndValidity({ onlySelf: true });
    } finally {
      rechecking = false;
    }
  };
  email.valueChanges.subscribe(() => recheck(password));
  password.valueChanges.subscribe(() => recheck(email, confirm));
  return new FormGroup({ email, password, confirm });
}

/**
 * Whether the own-login fields apply: adult statuses only. A status unknown here
 * (deactivated, at the kiosk) keeps the fields when the member already has a login.
 */
export function loginAllowed(catalog: RefCatalog, statusId: number | null, existingLogin: string | null): boolean {
  const child = isChildStatus(catalog, statusId);
  return child === null ? existingLogin !== null : !child;
}

export function createMemberForm(opts: MemberFormOptions): MemberForm {
  const m = opts.member ?? null;
  const d = opts.defaults ?? {};
  const requiredId = () => new FormControl<number | null>(null, { validators: [Validators.required] });
  const form: MemberForm = new FormGroup({
    lastName: new FormControl(m?.lastName ?? d.lastName ?? '', {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(LIMITS.name)],
    }),
    firstName: new FormControl(m?.firstName ?? '', {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(LIMITS.name)],
    }),
    sexId: requiredId(),
    birthDate: new FormControl<Date | null>(m ? fromLocalDate(m.birthDate) : null, {
      validators: [Validators.required, dateRangeValidator(EARLIEST_BIRTH_DATE, opts.today)],
    }),
    cityId: requiredId(),
    statusId: requiredId(),
    minimaId: requiredId(),
    qfId: requiredId(),
    avatar: new FormControl<string | null>(m?.avatar ?? null),
    registeredOn: new FormControl<Date | null>(m ? fromLocalDate(m.registeredOn) : fromLocalDate(opts.today), {
      validators: [dateRangeValidator(EARLIEST_BIRTH_DATE, opts.today)],
    }),
    login: loginGroup(m?.login ?? null),
  });
  form.patchValue({
    sexId: m?.sexId ?? null,
    cityId: m?.cityId ?? null,
    statusId: m?.statusId ?? null,
    minimaId: m?.minimaId ?? d.minimaId ?? null,
    qfId: m?.qfId ?? d.qfId ?? null,
  });
  if (opts.mode !== 'admin') form.controls.registeredOn.disable();

  const syncLogin = (statusId: number | null) => {
    const allowed = loginAllowed(opts.catalog, statusId, m?.login ?? null);
    const group = form.controls.login;
    if (allowed && group.disabled) group.enable();
    else if (!allowed && group.enabled) group.disable();
  };
  syncLogin(form.controls.statusId.value);
  form.controls.statusId.valueChanges.subscribe(syncLogin);
  return form;
}

function trimmed(value: string): string {
  return value.trim();
}

/** The body of a new member (POST). */
export function memberCreateBody(form: MemberForm, mode: MemberFormMode): MemberInput | AdminMemberInput {
  const v = form.getRawValue();
  const body: AdminMemberInput = {
    lastName: trimmed(v.lastName),
    firstName: trimmed(v.firstName),
    sexId: v.sexId as number,
    birthDate: toLocalDate(v.birthDate as Date),
    cityId: v.cityId as number,
    statusId: v.statusId as number,
    minimaId: v.minimaId as number,
    qfId: v.qfId as number,
    avatar: v.avatar,
  };
  const login = form.controls.login;
  if (login.enabled && login.controls.email.value.trim()) {
    body.login = { email: normaliseLogin(login.controls.email.value), password: login.controls.password.value };
  }
  if (mode === 'admin' && v.registeredOn) body.registeredOn = toLocalDate(v.registeredOn);
  return body;
}

/** The changed fields of an edited member (PATCH); empty when nothing changed. */
export function memberPatchBody(form: MemberForm, member: MemberDto, mode: MemberFormMode): MemberPatch {
  const full = memberCreateBody(form, mode) as AdminMemberInput;
  const patch: MemberPatch = {};
  const simple = ['lastName', 'firstName', 'sexId', 'birthDate', 'cityId', 'statusId', 'minimaId', 'qfId'] as const;
  for (const key of simple) {
    if (full[key] !== member[key]) Object.assign(patch, { [key]: full[key] });
  }
  if ((full.avatar ?? null) !== (member.avatar ?? null)) patch.avatar = full.avatar ?? null;
  if (mode === 'admin' && full.registeredOn && full.registeredOn !== member.registeredOn) patch.registeredOn = full.registeredOn;

  const login = form.controls.login;
  if (login.enabled) {
    const email = login.controls.email.value.trim() ? normaliseLogin(login.controls.email.value) : '';
    const password = login.controls.password.value;
    if (!email) {
      if (member.login) patch.login = null;
    } else if (email !== member.login || password) {
      patch.login = password ? { email, password } : { email };
    }
  }
  return patch;
}

/** True when a PATCH changes an attribute kept in the attendance snapshots. */
export function changesStats(patch: object): boolean {
  return STATS_FIELDS.some((f) => f in patch);
}

/**
 * The age shown next to a birth date: "43 ans", "1 an", "8 mois" under one
 * year, "moins d'un mois" for a newborn; '' without a valid date.
 */
export function ageLabel(birth: string | null, today: string): string {
  if (!birth || birth > today) return '';
  const years = ageAt(birth, today);
  if (years >= 1) return years === 1 ? '1 an' : `${years} ans`;
  const [by, bm, bd] = birth.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  const months = (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0);
  return months < 1 ? "moins d'un mois" : `${months} mois`;
}

/** The French message of the birth date field. */
export function birthDateError(control: AbstractControl): string {
  if (control.hasError('matDatepickerParse')) return 'Date invalide';
  if (control.hasError('required')) return 'Saisissez la date de naissance (jj/mm/aaaa).';
  if (control.hasError('future') || control.hasError('matDatepickerMax')) return 'La date de naissance ne peut pas être dans le futur.';
  if (control.hasError('tooEarly') || control.hasError('matDatepickerMin'))
    return 'La date de naissance ne peut pas être avant le 01/01/1900.';
  return '';
}
