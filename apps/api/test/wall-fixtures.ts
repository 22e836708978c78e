import type { StructureFixture } from './fixtures';
import type { TestApp } from './harness';

/**
 * What the tenancy-wall test needs to know about the routes: which kind of id
 * each path parameter is, an example body for each route that takes one, and
 * how to create one record of each kind in a structure. Extend it when a module
 * adds routes: the wall test fails until it knows them.
 */
export interface WallIds {
  structure: number;
  account: number;
  familyLogin?: string;
  [kind: string]: number | string | undefined;
}

/** Path segment before ":id" -> kind of id. */
const SEGMENTS: Record<string, string> = {
  structures: 'structure',
  admins: 'account',
};

/** Named parameters -> kind of id. */
const PARAMS: Record<string, string> = {
  accountId: 'account',
  structureId: 'structure',
};

export const WALL_KINDS = {
  param(path: string, param: string): string | undefined {
    if (PARAMS[param]) return PARAMS[param];
    if (param === 'id') {
      const segments = path.split('/');
      const i = segments.indexOf(':id');
      return SEGMENTS[segments[i - 1]];
    }
    return undefined;
  },
};

type BodyExample = (ids: WallIds) => object;

/** "METHOD /api/path" -> a valid body that points at the given structure's records. */
export const WALL_BODIES: Record<string, BodyExample> = {
  'POST /api/auth/login': () => ({ login: 'zzbravo.admin@test.local', password: 'mauvais mot de passe' }),
  'POST /api/auth/password': () => ({ currentPassword: 'pas le mot de passe', newPassword: 'une phrase assez longue' }),
  'POST /api/auth/forgot': () => ({ email: 'zzbravo.admin@test.local' }),
  'POST /api/auth/reset': () => ({ token: 'zzbravo', password: 'une phrase assez longue' }),
  'POST /api/super-admin/structures': () => ({ name: 'Nouvelle structure' }),
  'PATCH /api/super-admin/structures/:id': () => ({ name: 'Renommée' }),
  'POST /api/super-admin/structures/:id/admins': () => ({ email: 'nouvel.admin@test.local' }),
};

/** Creates one record of each kind in the structure, named with `marker`. */
export async function buildWallData(_t: TestApp, s: StructureFixture, _marker: string): Promise<WallIds> {
  return { structure: s.structure.id, account: s.adminAccountId };
}
