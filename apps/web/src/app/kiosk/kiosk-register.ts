import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { RegisterFamilyRequest } from '@pointage/contracts';
import { apiErrorMessage } from '../core/api-error';
import { RefCatalog } from '../core/reference';
import { NewFamilyBody, NewFamilyForm } from '../shared/members/new-family-form';
import { KioskApi } from './kiosk-api';
import { KioskHeader } from './kiosk-header';

/** "Inscription d'une nouvelle famille" at the kiosk; the family is logged in afterwards. */
@Component({
  selector: 'app-kiosk-register',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, NewFamilyForm, KioskHeader],
  template: `
    <app-kiosk-header [slug]="slug()" />
    <main class="kiosk page">
      <h1>Inscription d'une nouvelle famille</h1>
      <p class="error-text" aria-live="assertive">{{ loadError() }}</p>
      @if (catalog(); as c) {
        <app-new-family-form mode="family" [catalog]="c" [busy]="busy()" [error]="error()" submitLabel="VALIDER" (submitted)="register($event)">
          <a mat-stroked-button [routerLink]="['/k', slug()]">Annuler</a>
        </app-new-family-form>
      } @else if (!loadError()) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement du formulaire" />
      }
    </main>
  `,
})
export class KioskRegister {
  private readonly api = inject(KioskApi);
  private readonly router = inject(Router);

  readonly slug = input.required<string>();

  protected readonly catalog = signal<RefCatalog | null>(null);
  protected readonly loadError = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  constructor() {
    effect(() => {
      const slug = this.slug();
      this.api.publicReference(slug).subscribe({
        next: (options) => this.catalog.set({ options }),
        error: (err: unknown) => this.loadError.set(apiErrorMessage(err)),
      });
    });
  }

  register(body: NewFamilyBody): void {
    const slug = this.slug();
    this.busy.set(true);
    this.error.set('');
    this.api.register(slug, { ...body, password: body.password ?? '' } satisfies RegisterFamilyRequest).subscribe({
      next: () => {
        this.busy.set(false);
        void this.router.navigate(['/k', slug, 'famille']);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(apiErrorMessage(err));
      },
    });
  }
}
