import { ChangeDetectionStrategy, Component } from '@angular/core';
import { BackOfficeShell, NavLink } from '../shared/back-office-shell';

export const SUPER_ADMIN_LINKS: NavLink[] = [
  { label: 'STRUCTURES', path: '/super-admin/structures' },
  { label: 'PARAMÈTRES', path: '/super-admin/parametres' },
  { label: 'JOURNAL', path: '/super-admin/journal' },
  { label: 'MOT DE PASSE', path: '/super-admin/mot-de-passe' },
];

/** Frame of the federation's super-administration. */
@Component({
  selector: 'app-super-admin-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BackOfficeShell],
  template: `<app-back-office-shell title="SUPER-ADMINISTRATION" [links]="links" loginPath="/super-admin/connexion" />`,
})
export class SuperAdminShell {
  protected readonly links = SUPER_ADMIN_LINKS;
}
