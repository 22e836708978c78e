import { booleanAttribute, ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { AuditEntry, LIMITS } from '@pointage/contracts';
import { apiResource } from '../core/api-resource';
import { AuditApi, AuditFilters, NO_AUDIT_FILTERS } from './audit-api';
import { applyPageEvent, DataTableFrame, NoDataRow } from './data-table-frame';
import { DateTimePipe } from './date-time-pipe';

/** The audit log, paginated by the API (`?page=` starts at 1). */
@Component({
  selector: 'app-audit-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatPaginatorModule, DataTableFrame, NoDataRow, DateTimePipe],
  template: `
    <app-data-table-frame
      [loading]="log.loading()"
      loadingLabel="Chargement du journal"
      regionLabel="Journal des actions (faites défiler horizontalement sur un petit écran)"
      [status]="log.error() ?? ''"
    >
      <table mat-table [dataSource]="items()" aria-label="Journal des actions">
        <ng-container matColumnDef="at">
          <th mat-header-cell *matHeaderCellDef scope="col">Date</th>
          <td mat-cell *matCellDef="let e" class="nowrap">{{ e.at | dateTime }}</td>
        </ng-container>
        <ng-container matColumnDef="structure">
          <th mat-header-cell *matHeaderCellDef scope="col">Structure</th>
          <td mat-cell *matCellDef="let e">{{ e.structureName ?? '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="actor">
          <th mat-header-cell *matHeaderCellDef scope="col">Qui</th>
          <td mat-cell *matCellDef="let e">
            {{ e.actorLabel }}
            @if (e.actingAs) {
              <span class="acting-as">pour {{ e.actingAs }}</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="action">
          <th mat-header-cell *matHeaderCellDef scope="col">Action</th>
          <td mat-cell *matCellDef="let e">{{ e.actionLabel }}</td>
        </ng-container>
        <ng-container matColumnDef="target">
          <th mat-header-cell *matHeaderCellDef scope="col">Cible</th>
          <td mat-cell *matCellDef="let e">{{ targetOf(e) }}</td>
        </ng-container>
        <ng-container matColumnDef="detail">
          <th mat-header-cell *matHeaderCellDef scope="col">Détail</th>
          <td mat-cell *matCellDef="let e">{{ e.detail ?? '' }}</td>
        </ng-container>
        <ng-container matColumnDef="ip">
          <th mat-header-cell *matHeaderCellDef scope="col">Adresse IP</th>
          <td mat-cell *matCellDef="let e" class="nowrap">{{ e.ip ?? '—' }}</td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
        <tr
          *matNoDataRow
          appNoDataRow
          [columns]="columns().length"
          [loading]="log.loading()"
          [error]="log.error()"
          empty="Aucune entrée."
        ></tr>
      </table>
      <mat-paginator
        [length]="total()"
        [pageIndex]="pageIndex()"
        [pageSize]="pageSize()"
        [pageSizeOptions]="pageSizeOptions"
        (page)="onPage($event)"
        showFirstLastButtons
        aria-label="Pages du journal"
      />
    </app-data-table-frame>
  `,
  styles: `
    table {
      width: 100%;
    }
    .nowrap {
      white-space: nowrap;
    }
    .acting-as {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AuditTable {
  private readonly api = inject(AuditApi);

  /** The API route of the log (the structure's, or the super-admin's one). */
  readonly endpoint = input.required<string>();
  readonly showStructure = input(false, { transform: booleanAttribute });
  /** Optional filter of the super-admin log. */
  readonly structureId = input<number | null>(null);
  /** Filters (the structure admin's journal). */
  readonly filters = input<AuditFilters>(NO_AUDIT_FILTERS);

  protected readonly pageSizeOptions = [25, 50, 100];
  protected readonly pageSize = signal<number>(LIMITS.pageSize.default);
  /** Back to the first page whenever the filter changes. */
  protected readonly pageIndex = linkedSignal({ source: () => [this.structureId(), this.filters()], computation: () => 0 });

  protected readonly columns = computed(() =>
    this.showStructure()
      ? ['at', 'structure', 'actor', 'action', 'target', 'detail', 'ip']
      : ['at', 'actor', 'action', 'target', 'detail', 'ip'],
  );

  protected readonly log = apiResource(
    () => ({
      endpoint: this.endpoint(),
      query: { page: this.pageIndex() + 1, pageSize: this.pageSize(), structureId: this.structureId(), filters: this.filters() },
    }),
    ({ endpoint, query }) => this.api.page(endpoint, query),
  );

  protected readonly items = computed(() => this.log.value()?.items ?? []);
  protected readonly total = computed(() => this.log.value()?.total ?? 0);

  protected onPage(event: PageEvent): void {
    applyPageEvent(event, this.pageIndex, this.pageSize);
  }

  protected targetOf(e: AuditEntry): string {
    if (e.targetLabel) return e.targetLabel;
    const target = [e.targetType, e.targetId].filter((v) => v !== null && v !== '').join(' ');
    return target || '—';
  }
}
