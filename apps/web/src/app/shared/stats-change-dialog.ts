import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { Observable } from 'rxjs';
import type { ApiErrorCode } from '@pointage/contracts';
import type { StatsChange } from './members/member-form';

export interface StatsChangeDialogData {
  /** Whose attributes change: "Luka GRUJIC", "la famille GRUJIC". */
  subject: string;
}

export const STATS_CORRECTION_LABEL = "C'est une correction (les présences passées sont corrigées)";
export const STATS_FROM_TODAY_LABEL = "C'est un changement à partir d'aujourd'hui (les présences passées gardent l'ancienne valeur)";

/**
 * Asks whether a change of statistical attributes corrects a mistake (past
 * attendance rewritten) or starts today (past attendance unchanged).
 */
@Component({
  selector: 'app-stats-change-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>Correction ou changement ?</h2>
    <mat-dialog-content>
      <p>
        Des présences sont déjà enregistrées pour {{ data.subject }}. Les statistiques gardent, pour chaque présence, le sexe, la ville, le
        statut, les minima sociaux et le quotient familial du jour. Que faut-il faire des présences passées ?
      </p>
      <div class="choices">
        <button mat-flat-button type="button" [mat-dialog-close]="'correction'">{{ correction }}</button>
        <button mat-stroked-button type="button" [mat-dialog-close]="'from-today'">{{ fromToday }}</button>
      </div>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="undefined">Annuler</button>
    </mat-dialog-actions>
  `,
  styles: `
    .choices {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .choices button {
      height: auto;
      min-height: 48px;
      padding: 8px 16px;
      white-space: normal;
      text-align: left;
    }
    mat-dialog-actions button {
      min-height: 44px;
    }
  `,
})
export class StatsChangeDialog {
  protected readonly data = inject<StatsChangeDialogData>(MAT_DIALOG_DATA);
  protected readonly correction = STATS_CORRECTION_LABEL;
  protected readonly fromToday = STATS_FROM_TODAY_LABEL;
}

/** Emits the answer, or undefined when the user cancelled. */
export function askStatsChange(dialog: MatDialog, subject: string): Observable<StatsChange | undefined> {
  return dialog
    .open<StatsChangeDialog, StatsChangeDialogData, StatsChange>(StatsChangeDialog, { data: { subject }, width: '560px', maxWidth: '95vw' })
    .afterClosed();
}

/** The API's 400 asking to say whether a change of statistical attributes is a correction (by its code, never its wording). */
export function isStatsChangeQuestion(err: unknown): boolean {
  if (!(err instanceof HttpErrorResponse) || err.status !== 400) return false;
  const code: unknown = (err.error as { code?: unknown } | null)?.code;
  return code === ('stats-change-needed' satisfies ApiErrorCode);
}
