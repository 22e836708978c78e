import { ChangeDetectionStrategy, Component, computed, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { LIMITS, MemberQuery, MemberSort } from '@pointage/contracts';
import { formatFrenchDate } from '@pointage/domain';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { apiResource } from '../../core/api-resource';
import { applyPageEvent, DataTableFrame, NoDataRow } from '../../shared/data-table-frame';
import { FamiliesApi } from '../families/families-api';

export const MEMBER_SEARCH_DEBOUNCE_MS = 300;
export const MEMBER_PAGE_SIZES = [25, 50, 100];
export type MemberArchived = NonNullable<MemberQuery['archived']>;

/** The table's query, kept while the admin opens a family and comes back. */
@Injectable({ providedIn: 'root' })
export class MembersTableState {
  readonly search = signal('');
  readonly sort = signal<MemberSort>('lastName');
  readonly order = signal<'asc' | 'desc'>('asc');
  readonly pageIndex = signal(0);
  readonly pageSize = signal<number>(LIMITS.pageSize.default);
  readonly archived = signal<MemberArchived>('false');
  readonly statusId = signal<number | null>(null);
  readonly cityId = signal<number | null>(null);
  readonly ageMin = signal<number | null>(null);
  readonly ageMax = signal<number | null>(null);

  readonly query = computed<MemberQuery>(() => ({
    search: this.search(),
    sort: this.sort(),
    order: this.order(),
    page: this.pageIndex() + 1,
    pageSize: this.pageSize(),
    archived: this.archived(),
    ...(this.statusId() !== null ? { statusId: this.statusId() as number } : {}),
    ...(this.cityId() !== null ? { cityId: this.cityId() as number } : {}),
    ...(this.ageMin() !== null ? { ageMin: this.ageMin() as number } : {}),
    ...(this.ageMax() !== null ? { ageMax: this.ageMax() as number } : {}),
  }));
}

/** "0", "12" -> a whole age; anything else (empty, negative, decimal) -> null. */
export function parseAge(value: string | number | null): number | null {
  if (value === null || value === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 130 ? n : null;
}

/** "MEMBRES": every member of the structure, searched, filtered, sorted and paged by the API. */
@Component({
  selector: 'app-members',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    DataTableFrame,
    NoDataRow,
  ],
  template: `
    <h1>MEMBRES</h1>
    <div class="filters" role="search" aria-label="Filtres des membres">
      <mat-form-field appearance="outline" class="search" subscriptSizing="dynamic">
        <mat-label>Rechercher un membre (nom, prénom)</mat-label>
        <mat-icon matPrefix svgIcon="search" aria-hidden="true" />
        <input matInput type="search" [formControl]="searchControl" [maxlength]="maxSearch" autocomplete="off" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Statut</mat-label>
        <mat-select [value]="state.statusId()" (selectionChange)="setFilter(state.statusId, $event.value)">
          <mat-option [value]="null">Tous</mat-option>
          @for (s of options()?.status ?? []; track s.id) {
            <mat-option [value]="s.id">{{ s.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Ville de résidence</mat-label>
        <mat-select [value]="state.cityId()" (selectionChange)="setFilter(state.cityId, $event.value)">
          <mat-option [value]="null">Toutes</mat-option>
          @for (c of options()?.city ?? []; track c.id) {
            <mat-option [value]="c.id">{{ c.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" class="age" subscriptSizing="dynamic">
        <mat-label>Âge de</mat-label>
        <input matInput type="number" min="0" max="130" inputmode="numeric" [formControl]="ageMinControl" />
        <span matTextSuffix>ans</span>
      </mat-form-field>
      <mat-form-field appearance="outline" class="age" subscriptSizing="dynamic">
        <mat-label>à</mat-label>
        <input matInput type="number" min="0" max="130" inputmode="numeric" [formControl]="ageMaxControl" />
        <span matTextSuffix>ans</span>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Membres affichés</mat-label>
        <mat-select [value]="state.archived()" (selectionChange)="setFilter(state.archived, $event.value)">
          <mat-option value="false">Actifs</mat-option>
          <mat-option value="true">Archivés</mat-option>
          <mat-option value="all">Tous</mat-option>
        </mat-select>
      </mat-form-field>
    </div>
    <p class="error-text" aria-live="assertive">{{ ageError() }}</p>

    <app-data-table-frame [loading]="page.loading()" loadingLabel="Chargement des membres" [status]="status()">
      <table
        mat-table
        [dataSource]="items()"
        matSort
        [matSortActive]="state.sort()"
        [matSortDirection]="state.order()"
        matSortDisableClear
        (matSortChange)="onSort($event)"
        aria-label="Membres"
      >
        <ng-container matColumnDef="lastName">
          <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">Nom</th>
          <td mat-cell *matCellDef="let m">{{ m.lastName }}</td>
        </ng-container>
        <ng-container matColumnDef="firstName">
          <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">Prénom</th>
          <td mat-cell *matCellDef="let m">{{ m.firstName }}</td>
        </ng-container>
        <ng-container matColumnDef="sex">
          <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">Sexe</th>
          <td mat-cell *matCellDef="let m">{{ m.sex }}</td>
        </ng-container>
        <ng-container matColumnDef="age">
          <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">Âge</th>
          <td mat-cell *matCellDef="let m" class="nowrap" [title]="'Né(e) le ' + day(m.birthDate)">
            {{ m.age }} an{{ m.age > 1 ? 's' : '' }}
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">Statut</th>
          <td mat-cell *matCellDef="let m">{{ m.status }}</td>
        </ng-container>
        <ng-container matColumnDef="city">
          <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">Ville de résidence</th>
          <td mat-cell *matCellDef="let m">{{ m.city }}</td>
        </ng-container>
        <ng-container matColumnDef="minima">
          <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">Minima sociaux</th>
          <td mat-cell *matCellDef="let m">{{ m.minima }}</td>
        </ng-container>
        <ng-container matColumnDef="qf">
          <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">Quotient familial</th>
          <td mat-cell *matCellDef="let m" class="nowrap">{{ m.qf }}</td>
        </ng-container>
        <ng-container matColumnDef="familyName">
          <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">Famille</th>
          <td mat-cell *matCellDef="let m">
            <a [routerLink]="['/admin/familles', m.familyId]" class="family">{{ m.familyName }}</a>
            @if (m.archived) {
              <span class="badge">Archivé</span>
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
          empty="Aucun membre ne correspond."
        ></tr>
      </table>
      <mat-paginator
        [length]="total()"
        [pageIndex]="state.pageIndex()"
        [pageSize]="state.pageSize()"
        [pageSizeOptions]="pageSizes"
        (page)="onPage($event)"
        showFirstLastButtons
        aria-label="Pages des membres"
      />
    </app-data-table-frame>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin-bottom: 8px;
    }
    .search {
      flex: 1 1 280px;
      max-width: 420px;
    }
    .age {
      width: 110px;
    }
    table {
      width: 100%;
    }
    .family {
      display: inline-block;
      min-height: 44px;
      line-height: 44px;
      font-weight: 500;
    }
    .badge {
      margin-left: 8px;
      padding: 2px 8px;
      border-radius: 12px;
      font: var(--mat-sys-label-small);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .nowrap {
      white-space: nowrap;
    }
  `,
})
export class Members {
  private readonly api = inject(FamiliesApi);
  protected readonly state = inject(MembersTableState);

  protected readonly columns = ['lastName', 'firstName', 'sex', 'age', 'status', 'city', 'minima', 'qf', 'familyName'];
  protected readonly pageSizes = MEMBER_PAGE_SIZES;
  protected readonly maxSearch = LIMITS.search;
  readonly searchControl = new FormControl(this.state.search(), { nonNullable: true });
  readonly ageMinControl = new FormControl<number | null>(this.state.ageMin());
  readonly ageMaxControl = new FormControl<number | null>(this.state.ageMax());
  private readonly catalog = apiResource(() => this.api.catalog());
  protected readonly options = computed(() => this.catalog.value()?.options ?? null);
  protected readonly ageError = computed(() => {
    const min = this.state.ageMin();
    const max = this.state.ageMax();
    return min !== null && max !== null && min > max ? "L'âge minimum doit être inférieur ou égal à l'âge maximum." : '';
  });

  protected readonly page = apiResource(
    () => {
      const q = this.state.query();
      // An impossible range is said beside the fields; the API is not asked.
      return q.ageMin !== undefined && q.ageMax !== undefined && q.ageMin > q.ageMax ? undefined : q;
    },
    (q) => this.api.members(q),
  );

  protected readonly items = computed(() => this.page.value()?.items ?? []);
  protected readonly total = computed(() => this.page.value()?.total ?? 0);
  protected readonly status = computed(() => {
    const error = this.page.error();
    if (error) return error;
    const page = this.page.value();
    if (!page || this.page.loading()) return '';
    return page.total === 0 ? 'Aucun membre ne correspond.' : `${page.total} membre${page.total > 1 ? 's' : ''}`;
  });

  constructor() {
    this.searchControl.valueChanges
      .pipe(debounceTime(MEMBER_SEARCH_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((search) => {
        this.state.search.set(search.trim());
        this.state.pageIndex.set(0);
      });
    this.ageMinControl.valueChanges
      .pipe(debounceTime(MEMBER_SEARCH_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe((v) => this.setFilter(this.state.ageMin, parseAge(v)));
    this.ageMaxControl.valueChanges
      .pipe(debounceTime(MEMBER_SEARCH_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe((v) => this.setFilter(this.state.ageMax, parseAge(v)));
  }

  setFilter<T>(target: { set(value: T): void }, value: T): void {
    target.set(value);
    this.state.pageIndex.set(0);
  }

  protected day(date: string): string {
    return formatFrenchDate(date);
  }

  onSort(sort: Sort): void {
    this.state.sort.set((sort.active as MemberSort) || 'lastName');
    this.state.order.set(sort.direction === 'desc' ? 'desc' : 'asc');
    this.state.pageIndex.set(0);
  }

  onPage(event: PageEvent): void {
    applyPageEvent(event, this.state.pageIndex, this.state.pageSize);
  }
}
