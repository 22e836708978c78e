import { openApiDocument } from '../app/bootstrap';
import { Clock } from '../common/clock';
import {
  bearer,
  createFamily,
  createStructureWithAdmin,
  insertFamilyAccount,
  login,
  memberBody,
  referenceIds,
  StructureFixture,
  superAdminToken,
} from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import { DiscoveredRoute, discoverRoutes } from '../../test/routes';
import { WALL_BODIES, WALL_FAMILY_PASSWORD, WALL_KINDS, WallIds, buildWallData } from '../../test/wall-fixtures';

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
  let familyAccountA: string;
  /** A new session of admin A: the walk may call a route that ends the session it is called with (logout, act/end). */
  const adminA = async () => (await login(t, a.adminEmail, a.adminPassword)).accessToken;
  const familyA = async () => (await login(t, familyAccountA, WALL_FAMILY_PASSWORD, a.structure.slug)).accessToken;

  beforeAll(async () => {
    t = await startTestApp();
    routes = discoverRoutes(t.app);
    const sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Alpha Ludothèque');
    b = await createStructureWithAdmin(t, sa, 'ZZBravo Ludothèque', 'zzbravo.admin@test.local');
    idsOfA = await buildWallData(t, a, 'Alpha');
    idsOfB = await buildWallData(t, b, 'ZZBravo');
    const familyAccount =
      idsOfA.familyLogin ?? (await insertFamilyAccount(t, a.structure.id, 'famille.alpha@test.local', 'famille alpha joue beaucoup')).email;
    familyAccountA = familyAccount;
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
      if (!kind)
        throw new Error(`${route.method.toUpperCase()} ${route.path}: teach test/wall-fixtures.ts which kind of id ":${param}" is`);
      const id = ids[kind];
      if (id === undefined) throw new Error(`${route.path}: no "${kind}" id in the wall fixtures`);
      return String(id);
    });
  }

  /** The example body, and whether it points at records of the given structure (ids read from `ids`). */
  function bodyFor(route: DiscoveredRoute, ids: WallIds): { body: object; usesIds: boolean } | undefined {
    if (!route.bodyType) return undefined;
    const example = WALL_BODIES[`${route.method.toUpperCase()} ${route.path}`];
    if (!example)
      throw new Error(`${route.method.toUpperCase()} ${route.path}: add an example body to WALL_BODIES in test/wall-fixtures.ts`);
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
      for (const [who, session] of [
        ['admin A', adminA],
        ['family A', familyA],
      ] as const) {
        const token = await session();
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
      const token = role === 'admin' ? await adminA() : await familyA();
      const res = await t.http().get(fill(route, idsOfA)).set(bearer(token));
      if (res.status !== 200)
        misses.push(`${route.path} as ${role} A on A's ids -> ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
    }
    expect(misses).toEqual([]);
  });

  it('B is intact after the walk', async () => {
    await t.http().get('/api/auth/me').set(bearer(b.adminToken)).expect(200);
    const log = await t.http().get('/api/audit').set(bearer(b.adminToken)).expect(200);
    expect(log.body.total).toBeGreaterThan(0);
    expect(JSON.stringify(log.body)).not.toContain('Alpha');
  });

  /**
   * The wall inside a structure: a second family of structure A ("Voisine").
   * Every route a family may call is walked by family A — its own session and
   * an admin's session acting for it — on the ids of the other family (members,
   * the family, attendance) with bodies naming them: nothing of the other
   * family is read, nothing aimed at it succeeds, and it is intact afterwards.
   * The same requests on family A's own ids succeed, so the refusals are about
   * the other family.
   */
  describe('a second family of the same structure', () => {
    /** Kinds of ids that belong to one family, not to the whole structure. */
    const FAMILY_KINDS = ['family', 'member', 'attendance'];
    const SIBLING_MARKER = /voisine/i;
    let sibling: WallIds;
    let own: WallIds;
    let siblingBefore: { detail: string; attendance: string };
    let clock: Clock;
    let admin: string;

    async function siblingState(): Promise<{ detail: string; attendance: string }> {
      const detail = await t.http().get(`/api/families/${sibling['family']}`).set(bearer(admin)).expect(200);
      const day = await t.http().get('/api/attendance/day?date=2025-01-07').set(bearer(admin)).expect(200);
      const rows = (day.body.slots as { attendance: { familyId: number }[] }[])
        .flatMap((x) => x.attendance)
        .filter((r) => r.familyId === sibling['family']);
      return { detail: JSON.stringify((detail.body as { members: unknown[] }).members), attendance: JSON.stringify(rows) };
    }

    beforeAll(async () => {
      clock = t.app.get(Clock);
      admin = await adminA();
      const ref = await referenceIds(t, admin);
      const { family } = await createFamily(
        t,
        admin,
        'Alpha Voisine',
        [memberBody(ref, { lastName: 'VOISINE', firstName: 'VoisinePrénom' })],
        {
          email: 'famille.voisine@test.local',
          password: 'la voisine joue aussi beaucoup',
        },
      );
      const memberId = family.members[0].id;
      await t
        .http()
        .post('/api/attendance/retro')
        .set(bearer(admin))
        .send({ slotId: idsOfA['slot'], memberIds: [memberId] })
        .expect((r) => expect(r.status).toBeLessThan(300));
      const day = await t.http().get('/api/attendance/day?date=2025-01-07').set(bearer(admin)).expect(200);
      const row = (day.body.slots[0].attendance as { id: number; memberId: number }[]).find((r) => r.memberId === memberId);
      if (!row) throw new Error("the other family's attendance was not recorded");
      sibling = { ...idsOfA, family: family.id, member: memberId, attendance: row.id };
      // Family A's own ids: its child, who has no attendance yet (so a check-in of it can succeed).
      const mine = await t.http().get(`/api/families/${idsOfA['family']}`).set(bearer(admin)).expect(200);
      const child = (mine.body.members as { id: number; firstName: string }[]).find((m) => m.firstName === 'AlphaEnfant');
      if (!child) throw new Error('no child in family A');
      own = { ...idsOfA, member: child.id };
      siblingBefore = await siblingState();
      // Inside the slot of 2025-01-07 (09:00–12:00 Paris), so that a kiosk check-in can succeed.
      clock.travelTo(new Date('2025-01-07T09:30:00Z'));
    });
    afterAll(() => clock.reset());

    const familySessions: [string, () => Promise<string>][] = [
      ['family A', familyA],
      [
        'admin A acting for family A',
        async () =>
          (
            await t
              .http()
              .post(`/api/families/${idsOfA['family']}/act`)
              .set(bearer(await adminA()))
              .expect(200)
          ).body.accessToken as string,
      ],
    ];

    /** The example body of the route, and whether it names one family's records. */
    function familyBody(route: DiscoveredRoute, ids: WallIds): { body: object; usesFamilyIds: boolean } | undefined {
      if (!route.bodyType) return undefined;
      const example = WALL_BODIES[`${route.method.toUpperCase()} ${route.path}`];
      if (!example)
        throw new Error(`${route.method.toUpperCase()} ${route.path}: add an example body to WALL_BODIES in test/wall-fixtures.ts`);
      let usesFamilyIds = false;
      const watched = new Proxy(ids, {
        get(target, key) {
          if (FAMILY_KINDS.includes(key as string)) usesFamilyIds = true;
          return target[key as string];
        },
      });
      return { body: example(watched), usesFamilyIds };
    }

    const familyRoutes = () => routes.filter((r) => r.access?.kind === 'roles' && r.access.roles.includes('family'));
    const aimedAtFamily = (route: DiscoveredRoute, example: { usesFamilyIds: boolean } | undefined) =>
      route.params.some((p) => FAMILY_KINDS.includes(WALL_KINDS.param(route.path, p) ?? '')) || example?.usesFamilyIds === true;

    it('walks routes that name a family record (the test is not empty)', () => {
      const aimed = familyRoutes().filter((r) => aimedAtFamily(r, familyBody(r, own)));
      expect(aimed.map((r) => `${r.method.toUpperCase()} ${r.path}`)).toEqual(
        expect.arrayContaining(['PATCH /api/family/members/:id', 'POST /api/family/attendance']),
      );
    });

    it('family A reads nothing of the other family and changes nothing of it, through every family route', async () => {
      const breaches: string[] = [];
      for (const route of familyRoutes()) {
        for (const [who, session] of familySessions) {
          // A fresh session per call: a route may end the session it is called with (act/end, logout).
          const token = await session();
          const url = fill(route, sibling);
          const example = familyBody(route, sibling);
          const req = t.http()[route.method](url).set(bearer(token));
          const res = example ? await req.send(example.body) : await req;
          const text = JSON.stringify(res.body ?? '') + (res.text ?? '');
          if (SIBLING_MARKER.test(text) || (aimedAtFamily(route, example) && res.status < 300) || res.status >= 500) {
            breaches.push(`${who}: ${route.method.toUpperCase()} ${url} -> ${res.status} ${text.slice(0, 200)}`);
          }
        }
      }
      expect(breaches).toEqual([]);
      expect(await siblingState()).toEqual(siblingBefore);
    });

    it("the same requests on family A's own records succeed (so the refusals above are about the other family)", async () => {
      const misses: string[] = [];
      for (const route of familyRoutes()) {
        const example = familyBody(route, own);
        if (!aimedAtFamily(route, example)) continue;
        for (const [who, session] of familySessions) {
          const url = fill(route, own);
          const req = t
            .http()
            [route.method](url)
            .set(bearer(await session()));
          // A new idempotency key and member for each check-in: the first one records it, the next finds it present.
          const res = example ? await req.send(familyBody(route, own)?.body) : await req;
          if (res.status >= 300)
            misses.push(`${who}: ${route.method.toUpperCase()} ${url} -> ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        }
      }
      expect(misses).toEqual([]);
    });
  });
});
