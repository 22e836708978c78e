import { ChangeDetectionStrategy, Component, computed, effect, inject, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatPaginator, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatTableDataSource, MatTableModule } from '@angular/material/table';
import type { StatisticsDrilldown, StatisticsDrillFamily, StatisticsDrillMember, StatisticsRequest } from '@pointage/contracts';
import { formatFrenchDate } from '@pointage/domain';
import { tap } from 'rxjs';
import { apiResource } from '../../core/api-resource';
import { provideFrenchPaginator } from '../../core/french-paginator-intl';
import { NoDataRow } from '../../shared/data-table-frame';
import { StatisticsApi } from './statistics-api';

export interface DrilldownDialogData {
  /** The request of the report shown (not the form as it may have been edited since). */
  request: StatisticsRequest;
  key: string;
  ofComparison: boolean;
  /** Wording of the number opened ("Habitants Lille"). */
  label: string;
  /** The number shown on the page: the list must add up to it. */
  expected: number;
  /** "du 01/01/2026 au 31/12/2026" */
  period: string;
}

type Row = StatisticsDrillMember | StatisticsDrillFamily;

const plural = (n: number, one: string, many: string) => `${new Intl.NumberFormat('fr-FR').format(n)} ${n > 1 ? many : one}`;

/** "25 personnes", "12 familles", "40 présences de 18 personnes". */
export function drillCountText(d: StatisticsDrilldown): string {
  switch (d.kind) {
    case 'families':
      return plural(d.total, 'famille', 'familles');
    case 'presences':
      return `${plural(d.total, 'présence', 'présences')} de ${plural(d.rows.length, 'personne', 'personnes')}`;
    case 'registrations':
      return plural(d.total, 'personne inscrite', 'personnes inscrites');
    case 'members':
      return plural(d.total, 'personne', 'personnes');
  }
}

/** Who, then what the figure counted (présences, last one), then the attributes it tested: the first columns fit a tablet. */
const MEMBER_COLUMNS = [
  'lastName',
  'firstName',
  'familyName',
  'age',
  'presences',
  'lastAttendance',
  'sex',
  'city',
  'status',
  'minima',
  'qf',
];

/** Who a figure counts: a sortable, paginated list whose count is the figure. */
@Component({
  selector: 'app-drilldown-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatTableModule, MatSortModule, MatPaginatorModule, MatProgressBarModule, NoDataRow],
  providers: [provideFrenchPaginator()],
  template: `
    <h2 mat-dialog-title>{{ data.label }}</h2>
    <mat-dialog-content>
      <p class="period">
        {{ data.ofComparison ? 'Période de comparaison' : 'Période' }} {{ data.period }}
        @if (drill(); as d) {
          — <span class="count">{{ countText() }}</span>
        }
      </p>
      <div role="status" class="status">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="Chargement de la liste" />
          <span class="visually-hidden">Chargement de la liste…</span>
        }
        @if (mismatch()) {
          <p class="warning">
            La liste compte {{ drill()?.total }} alors que le rapport affiche {{ data.expected }} : des présences ont été enregistrées
            depuis. Générez à nouveau le rapport.
          </p>
        }
      </div>
      <p class="error-text" aria-live="assertive">{{ error() }}</p>

      @if (drill(); as d) {
        <div class="table-wrap">
          <table mat-table [dataSource]="dataSource" matSort [attr.aria-label]="data.label + ' : ' + countText()">
            <ng-container matColumnDef="lastName">
              <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Trier par nom" scope="col">Nom</th>
              <td mat-cell *matCellDef="let r">
                {{ r.lastName }}
                @if (r.archived) {
                  <span class="tag">(archivé)</span>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="firstName">
              <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Trier par prénom" scope="col">Prénom</th>
              <td mat-cell *matCellDef="let r">{{ r.firstName }}</td>
            </ng-container>
            <ng-container matColumnDef="familyName">
              <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Trier par famille" scope="col">Famille</th>
              <td mat-cell *matCellDef="let r">{{ r.familyName }}</td>
            </ng-container>
            <ng-container matColumnDef="members">
              <th mat-header-cell *matHeaderCellDef scope="col">Membres comptés</th>
              <td mat-cell *matCellDef="let r">{{ r.members.join(', ') }}</td>
            </ng-container>
            <ng-container matColumnDef="age">
              <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Trier par âge" scope="col">Âge</th>
              <td mat-cell *matCellDef="let r" class="num">{{ r.age }}</td>
            </ng-container>
            <ng-container matColumnDef="sex">
              <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Trier par sexe" scope="col">Sexe</th>
              <td mat-cell *matCellDef="let r">{{ r.sex }}</td>
            </ng-container>
            <ng-container matColumnDef="city">
              <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Trier par ville" scope="col">Ville</th>
              <td mat-cell *matCellDef="let r">{{ r.city }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Trier par statut" scope="col">Statut</th>
              <td mat-cell *matCellDef="let r">{{ r.status }}</td>
            </ng-container>
            <ng-container matColumnDef="minima">
              <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Trier par minima sociaux" scope="col">
                Minima sociaux
              </th>
              <td mat-cell *matCellDef="let r">{{ r.minima }}</td>
            </ng-container>
            <ng-container matColumnDef="qf">
              <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Trier par quotient familial" scope="col">
                <abbr title="Quotient familial">QF</abbr>
              </th>
              <td mat-cell *matCellDef="let r" class="nowrap">{{ r.qf }}</td>
            </ng-container>
            <ng-container matColumnDef="presences">
              <th
                mat-header-cell
                *matHeaderCellDef
                mat-sort-header
                sortActionDescription="Trier par nombre de présences"
                start="desc"
                scope="col"
              >
                Présences
              </th>
              <td mat-cell *matCellDef="let r" class="num">{{ r.presences }}</td>
            </ng-container>
            <ng-container matColumnDef="lastAttendance">
              <th
                mat-header-cell
                *matHeaderCellDef
                mat-sort-header
                sortActionDescription="Trier par dernière présence"
                start="desc"
                scope="col"
              >
                Dernière présence
              </th>
              <td mat-cell *matCellDef="let r" class="nowrap">{{ date(r.lastAttendance) }}</td>
            </ng-container>
            <ng-container matColumnDef="registeredOn">
              <th mat-header-cell *matHeaderCellDef mat-sort-header sortActionDescription="Trier par date d'inscription" scope="col">
                Inscrit le
              </th>
              <td mat-cell *matCellDef="let r" class="nowrap">{{ date(r.registeredOn) }}</td>
            </ng-container>

            <tr mat-header-row *matHeaderRowDef="columns()"></tr>
            <tr mat-row *matRowDef="let row; columns: columns()"></tr>
            <tr *matNoDataRow appNoDataRow [columns]="columns().length" empty="Personne n'est compté dans ce chiffre."></tr>
          </table>
        </div>
        <mat-paginator [pageSizeOptions]="[10, 25, 50, 100]" [pageSize]="10" showFirstLastButtons aria-label="Pages de la liste" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close>Fermer</button>
    </mat-dialog-actions>
  `,
  styles: `
    .period {
      margin: 0 0 8px;
    }
    .count {
      font-weight: 500;
    }
    .warning {
      padding: 8px 12px;
      border-radius: 4px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .table-wrap {
      overflow-x: auto;
      --mat-table-row-item-container-height: 40px;
      --mat-table-header-container-height: 44px;
    }
    table {
      width: 100%;
    }
    .num {
      text-align: end;
    }
    .nowrap {
      white-space: nowrap;
    }
    .tag {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    mat-dialog-actions button {
      min-height: 44px;
    }
  `,
})
export class DrilldownDialog {
  protected readonly data = inject<DrilldownDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(StatisticsApi);

  private readonly drilldown = apiResource(() => {
    const { request, key, ofComparison } = this.data;
    return this.api
      .drilldown({ ...request, key, ...(ofComparison ? { ofComparison: true } : {}) })
      .pipe(tap((d) => (this.dataSource.data = d.rows)));
  });
  readonly drill = computed<StatisticsDrilldown | null>(() => this.drilldown.value() ?? null);
  protected readonly loading = this.drilldown.loading;
  protected readonly error = computed(() => this.drilldown.error() ?? '');
  protected readonly dataSource = new MatTableDataSource<Row>([]);
  private readonly sort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);

  protected readonly columns = computed(() => {
    const d = this.drill();
    if (!d) return [];
    if (d.kind === 'families') return ['familyName', 'members', 'presences'];
    if (d.kind === 'registrations') return [...MEMBER_COLUMNS.slice(0, 4), 'registeredOn', ...MEMBER_COLUMNS.slice(4)];
    return MEMBER_COLUMNS;
  });
  readonly countText = computed(() => {
    const d = this.drill();
    return d ? drillCountText(d) : '';
  });
  protected readonly mismatch = computed(() => {
    const d = this.drill();
    return d !== null && d.total !== this.data.expected;
  });

  constructor() {
    this.dataSource.sortingDataAccessor = (row, column) => {
      const value = (row as unknown as Record<string, unknown>)[column];
      if (typeof value === 'number') return value;
      if (Array.isArray(value)) return value.join(', ');
      return typeof value === 'string' ? value.toLocaleLowerCase('fr-FR') : '';
    };
    effect(() => {
      const sort = this.sort();
      if (sort) this.dataSource.sort = sort;
    });
    effect(() => {
      const paginator = this.paginator();
      if (paginator) this.dataSource.paginator = paginator;
    });
  }

  protected date(value: string | null): string {
    return value ? formatFrenchDate(value) : '—';
  }
}
