import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { CreateFamilyRequest, CreateFamilyResponse } from '@pointage/contracts';
import { apiErrorMessage } from '../../core/api-error';
import { RefCatalog } from '../../core/reference';
import { showCredentials } from '../../shared/credentials-dialog';
import { NewFamilyBody, NewFamilyForm } from '../../shared/members/new-family-form';
import { FamiliesApi } from './families-api';

/** "Nouvelle famille" in the back office; a generated password is shown once. */
@Component({
  selector: 'app-family-new',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, NewFamilyForm],
  template: `
    <a mat-button routerLink="/admin/familles" class="back">
      <mat-icon svgIcon="arrow_back" aria-hidden="true" />
      FAMILLES
    </a>
    <h1>Nouvelle famille</h1>
    <p class="error-text" aria-live="assertive">{{ loadError() }}</p>
    @if (catalog(); as c) {
      <app-new-family-form mode="admin" [catalog]="c" [busy]="busy()" [error]="error()" submitLabel="CRÉER LA FAMILLE" (submitted)="create($event)">
        <a mat-stroked-button routerLink="/admin/familles">Annuler</a>
      </app-new-family-form>
    } @else if (!loadError()) {
      <mat-progress-bar mode="indeterminate" aria-label="Chargement du formulaire" />
    }
  `,
  styles: `
    .back,
    a[mat-stroked-button] {
      min-height: 44px;
    }
  `,
})
export class FamilyNew {
  private readonly api = inject(FamiliesApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly catalog = signal<RefCatalog | null>(null);
  protected readonly loadError = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  constructor() {
    this.api.catalog().subscribe({
      next: (c) => this.catalog.set(c),
      error: (err: unknown) => this.loadError.set(apiErrorMessage(err)),
    });
  }

  create(body: NewFamilyBody): void {
    this.busy.set(true);
    this.error.set('');
    this.api.create(body satisfies CreateFamilyRequest).subscribe({
      next: (res: CreateFamilyResponse) => {
        this.busy.set(false);
        const open = () => void this.router.navigate(['/admin/familles', res.family.id]);
        if (res.password && res.family.email) {
          showCredentials(this.dialog, { title: 'Famille créée', login: res.family.email, password: res.password })
            .afterClosed()
            .subscribe(open);
        } else {
          this.snackBar.open('Famille créée', 'Fermer', { duration: 4000 });
          open();
        }
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(apiErrorMessage(err));
      },
    });
  }
}
