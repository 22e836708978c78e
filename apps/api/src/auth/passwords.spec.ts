import { hashPassword, verifyPassword } from './passwords';

describe('password hashes', () => {
  it('are argon2id with the OWASP minimum (19 MiB, 2 iterations, 1 lane)', async () => {
    const hash = await hashPassword('une phrase assez longue');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'une phrase assez longue')).toBe(true);
    expect(await verifyPassword(hash, 'une autre phrase')).toBe(false);
  });
});
