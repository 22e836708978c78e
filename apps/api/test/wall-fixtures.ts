import { bearer, createFamily, memberBody, referenceIds, type StructureFixture } from './fixtures';
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
  families: 'family',
  members: 'member',
  'funder-logos': 'funderLogo',
  attendance: 'attendance',
};

/** Named parameters -> kind of id. */
const PARAMS: Record<string, string> = {
  accountId: 'account',
  structureId: 'structure',
  kind: 'listKind',
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
  'PUT /api/super-admin/settings': () => ({ footerText: 'Pied de page' }),
  // A file transport is what the wall's apps run with: an empty host keeps it (no SMTP server to reach).
  'PUT /api/super-admin/settings/mail': () => ({ host: '', security: 'starttls' }),
  'POST /api/super-admin/settings/mail/test': () => ({ to: 'test@exemple.fr' }),
  // Reference lists: the ids of the other structure's entries must be refused.
  'PUT /api/settings/lists/:kind': (ids) => ({ items: [{ id: ids['cityItem'], label: 'Volée', active: true }] }),
  'PUT /api/settings/age-brackets': () => ({ brackets: [{ minAge: 0, maxAge: 3 }] }),
  'PUT /api/settings/welcome': () => ({ message: 'Bonjour' }),
  'POST /api/settings/logo/resize': () => ({ width: 100 }),
  // Families: every reference id is the other structure's.
  'POST /api/families': (ids) => ({
    name: 'Intrus',
    email: 'intrus@test.local',
    qfId: ids['qfItem'],
    minimaId: ids['minimaItem'],
    members: [memberOf(ids)],
  }),
  'PATCH /api/families/:id': (ids) => ({ name: 'Renommée', qfId: ids['qfItem'] }),
  'POST /api/families/:id/password': () => ({ password: 'un mot de passe assez long' }),
  'POST /api/families/:id/anonymise': () => ({ confirmName: 'ZZBravo' }),
  // The other structure's member by name and birth date: never reported as a duplicate.
  'POST /api/families/duplicates': () => ({ members: [{ lastName: 'ZZBravo', firstName: 'ZZBravoPrénom', birthDate: '1985-04-12' }] }),
  'POST /api/families/:id/merge': (ids) => ({ absorbedFamilyId: ids['family'] }),
  'PUT /api/retention': () => ({ years: 3 }),
  'POST /api/retention/anonymise': (ids) => ({ familyIds: [ids['family']], confirm: true }),
  'POST /api/families/:id/members': (ids) => memberOf(ids),
  'PATCH /api/members/:id': (ids) => ({ firstName: 'Renommé', cityId: ids['cityItem'], statsChange: 'correction' }),
  'POST /api/family/members': (ids) => memberOf(ids),
  'PATCH /api/family/members/:id': (ids) => ({ firstName: 'Renommé', cityId: ids['cityItem'] }),
  // Slots and attendance.
  'POST /api/slots/generate': () => ({ from: '2031-01-06', weekdays: [1], ranges: [{ start: '09:00', end: '10:00' }] }),
  'POST /api/slots/delete': () => ({ from: '2031-01-06', weekdays: [1] }),
  'POST /api/family/attendance': (ids) => ({ key: `wall-${Math.random().toString(36).slice(2)}`, memberIds: [ids['member']] }),
  'POST /api/attendance/retro': (ids) => ({ slotId: ids['slot'], memberIds: [ids['member']] }),
  'POST /api/attendance/:id/remove': () => ({ reason: 'Essai du mur' }),
  // Statistics: criteria naming the other structure's list entries are a 400, never a silent empty report.
  'POST /api/statistics/report': (ids) => ({
    from: '2025-01-01',
    to: '2025-12-31',
    criteria: { city: [ids['cityItem']] },
    compare: 'previous-year',
  }),
  // Attendance list: a slot of the other structure is refused.
  'POST /api/attendance-list': (ids) => ({ from: '2025-01-07', slotId: ids['slot'] }),
  'POST /api/attendance-list/export.xlsx': (ids) => ({ from: '2025-01-07', slotId: ids['slot'] }),
  'POST /api/attendance-list/export.pdf': (ids) => ({ from: '2025-01-07', slotId: ids['slot'] }),
  'POST /api/attendance-list/sign-in-sheet.pdf': (ids) => ({ slotId: ids['slot'] }),
  'POST /api/statistics/export.pdf': (ids) => ({ from: '2025-01-01', to: '2025-12-31', criteria: { qf: [ids['qfItem']] } }),
  'POST /api/statistics/export.xlsx': (ids) => ({ from: '2025-01-01', to: '2025-12-31', criteria: { sex: [ids['sexItem']] } }),
  'POST /api/statistics/drilldown': (ids) => ({
    from: '2025-01-01',
    to: '2025-12-31',
    criteria: { status: [ids['statusItem']] },
    key: `inscrits:city:${ids['cityItem']}`,
  }),
};

function memberOf(ids: WallIds): object {
  return {
    lastName: 'INTRUS',
    firstName: 'Ivan',
    sexId: ids['sexItem'],
    birthDate: '1990-01-01',
    cityId: ids['cityItem'],
    statusId: ids['statusItem'],
    minimaId: ids['minimaItem'],
    qfId: ids['qfItem'],
  };
}

/** Creates one record of each kind in the structure, named with `marker`. */
export async function buildWallData(t: TestApp, s: StructureFixture, marker: string): Promise<WallIds> {
  const ref = await referenceIds(t, s.adminToken);
  const email = `famille.${marker.toLowerCase()}@test.local`;
  const { family } = await createFamily(
    t,
    s.adminToken,
    `${marker} Famille`,
    [
      memberBody(ref, { lastName: `${marker}`, firstName: `${marker}Prénom` }),
      memberBody(ref, {
        lastName: `${marker}`,
        firstName: `${marker}Enfant`,
        statusId: ref['status']['Enfant à charge'],
        birthDate: '2018-01-01',
      }),
    ],
    { email, password: WALL_FAMILY_PASSWORD },
  );
  await t
    .http()
    .put('/api/settings/welcome')
    .set(bearer(s.adminToken))
    .send({ message: `${marker} bienvenue` });
  // A past slot with one attendance (back in time).
  await t
    .http()
    .post('/api/slots/generate')
    .set(bearer(s.adminToken))
    .send({ from: '2025-01-07', weekdays: [2], ranges: [{ start: '09:00', end: '12:00' }] });
  const day = (await t.http().get('/api/attendance/day?date=2025-01-07').set(bearer(s.adminToken))).body;
  const slot = day.slots[0].id as number;
  await t
    .http()
    .post('/api/attendance/retro')
    .set(bearer(s.adminToken))
    .send({ slotId: slot, memberIds: [family.members[0].id] });
  const attendance = (await t.http().get('/api/attendance/day?date=2025-01-07').set(bearer(s.adminToken))).body.slots[0].attendance[0]
    .id as number;
  return {
    slot,
    attendance,
    structure: s.structure.id,
    account: s.adminAccountId,
    familyLogin: email,
    family: family.id,
    member: family.members[0].id,
    cityItem: ref['city']['Lille'],
    sexItem: ref['sex']['Femme'],
    statusItem: ref['status']['Mère'],
    minimaItem: ref['minima']['Non'],
    qfItem: ref['qf']['0 à 480 €'],
    listKind: 'city',
    funderLogo: 1,
  };
}

export const WALL_FAMILY_PASSWORD = 'famille alpha joue beaucoup';
