import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { FamilyAttendanceRow, Page } from '@pointage/contracts';
import { formatFrenchDayDate, formatHm, zonedParts } from '@pointage/domain';
import { apiResource } from '../../core/api-resource';
import { FamiliesApi } from './families-api';

export const HISTORY_PAGE_SIZE = 10;

/** A family's attendance, newest first, paged by the API. */
@Component({
  selector: 'app-family-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatPaginatorModule, MatProgressBarModule],
  template: `
    <section class="history" aria-labelledby="history-title">
      <h2 id="history-title">Historique des présences{{ page() ? ' (' + page()?.total + ')' : '' }}</h2>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement de l'historique" />
      }
      <p class="error-text" aria-live="assertive">{{ error() }}</p>
      <table mat-table [dataSource]="page()?.items ?? []" aria-label="Historique des présences">
        <ng-container matColumnDef="date">
          <th mat-header-cell *matHeaderCellDef scope="col">Date</th>
          <td mat-cell *matCellDef="let r">{{ day(r) }}</td>
        </ng-container>
        <ng-container matColumnDef="slot">
          <th mat-header-cell *matHeaderCellDef scope="col">Créneau</th>
          <td mat-cell *matCellDef="let r" class="nowrap">{{ slot(r) }}</td>
        </ng-container>
        <ng-container matColumnDef="member">
          <th mat-header-cell *matHeaderCellDef scope="col">Membre</th>
          <td mat-cell *matCellDef="let r">{{ r.firstName }} {{ r.lastName }}</td>
        </ng-container>
        <ng-container matColumnDef="arrival">
          <th mat-header-cell *matHeaderCellDef scope="col">Arrivée</th>
          <td mat-cell *matCellDef="let r" class="nowrap">{{ arrival(r) }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-row" *matNoDataRow>
          <td class="mat-cell no-data" [attr.colspan]="columns.length">{{ loading() ? 'Chargement…' : 'Aucune présence enregistrée.' }}</td>
        </tr>
      </table>
      @if ((page()?.total ?? 0) > pageSize) {
        <mat-paginator
          [length]="page()?.total ?? 0"
          [pageIndex]="pageIndex()"
          [pageSize]="pageSize"
          [hidePageSize]="true"
          (page)="onPage($event)"
          aria-label="Pages de l'historique"
        />
      }
    </section>
  `,
  styles: `
    .history {
      margin-top: 24px;
      position: relative;
    }
    table {
      width: 100%;
    }
    .nowrap {
      white-space: nowrap;
    }
    .no-data {
      padding: 16px;
      text-align: center;
    }
  `,
})
export class FamilyHistory {
  private readonly api = inject(FamiliesApi);
  readonly familyId = input.required<number>();
  /** Changes when the family changes (a merge moves attendance): the history is read again. */
  readonly version = input<unknown>(null);
  readonly timeZone = input('Europe/Paris');

  protected readonly columns = ['date', 'slot', 'member', 'arrival'];
  protected readonly pageSize = HISTORY_PAGE_SIZE;
  protected readonly pageIndex = signal(0);
  private readonly history = apiResource(
    () => ({ id: this.familyId(), index: this.pageIndex(), version: this.version() }),
    ({ id, index }) => this.api.attendance(id, index + 1, this.pageSize),
  );
  protected readonly page = computed<Page<FamilyAttendanceRow> | null>(() => this.history.value() ?? null);
  protected readonly loading = this.history.loading;
  protected readonly error = computed(() => this.history.error() ?? '');

  onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
  }

  protected day(r: FamilyAttendanceRow): string {
    return formatFrenchDayDate(r.date);
  }

  protected slot(r: FamilyAttendanceRow): string {
    return `${formatHm(r.startMinute)}–${formatHm(r.endMinute)}`;
  }

  protected arrival(r: FamilyAttendanceRow): string {
    return formatHm(zonedParts(new Date(r.arrivedAt), this.timeZone()).minutes);
  }
}
