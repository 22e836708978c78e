import {
  STATISTICS_SECTION_TITLES,
  StatisticsCriteriaGroupEcho,
  StatisticsFigure,
  StatisticsLine,
  StatisticsLineGroup,
  StatisticsReport,
  StatisticsSection,
  StatisticsUnit,
} from '@pointage/contracts';
import { formatFrenchDate, formatHoursMinutes } from '@pointage/domain';

/**
 * The report as the page shows it: sections of the cahier des charges, with
 * its wording ("Nombre d'inscrits filles", "Habitants Lille", "Total inscrits
 * mères"…), each value with its comparison and change, and the drill-down it opens.
 */

const SECTIONS: StatisticsSection[] = ['opening', 'public', 'sex', 'city', 'status', 'minima', 'qf', 'age'];

/** One number of the page; a button when it has a drill-down. */
export interface ValueCell {
  value: number;
  text: string;
  /** The full wording of the figure ("Habitants Lille"), for screen readers and the dialog's title. */
  label: string;
  drill: string | null;
  ofComparison: boolean;
}

export interface Measure {
  current: ValueCell;
  /** When a comparison was asked. */
  previous: ValueCell | null;
  /** '+3 (+12 %)', '−2 (−40 %)', '=' */
  change: string | null;
}

export interface ViewRow {
  key: string;
  header: string;
  deactivated: boolean;
  measures: Measure[];
}

export interface ViewTable {
  /** Column headers of the measures ('Valeur', or 'Inscrits' and 'Présences'). */
  measures: string[];
  /** What the first column holds. */
  rowHeader: string;
  rows: ViewRow[];
}

export interface ViewSection {
  key: StatisticsSection;
  title: string;
  tables: ViewTable[];
}

const NUMBER = new Intl.NumberFormat('fr-FR');
const MINUS = '\u2212';
const NBSP = '\u00a0';

function minutesOf(hours: number): number {
  return Math.round(hours * 60);
}

/** A value as the page writes it: hours as "125 h 30", counts with French grouping. */
export function formatValue(value: number, unit: StatisticsUnit): string {
  return unit === 'hours' ? formatHoursMinutes(minutesOf(value)) : NUMBER.format(value);
}

/** The change from `previous` to `current`: "+3 (+12 %)", "−2 (−40 %)", "+3" (from zero), "=" (no change). */
export function formatChange(current: number, previous: number, unit: StatisticsUnit = 'people'): string {
  const diff = unit === 'hours' ? minutesOf(current) - minutesOf(previous) : current - previous;
  if (diff === 0) return '=';
  const sign = diff > 0 ? '+' : MINUS;
  const amount = unit === 'hours' ? formatHoursMinutes(Math.abs(diff)) : NUMBER.format(Math.abs(diff));
  if (previous === 0) return `${sign}${amount}`;
  const percent = Math.round((Math.abs(current - previous) / previous) * 100);
  return `${sign}${amount} (${sign}${NUMBER.format(percent)}${NBSP}%)`;
}

/** Plural nouns of the statuses the cahier des charges names. */
const STATUS_NOUNS: Record<string, string> = {
  mother: 'mères',
  father: 'pères',
  grandmother: 'grand-mères',
  grandfather: 'grand-pères',
  grandparents: 'grands-parents',
  childminder: 'assistant(e)s maternelles',
  dependent_child: 'enfants à charge',
  minded_child: 'enfants gardés',
};

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('fr-FR') + s.slice(1);

/** The wording of a line: its row header, and the full names of its two numbers. */
export function lineWording(line: Pick<StatisticsLine, 'group' | 'code' | 'label'>): {
  header: string;
  inscrits: string;
  presences: string;
} {
  const { group, code, label } = line;
  switch (group) {
    case 'sex': {
      const noun = code === 'female' ? 'filles' : code === 'male' ? 'garçons' : null;
      if (noun) return { header: capitalise(noun), inscrits: `Nombre d'inscrits ${noun}`, presences: `Total présences ${noun}` };
      return { header: label, inscrits: `Nombre d'inscrits — ${label}`, presences: `Total présences — ${label}` };
    }
    case 'city': {
      const place = code === 'other' ? label.toLocaleLowerCase('fr-FR') : label;
      return { header: `Habitants ${place}`, inscrits: `Habitants ${place}`, presences: `Total présences habitants ${place}` };
    }
    case 'status': {
      const noun = code ? STATUS_NOUNS[code] : undefined;
      if (noun) {
        const header = code === 'grandparents' ? 'Grands-parents (grand-mère + grand-père)' : capitalise(noun);
        return { header, inscrits: `Total inscrits ${noun}`, presences: `Total présences des ${noun}` };
      }
      return { header: label, inscrits: `Total inscrits — ${label}`, presences: `Total présences — ${label}` };
    }
    case 'minima': {
      const header = code === 'none' ? `Sans minima sociaux (${label})` : label;
      return { header, inscrits: `Inscrits — minima sociaux : ${label}`, presences: `Total présences — minima sociaux : ${label}` };
    }
    case 'qf':
      return {
        header: label,
        inscrits: `Inscrits — quotient familial ${label}`,
        presences: `Total présences — quotient familial ${label}`,
      };
    case 'age':
      return {
        header: label,
        inscrits: `Inscrits ${label.toLocaleLowerCase('fr-FR')}`,
        presences: `Total présences ${label.toLocaleLowerCase('fr-FR')}`,
      };
  }
}

/** Short name of the comparison columns (beside "Période"): 'N-1' or 'Préc.' (the previous period). */
export function comparisonColumn(report: Pick<StatisticsReport, 'comparison'>): string {
  return report.comparison?.kind === 'previous-year' ? 'N-1' : 'Préc.';
}

/** How the comparison period is named in the wording of its numbers. */
export function comparisonWording(report: Pick<StatisticsReport, 'comparison'>): string {
  return report.comparison?.kind === 'previous-year' ? 'N-1' : 'période précédente';
}

function cell(value: number, unit: StatisticsUnit, label: string, drill: string | null, ofComparison: boolean): ValueCell {
  return { value, text: formatValue(value, unit), label, drill, ofComparison };
}

function measure(
  current: number,
  previous: number | null,
  unit: StatisticsUnit,
  label: string,
  drill: string | null,
  comparisonName: string,
): Measure {
  return {
    current: cell(current, unit, label, drill, false),
    previous: previous === null ? null : cell(previous, unit, `${label} (${comparisonName})`, drill, true),
    change: previous === null ? null : formatChange(current, previous, unit),
  };
}

function figureRows(report: StatisticsReport, section: StatisticsSection): ViewRow[] {
  const compared = report.comparison;
  const name = comparisonWording(report);
  return report.figures
    .filter((f) => f.section === section)
    .map((f: StatisticsFigure) => {
      const previous = compared ? (compared.figures.find((c) => c.key === f.key)?.value ?? 0) : null;
      return { key: f.key, header: f.label, deactivated: false, measures: [measure(f.value, previous, f.unit, f.label, f.drill, name)] };
    });
}

function lineRows(report: StatisticsReport, group: StatisticsLineGroup): ViewRow[] {
  const compared = report.comparison;
  const name = comparisonWording(report);
  const own = report.lines[group] ?? [];
  // Lines of the comparison period that the period studied does not have (a deactivated item with figures back then).
  const extra = (compared?.lines[group] ?? []).filter((c) => !own.some((l) => l.key === c.key));
  return [...own, ...extra].map((line) => {
    const previous = compared ? (compared.lines[group]?.find((c) => c.key === line.key) ?? null) : null;
    const isOwn = own.includes(line);
    const words = lineWording(line);
    const inscrits = measure(
      isOwn ? line.inscrits : 0,
      compared ? (previous?.inscrits ?? 0) : null,
      'people',
      words.inscrits,
      line.drillInscrits,
      name,
    );
    const presences = measure(
      isOwn ? line.presences : 0,
      compared ? (previous?.presences ?? 0) : null,
      'presences',
      words.presences,
      line.drillPresences,
      name,
    );
    return {
      key: line.key,
      header: line.active ? words.header : `${words.header} (désactivé)`,
      deactivated: !line.active,
      measures: [inscrits, presences],
    };
  });
}

const ROW_HEADERS: Record<StatisticsSection, string> = {
  opening: 'Indicateur',
  public: 'Indicateur',
  sex: 'Sexe',
  city: 'Ville de résidence',
  status: 'Statut',
  minima: 'Minima sociaux',
  qf: 'Quotient familial',
  age: "Tranche d'âge",
};

/** The sections of the page, in the order of STATISTICS_SECTION_TITLES. */
export function reportSections(report: StatisticsReport): ViewSection[] {
  return SECTIONS.map((key) => {
    const tables: ViewTable[] = [];
    const figures = figureRows(report, key);
    if (figures.length > 0) tables.push({ measures: ['Valeur'], rowHeader: 'Indicateur', rows: figures });
    if (key !== 'opening' && key !== 'public') {
      tables.push({ measures: ['Inscrits', 'Présences'], rowHeader: ROW_HEADERS[key], rows: lineRows(report, key) });
    }
    return { key, title: STATISTICS_SECTION_TITLES[key], tables };
  }).filter((s) => s.tables.some((t) => t.rows.length > 0));
}

// ------------------------------------------------------------------ header

/** "Ville de résidence : Lille, Ronchin ; Statut : aucun (personne n'est compté)", or every public. */
export function criteriaSummary(groups: StatisticsCriteriaGroupEcho[]): string {
  const narrowed = groups.filter((g) => !g.all);
  if (narrowed.length === 0) return 'tous les publics (aucun critère ne restreint le rapport)';
  return narrowed
    .map((g) => {
      const kept = g.items.filter((i) => i.checked).map((i) => (i.active ? i.label : `${i.label} (désactivé)`));
      return `${g.label} : ${kept.length === 0 ? "aucun (personne n'est compté)" : kept.join(', ')}`;
    })
    .join(' ; ');
}

export function periodText(from: string, to: string): string {
  return from === to ? `le ${formatFrenchDate(from)}` : `du ${formatFrenchDate(from)} au ${formatFrenchDate(to)}`;
}

/** The one paragraph that says what the report counts (also the printed summary of the form). */
export function reportSummary(report: StatisticsReport): string {
  const brackets = `${report.brackets.map((b) => `${b.minAge}–${b.maxAge}`).join(', ')} ans (${
    report.bracketsSource === 'structure' ? 'tranches de la structure' : 'tranches choisies pour ce rapport'
  })`;
  const reference = `${formatFrenchDate(report.referenceDate)}${report.referenceDateGiven ? '' : ' (fin de la période)'}`;
  const comparison = report.comparison
    ? ` Comparaison : ${report.comparison.label.toLocaleLowerCase('fr-FR')}, ${periodText(report.comparison.from, report.comparison.to)}.`
    : '';
  return `Période ${periodText(report.from, report.to)}. Critères : ${criteriaSummary(report.criteria)}. Tranches d'âge : ${brackets} ; âges calculés au ${reference}.${comparison}`;
}
