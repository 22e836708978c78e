import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '@pointage/contracts';
import { addDays, zonedParts } from '@pointage/domain';
import {
  bearer,
  createFamily,
  createStructureWithAdmin,
  memberBody,
  referenceIds,
  StructureFixture,
  superAdminToken,
} from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import { Clock } from '../common/clock';

/** Tuesday 20 October 2026 in Paris (UTC+2). */
const DAY = '2026-10-20';

/**
 * JOURNAL: the targets are named (joins bound to the caller's structure), an
 * anonymised family is never named again, the reason of a removal is shown,
 * and the log is filtered by action, person and dates.
 */
describe('journal of a structure', () => {
  let t: TestApp;
  let a: StructureFixture;
  let b: StructureFixture;
  let clock: Clock;
  let ref: Record<string, Record<string, number>>;
  let dupont: { id: number; members: { id: number }[] };
  let martinId = 0;

  const journal = async (query = '', token = a.adminToken): Promise<AuditEntry[]> =>
    (await t.http().get(`/api/audit?pageSize=100${query}`).set(bearer(token)).expect(200)).body.items;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    const sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque Journal');
    b = await createStructureWithAdmin(t, sa, 'Ludothèque Voisine');
    ref = await referenceIds(t, a.adminToken);
    clock.travelTo(new Date('2026-10-20T12:30:00Z'));
    dupont = (await createFamily(t, a.adminToken, 'DUPONT', [memberBody(ref, { lastName: 'DUPONT', firstName: 'Jeanne' })])).family;
    const martin = await createFamily(t, a.adminToken, 'MARTIN', [memberBody(ref, { lastName: 'MARTIN', firstName: 'Paul' })]);
    martinId = martin.family.id;
    await t
      .http()
      .post('/api/slots/generate')
      .set(bearer(a.adminToken))
      .send({ from: DAY, weekdays: [2], ranges: [{ start: '14:00', end: '18:00' }] })
      .expect(200);
    // Présences validées by the team for DUPONT (acting), then one removed with its reason.
    const act = await t.http().post(`/api/families/${dupont.id}/act`).set(bearer(a.adminToken)).expect(200);
    await t
      .http()
      .post('/api/family/attendance')
      .set(bearer(act.body.accessToken))
      .send({ key: randomUUID(), memberIds: [dupont.members[0].id] })
      .expect(200);
    const day = (await t.http().get(`/api/attendance/day?date=${DAY}`).set(bearer(a.adminToken)).expect(200)).body;
    const row = day.slots[0].attendance[0];
    await t.http().post(`/api/attendance/${row.id}/remove`).set(bearer(a.adminToken)).send({ reason: 'Saisie en double' }).expect(204);
    await t
      .http()
      .post('/api/attendance/retro')
      .set(bearer(a.adminToken))
      .send({ slotId: day.slots[0].id, memberIds: [dupont.members[0].id], arrivalTime: '14:10' })
      .expect(200);
    // MARTIN acted for, then anonymised: its name must leave the journal.
    const actMartin = await t.http().post(`/api/families/${martinId}/act`).set(bearer(a.adminToken)).expect(200);
    await t
      .http()
      .post('/api/family/attendance')
      .set(bearer(actMartin.body.accessToken))
      .send({ key: randomUUID(), memberIds: [martin.family.members[0].id] })
      .expect(200);
    clock.travelTo(new Date('2026-10-22T08:00:00Z'));
    await t.http().post(`/api/families/${martinId}/anonymise`).set(bearer(a.adminToken)).send({ confirmName: 'MARTIN' }).expect(200);
  });
  afterAll(() => t.close());

  it('names the targets: families, members with their family, slots; says for whom présences were validated and why one was removed', async () => {
    const items = await journal();
    const of = (action: string) => items.filter((e) => e.action === action);
    expect(of('family.created').map((e) => e.targetLabel)).toEqual(['famille anonymisée', 'famille DUPONT']);
    expect(of('attendance.validated').map((e) => [e.targetLabel, e.actingAs, e.detail])).toEqual([
      ['famille anonymisée', 'famille anonymisée', '1 présence enregistrée'],
      ['famille DUPONT', 'famille DUPONT', '1 présence enregistrée'],
    ]);
    expect(of('attendance.removed')[0]).toMatchObject({
      targetLabel: 'Jeanne DUPONT (famille DUPONT)',
      detail: 'Motif : Saisie en double (présence du 20/10/2026)',
    });
    expect(of('attendance.retro')[0]).toMatchObject({
      targetLabel: 'créneau du 20/10/2026, 14:00–18:00',
      detail: '1 présence enregistrée, arrivée à 14:10',
    });
    expect(of('slots.generated')[0]).toMatchObject({ targetLabel: 'créneaux du 20/10/2026', detail: '1 créneau créé' });
    expect(items.every((e) => !/\b(member|family|slot) \d+/.test(e.targetLabel))).toBe(true);
  });

  it('never shows the erased names of an anonymised family', async () => {
    const items = await journal();
    const text = JSON.stringify(items);
    expect(text).not.toMatch(/MARTIN|Paul/);
    // Whom the team acted for is erased too.
    expect(items.some((e) => e.actingAs === 'famille anonymisée')).toBe(true);
    expect(items.filter((e) => e.targetType === 'family' && e.targetId === String(martinId)).map((e) => e.targetLabel)).toEqual(
      expect.arrayContaining(['famille anonymisée']),
    );
    expect(await journal('&search=martin')).toEqual([]);
  });

  it('filters by action, person (name, accents and case ignored) and dates', async () => {
    expect((await journal('&action=attendance.removed')).map((e) => e.action)).toEqual(['attendance.removed']);
    const jeanne = await journal('&search=jeanne');
    expect(jeanne.map((e) => e.action)).toEqual(['attendance.removed']);
    const dupontItems = await journal('&search=Dupont');
    expect(dupontItems.map((e) => e.action).sort()).toEqual(
      ['acting.start', 'attendance.removed', 'attendance.validated', 'family.created'].sort(),
    );
    expect((await journal('&search=DÚPONT')).length).toBe(dupontItems.length);
    // By the actor too.
    expect((await journal(`&search=${encodeURIComponent(a.adminEmail)}`)).length).toBeGreaterThan(0);
    // Dates in the structure's time zone, both included (entries carry the real time of the server).
    const today = zonedParts(new Date(), 'Europe/Paris').date;
    const all = await journal();
    expect(await journal(`&from=${today}&to=${today}`)).toEqual(all);
    expect(await journal(`&from=${addDays(today, 1)}`)).toEqual([]);
    expect(await journal(`&to=${addDays(today, -1)}`)).toEqual([]);
    const page = (await t.http().get(`/api/audit?from=${today}&action=family.created&pageSize=1`).set(bearer(a.adminToken)).expect(200))
      .body;
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(2);
  });

  it('refuses a bad filter with a French 400', async () => {
    const inverted = await t.http().get('/api/audit?from=2026-10-22&to=2026-10-20').set(bearer(a.adminToken));
    expect(inverted.status).toBe(400);
    expect(inverted.body.message).toBe('La date de début doit précéder la date de fin.');
    const bad = await t.http().get('/api/audit?from=22/10/2026').set(bearer(a.adminToken));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/date de début/);
  });

  it("another structure's log names nothing of this one", async () => {
    const items = await journal('', b.adminToken);
    expect(JSON.stringify(items)).not.toMatch(/DUPONT|Jeanne/);
    expect(await journal('&search=dupont', b.adminToken)).toEqual([]);
  });
});
