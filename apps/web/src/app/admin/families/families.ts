import { ChangeDetectionStrategy, Component, computed, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { FamilyQuery, FamilySummary, LIMITS } from '@pointage/contracts';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { apiErrorMessage } from '../../core/api-error';
import { apiResource } from '../../core/api-resource';
import { submitter } from '../../core/submitter';
import { applyPageEvent, DataTableFrame, NoDataRow } from '../../shared/data-table-frame';
import { frenchDay } from '../../shared/french-day';
import { AttendanceAdminApi } from '../attendance/attendance-api';
import { FamiliesApi } from './families-api';

export type ArchivedFilter = NonNullable<FamilyQuery['archived']>;
export type FamilySort = NonNullable<FamilyQuery['sort']>;

export const SEARCH_DEBOUNCE_MS = 300;
export const FAMILY_PAGE_SIZES = [25, 50, 100];

/** The table's query, kept while the admin opens a family and comes back. */
@Injectable({ providedIn: 'root' })
export class FamiliesTableState {
  readonly search = signal('');
  readonly sort = signal<FamilySort>('name');
  readonly order = signal<'asc' | 'desc'>('asc');
  readonly pageIndex = signal(0);
  readonly pageSize = signal<number>(LIMITS.pageSize.default);
  readonly archived = signal<ArchivedFilter>('false');

  readonly query = computed<FamilyQuery>(() => ({
    search: this.search(),
    sort: this.sort(),
    order: this.order(),
    page: this.pageIndex() + 1,
    pageSize: this.pageSize(),
    archived: this.archived(),
  }));
}

/** "FAMILLES": search, sort and page through the families of the structure. */
@Component({
  selector: 'app-families',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatSortModule,
    MatTableModule,
    DataTableFrame,
    NoDataRow,
  ],
  template: `
    <div class="heading">
      <h1>FAMILLES</h1>
      <div class="heading-actions">
        <a mat-stroked-button routerLink="/admin/familles/conservation">
          <mat-icon svgIcon="history" aria-hidden="true" />
          Conservation des données (RGPD)
        </a>
        <a mat-flat-button routerLink="/admin/familles/nouvelle">
          <mat-icon svgIcon="person_add" aria-hidden="true" />
          Nouvelle famille
        </a>
      </div>
    </div>

    <div class="filters">
      <mat-form-field appearance="outline" class="search" subscriptSizing="dynamic">
        <mat-label>Rechercher une famille ou un membre</mat-label>
        <mat-icon matPrefix svgIcon="search" aria-hidden="true" />
        <input matInput type="search" [formControl]="searchControl" [maxlength]="maxSearch" autocomplete="off" />
      </mat-form-field>
      <mat-chip-listbox aria-label="Familles à afficher" [value]="state.archived()" (change)="onArchived($event.value)">
        @for (f of archivedFilters; track f.value) {
          <mat-chip-option [value]="f.value" [selectable]="state.archived() !== f.value">{{ f.label }}</mat-chip-option>
        }
      </mat-chip-listbox>
    </div>

    <app-data-table-frame [loading]="page.loading()" loadingLabel="Chargement des familles" [status]="status()">
      <table
        mat-table
        [dataSource]="items()"
        matSort
        [matSortActive]="state.sort()"
        [matSortDirection]="state.order()"
        matSortDisableClear
        (matSortChange)="onSort($event)"
        aria-label="Familles"
      >
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">Nom</th>
          <td mat-cell *matCellDef="let f">
            <a [routerLink]="['/admin/familles', f.id]" class="name">{{ f.name }}</a>
            @if (f.archived) {
              <span class="badge">Archivée</span>
            }
            @if (f.anonymised) {
              <span class="badge">Anonymisée</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="memberCount">
          <th mat-header-cell *matHeaderCellDef mat-sort-header start="desc" scope="col">Membres</th>
          <td mat-cell *matCellDef="let f">
            <span class="count">{{ f.memberCount }}</span>
            <span class="names">{{ f.memberNames }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="email">
          <th mat-header-cell *matHeaderCellDef scope="col">Identifiant</th>
          <td mat-cell *matCellDef="let f" class="email">{{ f.email ?? '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="createdAt">
          <th mat-header-cell *matHeaderCellDef mat-sort-header start="desc" scope="col">Inscrite le</th>
          <td mat-cell *matCellDef="let f" class="nowrap">{{ day(f.createdAt) }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let f" class="row-actions">
            <a mat-stroked-button [routerLink]="['/admin/familles', f.id]" [attr.aria-label]="'Voir la famille ' + f.name">Voir</a>
            @if (!f.archived && !f.anonymised) {
              <button
                mat-stroked-button
                type="button"
                [disabled]="pointing() === f.id"
                (click)="point(f)"
                [attr.aria-label]="'Pointer pour la famille ' + f.name"
              >
                <mat-icon svgIcon="how_to_reg" aria-hidden="true" />
                Pointer
              </button>
            }
          </td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr
          *matNoDataRow
          appNoDataRow
          [columns]="columns.length"
          [loading]="page.loading()"
          [error]="page.error()"
          empty="Aucune famille ne correspond."
        ></tr>
      </table>
      <mat-paginator
        [length]="total()"
        [pageIndex]="state.pageIndex()"
        [pageSize]="state.pageSize()"
        [pageSizeOptions]="pageSizes"
        (page)="onPage($event)"
        showFirstLastButtons
        aria-label="Pages des familles"
      />
    </app-data-table-frame>
  `,
  styles: `
    .heading,
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
    }
    .heading a {
      min-height: 44px;
    }
    .heading-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .filters {
      justify-content: flex-start;
      margin-bottom: 12px;
    }
    .search {
      flex: 1 1 320px;
      max-width: 480px;
    }
    table {
      width: 100%;
    }
    .name {
      font-weight: 500;
      display: inline-block;
      min-height: 44px;
      line-height: 44px;
    }
    .badge {
      margin-left: 8px;
      padding: 2px 8px;
      border-radius: 12px;
      font: var(--mat-sys-label-small);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .count {
      font-weight: 500;
      margin-right: 8px;
    }
    .names {
      color: var(--mat-sys-on-surface-variant);
    }
    .email {
      word-break: break-all;
    }
    .nowrap {
      white-space: nowrap;
    }
    td a[mat-stroked-button],
    td button {
      min-height: 44px;
    }
    .row-actions {
      white-space: nowrap;
    }
    .row-actions > * + * {
      margin-left: 8px;
    }
  `,
})
export class Families {
  private readonly api = inject(FamiliesApi);
  private readonly attendance = inject(AttendanceAdminApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly state = inject(FamiliesTableState);

  protected readonly columns = ['name', 'memberCount', 'email', 'createdAt', 'actions'];
  protected readonly pageSizes = FAMILY_PAGE_SIZES;
  protected readonly maxSearch = LIMITS.search;
  protected readonly archivedFilters: { value: ArchivedFilter; label: string }[] = [
    { value: 'false', label: 'Actives' },
    { value: 'true', label: 'Archivées' },
    { value: 'all', label: 'Toutes' },
  ];

  readonly searchControl = new FormControl(this.state.search(), { nonNullable: true });
  private readonly submit = submitter();
  /** The family whose sheet is being opened ("Pointer"). */
  protected readonly pointing = signal<number | null>(null);

  protected readonly page = apiResource(
    () => this.state.query(),
    (q) => this.api.list(q),
  );

  protected readonly items = computed(() => this.page.value()?.items ?? []);
  protected readonly total = computed(() => this.page.value()?.total ?? 0);
  protected readonly status = computed(() => {
    const error = this.page.error();
    if (error) return error;
    const page = this.page.value();
    if (!page || this.page.loading()) return '';
    return page.total === 0 ? 'Aucune famille ne correspond.' : `${page.total} famille${page.total > 1 ? 's' : ''}`;
  });

  constructor() {
    this.searchControl.valueChanges
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((search) => {
        this.state.search.set(search.trim());
        this.state.pageIndex.set(0);
      });
  }

  /** "Pointer pour la famille …": opens the family's attendance sheet in the back office. */
  point(f: FamilySummary): void {
    if (this.pointing() !== null) return;
    this.pointing.set(f.id);
    this.submit.run(this.attendance.startActing(f.id), {
      done: () => void this.router.navigate(['/admin/pointer', f.id]),
      // The table has no error line: the refusal goes to a snack bar, as before.
      handle: (err) => {
        this.snackBar.open(apiErrorMessage(err), 'Fermer', { duration: 8000 });
        return true;
      },
      always: () => this.pointing.set(null),
    });
  }

  protected day(instant: string): string {
    return frenchDay(instant);
  }

  onSort(sort: Sort): void {
    this.state.sort.set((sort.active as FamilySort) || 'name');
    this.state.order.set(sort.direction === 'desc' ? 'desc' : 'asc');
    this.state.pageIndex.set(0);
  }

  onArchived(value: ArchivedFilter | undefined): void {
    if (!value || value === this.state.archived()) return;
    this.state.archived.set(value);
    this.state.pageIndex.set(0);
  }

  onPage(event: PageEvent): void {
    applyPageEvent(event, this.state.pageIndex, this.state.pageSize);
  }
}
