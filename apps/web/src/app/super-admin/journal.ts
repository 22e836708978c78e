import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { SUPER_ADMIN_ROUTES } from '@pointage/contracts';
import { apiResource } from '../core/api-resource';
import { AuditTable } from '../shared/audit-table';
import { SuperAdminApi } from './super-admin-api';

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
  private readonly api = inject(SuperAdminApi);
  protected readonly endpoint = SUPER_ADMIN_ROUTES.audit;
  protected readonly structureId = signal<number | null>(null);
  /** For the filter only: without the list the log still shows, unfiltered. */
  private readonly list = apiResource(() => this.api.structures());
  protected readonly structures = computed(() => this.list.value() ?? []);
}
