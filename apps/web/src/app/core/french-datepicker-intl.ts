import { inject, Injectable, Provider } from '@angular/core';
import { DateAdapter } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { FrenchDateAdapter } from './french-date-adapter';

/** Labels of mat-datepicker in French (screen readers read them). */
@Injectable()
export class FrenchDatepickerIntl extends MatDatepickerIntl {
  private readonly adapter = inject(DateAdapter, { optional: true });

  constructor() {
    super();
    // The header's period button shows "NOV. 2026" and is named by these labels:
    // its name must contain what is seen (WCAG 2.5.3, axe label-content-name-mismatch).
    const withPeriod = (action: string) => () => {
      const shown = this.adapter instanceof FrenchDateAdapter ? this.adapter.shownPeriod : '';
      return shown ? `${shown}, ${action.charAt(0).toLocaleLowerCase('fr-FR')}${action.slice(1)}` : action;
    };
    Object.defineProperty(this, 'switchToMultiYearViewLabel', { get: withPeriod("Choisir le mois et l'année"), configurable: true });
    Object.defineProperty(this, 'switchToMonthViewLabel', { get: withPeriod('Choisir la date'), configurable: true });
  }

  override calendarLabel = 'Calendrier';
  override openCalendarLabel = 'Ouvrir le calendrier';
  override closeCalendarLabel = 'Fermer le calendrier';
  override prevMonthLabel = 'Mois précédent';
  override nextMonthLabel = 'Mois suivant';
  override prevYearLabel = 'Année précédente';
  override nextYearLabel = 'Année suivante';
  override prevMultiYearLabel = '24 années précédentes';
  override nextMultiYearLabel = '24 années suivantes';
  override startDateLabel = 'Date de début';
  override endDateLabel = 'Date de fin';
  override comparisonDateLabel = 'Période de comparaison';

  override formatYearRange(start: string, end: string): string {
    const range = super.formatYearRange(start, end);
    if (this.adapter instanceof FrenchDateAdapter) this.adapter.shownPeriod = range;
    return range;
  }

  override formatYearRangeLabel(start: string, end: string): string {
    return `de ${start} à ${end}`;
  }
}

/**
 * For the components that show a date picker: provided at component level so
 * that it also applies inside dialogs (opened from the root injector).
 */
export function provideFrenchDatepicker(): Provider {
  return { provide: MatDatepickerIntl, useClass: FrenchDatepickerIntl };
}
