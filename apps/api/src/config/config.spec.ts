import { ConfigError, loadConfig } from './config';

const base = { DATA_DIR: '/tmp/pointage-config-test' };

describe('loadConfig', () => {
  it('defaults to a local SQLite install on port 3000 under ./data', () => {
    const c = loadConfig({}, '/srv/pointage');
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('/srv/pointage/data');
    expect(c.db).toEqual({ type: 'sqlite', path: '/srv/pointage/data/pointage.sqlite' });
    expect(c.mode).toBe('local');
    expect(c.mail.transport).toBe('file');
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('reads a MariaDB federation install', () => {
    const c = loadConfig({ ...base, DB_TYPE: 'mariadb', DATABASE_URL: 'mysql://p:s@db:3306/pointage', PORT: '8080' });
    expect(c.db).toEqual({ type: 'mariadb', url: 'mysql://p:s@db:3306/pointage' });
    expect(c.mode).toBe('federation');
    expect(c.port).toBe(8080);
  });

  it.each([
    [{ DB_TYPE: 'oracle' }, /DB_TYPE="oracle" n'est pas pris en charge/],
    [{ DB_TYPE: 'mariadb' }, /DB_TYPE=mariadb demande DATABASE_URL/],
    [{ DB_TYPE: 'mariadb', DATABASE_URL: 'postgres://x@y/z' }, /DATABASE_URL doit avoir la forme/],
    [{ DB_TYPE: 'mariadb', DATABASE_URL: 'mysql://x@y' }, /DATABASE_URL doit avoir la forme/],
    [{ PORT: 'abc' }, /PORT="abc" n'est pas un port valide/],
    [{ PORT: '0' }, /PORT="0"/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET est trop court/],
    [{ NODE_ENV: 'production', MAIL_TRANSPORT: 'file' }, /JWT_SECRET est obligatoire en production/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV="staging"/],
    [{ POINTAGE_SUPERADMIN_EMAIL: 'it@federation.fr' }, /vont ensemble/],
    [{ POINTAGE_SUPERADMIN_EMAIL: 'pas-un-email', POINTAGE_SUPERADMIN_PASSWORD: 'x'.repeat(12) }, /n'est pas une adresse e-mail valide/],
    [{ MAIL_TRANSPORT: 'smtp' }, /MAIL_TRANSPORT=smtp demande SMTP_URL/],
    [{ MAIL_TRANSPORT: 'pigeon' }, /MAIL_TRANSPORT="pigeon"/],
    [{ PUBLIC_URL: 'ftp://x' }, /PUBLIC_URL="ftp:\/\/x"/],
    [{ POINTAGE_DEMO: 'maybe' }, /POINTAGE_DEMO="maybe"/],
    [{ PDF_CONCURRENCY: '0' }, /PDF_CONCURRENCY="0" n'est pas valide/],
    [{ PDF_CONCURRENCY: 'deux' }, /PDF_CONCURRENCY="deux" n'est pas valide/],
    [{ PDF_CONCURRENCY: '17' }, /entre 1 et 16/],
  ])('refuses %o with a clear French message', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });

  it('renders 2 PDF documents at a time unless PDF_CONCURRENCY says otherwise', () => {
    expect(loadConfig(base).pdfConcurrency).toBe(2);
    expect(loadConfig({ ...base, PDF_CONCURRENCY: ' 4 ' }).pdfConcurrency).toBe(4);
  });

  it('normalises the super-admin e-mail', () => {
    const c = loadConfig({ ...base, POINTAGE_SUPERADMIN_EMAIL: ' IT@Federation.FR ', POINTAGE_SUPERADMIN_PASSWORD: 'une phrase de passe' });
    expect(c.superAdmin).toEqual({ email: 'it@federation.fr', password: 'une phrase de passe' });
  });
});
