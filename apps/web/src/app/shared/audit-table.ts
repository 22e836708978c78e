import { HttpClient, HttpParams } from '@angular/common/http';
import { booleanAttribute, ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { AuditEntry, LIMITS, Page } from '@pointage/contracts';
import { catchError, of, switchMap, tap } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { DateTimePipe } from './date-time-pipe';

/** Filters of the log, sent as they are ('' or null: none). */
export interface AuditFilters {
  action: string;
  search: string;
  /** 'YYYY-MM-DD' */
  from: string | null;
  to: string | null;
}

export const NO_AUDIT_FILTERS: AuditFilters = { action: '', search: '', from: null, to: null };

/** The audit log, paginated by the API (`?page=` starts at 1). */
@Component({
  selector: 'app-audit-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatPaginatorModule, MatProgressBarModule, DateTimePipe],
  template: `
    <div class="table-wrap" tabindex="0" role="region" aria-label="Journal des actions (faites défiler horizontalement sur un petit écran)">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement du journal" />
      }
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
        <tr class="mat-row" *matNoDataRow>
          <td class="mat-cell no-data" [attr.colspan]="columns().length" [class.error-text]="error()">
            {{ loading() ? 'Chargement…' : (error() ?? 'Aucune entrée.') }}
          </td>
        </tr>
      </table>
    </div>
    <mat-paginator
      [length]="total()"
      [pageIndex]="pageIndex()"
      [pageSize]="pageSize()"
      [pageSizeOptions]="pageSizeOptions"
      (page)="onPage($event)"
      showFirstLastButtons
      aria-label="Pages du journal"
    />
    <p class="visually-hidden" aria-live="polite">{{ error() ?? '' }}</p>
  `,
  styles: `
    .table-wrap {
      overflow-x: auto;
      position: relative;
    }
    .table-wrap:focus-visible {
      outline: 3px solid var(--mat-sys-tertiary);
    }
    mat-progress-bar {
      position: absolute;
      top: 0;
      left: 0;
      right: 0;
    }
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
    .no-data {
      padding: 16px;
      text-align: center;
    }
  `,
})
export class AuditTable {
  private readonly http = inject(HttpClient);

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
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly columns = computed(() =>
    this.showStructure()
      ? ['at', 'structure', 'actor', 'action', 'target', 'detail', 'ip']
      : ['at', 'actor', 'action', 'target', 'detail', 'ip'],
  );

  private readonly query = computed(() => ({
    endpoint: this.endpoint(),
    page: this.pageIndex() + 1,
    pageSize: this.pageSize(),
    structureId: this.structureId(),
    filters: this.filters(),
  }));

  private readonly page = toSignal(
    toObservable(this.query).pipe(
      tap(() => {
        this.loading.set(true);
        this.error.set(null);
      }),
      switchMap((q) => {
        let params = new HttpParams().set('page', q.page).set('pageSize', q.pageSize);
        if (q.structureId !== null) params = params.set('structureId', q.structureId);
        const f = q.filters;
        if (f.action) params = params.set('action', f.action);
        if (f.search.trim()) params = params.set('search', f.search.trim());
        if (f.from) params = params.set('from', f.from);
        if (f.to) params = params.set('to', f.to);
        return this.http.get<Page<AuditEntry>>(q.endpoint, { params }).pipe(
          catchError((err: unknown) => {
            this.error.set(apiErrorMessage(err));
            return of(null);
          }),
        );
      }),
      tap(() => this.loading.set(false)),
    ),
    { initialValue: null },
  );

  protected readonly items = computed(() => this.page()?.items ?? []);
  protected readonly total = computed(() => this.page()?.total ?? 0);

  protected onPage(event: PageEvent): void {
    if (event.pageSize !== this.pageSize()) {
      this.pageSize.set(event.pageSize);
      this.pageIndex.set(0);
    } else {
      this.pageIndex.set(event.pageIndex);
    }
  }

  protected targetOf(e: AuditEntry): string {
    if (e.targetLabel) return e.targetLabel;
    const target = [e.targetType, e.targetId].filter((v) => v !== null && v !== '').join(' ');
    return target || '—';
  }
}
