import type { AdminCredentialsResponse, LoginResponse, StructureSummary } from '@pointage/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Account, familyRealm } from '../src/auth/entities/account.entity';
import { hashPassword } from '../src/auth/passwords';
import { SUPER_ADMIN, TestApp } from './harness';

/** Logs in through the API and returns the response body (fails the test on a non-200). */
export async function login(t: TestApp, loginName: string, password: string, structure?: string): Promise<LoginResponse> {
  const res = await t.http().post('/api/auth/login').send({ login: loginName, password, ...(structure ? { structure } : {}) });
  if (res.status !== 200) throw new Error(`login ${loginName} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as LoginResponse;
}

export async function superAdminToken(t: TestApp): Promise<string> {
  return (await login(t, SUPER_ADMIN.email, SUPER_ADMIN.password)).accessToken;
}

export interface StructureFixture {
  structure: StructureSummary;
  adminEmail: string;
  adminPassword: string;
  adminAccountId: number;
  adminToken: string;
}

/** A structure created by the super-admin, with one admin logged in. */
export async function createStructureWithAdmin(t: TestApp, saToken: string, name: string, adminEmail?: string): Promise<StructureFixture> {
  const created = await t.http().post('/api/super-admin/structures').set('Authorization', `Bearer ${saToken}`).send({ name });
  if (created.status !== 201) throw new Error(`structure creation failed: ${created.status} ${JSON.stringify(created.body)}`);
  const structure = created.body as StructureSummary;
  const email = adminEmail ?? `admin.${structure.slug}@test.local`;
  const admin = await t.http().post(`/api/super-admin/structures/${structure.id}/admins`).set('Authorization', `Bearer ${saToken}`).send({ email });
  if (admin.status !== 201) throw new Error(`admin creation failed: ${admin.status} ${JSON.stringify(admin.body)}`);
  const creds = admin.body as AdminCredentialsResponse;
  const token = (await login(t, email, creds.password)).accessToken;
  return { structure, adminEmail: email, adminPassword: creds.password, adminAccountId: creds.account.id, adminToken: token };
}

/**
 * A family login written straight into the database — the families module
 * creates them through its API; identity tests only need the account.
 */
export async function insertFamilyAccount(t: TestApp, structureId: number, email: string, password: string, familyId: number | null = null): Promise<Account> {
  const now = new Date();
  return t.dataSource.manager.save(
    Account,
    t.dataSource.manager.create(Account, {
      role: 'family',
      email,
      realm: familyRealm(structureId),
      passwordHash: await hashPassword(password),
      displayName: 'Famille test',
      structureId,
      familyId,
      tokenVersion: 0,
      active: true,
      createdAt: now,
      passwordChangedAt: now,
      lastLoginAt: null,
    }),
  );
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?...?= and =?UTF-8?B?...?=) of mail headers. */
function decodeMimeWords(value: string): string {
  return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) => {
    if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
    const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }).replace(/\?=\s+=\?/g, '');
}

export interface SentMail {
  file: string;
  to: string;
  subject: string;
  raw: string;
}

/** Mails written by the file transport in DATA_DIR/mails, oldest first. */
export function sentMails(t: TestApp): SentMail[] {
  const dir = join(t.config.dataDir, 'mails');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return files.map((f) => {
    const raw = readFileSync(join(dir, f), 'utf8');
    const header = (name: string) => decodeMimeWords(new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? '');
    return { file: f, to: header('To'), subject: header('Subject'), raw };
  });
}

/** Waits for a mail to `to` (the reset link is sent after the 202 answer). */
export async function waitForMail(t: TestApp, to: string, count = 1, timeoutMs = 5000): Promise<SentMail> {
  const started = Date.now();
  for (;;) {
    const mails = sentMails(t).filter((m) => m.to.includes(to));
    if (mails.length >= count) return mails[count - 1];
    if (Date.now() - started > timeoutMs) throw new Error(`no mail #${count} to ${to} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The reset token of the link in a mail (quoted-printable soft breaks undone). */
export function resetTokenOf(mail: SentMail): string {
  const body = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const m = /\/reinitialiser\?token=([A-Za-z0-9_-]+)/.exec(body);
  if (!m) throw new Error(`no reset link in mail:\n${mail.raw}`);
  return m[1];
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
