import { getMetadataStorage, ValidateBy } from 'class-validator';
import { EMAIL_PATTERN } from '@pointage/contracts';
import { isSupportedYear, isValidLocalDate, SUPPORTED_YEARS } from '@pointage/domain';
import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { french } from './errors';

/**
 * French messages for class-validator failures. Each DTO property may carry a
 * French label with @Label('nom de famille'); otherwise the property name is used.
 */
const LABELS = new WeakMap<object, Map<string, string>>();

export function Label(label: string): PropertyDecorator {
  return (target, propertyKey) => {
    let map = LABELS.get(target.constructor);
    if (!map) {
      map = new Map();
      LABELS.set(target.constructor, map);
    }
    map.set(String(propertyKey), label);
  };
}

/**
 * Gives `target` the labels `source` (or one of its parents) declares for the
 * properties `keep` accepts. The mapped types of @nestjs/swagger (PartialType,
 * PickType, …) make classes outside the source's prototype chain: see
 * common/mapped-types.ts, which calls this.
 */
export function inheritLabels(target: object, source: object, keep: (property: string) => boolean = () => true): void {
  const chain: object[] = [];
  for (
    let ctor: unknown = source;
    typeof ctor === 'function' && ctor !== Object && ctor !== Function.prototype;
    ctor = Object.getPrototypeOf(ctor)
  ) {
    chain.unshift(ctor as object);
  }
  let map = LABELS.get(target);
  for (const ctor of chain) {
    for (const [property, label] of LABELS.get(ctor) ?? []) {
      if (!keep(property)) continue;
      if (!map) {
        map = new Map();
        LABELS.set(target, map);
      }
      map.set(property, label);
    }
  }
}

function labelOf(error: ValidationError): string {
  // Items of a list: "entrée 2" rather than the index "1".
  if (/^\d+$/.test(error.property)) return `entrée ${Number(error.property) + 1}`;
  // Labels may be declared on a parent DTO class: walk up the prototype chain.
  for (let ctor: unknown = error.target?.constructor; typeof ctor === 'function' && ctor !== Object; ctor = Object.getPrototypeOf(ctor)) {
    const label = LABELS.get(ctor as object)?.get(error.property);
    if (label) return label;
  }
  return error.property;
}

/**
 * One French message per class-validator constraint, given the field's label and the
 * constraint's own value (the 50 of @MaxLength(50), read by constraintOf()).
 */
const TEMPLATES: Record<string, (label: string, constraint: unknown) => string> = {
  whitelistValidation: (l) => `Le champ « ${l} » n'est pas attendu.`,
  isDefined: (l) => `Le champ « ${l} » est obligatoire.`,
  isNotEmpty: (l) => `Le champ « ${l} » est obligatoire.`,
  isString: (l) => `Le champ « ${l} » doit être un texte.`,
  isInt: (l) => `Le champ « ${l} » doit être un nombre entier.`,
  isNumber: (l) => `Le champ « ${l} » doit être un nombre.`,
  isBoolean: (l) => `Le champ « ${l} » doit valoir vrai ou faux.`,
  isEmail: (l) => `Le champ « ${l} » doit être une adresse e-mail valide.`,
  isLocalDate: (l) => `Le champ « ${l} » doit être une date valide (jour, mois et année qui existent).`,
  isSupportedYear: (l) => `L'année du champ « ${l} » doit être comprise entre ${SUPPORTED_YEARS.min} et ${SUPPORTED_YEARS.max}.`,
  hasNoHiddenCharacters: (l) =>
    `Le champ « ${l} » contient des caractères de contrôle ou d'inversion du sens d'écriture, qui ne sont pas permis.`,
  hasVisibleCharacters: (l) => `Le champ « ${l} » ne peut pas être fait que d'espaces ou de caractères invisibles.`,
  isArray: (l) => `Le champ « ${l} » doit être une liste.`,
  isEnum: (l) => `La valeur du champ « ${l} » n'est pas permise.`,
  isIn: (l) => `La valeur du champ « ${l} » n'est pas permise.`,
  min: (l, c) => `Le champ « ${l} » est trop petit (limite : ${c}).`,
  max: (l, c) => `Le champ « ${l} » est trop grand (limite : ${c}).`,
  minLength: (l, c) => `Le champ « ${l} » est trop court (${c} caractères).`,
  maxLength: (l, c) => `Le champ « ${l} » est trop long (${c} caractères).`,
  arrayMinSize: (l) => `La liste « ${l} » ne peut pas être vide.`,
  arrayMaxSize: (l) => `La liste « ${l} » est trop longue.`,
  matches: (l) => `Le champ « ${l} » n'a pas le format attendu.`,
  nestedValidation: (l) => `Le champ « ${l} » n'est pas valide.`,
};

const PRIORITY = [
  'whitelistValidation',
  'isDefined',
  'isNotEmpty',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isEnum',
  'isIn',
];
function priority(key: string): number {
  const i = PRIORITY.indexOf(key);
  return i === -1 ? PRIORITY.length : i;
}

/**
 * The first constraint (the length of @MaxLength, the bound of @Min…) of the `name`
 * validator declared on the failed property, from class-validator's metadata: the
 * error's target is the instance validated (validationError.target), whose class,
 * parents and mapped types (common/mapped-types.ts) hold the declarations.
 */
function constraintOf(error: ValidationError, name: string): unknown {
  const target: unknown = error.target?.constructor;
  if (typeof target !== 'function') return undefined;
  return getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === name)?.constraints?.[0];
}

function firstProblem(errors: ValidationError[], prefix = '', path = ''): { message: string; field: string } | null {
  for (const error of errors) {
    const field = path ? `${path}.${error.property}` : error.property;
    if (error.constraints) {
      // Report the most basic problem first: a number sent for a text is "not a text", not "too long".
      const entries = Object.entries(error.constraints);
      const [key, own] = entries.sort(([a], [b]) => priority(a) - priority(b))[0];
      const label = prefix + labelOf(error);
      const template = TEMPLATES[key];
      // class-validator's own messages are English and never shown; custom validators carry a French one.
      return { message: template ? template(label, constraintOf(error, key)) : own, field };
    }
    if (error.children?.length) {
      const nested = firstProblem(error.children, `${prefix}${labelOf(error)} › `, field);
      if (nested) return nested;
    }
  }
  return null;
}

export function frenchValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const problem = firstProblem(errors);
      if (!problem) return new BadRequestException(french('Données invalides.'));
      // `field` lets a form show the message next to the field it is about.
      return new BadRequestException(french(problem.message, { field: problem.field }));
    },
  });
}

/** An e-mail address as forms accept it (the French message comes from the isEmail template). */
export function IsEmailAddress(): PropertyDecorator {
  return ValidateBy({
    name: 'isEmail',
    validator: { validate: (v: unknown) => typeof v === 'string' && EMAIL_PATTERN.test(v) && v.length <= 254 },
  });
}

/**
 * A calendar date written YYYY-MM-DD that exists (no 31 February), in a year
 * from 1900 to 2100 (SUPPORTED_YEARS): "0050-01-01" is a mistake, not a date
 * of the ludothèque.
 */
export function IsLocalDate(): PropertyDecorator {
  const exists = ValidateBy({
    name: 'isLocalDate',
    validator: { validate: (v: unknown) => isValidLocalDate(v) },
  });
  // Only said of a date that exists: a malformed one gets the message above.
  const inRange = ValidateBy({
    name: 'isSupportedYear',
    validator: { validate: (v: unknown) => !isValidLocalDate(v) || isSupportedYear(v) },
  });
  return (target, key) => {
    exists(target, key);
    inRange(target, key);
  };
}

/** C0 controls (and DEL and C1): none in a one-line text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_ONE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
/** The same, but line feeds and tabs are the text's own in a multi-line one. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Bidirectional embeddings, overrides and isolates: they make "abc\u202Eevil" display as something else. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
/** Spaces and characters that show nothing (zero-width space and joiners, word joiner, BOM). */
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/gu;

/** What a reader sees of a text: without spaces and invisible characters. */
export function visibleText(value: string): string {
  return value.replace(INVISIBLE, '');
}

/** A text typed by anybody, fit for a log line: no control, bidirectional or zero-width character. */
export function printableText(value: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return value.replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g, '');
}

/**
 * What is wrong with a text typed by a person (a name, a label, a message), or
 * null: a control character (line feeds and tabs allowed in multi-line text),
 * a bidirectional control, or nothing visible at all (only spaces and
 * zero-width characters; the empty string is left to @IsNotEmpty).
 */
export function textProblem(value: unknown, options: { multiline?: boolean } = {}): 'hidden' | 'invisible' | null {
  if (typeof value !== 'string') return null;
  if ((options.multiline ? CONTROL_MULTI_LINE : CONTROL_ONE_LINE).test(value) || BIDI_CONTROLS.test(value)) return 'hidden';
  if (value !== '' && value.replace(INVISIBLE, '') === '') return 'invisible';
  return null;
}

/**
 * Names and free-text labels: refuses control characters, bidirectional
 * overrides and isolates, and values made only of invisible characters, with a
 * French message naming the field. `multiline` allows line feeds and tabs.
 */
export function IsHumanText(options: { multiline?: boolean } = {}): PropertyDecorator {
  const noHidden = ValidateBy({
    name: 'hasNoHiddenCharacters',
    validator: { validate: (v: unknown) => textProblem(v, options) !== 'hidden' },
  });
  const visible = ValidateBy({
    name: 'hasVisibleCharacters',
    validator: { validate: (v: unknown) => textProblem(v, options) !== 'invisible' },
  });
  return (target, key) => {
    noHidden(target, key);
    visible(target, key);
  };
}
