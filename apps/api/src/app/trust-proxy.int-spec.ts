import { startTestApp, TestApp } from '../../test/harness';
import { AuditEntry } from '../audit/entities/audit-entry.entity';

/**
 * Behind the reverse proxy, the client's address is the one the proxy appends
 * to X-Forwarded-For (the right-most entry): anything to its left was written
 * by the client and can be anything. supertest connects from 127.0.0.1, which
 * plays the proxy here.
 */
async function failedLoginIp(t: TestApp, login: string, forwardedFor: string): Promise<string | null> {
  await t
    .http()
    .post('/api/auth/login')
    .set('X-Forwarded-For', forwardedFor)
    .send({ login, password: 'pas le bon mot de passe' })
    .expect(401);
  const entry = await t.dataSource.manager.findOneOrFail(AuditEntry, {
    where: { action: 'auth.login_failed', actorLabel: login },
    order: { id: 'DESC' },
  });
  return entry.ip;
}

describe.each([
  ['TRUST_PROXY=1 (one hop: the compose reverse proxy)', '1'],
  ['TRUST_PROXY=loopback (the proxy by address)', 'loopback'],
  ['TRUST_PROXY=127.0.0.1/8 (the proxy by CIDR)', '127.0.0.1/8'],
  ['TRUST_PROXY=true (read as one hop, not as "trust everything")', 'true'],
])('%s', (_label, value) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: value });
  });
  afterAll(() => t.close());

  it('audits the address the proxy saw, not the left-most one the client wrote', async () => {
    const ip = await failedLoginIp(t, `spoof-${value.replace(/\W/g, '')}@test.local`, '6.6.6.6, 203.0.113.7');
    expect(ip).toBe('203.0.113.7');
  });

  it('cannot be talked out of the login throttle by changing the spoofed address', async () => {
    const login = `throttle-${value.replace(/\W/g, '')}@test.local`;
    let last = 0;
    for (let i = 0; i < 12; i++) {
      const res = await t
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', `10.9.${i}.1, 203.0.113.8`)
        .send({ login, password: `mauvais essai ${i}` });
      last = res.status;
    }
    expect(last).toBe(429);
  });
});

describe('without TRUST_PROXY', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For and audits the peer address', async () => {
    const ip = await failedLoginIp(t, 'direct@test.local', '6.6.6.6');
    expect(ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
  });
});
