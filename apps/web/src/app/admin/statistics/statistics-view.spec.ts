import { criteriaSummary, formatChange, formatValue, lineWording, reportSections, reportSummary } from './statistics-view';
import { testComparedReport, testReport } from './statistics-testing';

describe('the wording of the report', () => {
  it('writes values and changes in French: signs, minus sign, percentages, hours', () => {
    expect(formatValue(1234, 'people')).toBe('1\u202f234');
    expect(formatValue(125.5, 'hours')).toBe('125 h 30');
    expect(formatChange(12, 9)).toBe('+3 (+33\u00a0%)');
    expect(formatChange(9, 12)).toBe('\u22123 (\u221225\u00a0%)');
    expect(formatChange(5, 0)).toBe('+5');
    expect(formatChange(4, 4)).toBe('=');
    expect(formatChange(10.5, 7, 'hours')).toBe('+3 h 30 (+50\u00a0%)');
    expect(formatChange(7, 10.5, 'hours')).toBe('\u22123 h 30 (\u221233\u00a0%)');
  });

  it('names the lines as the cahier des charges does, by code rather than label', () => {
    expect(lineWording({ group: 'sex', code: 'female', label: 'F' })).toEqual({
      header: 'Filles',
      inscrits: "Nombre d'inscrits filles",
      presences: 'Total présences filles',
    });
    expect(lineWording({ group: 'sex', code: 'male', label: 'H' }).inscrits).toBe("Nombre d'inscrits garçons");
    expect(lineWording({ group: 'city', code: null, label: 'Lille' })).toEqual({
      header: 'Habitants Lille',
      inscrits: 'Habitants Lille',
      presences: 'Total présences habitants Lille',
    });
    expect(lineWording({ group: 'city', code: 'other', label: 'Autres' }).header).toBe('Habitants autres');
    expect(lineWording({ group: 'status', code: 'childminder', label: 'Nounou' })).toEqual({
      header: 'Assistant(e)s maternelles',
      inscrits: 'Total inscrits assistant(e)s maternelles',
      presences: 'Total présences des assistant(e)s maternelles',
    });
    expect(lineWording({ group: 'status', code: 'grandparents', label: 'x' }).inscrits).toBe('Total inscrits grands-parents');
    expect(lineWording({ group: 'status', code: null, label: 'Tante' }).inscrits).toBe('Total inscrits — Tante');
    expect(lineWording({ group: 'age', code: null, label: 'Hors tranches' }).inscrits).toBe('Inscrits hors tranches');
  });

  it('keeps every number with its drill-down key, and the comparison with ofComparison', () => {
    const sections = reportSections(testComparedReport());
    const city = sections.find((s) => s.key === 'city')?.tables[0];
    const lille = city?.rows.find((r) => r.key === 'city:10');
    expect(lille?.measures.map((m) => [m.current.drill, m.current.value, m.previous?.value, m.previous?.ofComparison, m.change])).toEqual([
      ['inscrits:city:10', 3, 3, true, '='],
      ['presences:city:10', 5, 5, true, '='],
    ]);
    const opening = sections.find((s) => s.key === 'opening')?.tables[0].rows;
    expect(opening?.map((r) => r.measures[0].current.drill)).toEqual([null, null]);
  });

  it('summarises the criteria in one sentence', () => {
    const report = testReport();
    expect(criteriaSummary(report.criteria)).toBe('tous les publics (aucun critère ne restreint le rapport)');
    const narrowed = report.criteria.map((g) =>
      g.group === 'city'
        ? { ...g, all: false, items: g.items.map((i) => ({ ...i, checked: i.id === 10 || i.id === 11 })) }
        : g.group === 'status'
          ? { ...g, all: false, items: g.items.map((i) => ({ ...i, checked: false })) }
          : g,
    );
    expect(criteriaSummary(narrowed)).toBe("Ville de résidence : Lille, Wattrelos (désactivé) ; Statut : aucun (personne n'est compté)");
    expect(reportSummary(report)).toBe(
      "Période du 01/01/2026 au 31/01/2026. Critères : tous les publics (aucun critère ne restreint le rapport). Tranches d'âge : 0–2, 3–6 ans (tranches de la structure) ; âges calculés au 31/01/2026 (fin de la période).",
    );
  });
});
