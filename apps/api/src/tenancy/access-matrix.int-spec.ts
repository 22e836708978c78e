import type { Role } from '@pointage/contracts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearer, createStructureWithAdmin, login, StructureFixture, superAdminToken } from '../../test/fixtures';
import { startTestApp, SUPER_ADMIN, TestApp } from '../../test/harness';
import { DiscoveredRoute, discoverRoutes } from '../../test/routes';
import { WALL_FAMILY_PASSWORD, WALL_KINDS, WallIds, buildWallData } from '../../test/wall-fixtures';

/**
 * Who may call what, for every route of the router and every kind of caller,
 * measured over HTTP on the real application:
 *
 * 1. each cell agrees with the route's declaration (@Public: everybody;
 *    @Roles: the callers whose effective role is declared; anybody else 403,
 *    and 401 without a token);
 * 2. the whole matrix equals the reviewed file access-matrix.snapshot.md, so a
 *    new route, or a changed declaration, shows up as a diff to review.
 *
 * The guard runs before the pipes, so the calls are made harmless without
 * hiding a refusal: writes get an id the id pipe refuses (0) and a body with an
 * unknown field (400 from the validation pipe), reads use real ids of the
 * structure. "ok" means anything but 401/403 (a 400 or 404 is the route
 * answering a caller it let in).
 *
 * After a change of routes or declarations, regenerate the file and review it:
 *   UPDATE_ACCESS_MATRIX=1 DB_TYPE=sqlite npx jest -c apps/api/jest.int.config.cts apps/api/src/tenancy/access-matrix.int-spec.ts
 */
const SNAPSHOT = join(__dirname, 'access-matrix.snapshot.md');

type Cell = 'ok' | '401' | '403';

/** What the AccessGuard answers when it refuses (clients show it as is). */
const REFUSALS: Record<Exclude<Cell, 'ok'>, string> = {
  '401': 'Vous devez vous connecter.',
  '403': "Vous n'avez pas accès à cette fonction.",
};

interface Caller {
  name: string;
  /** The role the server acts on (the effective one when acting); null without a token. */
  role: Role | null;
  /** A new token for this caller, or null for no token. */
  session: () => Promise<string | null>;
}

describe('access matrix: every route × every kind of caller', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[];
  let a: StructureFixture;
  let ids: WallIds;
  let callers: Caller[];

  beforeAll(async () => {
    t = await startTestApp();
    routes = discoverRoutes(t.app);
    a = await createStructureWithAdmin(t, await superAdminToken(t), 'Alpha Ludothèque');
    ids = await buildWallData(t, a, 'Alpha');
    const superAdmin = async () => (await login(t, SUPER_ADMIN.email, SUPER_ADMIN.password)).accessToken;
    const admin = async () => (await login(t, a.adminEmail, a.adminPassword)).accessToken;
    const family = async () => (await login(t, ids.familyLogin as string, WALL_FAMILY_PASSWORD, a.structure.slug)).accessToken;
    const act = async (path: string, token: string) => {
      const res = await t.http().post(path).set(bearer(token));
      if (res.status !== 200) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    };
    const superAdminAsAdmin = async () => act(`/api/super-admin/structures/${a.structure.id}/act`, await superAdmin());
    callers = [
      { name: 'anonymous', role: null, session: async () => null },
      { name: 'super-admin', role: 'super-admin', session: superAdmin },
      { name: 'admin', role: 'admin', session: admin },
      { name: 'family', role: 'family', session: family },
      { name: 'admin → family', role: 'family', session: async () => act(`/api/families/${ids['family']}/act`, await admin()) },
      { name: 'super-admin → admin', role: 'admin', session: superAdminAsAdmin },
      {
        name: 'super-admin → admin → family',
        role: 'family',
        session: async () => act(`/api/families/${ids['family']}/act`, await superAdminAsAdmin()),
      },
    ];
  });
  afterAll(() => t.close());

  /** Real ids for reads; for writes, an id the id pipe refuses after the guard has run. */
  function url(route: DiscoveredRoute): string {
    return route.path.replace(/:(\w+)/g, (_m, param: string) => {
      if (param === 'slug') return a.structure.slug;
      if (param === 'name') return 'absent.png';
      const kind = WALL_KINDS.param(route.path, param);
      if (!kind)
        throw new Error(`${route.method.toUpperCase()} ${route.path}: teach test/wall-fixtures.ts which kind of id ":${param}" is`);
      if (kind === 'listKind') return String(ids[kind]);
      if (route.method !== 'get') return '0';
      const id = ids[kind];
      if (id === undefined) throw new Error(`${route.path}: no "${kind}" id in the wall fixtures`);
      return String(id);
    });
  }

  function declared(route: DiscoveredRoute): string {
    if (!route.access) return 'none';
    return route.access.kind === 'public' ? 'public' : route.access.roles.join(', ');
  }

  function expected(route: DiscoveredRoute, caller: Caller): Cell {
    if (route.access?.kind === 'public') return 'ok';
    if (caller.role === null) return '401';
    return route.access?.roles.includes(caller.role) ? 'ok' : '403';
  }

  function render(rows: { route: DiscoveredRoute; cells: Cell[] }[]): string {
    const head = ['route', 'declared', ...callers.map((c) => c.name)];
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    return [
      '# Access matrix',
      '',
      'Generated by `access-matrix.int-spec.ts` from the router and measured over HTTP: every route × every kind of caller.',
      '`ok` = let in (any answer but 401/403), `401` = no session, `403` = refused. "→" is acting (super-admin as a',
      "structure's admin, admin for a family). The test fails when this file differs from the application: review the",
      'diff, then regenerate it with',
      '`UPDATE_ACCESS_MATRIX=1 DB_TYPE=sqlite npx jest -c apps/api/jest.int.config.cts apps/api/src/tenancy/access-matrix.int-spec.ts`.',
      '',
      line(head),
      line(head.map(() => '---')),
      ...rows.map((r) => line([`${r.route.method.toUpperCase()} ${r.route.path}`, declared(r.route), ...r.cells])),
      '',
    ].join('\n');
  }

  it('agrees with every declaration and with the reviewed snapshot', async () => {
    expect(routes.length).toBeGreaterThan(10);
    const tokens = new Map<string, string | null>();
    const tokenOf = async (caller: Caller) => {
      if (!tokens.has(caller.name)) tokens.set(caller.name, await caller.session());
      return tokens.get(caller.name) ?? null;
    };
    const rows: { route: DiscoveredRoute; cells: Cell[] }[] = [];
    const disagreements: string[] = [];
    for (const route of routes) {
      const cells: Cell[] = [];
      for (const caller of callers) {
        const token = await tokenOf(caller);
        let req = t.http()[route.method](url(route));
        if (token) req = req.set(bearer(token));
        const res = route.bodyType ? await req.send({ accessMatrixProbe: true }) : await req;
        if (res.status >= 500)
          disagreements.push(`${caller.name}: ${route.method.toUpperCase()} ${route.path} -> ${res.status} (server error)`);
        const cell: Cell = res.status === 401 ? '401' : res.status === 403 ? '403' : 'ok';
        cells.push(cell);
        const want = expected(route, caller);
        if (cell !== want || (cell !== 'ok' && res.body?.message !== REFUSALS[cell])) {
          disagreements.push(
            `${caller.name}: ${route.method.toUpperCase()} ${route.path} (declared: ${declared(route)}) -> ${res.status}, expected ${want} ${JSON.stringify(res.body).slice(0, 120)}`,
          );
        }
        // A write may have ended this session (logout, act/end): take a new one for the next route.
        if (token && route.method !== 'get' && (await t.http().get('/api/auth/me').set(bearer(token))).status !== 200)
          tokens.delete(caller.name);
      }
      rows.push({ route, cells });
    }
    expect(disagreements).toEqual([]);

    const matrix = render(rows);
    if (process.env['UPDATE_ACCESS_MATRIX'] === '1') {
      if (process.env['CI'] === 'true') throw new Error('UPDATE_ACCESS_MATRIX is for a developer who reviews the diff, not for CI');
      writeFileSync(SNAPSHOT, matrix);
    }
    if (!existsSync(SNAPSHOT)) throw new Error(`${SNAPSHOT} is missing: generate it with UPDATE_ACCESS_MATRIX=1 and review it`);
    // Line by line, so that the failure names the routes that changed.
    expect(matrix.split('\n')).toEqual(readFileSync(SNAPSHOT, 'utf8').split('\n'));
  });

  it('exercises every kind of caller (the acting sessions are what they claim)', async () => {
    const seen: Record<string, unknown> = {};
    for (const caller of callers) {
      const token = await caller.session();
      if (!token) continue;
      const me = await t.http().get('/api/auth/me').set(bearer(token)).expect(200);
      seen[caller.name] = { role: me.body.role, actor: me.body.actor?.role ?? null };
    }
    expect(seen).toEqual({
      'super-admin': { role: 'super-admin', actor: null },
      admin: { role: 'admin', actor: null },
      family: { role: 'family', actor: null },
      'admin → family': { role: 'family', actor: 'admin' },
      'super-admin → admin': { role: 'admin', actor: 'super-admin' },
      'super-admin → admin → family': { role: 'family', actor: 'super-admin' },
    });
  });
});
