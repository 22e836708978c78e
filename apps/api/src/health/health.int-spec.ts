import { startTestApp, TestApp } from '../../test/harness';

describe('API skeleton', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /api/health answers ok with the dialect when the database answers', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: t.dialect });
  });

  it('answers unknown API routes with a JSON 404 in French', async () => {
    const res = await t.http().get('/api/does-not-exist').expect(404);
    expect(res.body).toEqual({ statusCode: 404, message: 'Ressource introuvable.' });
  });

  it('answers malformed JSON with a French 400, never a stack', async () => {
    const res = await t.http().post('/api/health').set('Content-Type', 'application/json').send('{"oops":').expect(400);
    expect(res.body).toEqual({ statusCode: 400, message: 'Le corps de la requête n’est pas du JSON valide.' });
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(/);
  });

  it('sends security headers (helmet)', async () => {
    const res = await t.http().get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('publishes the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/health');
    await t
      .http()
      .get('/api/docs')
      .expect((r) => expect([200, 301]).toContain(r.status));
  });
});

describe('API skeleton when the database is gone', () => {
  it('GET /api/health answers 503 with a French message', async () => {
    const t = await startTestApp();
    try {
      // Really close the connection (no mock): the next query fails like a lost database.
      await t.dataSource.destroy();
      const res = await t.http().get('/api/health').expect(503);
      expect(res.body).toEqual({ statusCode: 503, message: 'La base de données ne répond pas.' });
    } finally {
      await t.close();
    }
  });
});
