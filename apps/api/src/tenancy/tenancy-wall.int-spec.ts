import { openApiDocument } from '../app/bootstrap';
import { bearer, createStructureWithAdmin, insertFamilyAccount, login, StructureFixture, superAdminToken } from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import { DiscoveredRoute, discoverRoutes } from '../../test/routes';
import { WALL_BODIES, WALL_KINDS, WallIds, buildWallData } from '../../test/wall-fixtures';

/**
 * Tenancy is a wall. Every route of the router is called with the tokens of
 * structure A (admin, family) on the ids of structure B: nothing succeeds and
 * no body carries B's data. Routes are discovered from Nest's metadata, so a
 * route added later is walked without editing this file — and a route whose
 * path parameter or body this test cannot fill makes it fail until
 * test/wall-fixtures.ts learns it.
 */
describe('tenancy wall', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[];
  let a: StructureFixture;
  let b: StructureFixture;
  let idsOfA: WallIds;
  let idsOfB: WallIds;
  let familyTokenA: string;

  beforeAll(async () => {
    t = await startTestApp();
    routes = discoverRoutes(t.app);
    const sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Alpha Ludothèque');
    b = await createStructureWithAdmin(t, sa, 'ZZBravo Ludothèque', 'zzbravo.admin@test.local');
    idsOfA = await buildWallData(t, a, 'Alpha');
    idsOfB = await buildWallData(t, b, 'ZZBravo');
    const familyAccount = idsOfA.familyLogin ?? (await insertFamilyAccount(t, a.structure.id, 'famille.alpha@test.local', 'famille alpha joue beaucoup')).email;
    familyTokenA = (await login(t, familyAccount, 'famille alpha joue beaucoup', a.structure.slug)).accessToken;
  });
  afterAll(() => t.close());

  /** Strings that only structure B's data contains. */
  const B_MARKERS = ['ZZBravo', 'zzbravo'];

  it('discovers the routes (cross-checked with the OpenAPI document)', () => {
    expect(routes.length).toBeGreaterThan(10);
    const doc = openApiDocument(t.app);
    const fromDoc = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((m) => `${m} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(fromDoc.sort());
  });

  it('every route declares who may call it (@Public or @Roles)', () => {
    expect(routes.filter((r) => !r.access).map((r) => `${r.method.toUpperCase()} ${r.path} (${r.handler})`)).toEqual([]);
  });

  function fill(route: DiscoveredRoute, ids: WallIds): string {
    return route.path.replace(/:(\w+)/g, (_m, param: string) => {
      const kind = WALL_KINDS.param(route.path, param);
      if (!kind) throw new Error(`${route.method.toUpperCase()} ${route.path}: teach test/wall-fixtures.ts which kind of id ":${param}" is`);
      const id = ids[kind];
      if (id === undefined) throw new Error(`${route.path}: no "${kind}" id in the wall fixtures`);
      return String(id);
    });
  }

  /** The example body, and whether it points at records of the given structure (ids read from `ids`). */
  function bodyFor(route: DiscoveredRoute, ids: WallIds): { body: object; usesIds: boolean } | undefined {
    if (!route.bodyType) return undefined;
    const example = WALL_BODIES[`${route.method.toUpperCase()} ${route.path}`];
    if (!example) throw new Error(`${route.method.toUpperCase()} ${route.path}: add an example body to WALL_BODIES in test/wall-fixtures.ts`);
    let usesIds = false;
    const watched = new Proxy(ids, {
      get(target, key) {
        usesIds = true;
        return target[key as string];
      },
    });
    return { body: example(watched), usesIds };
  }

  it('refuses every non-public route called by structure A on the ids of structure B, and leaks nothing', async () => {
    const breaches: string[] = [];
    for (const route of routes) {
      if (route.access?.kind === 'public') continue;
      for (const [who, token] of [
        ['admin A', a.adminToken],
        ['family A', familyTokenA],
      ] as const) {
        const url = fill(route, idsOfB);
        const req = t.http()[route.method](url).set(bearer(token));
        const example = bodyFor(route, idsOfB);
        const res = example ? await req.send(example.body) : await req;
        const text = JSON.stringify(res.body ?? '') + (res.text ?? '');
        const leaked = B_MARKERS.some((m) => text.includes(m));
        // A route aimed at B's records — by its path or its body — must not succeed.
        const aimedAtB = route.params.some((p) => p !== 'kind') || example?.usesIds === true;
        if (leaked || (aimedAtB && res.status < 300)) {
          breaches.push(`${who}: ${route.method.toUpperCase()} ${url} -> ${res.status} ${text.slice(0, 200)}`);
        }
        if (res.status >= 500) breaches.push(`${who}: ${route.method.toUpperCase()} ${url} -> ${res.status} (server error)`);
      }
    }
    expect(breaches).toEqual([]);
  });

  it('reaches the same routes with the ids of its own structure (so the refusals above are about B)', async () => {
    const misses: string[] = [];
    for (const route of routes) {
      if (route.method !== 'get' || route.params.length === 0 || route.access?.kind !== 'roles') continue;
      const role = route.access.roles.includes('admin') ? 'admin' : route.access.roles.includes('family') ? 'family' : null;
      if (!role) continue;
      const token = role === 'admin' ? a.adminToken : familyTokenA;
      const res = await t.http().get(fill(route, idsOfA)).set(bearer(token));
      if (res.status !== 200) misses.push(`${route.path} as ${role} A on A's ids -> ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
    }
    expect(misses).toEqual([]);
  });

  it('B is intact after the walk', async () => {
    await t.http().get('/api/auth/me').set(bearer(b.adminToken)).expect(200);
    const log = await t.http().get('/api/audit').set(bearer(b.adminToken)).expect(200);
    expect(log.body.total).toBeGreaterThan(0);
    expect(JSON.stringify(log.body)).not.toContain('Alpha');
  });
});
