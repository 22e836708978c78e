import { BadRequestException } from '@nestjs/common';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { LIMITS } from '@pointage/contracts';
import { randomInt } from 'node:crypto';
import { visibleText } from '../common/validation';
import { COMMON_PASSWORDS } from './common-passwords';
import { french } from '../common/errors';

/**
 * `Algorithm.Argon2id`. The package declares a const enum and exports no value for it: the
 * bundle and the tests transpile file by file, so `Algorithm.Argon2id` was read at run time
 * from an empty object (undefined: the library's default, argon2id by luck).
 */
const ARGON2ID = 2 as Algorithm.Argon2id;

/** argon2id with the OWASP minimum for argon2id: 19 MiB, 2 iterations, 1 lane. */
const ARGON2 = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Spends the same time as a real check when the login does not exist (no account enumeration by timing). */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('pointage-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

/**
 * Why a password is refused, in French, or null when it is acceptable.
 * No composition rules (NIST 800-63B / ASVS): length, common passwords, and
 * not the login itself.
 */
/** Characters other than spaces a password must have. */
const MIN_VISIBLE = 8;

export function passwordProblem(password: string, login?: string): string | null {
  if (password.length < LIMITS.password.min) {
    return `Le mot de passe doit contenir au moins ${LIMITS.password.min} caractères.`;
  }
  if (password.length > LIMITS.password.max) {
    return `Le mot de passe ne doit pas dépasser ${LIMITS.password.max} caractères.`;
  }
  const squashed = visibleText(password.toLowerCase());
  // The length rule counts characters that are typed, not padding: "          a" is one letter.
  if ([...squashed].length < MIN_VISIBLE) {
    return `Le mot de passe doit contenir au moins ${MIN_VISIBLE} caractères autres que des espaces.`;
  }
  if (COMMON_PASSWORDS.has(squashed) || new Set(squashed).size < 4) {
    return 'Ce mot de passe est trop courant : choisissez-en un autre (une phrase de plusieurs mots convient bien).';
  }
  if (login) {
    const local = login.toLowerCase().split('@')[0];
    if (squashed === login.toLowerCase() || (local.length >= 4 && squashed === local)) {
      return 'Le mot de passe ne doit pas être votre identifiant.';
    }
  }
  return null;
}

export function assertPasswordAcceptable(password: string, login?: string): void {
  const problem = passwordProblem(password, login);
  if (problem) throw new BadRequestException(french(problem));
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** A random password easy to read aloud and type on a tablet: four groups of four ("k7fp-9wxe-m3qa-t2hz", ~79 bits). */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let s = '';
    for (let i = 0; i < 4; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(s);
  }
  return groups.join('-');
}
