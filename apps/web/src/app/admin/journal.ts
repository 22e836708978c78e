import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AUDIT_ROUTES } from '@pointage/contracts';
import { AuditTable } from '../shared/audit-table';

/** The audit log of the admin's structure. */
@Component({
  selector: 'app-admin-journal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuditTable],
  template: `
    <h1>JOURNAL</h1>
    <p>Qui a fait quoi, et quand, dans votre structure.</p>
    <app-audit-table [endpoint]="endpoint" />
  `,
})
export class AdminJournal {
  protected readonly endpoint = AUDIT_ROUTES.structureLog;
}
