import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { startTestApp, TestApp } from '../../test/harness';

const NOT_JSON = 'Le corps de la requête n’est pas du JSON valide.';

/**
 * Bodies the JSON parser cannot read: always a French 400 of our own, never the
 * parser's English message, and never a piece of the body (it may hold a password).
 */
describe('unreadable request bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const login = (body: Buffer, headers: Record<string, string> = {}) => {
    const req = t.http().post('/api/auth/login').set('Content-Type', 'application/json');
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    // The bytes as they are: superagent would otherwise serialise the Buffer as JSON.
    return req.serialize((raw: unknown) => raw as string).send(body);
  };

  describe.each([
    ['gzip', (b: Buffer) => gzipSync(b)],
    ['deflate', (b: Buffer) => deflateSync(b)],
    ['br', (b: Buffer) => brotliCompressSync(b)],
  ])('Content-Encoding: %s', (encoding, compress) => {
    it('reads a well-compressed body', async () => {
      const body = compress(Buffer.from(JSON.stringify({ login: 'personne@test.local', password: 'pas le bon mot de passe' })));
      const res = await login(body, { 'Content-Encoding': encoding });
      expect(res.status).toBe(401);
    });

    it('answers a corrupt body 400 in French, not 500', async () => {
      const good = compress(Buffer.from(JSON.stringify({ login: 'personne@test.local', password: 'secret-compressé' })));
      // A valid start followed by garbage: the stream fails half-way.
      const corrupt = Buffer.concat([good.subarray(0, Math.max(4, good.length >> 1)), Buffer.from('garbage-garbage-garbage-garbage')]);
      const res = await login(corrupt, { 'Content-Encoding': encoding });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ statusCode: 400, message: 'Le corps de la requête est mal compressé : il n’a pas pu être décompressé.' });
    });
  });

  it('refuses an unknown Content-Encoding with a French 415', async () => {
    const res = await login(Buffer.from('{}'), { 'Content-Encoding': 'zstd-maison' });
    expect(res.status).toBe(415);
    expect(res.body.statusCode).toBe(415);
    expect(res.body.message).toMatch(/[éèàç]|n’|d’/);
  });

  it.each([
    ['broken JSON with non-ASCII characters (UTF-8)', Buffer.from('{"login":"é","password":"secret-é', 'utf8')],
    ['broken JSON with non-ASCII bytes (Latin-1)', Buffer.from('{"login":"é","password":"secret-é', 'latin1')],
    ['a non-ASCII byte where JSON expects a value (the parser quotes the body)', Buffer.from('{"password":["secret",é]}', 'utf8')],
    ['plain ASCII garbage', Buffer.from('{"login":"x","password":"secret-ascii', 'utf8')],
  ])('answers %s with the French message and no echo of the body', async (_label, body) => {
    const res = await login(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, message: NOT_JSON });
    expect(res.text).not.toContain('secret');
  });
});
