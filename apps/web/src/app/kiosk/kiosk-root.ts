import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { PublicStructureSummary } from '@pointage/contracts';
import { map, tap } from 'rxjs';
import { apiResource } from '../core/api-resource';
import { KioskApi } from './kiosk-api';

export const KIOSK_CHOICE_KEY = 'pointage.kiosk.structure';
export const NO_STRUCTURE_MESSAGE = "Aucune ludothèque n'est encore configurée.";

export type KioskRootTarget = { kind: 'redirect'; slug: string } | { kind: 'choose' } | { kind: 'none' };

/**
 * Where the kiosk's address "/" leads: the only structure, or the one chosen
 * earlier on this device, else a list to choose from.
 */
export function kioskRootTarget(structures: PublicStructureSummary[], remembered: string | null, forceChoice = false): KioskRootTarget {
  if (structures.length === 0) return { kind: 'none' };
  if (structures.length === 1) return { kind: 'redirect', slug: structures[0].slug };
  if (!forceChoice && remembered && structures.some((s) => s.slug === remembered)) return { kind: 'redirect', slug: remembered };
  return { kind: 'choose' };
}

function readChoice(): string | null {
  try {
    return localStorage.getItem(KIOSK_CHOICE_KEY);
  } catch {
    return null;
  }
}

function storeChoice(slug: string): void {
  try {
    localStorage.setItem(KIOSK_CHOICE_KEY, slug);
  } catch {
    // Storage refused: the list is shown again next time.
  }
}

/** "/": sends the kiosk to its structure, or lets the team choose it once for this device. */
@Component({
  selector: 'app-kiosk-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule],
  template: `
    <main class="kiosk page">
      <h1>Pointage</h1>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement des ludothèques" />
      }
      <p class="error-text" aria-live="assertive">{{ error() }}</p>
      @if (target()?.kind === 'none') {
        <p role="status">{{ noStructure }}</p>
      }
      @if (target()?.kind === 'choose') {
        <p>Choisissez la ludothèque de cette borne. Ce choix est retenu sur cet appareil.</p>
        <ul class="choices">
          @for (s of structures(); track s.slug) {
            <li>
              <button mat-flat-button type="button" (click)="choose(s.slug)">{{ s.name }}</button>
            </li>
          }
        </ul>
      }
      <p class="admin-link"><a routerLink="/admin">Accès au panneau de contrôle administrateur</a></p>
    </main>
  `,
  styles: `
    .choices {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 16px;
      max-width: 560px;
    }
    .choices button {
      width: 100%;
    }
    .admin-link a {
      display: inline-block;
      min-height: 48px;
      line-height: 48px;
    }
  `,
})
export class KioskRoot {
  private readonly api = inject(KioskApi);
  private readonly router = inject(Router);

  /** "?choisir=1" shows the list even when a choice is remembered. */
  readonly choisir = input<string>();

  protected readonly noStructure = NO_STRUCTURE_MESSAGE;
  /** The structures and where to go, decided when the list arrives (the route's input is set by then). */
  private readonly list = apiResource(() =>
    this.api.listStructures().pipe(
      map((structures) => ({ structures, target: kioskRootTarget(structures, readChoice(), !!this.choisir()) })),
      tap(({ target }) => {
        if (target.kind === 'redirect') void this.router.navigate(['/k', target.slug], { replaceUrl: true });
      }),
    ),
  );
  protected readonly loading = this.list.loading;
  protected readonly error = computed(() => this.list.error() ?? '');
  protected readonly structures = computed<PublicStructureSummary[]>(() => this.list.value()?.structures ?? []);
  protected readonly target = computed<KioskRootTarget | null>(() => this.list.value()?.target ?? null);

  choose(slug: string): void {
    storeChoice(slug);
    void this.router.navigate(['/k', slug]);
  }
}
