import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { RegisterFamilyRequest } from '@pointage/contracts';
import { map } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { apiResource } from '../core/api-resource';
import { RefCatalog } from '../core/reference';
import { submitter } from '../core/submitter';
import { isPossibleDuplicate } from '../shared/members/duplicates';
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
      <p class="error-text" aria-live="assertive">{{ reference.error() ?? '' }}</p>
      @if (catalog(); as c) {
        <app-new-family-form
          mode="family"
          [catalog]="c"
          [busy]="sending.busy()"
          [error]="sending.error()"
          submitLabel="VALIDER"
          (submitted)="register($event)"
        >
          <a mat-stroked-button [routerLink]="['/k', slug()]">Annuler</a>
        </app-new-family-form>
        @if (duplicate(); as d) {
          <section class="duplicate" role="alertdialog" aria-labelledby="duplicate-title" aria-describedby="duplicate-text">
            <h2 id="duplicate-title" tabindex="-1" #duplicateTitle>Déjà inscrit ?</h2>
            <p id="duplicate-text">{{ d.message }}</p>
            <p>Si vous êtes sûr qu'il s'agit d'une autre personne, vous pouvez continuer l'inscription.</p>
            <div class="duplicate-actions">
              <button mat-stroked-button type="button" (click)="duplicate.set(null)">Revenir au formulaire</button>
              <button mat-flat-button type="button" [disabled]="sending.busy()" (click)="confirmDuplicates()">
                Continuer l'inscription
              </button>
            </div>
          </section>
        }
      } @else if (!reference.error()) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement du formulaire" />
      }
    </main>
  `,
  styles: `
    .duplicate {
      margin-top: 16px;
      padding: 16px;
      border: 2px solid var(--mat-sys-error);
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .duplicate h2 {
      margin-top: 0;
    }
    .duplicate-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    .duplicate-actions button {
      min-height: 48px;
    }
  `,
})
export class KioskRegister {
  private readonly api = inject(KioskApi);
  private readonly router = inject(Router);

  readonly slug = input.required<string>();

  protected readonly reference = apiResource(this.slug, (slug) =>
    this.api.publicReference(slug).pipe(map((options): RefCatalog => ({ options }))),
  );
  protected readonly catalog = this.reference.value;
  protected readonly sending = submitter();
  /** The form as sent when the API answered that somebody with the same name and birth date is registered. */
  protected readonly duplicate = signal<{ body: NewFamilyBody; message: string } | null>(null);
  private readonly duplicateTitle = viewChild<ElementRef<HTMLElement>>('duplicateTitle');

  register(body: NewFamilyBody, confirmDuplicates = false): void {
    const slug = this.slug();
    this.duplicate.set(null);
    const request: RegisterFamilyRequest = {
      ...body,
      password: body.password ?? '',
      ...(confirmDuplicates ? { confirmDuplicates: true } : {}),
    };
    this.sending.run(this.api.register(slug, request), {
      done: () => void this.router.navigate(['/k', slug, 'famille']),
      handle: (err) => {
        if (!isPossibleDuplicate(err)) return false;
        // The kiosk is told that somebody matches, never who: the team checks.
        this.duplicate.set({ body, message: apiErrorMessage(err) });
        setTimeout(() => this.duplicateTitle()?.nativeElement.focus());
        return true;
      },
    });
  }

  /** "Continuer l'inscription": the same form again, the duplicate confirmed. */
  confirmDuplicates(): void {
    const d = this.duplicate();
    if (d) this.register(d.body, true);
  }
}
