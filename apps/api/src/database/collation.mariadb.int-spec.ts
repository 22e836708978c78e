import type { AuditEntry } from '@pointage/contracts';
import { bearer, createStructureWithAdmin, login, StructureFixture, superAdminToken } from '../../test/fixtures';
import { startTestApp, SUPER_ADMIN, TestApp } from '../../test/harness';
import { DiscoveredRoute, discoverRoutes } from '../../test/routes';
import { buildWallData, WALL_BODIES, WALL_FAMILY_PASSWORD, WALL_KINDS, WallIds } from '../../test/wall-fixtures';

/**
 * An install whose database was created without `COLLATE` (docs/deployment.md asks for
 * utf8mb4_unicode_ci; the server's default is utf8mb4_general_ci on Debian's MariaDB): the
 * tables take the database's collation, the connection keeps utf8mb4_unicode_ci, and any
 * SQL that compares a computed text (a CAST) with a column failed with "Illegal mix of
 * collations" — a 500 on the JOURNAL. Every read of the API (GETs, and the POSTs that only
 * read: statistics, attendance list, their exports) is walked on such a database: no 5xx.
 */
const COLLATION = 'utf8mb4_general_ci';

/** POST routes that read (reports and exports): the walk calls them with the wall's example bodies. */
const READING_POSTS = /^\/api\/(statistics|attendance-list)\//;

describe(`a MariaDB database created with ${COLLATION}`, () => {
  let t: TestApp;
  let a: StructureFixture;
  let ids: WallIds;
  let tokens: Record<'super-admin' | 'admin' | 'family', string>;

  beforeAll(async () => {
    t = await startTestApp({}, [], { mariadbCollation: COLLATION });
    a = await createStructureWithAdmin(t, await superAdminToken(t), 'Ludothèque Générale');
    ids = await buildWallData(t, a, 'Generale');
    tokens = {
      'super-admin': (await login(t, SUPER_ADMIN.email, SUPER_ADMIN.password)).accessToken,
      admin: (await login(t, a.adminEmail, a.adminPassword)).accessToken,
      family: (await login(t, ids.familyLogin as string, WALL_FAMILY_PASSWORD, a.structure.slug)).accessToken,
    };
  });
  afterAll(() => t?.close());

  it('is really such a database: the tables took its collation', async () => {
    const [column] = await t.dataSource.query(
      `SELECT COLLATION_NAME AS c FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_entry' AND COLUMN_NAME = 'target_id'`,
    );
    expect(column.c).toBe(COLLATION);
  });

  it("names the JOURNAL's targets (the joins compare an id cast to text with a column)", async () => {
    const res = await t.http().get('/api/audit?pageSize=100').set(bearer(tokens.admin));
    expect(res.status).toBe(200);
    const items = res.body.items as AuditEntry[];
    const family = items.filter((e) => e.targetType === 'family');
    expect(family.length).toBeGreaterThan(0);
    expect(family.every((e) => /generale/i.test(e.targetLabel))).toBe(true);
  });

  it('answers every read of every role without a server error', async () => {
    const routes = discoverRoutes(t.app).filter((r) => r.method === 'get' || (r.method === 'post' && READING_POSTS.test(r.path)));
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const route of routes) {
      const roles = route.access?.kind === 'roles' ? route.access.roles : (['admin'] as const);
      for (const role of roles) {
        const path = fill(route);
        const call = route.method === 'get' ? t.http().get(path) : t.http().post(path).send(bodyOf(route));
        const res = await call.set(bearer(tokens[role as keyof typeof tokens]));
        if (res.status >= 500) failures.push(`${role} ${route.method.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  function fill(route: DiscoveredRoute): string {
    return route.path.replace(/:(\w+)/g, (_m, param: string) => {
      if (param === 'slug') return a.structure.slug;
      if (param === 'name') return 'absent.png';
      const kind = WALL_KINDS.param(route.path, param);
      const id = kind ? ids[kind] : undefined;
      if (id === undefined) throw new Error(`${route.path}: no id for ":${param}" in the wall fixtures`);
      return String(id);
    });
  }

  function bodyOf(route: DiscoveredRoute): object {
    const example = WALL_BODIES[`${route.method.toUpperCase()} ${route.path}`];
    return example ? example(ids) : {};
  }
});
