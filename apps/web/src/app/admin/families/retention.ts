import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { InactiveFamily } from '@pointage/contracts';
import { formatFrenchDate } from '@pointage/domain';
import { tap } from 'rxjs';
import { apiResource } from '../../core/api-resource';
import { submitter } from '../../core/submitter';
import { DataTableFrame } from '../../shared/data-table-frame';
import { confirmAction } from '../../shared/confirm-dialog';
import { frenchDay } from '../../shared/french-day';
import { FamiliesApi } from './families-api';

export const RETENTION_PAGE_SIZE = 25;

/**
 * GDPR retention (decision 9): the number of years, the families inactive for
 * that long, and their anonymisation after confirmation.
 */
@Component({
  selector: 'app-retention',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatTableModule,
    DataTableFrame,
  ],
  template: `
    <a mat-button routerLink="/admin/familles" class="back">
      <mat-icon svgIcon="arrow_back" aria-hidden="true" />
      FAMILLES
    </a>
    <h1>Conservation des données (RGPD)</h1>
    <p>
      Une famille est <strong>inactive</strong> quand, depuis la durée choisie, aucun de ses membres n'a été présent, et que ni la famille,
      ni ses membres, ni ses identifiants n'ont été créés, modifiés ou utilisés pour se connecter. Les familles inactives sont proposées ici
      à l'anonymisation : leur identité est effacée, leurs présences restent dans les statistiques.
    </p>
    <form class="setting" (submit)="$event.preventDefault(); saveYears()" novalidate>
      <mat-form-field appearance="outline">
        <mat-label>Durée de conservation</mat-label>
        <input matInput type="number" min="0" max="50" inputmode="numeric" [formControl]="years" />
        <span matTextSuffix>ans</span>
        <mat-hint>0 : pas de proposition d'anonymisation</mat-hint>
        <mat-error>Un nombre entier d'années, de 0 à 50.</mat-error>
      </mat-form-field>
      <button mat-stroked-button type="submit" [disabled]="saving.busy()">
        <mat-icon svgIcon="save" aria-hidden="true" />
        Enregistrer
      </button>
    </form>
    <p class="error-text" aria-live="assertive">{{ error() }}</p>

    <app-data-table-frame [loading]="page.loading()" loadingLabel="Chargement des familles inactives">
      @if (page.value(); as p) {
        @if (p.cutoff === null) {
          <p>La durée de conservation est à 0 : aucune famille n'est proposée à l'anonymisation.</p>
        } @else {
          <h2>{{ heading(p.total, p.cutoff) }}</h2>
          @if (p.total > 0) {
            <table mat-table [dataSource]="p.items" aria-label="Familles inactives">
              <ng-container matColumnDef="select">
                <th mat-header-cell *matHeaderCellDef scope="col">
                  <mat-checkbox
                    [checked]="allSelected()"
                    [indeterminate]="someSelected()"
                    (change)="toggleAll($event.checked)"
                    aria-label="Sélectionner toute la page"
                  />
                </th>
                <td mat-cell *matCellDef="let f">
                  <mat-checkbox
                    [checked]="selected().has(f.id)"
                    (change)="toggle(f.id, $event.checked)"
                    [attr.aria-label]="'Sélectionner la famille ' + f.name"
                  />
                </td>
              </ng-container>
              <ng-container matColumnDef="name">
                <th mat-header-cell *matHeaderCellDef scope="col">Famille</th>
                <td mat-cell *matCellDef="let f">
                  <a [routerLink]="['/admin/familles', f.id]">{{ f.name }}</a>
                  @if (f.archived) {
                    <span class="badge">Archivée</span>
                  }
                </td>
              </ng-container>
              <ng-container matColumnDef="members">
                <th mat-header-cell *matHeaderCellDef scope="col">Membres</th>
                <td mat-cell *matCellDef="let f">{{ f.memberCount }}</td>
              </ng-container>
              <ng-container matColumnDef="lastAttendance">
                <th mat-header-cell *matHeaderCellDef scope="col">Dernière présence</th>
                <td mat-cell *matCellDef="let f">{{ f.lastAttendance ? frenchDate(f.lastAttendance) : 'aucune' }}</td>
              </ng-container>
              <ng-container matColumnDef="lastActivity">
                <th mat-header-cell *matHeaderCellDef scope="col">Dernière activité</th>
                <td mat-cell *matCellDef="let f">{{ day(f.lastActivity) }}</td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let row; columns: columns"></tr>
            </table>
            @if (p.total > pageSize) {
              <mat-paginator
                [length]="p.total"
                [pageIndex]="pageIndex()"
                [pageSize]="pageSize"
                [hidePageSize]="true"
                (page)="onPage($event)"
                aria-label="Pages des familles inactives"
              />
            }
            <div class="bulk">
              <button
                mat-flat-button
                type="button"
                class="danger"
                [disabled]="selected().size === 0 || anonymising.busy()"
                (click)="anonymiseSelected()"
              >
                <mat-icon svgIcon="visibility_off" aria-hidden="true" />
                Anonymiser la sélection ({{ selected().size }})
              </button>
            </div>
          }
        }
      }
    </app-data-table-frame>
    <p class="visually-hidden" aria-live="polite">{{ announcement() }}</p>
  `,
  styles: `
    .back,
    button {
      min-height: 44px;
    }
    .setting {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 12px;
    }
    table {
      width: 100%;
    }
    td a {
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
    .bulk {
      margin-top: 16px;
    }
    .danger:not([disabled]) {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class Retention {
  private readonly api = inject(FamiliesApi);
  private readonly dialog = inject(MatDialog);
  private readonly announcer = inject(LiveAnnouncer);

  protected readonly columns = ['select', 'name', 'members', 'lastAttendance', 'lastActivity'];
  protected readonly pageSize = RETENTION_PAGE_SIZE;
  protected readonly frenchDate = formatFrenchDate;
  readonly years = new FormControl<number | null>(null, [
    Validators.required,
    Validators.min(0),
    Validators.max(50),
    Validators.pattern(/^\d+$/),
  ]);
  protected readonly pageIndex = signal(0);
  readonly selected = signal<ReadonlySet<number>>(new Set());
  /** Read again after each change (the page asked for is read when the request leaves). */
  protected readonly page = apiResource(() =>
    this.api.retention(this.pageIndex() + 1, this.pageSize).pipe(
      tap((p) => {
        if (this.years.pristine) this.years.setValue(p.years);
        const ids = new Set(p.items.map((f) => f.id));
        this.selected.set(new Set([...this.selected()].filter((id) => ids.has(id))));
      }),
    ),
  );
  protected readonly saving = submitter();
  protected readonly anonymising = submitter();
  protected readonly error = computed(() => this.saving.error() || this.anonymising.error() || this.page.error() || '');
  protected readonly announcement = signal('');

  protected readonly allSelected = computed(() => {
    const items = this.page.value()?.items ?? [];
    return items.length > 0 && items.every((f) => this.selected().has(f.id));
  });
  protected readonly someSelected = computed(
    () => !this.allSelected() && (this.page.value()?.items ?? []).some((f) => this.selected().has(f.id)),
  );

  saveYears(): void {
    this.years.markAsTouched();
    if (this.years.invalid || this.years.value === null) return;
    this.anonymising.clear();
    this.saving.run(this.api.setRetention(Number(this.years.value)), {
      done: (s) => {
        this.years.reset(s.years);
        this.selected.set(new Set());
        this.announce(`Durée de conservation enregistrée : ${s.years} an${s.years > 1 ? 's' : ''}.`);
        this.pageIndex.set(0);
        this.page.reload();
      },
    });
  }

  toggle(id: number, checked: boolean): void {
    const next = new Set(this.selected());
    if (checked) next.add(id);
    else next.delete(id);
    this.selected.set(next);
  }

  toggleAll(checked: boolean): void {
    const next = new Set(this.selected());
    for (const f of this.page.value()?.items ?? []) {
      if (checked) next.add(f.id);
      else next.delete(f.id);
    }
    this.selected.set(next);
  }

  onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.page.reload();
  }

  anonymiseSelected(): void {
    const ids = [...this.selected()];
    if (!ids.length) return;
    const names = (this.page.value()?.items ?? []).filter((f: InactiveFamily) => this.selected().has(f.id)).map((f) => f.name);
    confirmAction(this.dialog, {
      title: `Anonymiser ${ids.length} famille${ids.length > 1 ? 's' : ''}`,
      message: `${names.join(', ')} : noms, e-mails et identifiants seront effacés, les dates de naissance réduites à l'année ; les présences restent dans les statistiques. Cette opération est irréversible.`,
      confirmLabel: 'Anonymiser',
    }).subscribe((ok) => {
      if (!ok) return;
      this.saving.clear();
      this.anonymising.run(this.api.anonymiseInactive(ids), {
        done: (res) => {
          this.selected.set(new Set());
          const skipped = res.skipped.length
            ? ` ${res.skipped.length} famille(s) redevenue(s) active(s) entre-temps n'ont pas été anonymisée(s).`
            : '';
          this.announce(`${res.anonymised.length} famille(s) anonymisée(s).${skipped}`);
          this.page.reload();
        },
      });
    });
  }

  /** "2 familles inactives depuis le 30/11/2023" */
  protected heading(total: number, cutoff: string): string {
    const s = total > 1 ? 's' : '';
    return `${total} famille${s} inactive${s} depuis le ${formatFrenchDate(cutoff)}`;
  }

  protected day(instant: string): string {
    return frenchDay(instant);
  }

  private announce(message: string): void {
    this.announcement.set(message);
    void this.announcer.announce(message, 'polite');
  }
}
