import { ChangeDetectionStrategy, Component, computed, inject, Injectable, OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { SlotDay } from '@pointage/contracts';
import { daysInMonth, formatFrenchDate } from '@pointage/domain';
import { map } from 'rxjs';
import { apiResource } from '../../core/api-resource';
import { provideFrenchDatepicker } from '../../core/french-datepicker-intl';
import { fromLocalDate } from '../../core/french-date-adapter';
import { TODAY } from '../../core/today';
import { frenchLongDate, rangeLabel } from '../../shared/clock';
import { checkPeriod, dateOf } from './slot-form';
import { SlotsApi } from './slots-api';

/** The first and last days of the month of `date` ('YYYY-MM-DD'). */
export function monthOf(date: string): { from: string; to: string } {
  const [y, m] = date.split('-').map(Number);
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

/** The period shown, kept while the admin switches tabs. */
@Injectable({ providedIn: 'root' })
export class SlotListState {
  readonly period = signal<{ from: string; to: string } | null>(null);
}

/** "Liste des créneaux paramétrés": one row per day of the period, printable. */
@Component({
  selector: 'app-slot-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatTableModule,
  ],
  providers: [provideFrenchDatepicker(), { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { subscriptSizing: 'dynamic' } }],
  template: `
    <form [formGroup]="form" (ngSubmit)="show()" novalidate class="filters no-print" aria-label="Période des créneaux">
      <mat-form-field appearance="outline">
        <mat-label>Du</mat-label>
        <input matInput [matDatepicker]="fromPicker" formControlName="from" placeholder="jj/mm/aaaa" autocomplete="off" />
        <mat-datepicker-toggle matIconSuffix [for]="fromPicker" />
        <mat-datepicker #fromPicker />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Au</mat-label>
        <input matInput [matDatepicker]="toPicker" formControlName="to" placeholder="jj/mm/aaaa" autocomplete="off" />
        <mat-datepicker-toggle matIconSuffix [for]="toPicker" />
        <mat-datepicker #toPicker />
      </mat-form-field>
      <button mat-flat-button type="submit">Afficher</button>
      <button mat-stroked-button type="button" (click)="print()" [disabled]="days().length === 0">
        <mat-icon svgIcon="print" aria-hidden="true" />
        IMPRIMER
      </button>
    </form>
    <p class="error-text" aria-live="assertive">{{ error() }}</p>

    <h2>{{ title() }}</h2>
    <p class="summary" aria-live="polite">{{ summary() }}</p>
    <div class="table-wrap">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement des créneaux" />
      }
      <table mat-table [dataSource]="days()" aria-label="Créneaux paramétrés">
        <ng-container matColumnDef="day">
          <th mat-header-cell *matHeaderCellDef scope="col">Jour</th>
          <td mat-cell *matCellDef="let d" class="day">{{ dayLabel(d.date) }}</td>
        </ng-container>
        <ng-container matColumnDef="slots">
          <th mat-header-cell *matHeaderCellDef scope="col">Créneaux</th>
          <td mat-cell *matCellDef="let d">
            @for (s of d.slots; track s.id) {
              <span class="line">{{ range(s.start, s.end) }}</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="attendance">
          <th mat-header-cell *matHeaderCellDef scope="col">Présences</th>
          <td mat-cell *matCellDef="let d">
            @for (s of d.slots; track s.id) {
              <span class="line">{{ s.attendanceCount }}</span>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-row" *matNoDataRow>
          <td class="mat-cell no-data" [attr.colspan]="columns.length">
            {{ loading() ? 'Chargement…' : 'Aucun créneau sur cette période.' }}
          </td>
        </tr>
      </table>
    </div>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 16px;
      margin-top: 16px;
    }
    .filters mat-form-field {
      flex: 0 1 220px;
    }
    .filters button {
      min-height: 44px;
      margin-top: 6px;
    }
    h2 {
      margin: 8px 0 0;
      font: var(--mat-sys-title-large);
    }
    .table-wrap {
      position: relative;
      overflow-x: auto;
    }
    mat-progress-bar {
      position: absolute;
      inset: 0 0 auto;
    }
    table {
      width: 100%;
    }
    .line {
      display: block;
      padding: 2px 0;
    }
    .day::first-letter {
      text-transform: uppercase;
    }
    .no-data {
      padding: 16px;
      text-align: center;
    }
  `,
})
export class SlotList implements OnInit {
  private readonly api = inject(SlotsApi);
  private readonly state = inject(SlotListState);
  private readonly today = inject(TODAY);

  protected readonly columns = ['day', 'slots', 'attendance'];
  readonly form = new FormGroup({
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
  });
  /** The period asked for; undefined while a refused one is on screen. */
  private readonly period = signal<{ from: string; to: string } | undefined>(undefined);
  /** Why the period typed is refused, before asking the API. */
  private readonly periodError = signal('');
  private readonly list = apiResource(
    () => this.period(),
    (p) => this.api.list(p.from, p.to).pipe(map((days) => ({ period: p, days: days.filter((d) => d.slots.length > 0) }))),
  );
  readonly days = computed<SlotDay[]>(() => this.list.value()?.days ?? []);
  protected readonly loading = this.list.loading;
  protected readonly error = computed(() => this.periodError() || this.list.error() || '');
  /** The period of the list on screen. */
  private readonly shown = computed(() => this.list.value()?.period ?? null);

  protected readonly title = computed(() => {
    const p = this.shown();
    if (!p) return 'Créneaux paramétrés';
    return p.from === p.to
      ? `Créneaux paramétrés du ${formatFrenchDate(p.from)}`
      : `Créneaux paramétrés du ${formatFrenchDate(p.from)} au ${formatFrenchDate(p.to)}`;
  });
  protected readonly summary = computed(() => {
    if (this.loading() || !this.shown()) return '';
    const days = this.days();
    const slots = days.reduce((n, d) => n + d.slots.length, 0);
    if (slots === 0) return '';
    return `${days.length} jour${days.length > 1 ? 's' : ''}, ${slots} créneau${slots > 1 ? 'x' : ''}`;
  });

  ngOnInit(): void {
    const period = this.state.period() ?? monthOf(this.today());
    this.form.setValue({ from: fromLocalDate(period.from), to: fromLocalDate(period.to) });
    this.period.set(period);
  }

  protected dayLabel(date: string): string {
    return frenchLongDate(date);
  }

  protected range(start: string, end: string): string {
    return rangeLabel(start, end);
  }

  show(): void {
    const from = dateOf(this.form.controls.from);
    const to = dateOf(this.form.controls.to);
    const period = checkPeriod(from, to);
    if (typeof period === 'string') {
      // The list of the previous period must not stay under a refused one.
      this.period.set(undefined);
      this.periodError.set(period);
      return;
    }
    const p = { from: period.from, to: period.to ?? period.from };
    this.periodError.set('');
    this.state.period.set(p);
    this.period.set(p);
  }

  /** Reloads the period shown (after a generation or a deletion). */
  reload(): void {
    this.list.reload();
  }

  print(): void {
    window.print();
  }
}
