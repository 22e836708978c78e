import { JwtService } from '@nestjs/jwt';
import { sign } from 'jsonwebtoken';
import { Like } from 'typeorm';
import {
  bearer,
  createFamily,
  createStructureWithAdmin,
  insertFamilyAccount,
  login,
  memberBody,
  referenceIds,
  sentMails,
  StructureFixture,
  superAdminToken,
} from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { Account } from './entities/account.entity';
import { THROTTLE_TIME, ThrottleTime } from './login-throttle';

/**
 * Findings of the outside probe (issue 12) on identity: the throttles hold
 * under concurrency and per purpose, sessions really end, tokens carry what
 * they must. Its own app: the throttle tests spend this address's budgets.
 */
describe('identity hardening', () => {
  let t: TestApp;
  let sa: string;
  let a: StructureFixture;

  /** The throttle's time source, moved past every window before each test, so that each starts with fresh budgets. */
  let shift = 0;
  const throttleTime: ThrottleTime = { now: () => Date.now() + shift };

  beforeAll(async () => {
    t = await startTestApp({}, [{ provide: THROTTLE_TIME, useValue: throttleTime }]);
    sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque Rempart');
  });
  afterAll(() => t.close());

  beforeEach(() => {
    shift += 16 * 60_000;
  });

  const wrongLogin = (loginName: string, i: number) =>
    t
      .http()
      .post('/api/auth/login')
      .send({ login: loginName, password: `mauvais essai numéro ${i}` });

  describe('login throttle under concurrency', () => {
    it('verifies at most 10 of 200 concurrent wrong passwords for one login; the rest get 429 with Retry-After', async () => {
      const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => wrongLogin(a.adminEmail, i)));
      const statuses = answers.map((r) => r.status);
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
      const limited = answers.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThanOrEqual(190);
      for (const r of limited) {
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
        expect(r.body.message).toMatch(/^Trop de tentatives de connexion/);
      }
      // Only verified attempts are audited as failures.
      const audited = await t.dataSource.manager.countBy(AuditEntry, { action: 'auth.login_failed', actorLabel: a.adminEmail });
      expect(audited).toBeLessThanOrEqual(10);
    });

    it('verifies at most 100 of 200 concurrent wrong logins from one address (distinct logins)', async () => {
      const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => wrongLogin(`inconnu.${i}@test.local`, i)));
      const statuses = answers.map((r) => r.status);
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(100);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(100);
    });

    it('a right password releases its reservation: 3 at once (a double tap) and 30 in a row all succeed', async () => {
      const good = () => t.http().post('/api/auth/login').send({ login: a.adminEmail, password: a.adminPassword });
      expect((await Promise.all([good(), good(), good()])).map((r) => r.status)).toEqual([200, 200, 200]);
      for (let i = 0; i < 30; i++) expect((await good()).status).toBe(200);
    });
  });

  describe('one budget per purpose', () => {
    it('101 "mot de passe oublié" requests do not lock the logins of the address', async () => {
      for (let i = 0; i < 101; i++) {
        await t
          .http()
          .post('/api/auth/forgot')
          .send({ email: `quelqu.un.${i}@test.local` })
          .expect(202);
      }
      await login(t, a.adminEmail, a.adminPassword);
    });

    it('kiosk registrations do not spend the login budget', async () => {
      const ref = await referenceIds(t, a.adminToken);
      for (let i = 0; i < 10; i++) {
        const res = await t
          .http()
          .post(`/api/public/structures/${a.structure.slug}/families`)
          .send({
            name: `Famille Inscrite ${String.fromCharCode(65 + i)}`,
            email: `inscrite.${i}@test.local`,
            password: 'une phrase de passe familiale',
            qfId: ref['qf']['481 à 581 €'],
            minimaId: ref['minima']['Non'],
            // A different person each time: the same name and birth date would be a duplicate to confirm.
            members: [memberBody(ref, { lastName: `INSCRITE${String.fromCharCode(65 + i)}` })],
            // The same person each time: this test is about the budget, not the duplicate warning.
            confirmDuplicates: true,
          });
        expect(res.status).toBe(201);
      }
      // 100 failed logins from this address would lock it; 10 registrations must not count at all.
      for (let i = 0; i < 95; i++) expect((await wrongLogin(`autre.${i}@test.local`, i)).status).toBe(401);
      await login(t, a.adminEmail, a.adminPassword);
    });

    it('caps reset mails per address, whatever the e-mail asked for', async () => {
      const accounts = [];
      for (let i = 0; i < 25; i++) accounts.push(`reset.${i}@test.local`);
      for (const email of accounts) await insertFamilyAccount(t, a.structure.id, email, 'une phrase de passe familiale');
      const before = sentMails(t).length;
      for (const email of accounts) await t.http().post('/api/auth/forgot').send({ email, structure: a.structure.slug }).expect(202);
      await new Promise((r) => setTimeout(r, 1500));
      const sent = sentMails(t).length - before;
      expect(sent).toBeGreaterThan(0);
      expect(sent).toBeLessThanOrEqual(20);
    });
  });

  describe('"adresse déjà utilisée" is rationed and audited', () => {
    it('a family session gets 10 such answers in 15 minutes, then 429', async () => {
      const ref = await referenceIds(t, a.adminToken);
      const taken = await createFamily(t, a.adminToken, 'Famille Occupée', [memberBody(ref)]);
      const prober = await createFamily(t, a.adminToken, 'Famille Curieuse', [memberBody(ref, { firstName: 'Adulte' })]);
      const token = (await login(t, prober.email, prober.password, a.structure.slug)).accessToken;
      const adult = prober.family.members[0].id;
      const probe = () =>
        t
          .http()
          .patch(`/api/family/members/${adult}`)
          .set(bearer(token))
          .send({ login: { email: taken.email, password: 'une phrase de passe familiale' } });
      for (let i = 0; i < 10; i++) {
        const res = await probe();
        expect(res.status).toBe(409);
      }
      const limited = await probe();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      const audited = await t.dataSource.manager.countBy(AuditEntry, { action: 'auth.email_conflict', structureId: a.structure.id });
      expect(audited).toBe(10);
    });
  });

  describe('current-password check of a password change', () => {
    it('is audited, throttled per account, and ends the sessions after 5 failures', async () => {
      const c = await createStructureWithAdmin(t, sa, 'Ludothèque Essais');
      const other = (await login(t, c.adminEmail, c.adminPassword)).accessToken;
      for (let i = 0; i < 4; i++) {
        const res = await t
          .http()
          .post('/api/auth/password')
          .set(bearer(c.adminToken))
          .send({ currentPassword: `faux ${i} faux faux`, newPassword: 'un nouveau mot de passe solide' });
        expect(res.status).toBe(400);
        expect(res.body.message).toBe("L'ancien mot de passe est incorrect.");
      }
      const fifth = await t
        .http()
        .post('/api/auth/password')
        .set(bearer(c.adminToken))
        .send({ currentPassword: 'faux 5 faux faux', newPassword: 'un nouveau mot de passe solide' });
      expect(fifth.status).toBe(401);
      expect(fifth.body.message).toMatch(/reconnectez-vous/);
      // Every session of the account is over; the password itself did not change.
      await t.http().get('/api/auth/me').set(bearer(c.adminToken)).expect(401);
      await t.http().get('/api/auth/me').set(bearer(other)).expect(401);
      const fresh = (await login(t, c.adminEmail, c.adminPassword)).accessToken;
      // Still throttled for this account within the window, even with a new session.
      const again = await t
        .http()
        .post('/api/auth/password')
        .set(bearer(fresh))
        .send({ currentPassword: c.adminPassword, newPassword: 'un nouveau mot de passe solide' });
      expect(again.status).toBe(429);
      expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
      const failures = await t.dataSource.manager.countBy(AuditEntry, {
        action: 'auth.password_change_failed',
        targetId: String(c.adminAccountId),
      });
      expect(failures).toBe(5);
    });
  });

  describe('tokens', () => {
    it('refuses a correctly signed token without an expiry', async () => {
      const account = await t.dataSource.manager.findOneByOrFail(Account, { id: a.adminAccountId });
      const claims = {
        sub: String(account.id),
        role: 'admin',
        sid: a.structure.id,
        fid: null,
        tv: account.tokenVersion,
        jti: 'sans-expiration',
      };
      const forever = sign(claims, t.config.jwt.secret, {
        algorithm: 'HS256',
        issuer: t.config.jwt.issuer,
        audience: t.config.jwt.audience,
      });
      await t.http().get('/api/auth/me').set(bearer(forever)).expect(401);
    });

    it('marks authenticated answers Cache-Control: no-store', async () => {
      const res = await t.http().get('/api/auth/me').set(bearer(a.adminToken)).expect(200);
      expect(res.headers['cache-control']).toMatch(/no-store/);
    });

    it('logout ends the session for real, for every role', async () => {
      const admin = (await login(t, a.adminEmail, a.adminPassword)).accessToken;
      await t.http().post('/api/auth/logout').set(bearer(admin)).expect(200);
      await t.http().get('/api/auth/me').set(bearer(admin)).expect(401);
      const superAdmin = await superAdminToken(t);
      await t.http().post('/api/auth/logout').set(bearer(superAdmin)).expect(200);
      await t.http().get('/api/super-admin/structures').set(bearer(superAdmin)).expect(401);
      const fam = await createFamily(t, a.adminToken, 'Famille Sortie', [memberBody(await referenceIds(t, a.adminToken))]);
      const family = (await login(t, fam.email, fam.password, a.structure.slug)).accessToken;
      await t.http().post('/api/auth/logout').set(bearer(family)).expect(200);
      await t.http().get('/api/family/me').set(bearer(family)).expect(401);
      // Other sessions of the same account are untouched.
      await t.http().get('/api/auth/me').set(bearer(a.adminToken)).expect(200);
    });
  });

  describe('acting tokens', () => {
    it("an admin's token for a family stops working when the family is archived, and on end", async () => {
      const ref = await referenceIds(t, a.adminToken);
      const fam = await createFamily(t, a.adminToken, 'Famille Guichet', [memberBody(ref)]);
      const acting = (await t.http().post(`/api/families/${fam.family.id}/act`).set(bearer(a.adminToken)).expect(200)).body
        .accessToken as string;
      await t.http().get('/api/family/me').set(bearer(acting)).expect(200);
      await t.http().post(`/api/families/${fam.family.id}/archive`).set(bearer(a.adminToken)).expect(200);
      await t.http().get('/api/family/me').set(bearer(acting)).expect(401);
      await t.http().post(`/api/families/${fam.family.id}/unarchive`).set(bearer(a.adminToken)).expect(200);
      const second = (await t.http().post(`/api/families/${fam.family.id}/act`).set(bearer(a.adminToken)).expect(200)).body
        .accessToken as string;
      await t.http().post('/api/auth/act/end').set(bearer(second)).expect(200);
      await t.http().get('/api/family/me').set(bearer(second)).expect(401);
    });

    it("the super-admin's acting token lasts at most 15 minutes and dies on end", async () => {
      const acting = (await t.http().post(`/api/super-admin/structures/${a.structure.id}/act`).set(bearer(sa)).expect(200)).body
        .accessToken as string;
      const claims = new JwtService().decode(acting) as { exp: number; iat: number };
      expect(claims.exp - claims.iat).toBeLessThanOrEqual(15 * 60);
      await t.http().get('/api/families').set(bearer(acting)).expect(200);
      await t.http().post('/api/auth/act/end').set(bearer(acting)).expect(200);
      await t.http().get('/api/families').set(bearer(acting)).expect(401);
      // The super-admin's own session goes on.
      await t.http().get('/api/super-admin/structures').set(bearer(sa)).expect(200);
    });
  });

  describe('audit log', () => {
    it("an unknown login cannot write its text into a structure's audit log", async () => {
      const junk = `pub-${'x'.repeat(240)}`;
      await t
        .http()
        .post('/api/auth/login')
        .send({ login: junk, password: 'peu importe vraiment', structure: a.structure.slug })
        .expect(401);
      const inStructure = await t.dataSource.manager.countBy(AuditEntry, { structureId: a.structure.id, actorLabel: Like('pub-%') });
      expect(inStructure).toBe(0);
      const anywhere = await t.dataSource.manager.findBy(AuditEntry, { action: 'auth.login_failed', actorLabel: Like('pub-%') });
      for (const entry of anywhere) expect(entry.actorLabel.length).toBeLessThanOrEqual(64);
    });
  });

  describe('passwords', () => {
    it.each([['          a'], ['a a a a a a a a a a'], ['\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0b']])(
      'refuses %j (spaces and hardly any characters)',
      async (password) => {
        const c = await createStructureWithAdmin(t, sa, `Ludothèque Espaces ${Math.random().toString(36).slice(2, 7)}`);
        const res = await t
          .http()
          .post('/api/auth/password')
          .set(bearer(c.adminToken))
          .send({ currentPassword: c.adminPassword, newPassword: password });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/mot de passe/);
      },
    );
  });
});
