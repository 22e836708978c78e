import type { MailSettings } from '@pointage/contracts';
import { createServer } from 'node:net';
import { bearer, createStructureWithAdmin, sentMails, StructureFixture, superAdminToken } from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import { SmtpSink } from '@pointage/test-support';

/** Waits until the sink holds `n` mails (the reset link is sent after the answer). */
async function waitFor(sink: SmtpSink, n: number, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (sink.mails.length < n) {
    if (Date.now() - started > timeoutMs) throw new Error(`the sink holds ${sink.mails.length} mails, not ${n}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('installation settings: e-mail sending (SMTP server of the super-admin)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let sa: string;
  let a: StructureFixture;
  const smtp = () => ({
    host: '127.0.0.1',
    port: sink.port,
    security: 'none',
    user: 'ludo',
    password: 'mot-de-passe-smtp',
    from: 'Ludothèque <ludo@exemple.fr>',
  });
  const getMail = async (): Promise<MailSettings> =>
    (await t.http().get('/api/super-admin/settings/mail').set(bearer(sa)).expect(200)).body;
  const mailConfigured = async (): Promise<boolean> => (await t.http().get('/api/public/settings').expect(200)).body.mailConfigured;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(); // MAIL_TRANSPORT=file: the environment's default of a local install
    sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque Courrier');
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('says mails are not configured while they only land in DATA_DIR/mails', async () => {
    expect(await getMail()).toEqual({ source: 'file', host: '', port: null, security: 'starttls', user: '', passwordSet: false, from: '' });
    expect(await mailConfigured()).toBe(false);
  });

  it('saves the SMTP server and never sends the password back', async () => {
    const res = await t.http().put('/api/super-admin/settings/mail').set(bearer(sa)).send(smtp()).expect(200);
    expect(res.body).toEqual({
      source: 'settings',
      host: '127.0.0.1',
      port: sink.port,
      security: 'none',
      user: 'ludo',
      passwordSet: true,
      from: 'Ludothèque <ludo@exemple.fr>',
    });
    expect(res.text).not.toContain('mot-de-passe-smtp');
    expect(JSON.stringify(await getMail())).not.toContain('mot-de-passe-smtp');
    expect(await mailConfigured()).toBe(true);
    // Audited without the password.
    const audit = await t.dataSource.query("SELECT details FROM audit_entry WHERE action = 'installation.mail_saved'");
    expect(audit).toHaveLength(1);
    expect(audit[0].details).not.toContain('mot-de-passe-smtp');
  });

  it('sends the test mail through the configured server, with its login and sender', async () => {
    const before = sink.mails.length;
    const res = await t.http().post('/api/super-admin/settings/mail/test').set(bearer(sa)).send({ to: 'equipe@exemple.fr' }).expect(200);
    expect(res.body.message).toContain('E-mail de test envoyé à equipe@exemple.fr');
    expect(sink.mails).toHaveLength(before + 1);
    const mail = sink.mails[before];
    expect(mail.to).toEqual(['equipe@exemple.fr']);
    expect(mail.from).toBe('ludo@exemple.fr');
    expect(mail.auth).toEqual({ user: 'ludo', password: 'mot-de-passe-smtp' });
    expect(mail.data).toMatch(/Subject: .*test/i);
    expect(sentMails(t)).toEqual([]);
  });

  it('sends the password-reset links through it too: the settings win over the environment', async () => {
    const before = sink.mails.length;
    await t
      .http()
      .post('/api/auth/forgot')
      .send({ email: a.adminEmail })
      .expect((r) => expect(r.status).toBeLessThan(300));
    await waitFor(sink, before + 1);
    expect(sink.mails[before].to).toEqual([a.adminEmail]);
    expect(sink.mails[before].data).toContain('reinitialiser?token=');
    expect(sentMails(t)).toEqual([]);
  });

  it('keeps the stored password when the field is left empty', async () => {
    await t
      .http()
      .put('/api/super-admin/settings/mail')
      .set(bearer(sa))
      .send({ ...smtp(), password: '' })
      .expect(200);
    const before = sink.mails.length;
    await t.http().post('/api/super-admin/settings/mail/test').set(bearer(sa)).send({ to: 'equipe@exemple.fr' }).expect(200);
    expect(sink.mails[before].auth).toEqual({ user: 'ludo', password: 'mot-de-passe-smtp' });
  });

  it('answers a failed test mail with a French 422 saying why', async () => {
    const refused = await t.http().post('/api/super-admin/settings/mail/test').set(bearer(sa)).send({ to: 'refuse@exemple.fr' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/^L'e-mail de test n'a pas pu être envoyé : le serveur a refusé l'expéditeur ou le destinataire/);

    await t
      .http()
      .put('/api/super-admin/settings/mail')
      .set(bearer(sa))
      .send({ ...smtp(), port: await closedPort() })
      .expect(200);
    const down = await t.http().post('/api/super-admin/settings/mail/test').set(bearer(sa)).send({ to: 'equipe@exemple.fr' });
    expect(down.status).toBe(422);
    expect(down.body.message).toContain('la connexion au serveur SMTP a été refusée');
  });

  it('refuses invalid settings in French', async () => {
    const bad = await t
      .http()
      .put('/api/super-admin/settings/mail')
      .set(bearer(sa))
      .send({ ...smtp(), security: 'ssl' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('sécurité');
    const host = await t
      .http()
      .put('/api/super-admin/settings/mail')
      .set(bearer(sa))
      .send({ ...smtp(), host: 'smtp exemple' });
    expect(host.status).toBe(400);
    expect(host.body.message).toBe("Le champ « serveur SMTP » n'a pas le format attendu.");
    const from = await t
      .http()
      .put('/api/super-admin/settings/mail')
      .set(bearer(sa))
      .send({ ...smtp(), from: 'Ludothèque' });
    expect(from.status).toBe(400);
    expect(from.body.message).toContain('expéditeur');
    const to = await t.http().post('/api/super-admin/settings/mail/test').set(bearer(sa)).send({ to: 'pas une adresse' });
    expect(to.status).toBe(400);
  });

  it('goes back to the environment (files here) when the host is emptied', async () => {
    const res = await t.http().put('/api/super-admin/settings/mail').set(bearer(sa)).send({ host: '', security: 'starttls' }).expect(200);
    expect(res.body).toMatchObject({ source: 'file', host: '', passwordSet: false });
    expect(await mailConfigured()).toBe(false);
    const before = sink.mails.length;
    const test = await t.http().post('/api/super-admin/settings/mail/test').set(bearer(sa)).send({ to: 'equipe@exemple.fr' }).expect(200);
    expect(test.body.message).toContain('DATA_DIR/mails');
    expect(sink.mails).toHaveLength(before);
    expect(sentMails(t).map((m) => m.to)).toEqual(['equipe@exemple.fr']);
  });

  it('reads an unreadable stored row as no settings (the environment applies) and saves over it', async () => {
    await t.dataSource.query(
      "INSERT INTO app_setting (`key`, value) VALUES ('mail_smtp', '{pas du json')".replace(/`/g, t.dialect === 'sqlite' ? '"' : '`'),
    );
    expect(await getMail()).toMatchObject({ source: 'file', host: '', passwordSet: false });
    await t.http().put('/api/super-admin/settings/mail').set(bearer(sa)).send(smtp()).expect(200);
    expect(await getMail()).toMatchObject({ source: 'settings', passwordSet: true });
    await t.http().put('/api/super-admin/settings/mail').set(bearer(sa)).send({ host: '', security: 'starttls' }).expect(200);
  });

  it('is for the super-admin only', async () => {
    await t.http().get('/api/super-admin/settings/mail').set(bearer(a.adminToken)).expect(403);
    await t.http().put('/api/super-admin/settings/mail').set(bearer(a.adminToken)).send(smtp()).expect(403);
    await t.http().post('/api/super-admin/settings/mail/test').send({ to: 'x@exemple.fr' }).expect(401);
  });
});
