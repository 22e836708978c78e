import { BadRequestException } from '@nestjs/common';
import { assertExportable, exportLimitProblem } from './export-limits';

describe('export limits', () => {
  const nbsp = (s: string) => s.replace(/(\d) (\d{3})/g, '$1\u202f$2');

  it('refuses a PDF over 5,000 rows and points to the XLSX', () => {
    expect(exportLimitProblem(5000, 'pdf')).toBeNull();
    expect(exportLimitProblem(5001, 'pdf')).toBe(
      nbsp(
        'Cette liste compte 5 001 présences : le PDF est limité à 5 000 lignes. Choisissez une période plus courte, ou exportez-la en Excel (XLSX).',
      ),
    );
  });

  it('refuses an XLSX over 200,000 rows, saying the limit', () => {
    expect(exportLimitProblem(200_000, 'xlsx')).toBeNull();
    expect(exportLimitProblem(250_000, 'xlsx')).toBe(
      nbsp("Cette liste compte 250 000 présences : l'export Excel est limité à 200 000 lignes. Choisissez une période plus courte."),
    );
  });

  it('answers a 400 on the period field', () => {
    expect(() => assertExportable(250_000, 'xlsx')).toThrow(BadRequestException);
    try {
      assertExportable(250_000, 'xlsx');
    } catch (e) {
      expect((e as BadRequestException).getResponse()).toMatchObject({ field: 'to' });
    }
    expect(() => assertExportable(10, 'xlsx')).not.toThrow();
  });
});
