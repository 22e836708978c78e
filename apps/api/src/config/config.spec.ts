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

  it('reads the MariaDB query timeout when given', () => {
    const url = 'mysql://p:s@db:3306/pointage';
    expect(loadConfig({ ...base, DB_TYPE: 'mariadb', DATABASE_URL: url, DB_QUERY_TIMEOUT_MS: '3000' }).db).toEqual({
      type: 'mariadb',
      url,
      queryTimeoutMs: 3000,
    });
    expect(loadConfig({ ...base, DB_TYPE: 'mariadb', DATABASE_URL: url, DB_QUERY_TIMEOUT_MS: '0' }).db).toEqual({
      type: 'mariadb',
      url,
      queryTimeoutMs: 0,
    });
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
    [
      { DB_TYPE: 'mariadb', DATABASE_URL: 'mysql://p:s@db:3306/pointage', DB_QUERY_TIMEOUT_MS: '20s' },
      /DB_QUERY_TIMEOUT_MS="20s" n'est pas valide/,
    ],
    [{ DB_TYPE: 'mariadb', DATABASE_URL: 'mysql://p:s@db:3306/pointage', DB_QUERY_TIMEOUT_MS: '50' }, /de 1000 à 3600000/],
    [{ TRUST_PROXY: 'proxy.example.org' }, /TRUST_PROXY="proxy.example.org" n'est pas valide/],
    [{ TRUST_PROXY: '10.0.0.1/99' }, /TRUST_PROXY="10.0.0.1\/99" n'est pas valide/],
    [{ TRUST_PROXY: '11' }, /TRUST_PROXY="11" n'est pas valide/],
    [{ TRUST_PROXY: '-1' }, /TRUST_PROXY="-1" n'est pas valide/],
    [{ TRUST_PROXY: '10.0.0.1,,' }, /TRUST_PROXY="10.0.0.1,,"/],
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

  describe('TRUST_PROXY (which hops of X-Forwarded-For are believed)', () => {
    it('trusts no proxy by default or when false', () => {
      expect(loadConfig(base).trustProxy).toBe(false);
      expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
      expect(loadConfig({ ...base, TRUST_PROXY: '0' }).trustProxy).toBe(false);
    });

    it('reads a number of proxy hops', () => {
      expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
      expect(loadConfig({ ...base, TRUST_PROXY: ' 2 ' }).trustProxy).toBe(2);
    });

    it('reads proxy addresses, CIDR ranges and Express names', () => {
      expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,fd00::/8' }).trustProxy).toEqual([
        '10.0.0.5',
        '172.16.0.0/12',
        'fd00::/8',
      ]);
      expect(loadConfig({ ...base, TRUST_PROXY: 'loopback, uniquelocal' }).trustProxy).toEqual(['loopback', 'uniquelocal']);
    });

    it('takes true as one hop, never as "trust every address", and says so', () => {
      const c = loadConfig({ ...base, TRUST_PROXY: 'true' });
      expect(c.trustProxy).toBe(1);
      expect(c.warnings.join('\n')).toMatch(/TRUST_PROXY=true est compris comme TRUST_PROXY=1/);
      expect(loadConfig({ ...base, TRUST_PROXY: '1' }).warnings).toEqual([]);
    });
  });
});
