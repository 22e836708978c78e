import { Injectable, Provider } from '@angular/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';

/** Labels of mat-datepicker in French (screen readers read them). */
@Injectable()
export class FrenchDatepickerIntl extends MatDatepickerIntl {
  override calendarLabel = 'Calendrier';
  override openCalendarLabel = 'Ouvrir le calendrier';
  override closeCalendarLabel = 'Fermer le calendrier';
  override prevMonthLabel = 'Mois précédent';
  override nextMonthLabel = 'Mois suivant';
  override prevYearLabel = 'Année précédente';
  override nextYearLabel = 'Année suivante';
  override prevMultiYearLabel = '24 années précédentes';
  override nextMultiYearLabel = '24 années suivantes';
  override switchToMonthViewLabel = 'Choisir la date';
  override switchToMultiYearViewLabel = "Choisir le mois et l'année";
  override startDateLabel = 'Date de début';
  override endDateLabel = 'Date de fin';
  override comparisonDateLabel = 'Période de comparaison';

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
