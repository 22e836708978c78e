import type { AdminCredentialsResponse, LoginResponse, StructureSummary } from '@pointage/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Account, familyRealm } from '../src/auth/entities/account.entity';
import { hashPassword } from '../src/auth/passwords';
import { SUPER_ADMIN, TestApp } from './harness';
import { sqlInstant } from '../src/database/raw-values';

/** Logs in through the API and returns the response body (fails the test on a non-200). */
export async function login(t: TestApp, loginName: string, password: string, structure?: string): Promise<LoginResponse> {
  const res = await t
    .http()
    .post('/api/auth/login')
    .send({ login: loginName, password, ...(structure ? { structure } : {}) });
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
  const admin = await t
    .http()
    .post(`/api/super-admin/structures/${structure.id}/admins`)
    .set('Authorization', `Bearer ${saToken}`)
    .send({ email });
  if (admin.status !== 201) throw new Error(`admin creation failed: ${admin.status} ${JSON.stringify(admin.body)}`);
  const creds = admin.body as AdminCredentialsResponse;
  const token = (await login(t, email, creds.password)).accessToken;
  return { structure, adminEmail: email, adminPassword: creds.password, adminAccountId: creds.account.id, adminToken: token };
}

/**
 * A family login written straight into the database — the families module
 * creates them through its API; identity tests only need the account.
 */
export async function insertFamilyAccount(
  t: TestApp,
  structureId: number,
  email: string,
  password: string,
  familyId: number | null = null,
): Promise<Account> {
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
  return value
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) => {
      if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
      const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    })
    .replace(/\?=\s+=\?/g, '');
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
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .sort();
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

/** Active reference entries of the caller's structure, by kind and label. */
export async function referenceIds(t: TestApp, adminToken: string): Promise<Record<string, Record<string, number>>> {
  const res = await t.http().get('/api/reference').set(bearer(adminToken));
  if (res.status !== 200) throw new Error(`reference: ${res.status}`);
  const out: Record<string, Record<string, number>> = {};
  for (const [kind, items] of Object.entries(res.body as Record<string, { id: number; label: string }[]>)) {
    out[kind] = Object.fromEntries(items.map((i) => [i.label, i.id]));
  }
  return out;
}

/** A member body with sensible defaults (an adult mother living in Lille). */
export function memberBody(ref: Record<string, Record<string, number>>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    lastName: 'MARTIN',
    firstName: 'Claire',
    sexId: ref['sex']['Femme'],
    birthDate: '1985-04-12',
    cityId: ref['city']['Lille'],
    statusId: ref['status']['Mère'],
    minimaId: ref['minima']['Non'],
    qfId: ref['qf']['481 à 581 €'],
    ...overrides,
  };
}

/** Creates a family through the API; returns its detail and generated password. */
export async function createFamily(
  t: TestApp,
  adminToken: string,
  name: string,
  members: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
): Promise<{ family: import('@pointage/contracts').FamilyDetail; password: string; email: string }> {
  const ref = await referenceIds(t, adminToken);
  const email =
    (extra['email'] as string) ?? `${name.toLowerCase().replace(/[^a-z]/g, '')}.${Math.random().toString(36).slice(2, 7)}@test.local`;
  const res = await t
    .http()
    .post('/api/families')
    .set(bearer(adminToken))
    // Fixtures reuse the same default member: the duplicate warning has tests of its own (family-merge.int-spec.ts).
    .send({ name, email, qfId: ref['qf']['481 à 581 €'], minimaId: ref['minima']['Non'], members, confirmDuplicates: true, ...extra });
  if (res.status !== 201) throw new Error(`family creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { family: res.body.family, password: (extra['password'] as string) ?? res.body.password, email };
}

/** An instant as both dialects accept it in raw SQL ('2026-03-01 09:00:00.000', UTC). */
export { sqlInstant };

/**
 * Attendance written straight into the database (a slot of `date` and one row
 * per member), for tests of rules that depend on attendance existing.
 */
export async function insertAttendance(t: TestApp, structureId: number, date: string, memberIds: number[]): Promise<number> {
  const ds = t.dataSource;
  await ds.query('INSERT INTO slot (structure_id, date, start_minute, end_minute, created_at) VALUES (?, ?, 570, 720, ?)', [
    structureId,
    date,
    sqlInstant(new Date()),
  ]);
  const [{ id: slotId }] = await ds.query('SELECT id FROM slot WHERE structure_id = ? AND date = ? AND start_minute = 570', [
    structureId,
    date,
  ]);
  for (const memberId of memberIds) {
    const [m] = await ds.query('SELECT family_id, sex_id, city_id, status_id, minima_id, qf_id FROM member WHERE id = ?', [memberId]);
    await ds.query(
      'INSERT INTO attendance (structure_id, slot_id, member_id, family_id, arrived_at, sex_id, city_id, status_id, minima_id, qf_id, source, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        structureId,
        slotId,
        memberId,
        m.family_id,
        sqlInstant(new Date(`${date}T09:00:00Z`)),
        m.sex_id,
        m.city_id,
        m.status_id,
        m.minima_id,
        m.qf_id,
        'retro',
        null,
        sqlInstant(new Date()),
      ],
    );
  }
  return Number(slotId);
}
