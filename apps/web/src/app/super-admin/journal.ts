import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { StructureSummary, SUPER_ADMIN_ROUTES } from '@pointage/contracts';
import { catchError, of } from 'rxjs';
import { AuditTable } from '../shared/audit-table';

/** The audit log of the whole installation, optionally of one structure. */
@Component({
  selector: 'app-super-admin-journal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuditTable, MatFormFieldModule, MatSelectModule],
  template: `
    <h1>JOURNAL</h1>
    <mat-form-field appearance="outline" class="filter">
      <mat-label>Structure</mat-label>
      <mat-select [value]="structureId() ?? 'all'" (valueChange)="structureId.set($event === 'all' ? null : $event)">
        <mat-option value="all">Toutes les structures</mat-option>
        @for (s of structures(); track s.id) {
          <mat-option [value]="s.id">{{ s.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <app-audit-table [endpoint]="endpoint" [structureId]="structureId()" showStructure />
  `,
  styles: `
    .filter {
      width: 100%;
      max-width: 400px;
    }
  `,
})
export class SuperAdminJournal {
  protected readonly endpoint = SUPER_ADMIN_ROUTES.audit;
  protected readonly structureId = signal<number | null>(null);
  /** For the filter only: without the list the log still shows, unfiltered. */
  protected readonly structures = toSignal(
    inject(HttpClient)
      .get<StructureSummary[]>(SUPER_ADMIN_ROUTES.structures)
      .pipe(catchError(() => of([] as StructureSummary[]))),
    { initialValue: [] as StructureSummary[] },
  );
}
