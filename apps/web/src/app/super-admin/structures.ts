import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router } from '@angular/router';
import { AdminAccountSummary, AdminCredentialsResponse, StructureSummary } from '@pointage/contracts';
import { filter } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { apiResource } from '../core/api-resource';
import { AuthService } from '../core/auth';
import { submitter } from '../core/submitter';
import { confirmAction } from '../shared/confirm-dialog';
import { showCredentials } from '../shared/credentials-dialog';
import { DataTableFrame, NoDataRow } from '../shared/data-table-frame';
import { CreateAdminDialog } from './create-admin-dialog';
import { StructureDialog, StructureDialogData } from './structure-dialog';
import { SuperAdminApi } from './super-admin-api';

/** The structures (social centres) of the installation and their admin accounts. */
@Component({
  selector: 'app-structures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatButtonModule, MatIconModule, MatMenuModule, MatTooltipModule, DataTableFrame, NoDataRow],
  template: `
    <div class="heading">
      <h1>STRUCTURES</h1>
      <button mat-flat-button type="button" (click)="create()">
        <mat-icon svgIcon="add" aria-hidden="true" />
        Nouvelle structure
      </button>
    </div>

    <app-data-table-frame [loading]="loading()" loadingLabel="Chargement des structures" [status]="error() ?? ''">
      <table mat-table [dataSource]="structures()" aria-label="Structures">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef scope="col">Nom</th>
          <td mat-cell *matCellDef="let s">{{ s.name }}</td>
        </ng-container>
        <ng-container matColumnDef="kiosk">
          <th mat-header-cell *matHeaderCellDef scope="col">Adresse de borne</th>
          <td mat-cell *matCellDef="let s">
            <a [href]="'/k/' + s.slug" target="_blank" rel="noopener"
              >/k/{{ s.slug }}<span class="visually-hidden"> (nouvel onglet)</span></a
            >
          </td>
        </ng-container>
        <ng-container matColumnDef="timeZone">
          <th mat-header-cell *matHeaderCellDef scope="col">Fuseau</th>
          <td mat-cell *matCellDef="let s">{{ s.timeZone }}</td>
        </ng-container>
        <ng-container matColumnDef="active">
          <th mat-header-cell *matHeaderCellDef scope="col">Active</th>
          <td mat-cell *matCellDef="let s">
            <span class="state" [class.inactive]="!s.active">
              <mat-icon [svgIcon]="s.active ? 'check_circle' : 'cancel'" aria-hidden="true" />
              {{ s.active ? 'Oui' : 'Non' }}
            </span>
          </td>
        </ng-container>
        <ng-container matColumnDef="admins">
          <th mat-header-cell *matHeaderCellDef scope="col">Administrateurs</th>
          <td mat-cell *matCellDef="let s">
            @for (admin of s.admins; track admin.id) {
              <div class="admin">
                <span [class.inactive]="!admin.active">{{ admin.email }}</span>
                <button
                  mat-icon-button
                  type="button"
                  (click)="resetPassword(s, admin)"
                  [attr.aria-label]="'Réinitialiser le mot de passe de ' + admin.email"
                  matTooltip="Réinitialiser le mot de passe"
                >
                  <mat-icon svgIcon="key" />
                </button>
              </div>
            } @empty {
              <span class="none">Aucun</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let s">
            <button mat-icon-button type="button" [matMenuTriggerFor]="menu" [attr.aria-label]="'Actions pour ' + s.name">
              <mat-icon svgIcon="more_vert" />
            </button>
            <mat-menu #menu="matMenu">
              <button mat-menu-item type="button" (click)="rename(s)">
                <mat-icon svgIcon="edit" aria-hidden="true" />
                <span>Renommer</span>
              </button>
              <button mat-menu-item type="button" (click)="toggleActive(s)">
                <mat-icon [svgIcon]="s.active ? 'archive' : 'unarchive'" aria-hidden="true" />
                <span>{{ s.active ? 'Désactiver' : 'Activer' }}</span>
              </button>
              <button mat-menu-item type="button" (click)="createAdmin(s)">
                <mat-icon svgIcon="person_add" aria-hidden="true" />
                <span>Créer l'administrateur</span>
              </button>
              <button mat-menu-item type="button" (click)="actAs(s)">
                <mat-icon svgIcon="supervisor_account" aria-hidden="true" />
                <span>Agir en tant qu'administrateur</span>
              </button>
            </mat-menu>
          </td>
        </ng-container>

        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr
          *matNoDataRow
          appNoDataRow
          [columns]="columns.length"
          [loading]="loading()"
          [error]="error()"
          empty="Aucune structure : créez la première."
        ></tr>
      </table>
    </app-data-table-frame>
  `,
  styles: `
    .heading {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
    }
    .heading button {
      min-height: 44px;
    }
    table {
      width: 100%;
    }
    .admin {
      display: flex;
      align-items: center;
      gap: 4px;
      word-break: break-all;
    }
    .state {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      color: #1b5e20;
    }
    .inactive,
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class Structures {
  private readonly api = inject(SuperAdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly columns = ['name', 'kiosk', 'timeZone', 'active', 'admins', 'actions'];
  private readonly list = apiResource(() => this.api.structures());
  protected readonly structures = computed(() => this.list.value() ?? []);
  protected readonly loading = this.list.loading;
  protected readonly error = this.list.error;
  /**
   * The menu's actions. This page says both outcomes in a snack bar of 5 s
   * (there is no place for an error line under a table's menu): hence `done` and `handle`.
   */
  private readonly submit = submitter();

  private upsert(structure: StructureSummary): void {
    const list = this.structures();
    this.list.set(
      list.some((s) => s.id === structure.id) ? list.map((s) => (s.id === structure.id ? structure : s)) : [...list, structure],
    );
  }

  private notify(message: string): void {
    this.snackBar.open(message, 'Fermer', { duration: 5000 });
  }

  private readonly notifyError = (err: unknown): boolean => {
    this.notify(apiErrorMessage(err));
    return true;
  };

  protected create(): void {
    this.openStructureDialog({ structure: null }, 'Structure créée.');
  }

  protected rename(structure: StructureSummary): void {
    this.openStructureDialog({ structure }, 'Structure renommée.');
  }

  private openStructureDialog(data: StructureDialogData, done: string): void {
    this.dialog
      .open<StructureDialog, StructureDialogData, StructureSummary>(StructureDialog, { data, width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((structure) => {
        if (!structure) return;
        this.upsert(structure);
        this.notify(done);
      });
  }

  protected toggleActive(structure: StructureSummary): void {
    const activate = !structure.active;
    confirmAction(this.dialog, {
      title: activate ? 'Activer la structure' : 'Désactiver la structure',
      message: activate
        ? `Activer « ${structure.name} » ? Sa borne et son panneau de contrôle seront de nouveau accessibles.`
        : `Désactiver « ${structure.name} » ? Sa borne et son panneau de contrôle ne seront plus accessibles ; ses données sont conservées.`,
      confirmLabel: activate ? 'Activer' : 'Désactiver',
    })
      .pipe(filter(Boolean))
      .subscribe(() =>
        this.submit.run(this.api.updateStructure(structure.id, { active: activate }), {
          done: (updated) => {
            this.upsert(updated);
            this.notify(activate ? 'Structure activée.' : 'Structure désactivée.');
          },
          handle: this.notifyError,
        }),
      );
  }

  protected createAdmin(structure: StructureSummary): void {
    this.dialog
      .open<CreateAdminDialog, StructureSummary, AdminCredentialsResponse>(CreateAdminDialog, {
        data: structure,
        width: '560px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((res) => {
        if (!res) return;
        this.upsertAdmin(structure.id, res.account);
        showCredentials(this.dialog, { title: 'Administrateur créé', login: res.account.email, password: res.password });
      });
  }

  private upsertAdmin(structureId: number, account: AdminAccountSummary): void {
    this.list.set(
      this.structures().map((s) => {
        if (s.id !== structureId) return s;
        const known = s.admins.some((a) => a.id === account.id);
        return { ...s, admins: known ? s.admins.map((a) => (a.id === account.id ? account : a)) : [...s.admins, account] };
      }),
    );
  }

  protected resetPassword(structure: StructureSummary, admin: AdminAccountSummary): void {
    confirmAction(this.dialog, {
      title: 'Réinitialiser le mot de passe',
      message: `Générer un nouveau mot de passe pour ${admin.email} (${structure.name}) ? L'ancien ne fonctionnera plus.`,
      confirmLabel: 'Réinitialiser',
    })
      .pipe(filter(Boolean))
      .subscribe(() =>
        this.submit.run(this.api.resetAdminPassword(admin.id), {
          done: (res) => {
            this.upsertAdmin(structure.id, res.account);
            showCredentials(this.dialog, { title: 'Nouveau mot de passe', login: res.account.email, password: res.password });
          },
          handle: this.notifyError,
        }),
      );
  }

  protected actAs(structure: StructureSummary): void {
    this.submit.run(this.auth.actAsAdmin(structure.id), {
      done: () => void this.router.navigateByUrl('/admin'),
      handle: this.notifyError,
    });
  }
}
