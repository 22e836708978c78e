import { BadRequestException, Injectable } from '@nestjs/common';
import {
  REF_KIND_LABELS,
  REF_KINDS,
  StatisticsComparison,
  StatisticsCriteriaGroupEcho,
  StatisticsDrilldown,
  StatisticsDrillMember,
  StatisticsPeriodReport,
  StatisticsReport,
  type RefKind,
} from '@pointage/contracts';
import {
  ageAt,
  ageBracketProblem,
  bracketLabel,
  birthRangeForAges,
  CHILD_AGE_THRESHOLD,
  comparisonPeriod,
  formatFrenchDate,
  latestBirthForAge,
  statisticsPeriodProblem,
} from '@pointage/domain';
import { Clock } from '../common/clock';
import { AgeBracket } from '../settings/entities/age-bracket.entity';
import { RefItem } from '../settings/entities/ref-item.entity';
import { Structure } from '../tenancy/entities/structure.entity';
import { Tenancy, TenantTransaction } from '../tenancy/tenancy.service';
import { StatisticsDrilldownDto, StatisticsRequestDto } from './dto/statistics.dto';
import { buildPeriodReport, GRANDPARENT_CODES, ReportItem } from './report-builder';
import {
  and,
  BirthRanges,
  bracketCase,
  Cond,
  DrillRow,
  inList,
  PeriodScope,
  ResolvedCriteria,
  StatisticsSql,
  TRUE,
} from './statistics.sql';
import { french } from '../common/errors';

/** Everything a report needs besides the data: the structure's lists, the brackets, the dates. */
interface ReportContext {
  structure: { id: number; name: string };
  items: ReportItem[];
  criteria: ResolvedCriteria;
  brackets: { minAge: number; maxAge: number }[];
  bracketsSource: 'structure' | 'request';
  period: PeriodScope & { reference: string };
  referenceDateGiven: boolean;
  comparison: { kind: StatisticsComparison; period: PeriodScope & { reference: string } } | null;
}

const COMPARISON_LABELS: Record<StatisticsComparison, string> = {
  previous: 'Période précédente',
  'previous-year': 'Mêmes dates un an plus tôt (N-1)',
};

/** A 400 whose message a form shows next to `field`. */
function badField(field: string, message: string): BadRequestException {
  return new BadRequestException(french(message, { field }));
}

/**
 * STATISTIQUES: the whole report of a period in a handful of aggregate
 * statements (statistics.sql.ts), read in one snapshot, and the drill-down
 * lists that show who each figure counts.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly clock: Clock,
  ) {}

  async report(dto: StatisticsRequestDto): Promise<StatisticsReport> {
    return this.tenancy.readSnapshot((tx) => this.reportIn(tx, dto));
  }

  async drilldown(dto: StatisticsDrilldownDto): Promise<StatisticsDrilldown> {
    return this.tenancy.readSnapshot((tx) => this.drilldownIn(tx, dto));
  }

  /** The report and the people its inscrits count (the exports' "Détail"), from one state of the data. */
  async reportWithInscrits(dto: StatisticsRequestDto): Promise<{ report: StatisticsReport; inscrits: StatisticsDrillMember[] }> {
    return this.tenancy.readSnapshot(async (tx) => {
      const report = await this.reportIn(tx, dto);
      const people = await this.drilldownIn(tx, { ...dto, key: 'inscrits' } as StatisticsDrilldownDto);
      return { report, inscrits: people.kind === 'families' ? [] : people.rows };
    });
  }

  private async reportIn(tx: TenantTransaction, dto: StatisticsRequestDto): Promise<StatisticsReport> {
    const ctx = await this.context(tx, dto);
    const sql = new StatisticsSql(tx.em, tx.structureId);
    const current = await this.periodReport(sql, ctx, ctx.period);
    const comparison = ctx.comparison
      ? {
          ...(await this.periodReport(sql, ctx, ctx.comparison.period)),
          kind: ctx.comparison.kind,
          label: COMPARISON_LABELS[ctx.comparison.kind],
        }
      : null;
    return {
      ...current,
      structure: ctx.structure,
      generatedAt: this.clock.now().toISOString(),
      criteria: this.criteriaEcho(ctx),
      brackets: ctx.brackets.map((b) => ({ ...b, label: bracketLabel(b) })),
      bracketsSource: ctx.bracketsSource,
      referenceDateGiven: ctx.referenceDateGiven,
      comparison,
    };
  }

  private async drilldownIn(tx: TenantTransaction, dto: StatisticsDrilldownDto): Promise<StatisticsDrilldown> {
    const ctx = await this.context(tx, dto);
    const period = dto.ofComparison ? ctx.comparison?.period : ctx.period;
    if (!period) throw badField('ofComparison', 'Demandez une comparaison pour détailler les chiffres de la période de comparaison.');
    const sql = new StatisticsSql(tx.em, tx.structureId);
    return this.drill(sql, ctx, period, dto.key);
  }

  // ------------------------------------------------------------------ context

  private async context(tx: TenantTransaction, dto: StatisticsRequestDto): Promise<ReportContext> {
    const problem = statisticsPeriodProblem(dto.from, dto.to, dto.referenceDate);
    if (problem) throw badField(problem.field, problem.message);

    const structure = await tx.em.findOneByOrFail(Structure, { id: tx.structureId });
    const rows = await tx.repo(RefItem).find({ order: { kind: 'ASC', position: 'ASC' } });
    const items: ReportItem[] = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      label: r.label,
      position: r.position,
      active: r.active,
      isChild: r.isChild,
      code: r.code,
    }));

    const criteria = {} as ResolvedCriteria;
    for (const group of REF_KINDS) {
      const asked = dto.criteria?.[group];
      if (asked === undefined) {
        criteria[group] = null;
        continue;
      }
      const own = new Set(items.filter((i) => i.kind === group).map((i) => i.id));
      const foreign = asked.find((id) => !own.has(id));
      if (foreign !== undefined) {
        throw badField(
          `criteria.${group}`,
          `Critère « ${REF_KIND_LABELS[group]} » : l'élément n° ${foreign} n'existe pas dans les listes de votre structure.`,
        );
      }
      const ids = [...new Set(asked)];
      // Reading 2: a group with every box checked filters nothing.
      criteria[group] = ids.length === own.size ? null : ids;
    }

    let brackets: { minAge: number; maxAge: number }[];
    let bracketsSource: 'structure' | 'request';
    if (dto.brackets) {
      const bracketProblem = ageBracketProblem(dto.brackets);
      if (bracketProblem) throw badField('brackets', bracketProblem);
      brackets = [...dto.brackets].sort((a, b) => a.minAge - b.minAge).map((b) => ({ minAge: b.minAge, maxAge: b.maxAge }));
      bracketsSource = 'request';
    } else {
      // By age, whatever their stored positions (the settings page saves them in that order anyway).
      brackets = (await tx.repo(AgeBracket).find({ order: { minAge: 'ASC', maxAge: 'ASC' } })).map((b) => ({
        minAge: b.minAge,
        maxAge: b.maxAge,
      }));
      bracketsSource = 'structure';
    }

    const reference = dto.referenceDate ?? dto.to;
    const compared = dto.compare ? comparisonPeriod(dto.compare, dto.from, dto.to, reference) : null;
    return {
      structure: { id: structure.id, name: structure.name },
      items,
      criteria,
      brackets,
      bracketsSource,
      period: { from: dto.from, to: dto.to, reference },
      referenceDateGiven: dto.referenceDate !== undefined,
      comparison: dto.compare && compared ? { kind: dto.compare, period: compared } : null,
    };
  }

  private birthRanges(ctx: ReportContext, reference: string): BirthRanges {
    return {
      brackets: ctx.brackets.map((b) => birthRangeForAges(reference, b)),
      sixYearsBoundary: latestBirthForAge(reference, CHILD_AGE_THRESHOLD),
    };
  }

  private criteriaEcho(ctx: ReportContext): StatisticsCriteriaGroupEcho[] {
    return REF_KINDS.map((group) => {
      const kept = ctx.criteria[group];
      return {
        group,
        label: REF_KIND_LABELS[group],
        all: kept === null,
        items: ctx.items
          .filter((i) => i.kind === group)
          .map((i) => ({ id: i.id, label: i.label, active: i.active, checked: kept === null || kept.includes(i.id) })),
      };
    });
  }

  // ------------------------------------------------------------------ report

  private async periodReport(
    sql: StatisticsSql,
    ctx: ReportContext,
    period: PeriodScope & { reference: string },
  ): Promise<StatisticsPeriodReport> {
    const ranges = this.birthRanges(ctx, period.reference);
    const slots = await sql.slots(period, ctx.criteria);
    const presences = await sql.presences(period, ctx.criteria, ranges);
    const inscrits = await sql.inscrits(period, ctx.criteria, ranges);
    const inscriptions = await sql.inscriptions(period, ctx.criteria);
    return buildPeriodReport({
      from: period.from,
      to: period.to,
      referenceDate: period.reference,
      items: ctx.items,
      brackets: ctx.brackets,
      slots,
      presences,
      inscrits: inscrits.groups,
      peopleByMonth: inscrits.byMonth,
      inscriptions,
    });
  }

  // ------------------------------------------------------------------ drill-down

  private async drill(
    sql: StatisticsSql,
    ctx: ReportContext,
    period: PeriodScope & { reference: string },
    key: string,
  ): Promise<StatisticsDrilldown> {
    const ranges = this.birthRanges(ctx, period.reference);
    const ids = (pick: (i: ReportItem) => boolean) => ctx.items.filter(pick).map((i) => i.id);
    const childIds = ids((i) => i.kind === 'status' && i.isChild);
    const rsaIds = ids((i) => i.kind === 'minima' && i.code === 'rsa');
    const young = (column: string): Cond => ({ sql: `${column} > ?`, params: [ranges.sixYearsBoundary] });
    const notYoung = (column: string): Cond => ({ sql: `${column} <= ?`, params: [ranges.sixYearsBoundary] });

    let kind: 'members' | 'presences' | 'registrations' | 'families';
    let label: string;
    let rows: DrillRow[];
    const simple: Record<
      string,
      { label: string; run: () => Promise<DrillRow[]>; kind: 'members' | 'presences' | 'registrations' | 'families' }
    > = {
      inscrits: {
        label: "Nombre d'inscrits total sur la période",
        kind: 'members',
        run: () => sql.inscritsRows(period, ctx.criteria, TRUE),
      },
      families: { label: 'Nombre de familles', kind: 'families', run: () => sql.inscritsRows(period, ctx.criteria, TRUE) },
      inscriptions: {
        label: "Nombre d'inscriptions sur la période",
        kind: 'registrations',
        run: () => sql.registrationRows(period, ctx.criteria),
      },
      presences: { label: 'Nombre total de présences', kind: 'presences', run: () => sql.presenceRows(period, ctx.criteria, TRUE) },
      rsaChildren: {
        label: "Nombre d'enfants dont les parents sont bénéficiaires du RSA",
        kind: 'members',
        run: () => sql.inscritsRows(period, ctx.criteria, and(inList('pa.status_id', childIds), inList('pa.minima_id', rsaIds))),
      },
      childrenUnder6: {
        label: "Nombre d'enfants de moins de 6 ans",
        kind: 'members',
        run: () => sql.inscritsRows(period, ctx.criteria, and(inList('pa.status_id', childIds), young('m.birth_date'))),
      },
      children6Plus: {
        label: "Nombre d'enfants de 6 ans et plus",
        kind: 'members',
        run: () => sql.inscritsRows(period, ctx.criteria, and(inList('pa.status_id', childIds), notYoung('m.birth_date'))),
      },
    };
    if (simple[key]) {
      ({ kind, label } = simple[key]);
      rows = await simple[key].run();
    } else {
      const parsed = this.parseLineKey(ctx, key);
      const column = parsed.measure === 'inscrits' ? `pa.${parsed.column}` : `a.${parsed.column}`;
      let extra: Cond;
      if (parsed.group === 'age') {
        extra = {
          sql: `(${bracketCase('m.birth_date', ranges).sql}) = ?`,
          params: [...bracketCase('m.birth_date', ranges).params, parsed.bracket],
        };
      } else {
        extra = inList(column, parsed.itemIds);
      }
      kind = parsed.measure === 'inscrits' ? 'members' : 'presences';
      label = `${parsed.measure === 'inscrits' ? 'Inscrits' : 'Présences'} — ${parsed.label}`;
      rows =
        parsed.measure === 'inscrits'
          ? await sql.inscritsRows(period, ctx.criteria, extra)
          : await sql.presenceRows(period, ctx.criteria, extra);
    }

    const people = await sql.people([...new Set(rows.map((r) => r.memberId))]);
    const labelOf = new Map(ctx.items.map((i) => [i.id, i.label]));
    const members: StatisticsDrillMember[] = rows
      .map((r) => {
        const p = people.get(r.memberId);
        return {
          memberId: r.memberId,
          lastName: p?.lastName ?? '',
          firstName: p?.firstName ?? '',
          familyId: r.familyId,
          familyName: p?.familyName ?? '',
          sex: labelOf.get(r.sexId) ?? '',
          city: labelOf.get(r.cityId) ?? '',
          status: labelOf.get(r.statusId) ?? '',
          minima: labelOf.get(r.minimaId) ?? '',
          qf: labelOf.get(r.qfId) ?? '',
          birthDate: p?.birthDate ?? '',
          age: p ? ageAt(p.birthDate, period.reference) : 0,
          registeredOn: p?.registeredOn ?? '',
          presences: r.presences,
          lastAttendance: r.lastDate,
          archived: p?.archived ?? false,
        };
      })
      .sort(
        (a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr') || a.memberId - b.memberId,
      );

    if (kind === 'families') {
      const families = new Map<number, { familyId: number; familyName: string; members: string[]; presences: number }>();
      for (const m of members) {
        const f = families.get(m.familyId) ?? { familyId: m.familyId, familyName: m.familyName, members: [], presences: 0 };
        f.members.push(`${m.firstName} ${m.lastName}`);
        f.presences += m.presences;
        families.set(m.familyId, f);
      }
      const list = [...families.values()].sort((a, b) => a.familyName.localeCompare(b.familyName, 'fr') || a.familyId - b.familyId);
      return { key, label, kind, total: list.length, rows: list };
    }
    const total = kind === 'presences' ? members.reduce((n, m) => n + m.presences, 0) : members.length;
    return { key, label, kind, total, rows: members };
  }

  /** 'inscrits:city:12', 'presences:age:0', 'inscrits:age:outside', 'inscrits:status:code-grandmother,grandfather'. */
  private parseLineKey(
    ctx: ReportContext,
    key: string,
  ): { measure: 'inscrits' | 'presences'; group: RefKind | 'age'; column: string; itemIds: number[]; bracket: number; label: string } {
    const unknown = () => badField('key', `Le chiffre « ${key} » n'existe pas dans ce rapport.`);
    const [measure, group, selector, ...rest] = key.split(':');
    if (rest.length > 0 || (measure !== 'inscrits' && measure !== 'presences') || selector === undefined) throw unknown();
    if (group === 'age') {
      if (selector === 'outside') return { measure, group, column: '', itemIds: [], bracket: -1, label: 'Hors tranches' };
      const i = /^\d+$/.test(selector) ? Number(selector) : -1;
      if (i < 0 || i >= ctx.brackets.length) throw unknown();
      return { measure, group, column: '', itemIds: [], bracket: i, label: bracketLabel(ctx.brackets[i]) };
    }
    if (!(REF_KINDS as readonly string[]).includes(group)) throw unknown();
    const kind = group as RefKind;
    const column = { sex: 'sex_id', city: 'city_id', status: 'status_id', minima: 'minima_id', qf: 'qf_id' }[kind];
    if (selector.startsWith('code-')) {
      const codes = selector.slice(5).split(',');
      if (kind !== 'status' || codes.join(',') !== GRANDPARENT_CODES.join(',')) throw unknown();
      const itemIds = ctx.items.filter((i) => i.kind === kind && i.code !== null && codes.includes(i.code)).map((i) => i.id);
      return { measure, group: kind, column, itemIds, bracket: 0, label: 'Grands-parents' };
    }
    const item = /^\d+$/.test(selector) ? ctx.items.find((i) => i.kind === kind && i.id === Number(selector)) : undefined;
    if (!item) throw unknown();
    return { measure, group: kind, column, itemIds: [item.id], bracket: 0, label: `${REF_KIND_LABELS[kind]} : ${item.label}` };
  }
}

/** "du 01/01/2026 au 31/12/2026" */
export function periodLabel(from: string, to: string): string {
  return `du ${formatFrenchDate(from)} au ${formatFrenchDate(to)}`;
}
