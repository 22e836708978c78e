import type { StatisticsRequest } from '@pointage/contracts';
import { bearer, createStructureWithAdmin, login, referenceIds, superAdminToken } from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import { expectDrilldownsMatch, figure, linesOf, StatsScenario } from '../../test/statistics-fixtures';

/**
 * Hand-computed fixtures, one per reading of SPEC.md ("Readings that settle
 * every ambiguity"), run on SQLite and on MariaDB. Each expected number is
 * worked out in the comment above it; every drill-down must list exactly what
 * its figure counts.
 */
describe('statistics', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('opening days and hours: two slots one day = one day, overlaps and nested slots once, midnight, criteria ignored', async () => {
    const sc = await StatsScenario.create(t, 'Ouverture');
    await sc.slot('2026-01-05', '09:30', '12:00'); // 150 min
    await sc.slot('2026-01-05', '14:00', '18:00'); // 240 min -> day: 390
    await sc.slot('2026-01-06', '10:00', '12:00');
    await sc.slot('2026-01-06', '11:00', '13:00'); // overlap -> 10:00–13:00: 180
    await sc.slot('2026-01-07', '09:00', '18:00');
    await sc.slot('2026-01-07', '10:00', '11:00'); // nested -> 540
    await sc.slot('2026-01-08', '20:00', '24:00'); // ends at midnight -> 240
    await sc.slot('2025-12-31', '10:00', '12:00'); // outside the period
    await sc.slot('2026-02-01', '10:00', '12:00'); // outside the period
    const request: StatisticsRequest = { from: '2026-01-01', to: '2026-01-31' };
    const r = await sc.report(request);
    expect(figure(r, 'openingDays')).toBe(4);
    // 390 + 180 + 540 + 240 = 1350 minutes = 22.5 h
    expect(figure(r, 'openingHours')).toBe(22.5);
    expect(figure(r, 'inscrits')).toBe(0);
    expect(r.empty).toBe(false);
    expect(r.series.presencesBySlot.map((p) => p.label)).toEqual([
      '09:00 – 18:00',
      '09:30 – 12:00',
      '10:00 – 11:00',
      '10:00 – 12:00',
      '11:00 – 13:00',
      '14:00 – 18:00',
      '20:00 – 24:00',
    ]);

    // Reading 7: criteria never change the opening, even a group matching nobody.
    const none = await sc.report({ ...request, criteria: { status: [] } });
    expect(figure(none, 'openingDays')).toBe(4);
    expect(figure(none, 'openingHours')).toBe(22.5);

    // A period without any slot is empty (the page says so rather than showing zeros).
    const empty = await sc.report({ from: '2026-03-01', to: '2026-03-31' });
    expect(empty.empty).toBe(true);
    expect(figure(empty, 'openingDays')).toBe(0);
  });

  it('inscrits take the attributes of their last attendance in the period; présences their own snapshot', async () => {
    const sc = await StatsScenario.create(t, 'Dernière présence');
    const [alice, carol] = await sc.family('Dupont', [
      { firstName: 'Alice', sex: 'Femme', status: 'Mère', city: 'Lille' },
      { firstName: 'Carol', sex: 'Femme', status: 'Enfant à charge', city: 'Lille', birthDate: '2020-05-01' },
    ]);
    const [bob] = await sc.family('Martin', [{ firstName: 'Bob', sex: 'Homme', status: 'Père', city: 'Lille' }]);
    const s1 = await sc.slot('2026-02-02', '09:30', '12:00');
    const s2 = await sc.slot('2026-02-02', '14:00', '18:00');
    const s3 = await sc.slot('2026-02-09', '09:00', '10:00');
    const s4 = await sc.slot('2026-02-09', '09:00', '12:00');
    const outside = await sc.slot('2026-03-02', '09:00', '12:00');
    // Alice: same day, the later slot (start 14:00) is the last -> Ronchin.
    await sc.attend(s1, alice, { city: 'Lille' });
    await sc.attend(s2, alice, { city: 'Ronchin' });
    // Bob: same day and start time: the later arrival is the last -> Autres (arrived 09:40 in s3).
    await sc.attend(s3, bob, { city: 'Autres' }, '2026-02-09T08:40:00Z');
    await sc.attend(s4, bob, { city: 'Faches-Thumesnil' }, '2026-02-09T08:05:00Z');
    await sc.attend(s4, carol, { city: 'Lille' });
    // After the period: not counted, does not change "last in the period".
    await sc.attend(outside, alice, { city: 'Faches-Thumesnil' });

    const request: StatisticsRequest = { from: '2026-02-01', to: '2026-02-28' };
    const r = await sc.report(request);
    expect(figure(r, 'inscrits')).toBe(3);
    expect(figure(r, 'families')).toBe(2);
    expect(figure(r, 'presences')).toBe(5);
    // Lille: inscrit Carol; présences Alice@s1 + Carol@s4. Faches: only a présence of Bob (s4).
    expect(linesOf(r, 'city')).toEqual({ 'Faches-Thumesnil': [0, 1], Lille: [1, 2], Ronchin: [1, 1], Autres: [1, 1] });
    expect(linesOf(r, 'sex')).toEqual({ Femme: [2, 3], Homme: [1, 2] });
    await expectDrilldownsMatch(sc, request, r);

    // Criteria test the last attendance for inscrits, each snapshot for présences.
    const lille: StatisticsRequest = { ...request, criteria: { city: [sc.id('city', 'Lille')] } };
    const rl = await sc.report(lille);
    expect(figure(rl, 'inscrits')).toBe(1);
    expect(figure(rl, 'presences')).toBe(2);
    expect(figure(rl, 'families')).toBe(1);
    await expectDrilldownsMatch(sc, lille, rl);
    const faches = await sc.report({ ...request, criteria: { city: [sc.id('city', 'Faches-Thumesnil')] } });
    expect([figure(faches, 'inscrits'), figure(faches, 'presences'), figure(faches, 'families')]).toEqual([0, 1, 0]);

    // The drill-down of Ronchin's inscrits is Alice, with her 2 présences of the period and the attributes used.
    const d = await sc.drill({ ...request, key: `inscrits:city:${sc.id('city', 'Ronchin')}` });
    expect(d.rows).toEqual([
      expect.objectContaining({ firstName: 'Alice', city: 'Ronchin', presences: 2, lastAttendance: '2026-02-02', familyName: 'Dupont' }),
    ]);
  });

  it('a family that moved: inscrits in the new city, présences split; corrections rewrite, changes from today do not', async () => {
    const sc = await StatsScenario.create(t, 'Déménagement');
    const [emma, leo] = await sc.family('Leroy', [
      { firstName: 'Emma', status: 'Mère', city: 'Lille' },
      { firstName: 'Léo', status: 'Enfant à charge', city: 'Lille', birthDate: '2019-04-03', sex: 'Homme' },
    ]);
    const jan = await sc.slot('2026-01-10', '10:00', '12:00');
    const mar = await sc.slot('2026-03-10', '10:00', '12:00');
    const jun = await sc.slot('2026-06-10', '10:00', '12:00');
    const sep = await sc.slot('2026-09-10', '10:00', '12:00');
    await sc.attend(jan, emma, { city: 'Lille' });
    await sc.attend(mar, emma, { city: 'Lille' });
    await sc.attend(jun, emma, { city: 'Ronchin' });
    await sc.attend(sep, emma, { city: 'Ronchin' });
    await sc.attend(jan, leo, { city: 'Lille' });
    await sc.attend(mar, leo, { city: 'Lille' });

    const year: StatisticsRequest = { from: '2026-01-01', to: '2026-12-31' };
    const r = await sc.report(year);
    // Emma's last is Ronchin, Léo's is Lille; présences: Lille 2 + 2, Ronchin 2.
    expect(linesOf(r, 'city')).toEqual({ 'Faches-Thumesnil': [0, 0], Lille: [1, 4], Ronchin: [1, 2], Autres: [0, 0] });
    expect(figure(r, 'families')).toBe(1);
    expect(r.series.presencesByMonth.map((p) => p.value)).toEqual([2, 0, 2, 0, 0, 1, 0, 0, 1, 0, 0, 0]);
    expect(r.series.peopleByMonth.map((p) => p.value)).toEqual([2, 0, 2, 0, 0, 1, 0, 0, 1, 0, 0, 0]);
    expect(r.series.presencesByMonth[0]).toEqual({ key: '2026-01', label: 'janv. 2026', value: 2 });
    await expectDrilldownsMatch(sc, year, r);

    // Before the move, both were in Lille.
    const spring = await sc.report({ from: '2026-01-01', to: '2026-05-31' });
    expect(linesOf(spring, 'city')).toEqual({ 'Faches-Thumesnil': [0, 0], Lille: [2, 4], Ronchin: [0, 0], Autres: [0, 0] });

    // A change "from today" (2026 slots are in the past) leaves the report as it was…
    const patch = (body: object) => t.http().patch(`/api/members/${leo.id}`).set(bearer(sc.s.adminToken)).send(body);
    expect((await patch({ cityId: sc.id('city', 'Ronchin'), statsChange: 'from-today' })).status).toBe(200);
    expect(linesOf(await sc.report(year), 'city')).toEqual(linesOf(r, 'city'));
    // …a correction rewrites Léo's past snapshots: Léo now counts in Ronchin.
    expect((await patch({ cityId: sc.id('city', 'Faches-Thumesnil'), statsChange: 'correction' })).status).toBe(200);
    expect(linesOf(await sc.report(year), 'city')).toEqual({ 'Faches-Thumesnil': [1, 2], Lille: [0, 2], Ronchin: [1, 2], Autres: [0, 0] });

    // Comparisons: N-1 (2025, one présence of Emma) and the previous period of the same length.
    const y2025 = await sc.slot('2025-06-10', '10:00', '12:00');
    await sc.attend(y2025, emma, { city: 'Lille' });
    const withN1 = await sc.report({ ...year, compare: 'previous-year' });
    expect(withN1.comparison).toMatchObject({ kind: 'previous-year', from: '2025-01-01', to: '2025-12-31', referenceDate: '2025-12-31' });
    expect(figure(withN1.comparison ?? { figures: [] }, 'inscrits')).toBe(1);
    expect(figure(withN1.comparison ?? { figures: [] }, 'presences')).toBe(1);
    expect(figure(withN1, 'inscrits')).toBe(2);
    // 2026-06-01..2026-09-30 is 122 days: the previous period is 2026-01-30..2026-05-31 (Emma and Léo in March).
    const summer: StatisticsRequest = { from: '2026-06-01', to: '2026-09-30', compare: 'previous' };
    const withPrevious = await sc.report(summer);
    expect(withPrevious.comparison).toMatchObject({ kind: 'previous', from: '2026-01-30', to: '2026-05-31' });
    expect(figure(withPrevious.comparison ?? { figures: [] }, 'inscrits')).toBe(2);
    expect(figure(withPrevious.comparison ?? { figures: [] }, 'presences')).toBe(2);
    const previousDrill = await sc.drill({ ...summer, key: 'inscrits', ofComparison: true });
    expect(previousDrill.rows.map((row) => (row as { firstName: string }).firstName).sort()).toEqual(['Emma', 'Léo']);
  });

  it('RSA children, children under and over 6, age brackets with the 28 February rule and people born after the reference date', async () => {
    const sc = await StatsScenario.create(t, 'Âges et RSA');
    const [mia, noa, zoe] = await sc.family('Arnaud', [
      { firstName: 'Mia', status: 'Mère', minima: 'RSA', birthDate: '1990-01-01' },
      { firstName: 'Noa', status: 'Enfant à charge', minima: 'RSA', birthDate: '2020-02-29', sex: 'Homme' },
      { firstName: 'Zoé', status: 'Enfant gardé', minima: 'RSA', birthDate: '2023-06-01' },
    ]);
    const [tom] = await sc.family('Bernard', [
      { firstName: 'Tom', status: 'Enfant à charge', minima: 'Non', birthDate: '2019-12-31', sex: 'Homme' },
    ]);
    const [gina] = await sc.family('Collet', [{ firstName: 'Gina', status: 'Grand-mère', minima: 'RSA', birthDate: '1950-03-01' }]);
    const [bebe] = await sc.family('Durand', [
      { firstName: 'Bébé', status: 'Enfant à charge', minima: 'Non', birthDate: '2026-03-15', sex: 'Homme' },
    ]);
    const s1 = await sc.slot('2026-02-10', '10:00', '12:00');
    const s2 = await sc.slot('2026-03-20', '10:00', '12:00');
    await sc.attend(s1, mia, { minima: 'RSA' });
    await sc.attend(s1, noa, { minima: 'RSA' });
    await sc.attend(s2, noa, { minima: 'RSA' });
    await sc.attend(s1, zoe, { minima: 'RSA' });
    await sc.attend(s2, zoe, { minima: 'Non' }); // RSA ended: not an RSA child at her last attendance
    await sc.attend(s1, tom, { minima: 'Non' });
    await sc.attend(s2, tom, { minima: 'RSA' }); // RSA at his last attendance
    await sc.attend(s2, gina, { minima: 'RSA' }); // an adult: never an RSA child
    await sc.attend(s2, bebe, { minima: 'Non' });

    // Reference 2026-02-28 (common year): Noa (29/02/2020) is 6, Tom 6, Zoé 2, Mia 36, Gina 75, Bébé not born yet (-1).
    const request: StatisticsRequest = { from: '2026-02-01', to: '2026-03-31', referenceDate: '2026-02-28' };
    const r = await sc.report(request);
    expect(figure(r, 'inscrits')).toBe(6);
    expect(figure(r, 'families')).toBe(4);
    expect(figure(r, 'presences')).toBe(9);
    expect(figure(r, 'rsaChildren')).toBe(2); // Noa, Tom
    expect(figure(r, 'childrenUnder6')).toBe(2); // Zoé (2), Bébé (born after the reference date)
    expect(figure(r, 'children6Plus')).toBe(2); // Noa (6 on 28 February), Tom (6)
    expect(linesOf(r, 'age')).toEqual({
      '0–2 ans': [1, 2],
      '3–6 ans': [2, 4],
      '7–11 ans': [0, 0],
      '12–17 ans': [0, 0],
      '18–54 ans': [1, 1],
      '55–99 ans': [1, 1],
      'Hors tranches': [1, 1],
    });
    expect(linesOf(r, 'minima')).toEqual({ Non: [2, 3], RSA: [4, 6], AAH: [0, 0], AEH: [0, 0], 'Minimum vieillesse': [0, 0] });
    expect(r.lines.status.find((l) => l.key === 'status:grandparents')).toMatchObject({ inscrits: 1, presences: 1 });
    await expectDrilldownsMatch(sc, request, r);

    // The day before, Noa is still 5; on 1 March she is 6 as on 28 February.
    const before = await sc.report({ ...request, referenceDate: '2026-02-27' });
    expect([figure(before, 'childrenUnder6'), figure(before, 'children6Plus')]).toEqual([3, 1]);
    const march = await sc.report({ ...request, referenceDate: '2026-03-01' });
    expect([figure(march, 'childrenUnder6'), figure(march, 'children6Plus')]).toEqual([2, 2]);

    // Default reference date: the end of the period (2026-03-31): Bébé is 0, in 0–2.
    const atEnd = await sc.report({ from: '2026-02-01', to: '2026-03-31' });
    expect(atEnd.referenceDate).toBe('2026-03-31');
    expect(linesOf(atEnd, 'age')['0–2 ans']).toEqual([2, 3]);
    expect(linesOf(atEnd, 'age')['Hors tranches']).toEqual([0, 0]);

    // Brackets sent for this report only; the structure's stay as they are.
    const custom: StatisticsRequest = {
      ...request,
      brackets: [
        { minAge: 6, maxAge: 10 },
        { minAge: 0, maxAge: 5 },
      ],
    };
    const rc = await sc.report(custom);
    expect(rc.bracketsSource).toBe('request');
    expect(linesOf(rc, 'age')).toEqual({ '0–5 ans': [1, 2], '6–10 ans': [2, 4], 'Hors tranches': [3, 3] });
    await expectDrilldownsMatch(sc, custom, rc);
    expect((await sc.report(request)).bracketsSource).toBe('structure');

    // Groups are recognised by code, never by label: renamed entries change nothing.
    const statuses = await sc.listItems('status');
    await sc.saveList(
      'status',
      statuses.map((s) => ({
        id: s.id,
        label: s.label === 'Grand-mère' ? 'Mamie' : s.label === 'Enfant à charge' ? 'Enfant' : s.label,
        active: s.active,
        isChild: s.isChild,
      })),
    );
    const minima = await sc.listItems('minima');
    await sc.saveList(
      'minima',
      minima.map((m) => ({ id: m.id, label: m.label === 'RSA' ? 'Revenu de solidarité active' : m.label, active: m.active })),
    );
    const renamed = await sc.report(request);
    expect(figure(renamed, 'rsaChildren')).toBe(2);
    expect(figure(renamed, 'children6Plus')).toBe(2);
    expect(renamed.lines.status.find((l) => l.key === 'status:grandparents')).toMatchObject({ inscrits: 1, presences: 1 });
  });

  it('deactivated items with figures, archived and anonymised members, inscriptions on current attributes', async () => {
    const sc = await StatsScenario.create(t, 'Listes et archives');
    const cities = await sc.listItems('city');
    await sc.saveList('city', [
      ...cities.map((c) => ({ id: c.id, label: c.label, active: true })),
      { label: "Villeneuve-d'Ascq", active: true },
      { label: 'Hellemmes', active: true },
    ]);
    const [paul] = await sc.family('Petit', [{ firstName: 'Paul', city: "Villeneuve-d'Ascq", registeredOn: '2025-01-01' }]);
    const [rita] = await sc.family('Roux', [{ firstName: 'Rita', city: 'Ronchin', registeredOn: '2026-04-02' }]);
    const [sam] = await sc.family('Simon', [{ firstName: 'Sam', city: 'Lille', registeredOn: '2026-04-10' }]);
    const s1 = await sc.slot('2026-04-15', '10:00', '12:00');
    await sc.attend(s1, paul);
    await sc.attend(s1, rita);
    // Villeneuve and Hellemmes are deactivated; Paul archived; the Roux family anonymised; Sam archived, never present.
    await sc.saveList(
      'city',
      (await sc.listItems('city')).map((c) => ({
        id: c.id,
        label: c.label,
        active: !["Villeneuve-d'Ascq", 'Hellemmes'].includes(c.label),
      })),
    );
    const admin = bearer(sc.s.adminToken);
    expect((await t.http().post(`/api/members/${paul.id}/archive`).set(admin)).status).toBe(200);
    expect((await t.http().post(`/api/members/${sam.id}/archive`).set(admin)).status).toBe(200);
    expect((await t.http().post(`/api/families/${rita.familyId}/anonymise`).set(admin).send({ confirmName: 'Roux' })).status).toBe(200);

    const request: StatisticsRequest = { from: '2026-04-01', to: '2026-04-30' };
    const r = await sc.report(request);
    // Villeneuve keeps its line (deactivated, with figures); Hellemmes (no figures) is not shown; Faches (active, zero) is.
    expect(linesOf(r, 'city')).toEqual({
      'Faches-Thumesnil': [0, 0],
      Lille: [0, 0],
      Ronchin: [1, 1],
      Autres: [0, 0],
      "Villeneuve-d'Ascq (désactivé)": [1, 1],
    });
    expect(figure(r, 'inscrits')).toBe(2);
    // Inscriptions: Rita (anonymised) and Sam (archived, never present); Paul registered in 2025.
    expect(figure(r, 'inscriptions')).toBe(2);
    // Inscriptions test current attributes: only Sam lives in Lille today.
    expect(figure(await sc.report({ ...request, criteria: { city: [sc.id('city', 'Lille')] } }), 'inscriptions')).toBe(1);
    const criteriaEcho = r.criteria.find((g) => g.group === 'city');
    expect(criteriaEcho?.items.find((i) => i.label === 'Hellemmes')).toEqual(expect.objectContaining({ active: false, checked: true }));
    await expectDrilldownsMatch(sc, request, r);
    const anonymised = await sc.drill({ ...request, key: `inscrits:city:${sc.id('city', 'Ronchin')}` });
    expect(anonymised.rows).toEqual([expect.objectContaining({ lastName: 'Anonyme', archived: true })]);
  });

  it('a criteria group with no box checked matches nobody; every box checked filters nothing', async () => {
    const sc = await StatsScenario.create(t, 'Critères');
    const [ana, ben] = await sc.family('Garnier', [
      { firstName: 'Ana', status: 'Mère', registeredOn: '2026-05-02' },
      { firstName: 'Ben', status: 'Enfant à charge', birthDate: '2021-01-01', registeredOn: '2026-05-02' },
    ]);
    const s1 = await sc.slot('2026-05-05', '10:00', '12:00');
    await sc.attend(s1, ana);
    await sc.attend(s1, ben);
    const request: StatisticsRequest = { from: '2026-05-01', to: '2026-05-31' };
    const all = await sc.report(request);
    const allStatuses = Object.values(sc.ref['status']);
    const everyBox = await sc.report({ ...request, criteria: { status: allStatuses, sex: Object.values(sc.ref['sex']) } });
    expect(everyBox.figures).toEqual(all.figures);
    expect(everyBox.criteria.find((g) => g.group === 'status')?.all).toBe(true);

    const nobody = await sc.report({ ...request, criteria: { status: [] } });
    expect(
      ['inscrits', 'families', 'presences', 'inscriptions', 'rsaChildren', 'childrenUnder6', 'children6Plus'].map((k) => figure(nobody, k)),
    ).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(figure(nobody, 'openingDays')).toBe(1);
    expect(nobody.criteria.find((g) => g.group === 'status')).toMatchObject({ all: false });
    await expectDrilldownsMatch(sc, { ...request, criteria: { status: [] } }, nobody);

    const children = await sc.report({ ...request, criteria: { status: [sc.id('status', 'Enfant à charge')] } });
    expect([figure(children, 'inscrits'), figure(children, 'families'), figure(children, 'childrenUnder6')]).toEqual([1, 1, 1]);
  });

  describe('bad input: a 400 with a French reason and the field, never a 500', () => {
    let admin: Record<string, string>;
    let otherCity: number;

    beforeAll(async () => {
      const sa = await superAdminToken(t);
      const a = await createStructureWithAdmin(t, sa, 'Saisie');
      const b = await createStructureWithAdmin(t, sa, 'Ailleurs');
      admin = bearer(a.adminToken);
      otherCity = (await referenceIds(t, b.adminToken))['city']['Lille'];
    });

    const cases: [string, object, string, RegExp][] = [
      ['From after To', { from: '2026-02-01', to: '2026-01-31' }, 'to', /fin est avant la date de début/],
      ['an impossible date (31/02)', { from: '2026-02-31', to: '2026-03-31' }, 'from', /date de début.*date valide/],
      ['a date that is not a date', { from: '31/01/2026', to: '2026-03-31' }, 'from', /date valide/],
      ['a period over 10 years', { from: '2016-01-01', to: '2026-01-01' }, 'to', /dépasse 10 ans/],
      [
        'a reference date before 1900',
        { from: '2026-01-01', to: '2026-01-31', referenceDate: '1899-12-31' },
        'referenceDate',
        /entre 1900 et 2100/,
      ],
      [
        'a reference date after 2100',
        { from: '2026-01-01', to: '2026-01-31', referenceDate: '2101-01-01' },
        'referenceDate',
        /entre 1900 et 2100/,
      ],
      [
        'overlapping brackets',
        {
          from: '2026-01-01',
          to: '2026-01-31',
          brackets: [
            { minAge: 0, maxAge: 6 },
            { minAge: 6, maxAge: 11 },
          ],
        },
        'brackets',
        /^Les tranches 0–6 ans et 6–11 ans se chevauchent\.$/,
      ],
      [
        'an inverted bracket',
        { from: '2026-01-01', to: '2026-01-31', brackets: [{ minAge: 9, maxAge: 3 }] },
        'brackets',
        /La tranche 9–3 ans est inversée/,
      ],
      [
        'an age that is not a whole number',
        { from: '2026-01-01', to: '2026-01-31', brackets: [{ minAge: 1.5, maxAge: 3 }] },
        'brackets.0.minAge',
        /âge mini.*nombre entier/,
      ],
      ['a comparison that does not exist', { from: '2026-01-01', to: '2026-01-31', compare: 'n-2' }, 'compare', /comparaison/],
      [
        'criteria that are not ids',
        { from: '2026-01-01', to: '2026-01-31', criteria: { city: ['Lille'] } },
        'criteria.city',
        /ville de résidence/,
      ],
      [
        'an unknown criteria group',
        { from: '2026-01-01', to: '2026-01-31', criteria: { pays: [1] } },
        'criteria.pays',
        /n'est pas attendu/,
      ],
    ];
    it.each(cases)('refuses %s', async (_name, body, field, message) => {
      const res = await t.http().post('/api/statistics/report').set(admin).send(body);
      expect(res.status).toBe(400);
      expect(res.body.field).toBe(field);
      expect(res.body.message).toMatch(message);
    });

    it('refuses overlapping brackets with the very message of the settings page', async () => {
      const brackets = [
        { minAge: 0, maxAge: 6 },
        { minAge: 6, maxAge: 11 },
      ];
      const settings = await t.http().put('/api/settings/age-brackets').set(admin).send({ brackets });
      const report = await t.http().post('/api/statistics/report').set(admin).send({ from: '2026-01-01', to: '2026-01-31', brackets });
      expect(settings.status).toBe(400);
      expect(report.body.message).toBe(settings.body.message);
    });

    it("names the group when a criterion is another structure's item (never a silent empty report)", async () => {
      const res = await t
        .http()
        .post('/api/statistics/report')
        .set(admin)
        .send({ from: '2026-01-01', to: '2026-01-31', criteria: { city: [otherCity] } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ field: 'criteria.city', message: expect.stringContaining('« Ville de résidence »') });
      const unknown = await t
        .http()
        .post('/api/statistics/report')
        .set(admin)
        .send({ from: '2026-01-01', to: '2026-01-31', criteria: { qf: [999999] } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toContain('« Quotient familial »');
    });

    it('refuses an unknown drill-down key and a comparison drill-down without a comparison', async () => {
      for (const key of [
        'nope',
        'inscrits:city:999999',
        'inscrits:age:7',
        'presences:pays:1',
        'inscrits:status:code-mother',
        'inscrits:city:1:2',
      ]) {
        const res = await t.http().post('/api/statistics/drilldown').set(admin).send({ from: '2026-01-01', to: '2026-01-31', key });
        expect([key, res.status, res.body.field]).toEqual([key, 400, 'key']);
      }
      const res = await t
        .http()
        .post('/api/statistics/drilldown')
        .set(admin)
        .send({ from: '2026-01-01', to: '2026-01-31', key: 'inscrits', ofComparison: true });
      expect(res.status).toBe(400);
    });
  });

  it('is for the admins of the structure only', async () => {
    const sa = await superAdminToken(t);
    const s = await createStructureWithAdmin(t, sa, 'Rôles');
    const body = { from: '2026-01-01', to: '2026-01-31' };
    expect((await t.http().post('/api/statistics/report').send(body)).status).toBe(401);
    // The super-admin has no structure until it acts as its admin.
    expect((await t.http().post('/api/statistics/report').set(bearer(sa)).send(body)).status).toBe(403);
    const acting = await t.http().post(`/api/super-admin/structures/${s.structure.id}/act`).set(bearer(sa));
    expect((await t.http().post('/api/statistics/report').set(bearer(acting.body.accessToken)).send(body)).status).toBe(200);
    const sc = await StatsScenario.create(t, 'Rôles famille');
    const [m] = await sc.family('Famille', [{ firstName: 'Fa' }]);
    await t.dataSource.query('SELECT 1');
    const email = `famille.roles.${m.familyId}@test.local`;
    await t
      .http()
      .post(`/api/families/${m.familyId}/password`)
      .set(bearer(sc.s.adminToken))
      .send({ password: 'un mot de passe assez long' });
    const fam = await t.http().get(`/api/families/${m.familyId}`).set(bearer(sc.s.adminToken));
    const familyLogin = (fam.body.email as string | null) ?? email;
    const token = (await login(t, familyLogin, 'un mot de passe assez long', sc.s.structure.slug)).accessToken;
    expect((await t.http().post('/api/statistics/report').set(bearer(token)).send(body)).status).toBe(403);
  });
});
