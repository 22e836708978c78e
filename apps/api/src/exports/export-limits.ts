import { BadRequestException } from '@nestjs/common';
import { ATTENDANCE_LIST_LIMITS } from '@pointage/contracts';
import { french } from '../common/errors';

/**
 * The French reason a list is too long for an export, or null. The limits are
 * said in the message (ATTENDANCE_LIST_LIMITS, decision 8).
 */
export function exportLimitProblem(total: number, format: 'pdf' | 'xlsx'): string | null {
  const fr = (n: number) => n.toLocaleString('fr-FR');
  if (format === 'pdf' && total > ATTENDANCE_LIST_LIMITS.pdfRows) {
    return `Cette liste compte ${fr(total)} présences : le PDF est limité à ${fr(ATTENDANCE_LIST_LIMITS.pdfRows)} lignes. Choisissez une période plus courte, ou exportez-la en Excel (XLSX).`;
  }
  if (format === 'xlsx' && total > ATTENDANCE_LIST_LIMITS.xlsxRows) {
    return `Cette liste compte ${fr(total)} présences : l'export Excel est limité à ${fr(ATTENDANCE_LIST_LIMITS.xlsxRows)} lignes. Choisissez une période plus courte.`;
  }
  return null;
}

/** A 400 on the period ("Au") when the list is too long for the export. */
export function assertExportable(total: number, format: 'pdf' | 'xlsx'): void {
  const problem = exportLimitProblem(total, format);
  if (problem) throw new BadRequestException(french(problem, { field: 'to' }));
}
