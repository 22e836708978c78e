import type { StatisticsDrilldown, StatisticsFigure, StatisticsLine, StatisticsReport, StatisticsRequest } from '@pointage/contracts';
import { bearer, createFamily, createStructureWithAdmin, memberBody, sqlInstant, superAdminToken, type StructureFixture } from './fixtures';
import type { TestApp } from './harness';

/** Snapshot attributes of an attendance row, by reference-item label. */
export interface SnapshotLabels {
  sex?: string;
  city?: string;
  status?: string;
  minima?: string;
  qf?: string;
}

export interface ScenarioMember {
  id: number;
  familyId: number;
}

/** Reference items of a structure by kind and label, deactivated ones included. */
export type RefByLabel = Record<string, Record<string, number>>;

/**
 * A structure built for one statistics reading: members through the API (as the
 * back office creates them), slots and attendance rows written with exact
 * snapshots and arrival instants, so that each expected figure is computed by hand.
 */
export class StatsScenario {
  private constructor(
    readonly t: TestApp,
    readonly s: StructureFixture,
    public ref: RefByLabel,
  ) {}

  static async create(t: TestApp, name: string): Promise<StatsScenario> {
    const s = await createStructureWithAdmin(t, await superAdminToken(t), name);
    const scenario = new StatsScenario(t, s, {});
    await scenario.reloadRef();
    return scenario;
  }

  get sid(): number {
    return this.s.structure.id;
  }

  async reloadRef(): Promise<void> {
    const res = await this.t.http().get('/api/settings/lists').set(bearer(this.s.adminToken));
    if (res.status !== 200) throw new Error(`lists: ${res.status}`);
    const out: RefByLabel = {};
    for (const kind of ['sex', 'city', 'status', 'minima', 'qf']) {
      out[kind] = Object.fromEntries((res.body[kind] as { id: number; label: string }[]).map((i) => [i.label, i.id]));
    }
    this.ref = out;
  }

  /** Adds (active) or changes entries of a list through the settings API. */
  async saveList(kind: string, items: { id?: number; label: string; active: boolean; isChild?: boolean }[]): Promise<void> {
    const res = await this.t.http().put(`/api/settings/lists/${kind}`).set(bearer(this.s.adminToken)).send({ items });
    if (res.status !== 200) throw new Error(`save list ${kind}: ${res.status} ${JSON.stringify(res.body)}`);
    await this.reloadRef();
  }

  async listItems(kind: string): Promise<{ id: number; label: string; active: boolean; isChild: boolean }[]> {
    const res = await this.t.http().get('/api/settings/lists').set(bearer(this.s.adminToken));
    return res.body[kind];
  }

  /**
   * A family with members; each member given as overrides of the default
   * member (labels for reference attributes, birthDate, registeredOn).
   */
  async family(
    name: string,
    members: (SnapshotLabels & { firstName?: string; birthDate?: string; registeredOn?: string })[],
  ): Promise<ScenarioMember[]> {
    const bodies = members.map((m, i) =>
      memberBody(this.refIds(), {
        lastName: name.toUpperCase(),
        firstName: m.firstName ?? `Membre${i + 1}`,
        ...(m.birthDate ? { birthDate: m.birthDate } : {}),
        ...(m.registeredOn ? { registeredOn: m.registeredOn } : {}),
        ...this.attributeIds(m),
      }),
    );
    const { family } = await createFamily(this.t, this.s.adminToken, name, bodies);
    return family.members.map((m) => ({ id: m.id, familyId: family.id }));
  }

  private refIds(): Record<string, Record<string, number>> {
    return this.ref;
  }

  private attributeIds(labels: SnapshotLabels): Record<string, number> {
    const out: Record<string, number> = {};
    const map: [keyof SnapshotLabels, string][] = [
      ['sex', 'sexId'],
      ['city', 'cityId'],
      ['status', 'statusId'],
      ['minima', 'minimaId'],
      ['qf', 'qfId'],
    ];
    for (const [kind, field] of map) {
      const label = labels[kind];
      if (label === undefined) continue;
      const id = this.ref[kind][label];
      if (id === undefined) throw new Error(`no ${kind} item « ${label} »`);
      out[field] = id;
    }
    return out;
  }

  id(kind: keyof SnapshotLabels, label: string): number {
    const id = this.ref[kind][label];
    if (id === undefined) throw new Error(`no ${kind} item « ${label} »`);
    return id;
  }

  /** A slot, local times 'HH:MM' ('24:00' = midnight at the end of the day). */
  async slot(date: string, start: string, end: string): Promise<number> {
    const minutes = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
    const ds = this.t.dataSource;
    await ds.query('INSERT INTO slot (structure_id, date, start_minute, end_minute, created_at) VALUES (?, ?, ?, ?, ?)', [
      this.sid,
      date,
      minutes(start),
      minutes(end),
      sqlInstant(new Date()),
    ]);
    const [row] = await ds.query('SELECT id FROM slot WHERE structure_id = ? AND date = ? AND start_minute = ? AND end_minute = ?', [
      this.sid,
      date,
      minutes(start),
      minutes(end),
    ]);
    return Number(row.id);
  }

  /**
   * One attendance of a member in a slot. The snapshot is the member's current
   * attributes unless overridden; `arrival` is an ISO instant (default: the slot's date at 09:00 UTC).
   */
  async attend(slotId: number, member: ScenarioMember, snapshot: SnapshotLabels = {}, arrival?: string): Promise<void> {
    const ds = this.t.dataSource;
    const [m] = await ds.query('SELECT family_id, sex_id, city_id, status_id, minima_id, qf_id FROM member WHERE id = ?', [member.id]);
    const [slot] = await ds.query('SELECT date FROM slot WHERE id = ?', [slotId]);
    const date = slot.date instanceof Date ? slot.date.toISOString().slice(0, 10) : String(slot.date);
    const ids = this.attributeIds(snapshot);
    await ds.query(
      'INSERT INTO attendance (structure_id, slot_id, member_id, family_id, arrived_at, sex_id, city_id, status_id, minima_id, qf_id, source, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        this.sid,
        slotId,
        member.id,
        m.family_id,
        sqlInstant(new Date(arrival ?? `${date}T09:00:00Z`)),
        ids['sexId'] ?? m.sex_id,
        ids['cityId'] ?? m.city_id,
        ids['statusId'] ?? m.status_id,
        ids['minimaId'] ?? m.minima_id,
        ids['qfId'] ?? m.qf_id,
        'retro',
        null,
        sqlInstant(new Date()),
      ],
    );
  }

  async setRegistered(member: ScenarioMember, date: string): Promise<void> {
    await this.t.dataSource.query('UPDATE member SET registered_on = ? WHERE id = ?', [date, member.id]);
  }

  async report(body: StatisticsRequest): Promise<StatisticsReport> {
    const res = await this.t.http().post('/api/statistics/report').set(bearer(this.s.adminToken)).send(body);
    if (res.status !== 200) throw new Error(`report: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as StatisticsReport;
  }

  async drill(body: StatisticsRequest & { key: string; ofComparison?: boolean }): Promise<StatisticsDrilldown> {
    const res = await this.t.http().post('/api/statistics/drilldown').set(bearer(this.s.adminToken)).send(body);
    if (res.status !== 200) throw new Error(`drilldown ${body.key}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as StatisticsDrilldown;
  }
}

/** A figure's value by key (fails loudly on an unknown key). */
export function figure(report: { figures: StatisticsFigure[] }, key: string): number {
  const f = report.figures.find((x) => x.key === key);
  if (!f) throw new Error(`no figure ${key} in ${report.figures.map((x) => x.key).join(', ')}`);
  return f.value;
}

/** Lines of a group as { label: [inscrits, présences] } (deactivated lines marked with " (désactivé)"). */
export function linesOf(report: { lines: Record<string, StatisticsLine[]> }, group: string): Record<string, [number, number]> {
  return Object.fromEntries(report.lines[group].map((l) => [l.active ? l.label : `${l.label} (désactivé)`, [l.inscrits, l.presences]]));
}

/**
 * Every drill-down of a report lists exactly what its figure counts: as many
 * people (or families) as an inscrits figure, présences adding up to a présences figure.
 */
export async function expectDrilldownsMatch(
  scenario: StatsScenario,
  request: StatisticsRequest,
  report: StatisticsReport,
): Promise<number> {
  const checks: { key: string; expected: number }[] = [];
  for (const f of report.figures) if (f.drill) checks.push({ key: f.drill, expected: f.value });
  for (const lines of Object.values(report.lines)) {
    for (const l of lines) {
      checks.push({ key: l.drillInscrits, expected: l.inscrits });
      checks.push({ key: l.drillPresences, expected: l.presences });
    }
  }
  const mismatches: string[] = [];
  for (const c of checks) {
    const d = await scenario.drill({ ...request, key: c.key });
    const counted = d.kind === 'presences' ? d.rows.reduce((n, r) => n + (r as { presences: number }).presences, 0) : d.rows.length;
    if (counted !== c.expected || d.total !== c.expected)
      mismatches.push(`${c.key}: figure ${c.expected}, drill-down ${counted} (total ${d.total})`);
  }
  if (mismatches.length) throw new Error(`drill-downs differ from their figures:\n${mismatches.join('\n')}`);
  return checks.length;
}
