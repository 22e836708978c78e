import { Transform } from 'class-transformer';
import { normaliseLogin } from '@pointage/contracts';

/** Trims strings and composes them to Unicode NFC (so "é" typed two ways is one value). */
export function Trim(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value));
}

/** E-mail logins: NFC, trimmed, lower-case. */
export function NormaliseLogin(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? normaliseLogin(value) : value));
}
