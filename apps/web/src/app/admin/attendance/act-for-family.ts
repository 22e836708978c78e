import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, OnInit, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import type { SessionInfo } from '@pointage/contracts';
import { submitter } from '../../core/submitter';
import { SessionStore } from '../../core/session';
import { AttendanceSheetView } from '../../shared/attendance/attendance-sheet';
import { AttendanceAdminApi } from './attendance-api';

export const ACTING_EXPIRED_MESSAGE = 'La session ouverte pour la famille a expiré : recommencez si nécessaire.';

/**
 * /admin/pointer/:familyId — an admin ticks the members of a family (a child
 * who came without a parent's password), with the family's sheet and a banner
 * saying who acts for whom. The acting token lives in this tab's 'kiosk'
 * session; "terminer" (or the end of the thank-you) ends it, audited.
 */
@Component({
  selector: 'app-act-for-family',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, AttendanceSheetView],
  template: `
    @if (acting(); as info) {
      <section class="acting-family" aria-label="Pointage pour le compte d'une famille">
        <mat-icon svgIcon="how_to_reg" aria-hidden="true" />
        <p>
          <strong>{{ info.actor?.displayName }}</strong> agit pour la famille
          <strong>{{ sheetView.sheet()?.familyName ?? info.displayName }}</strong> —
        </p>
        <button mat-flat-button type="button" (click)="finish()" [disabled]="ending()" aria-label="terminer le pointage pour la famille">
          terminer
        </button>
      </section>
      <app-attendance-sheet #sheetView [showSlotDate]="true" [showFinish]="false" doneLabel="Revenir à la famille" (finished)="finish()" />
    } @else {
      <h1>Pointer pour une famille</h1>
      @if (starting()) {
        <mat-progress-bar mode="indeterminate" aria-label="Ouverture de la fiche de la famille" />
      }
      <p class="error-text" aria-live="assertive">{{ error() }}</p>
      <a mat-stroked-button [routerLink]="familyPath()">
        <mat-icon svgIcon="arrow_back" aria-hidden="true" />
        Revenir à la famille
      </a>
    }
  `,
  styles: `
    .acting-family {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin-bottom: 8px;
      padding: 8px 16px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .acting-family p {
      margin: 0;
    }
    button,
    a {
      min-height: 44px;
    }
  `,
})
export class ActForFamily implements OnInit {
  private readonly api = inject(AttendanceAdminApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  /** From the route. */
  readonly familyId = input.required<string>();
  protected readonly id = computed(() => Number(this.familyId()));
  protected readonly familyPath = computed(() => ['/admin/familles', this.familyId()]);

  protected readonly acting = signal<SessionInfo | null>(null);
  private readonly start = submitter();
  protected readonly starting = this.start.busy;
  protected readonly ending = signal(false);
  private readonly badId = signal(false);
  protected readonly error = computed(() => (this.badId() ? 'Famille introuvable.' : this.start.error()));

  constructor() {
    // The acting token expired or was refused (401): the interceptor dropped it.
    effect(() => {
      const live = this.session.kiosk();
      untracked(() => {
        if (!live && this.acting() && !this.ending()) {
          this.acting.set(null);
          this.snackBar.open(ACTING_EXPIRED_MESSAGE, 'Fermer', { duration: 8000 });
          void this.router.navigate(this.familyPath());
        }
      });
    });
    // Leaving by the menu ends acting too: the token must not outlive the page.
    inject(DestroyRef).onDestroy(() => {
      if (!this.ending() && this.session.kiosk()?.actor) this.api.endActing().subscribe();
    });
  }

  ngOnInit(): void {
    const id = this.id();
    if (!Number.isInteger(id) || id <= 0) {
      this.badId.set(true);
      return;
    }
    const existing = this.api.actingFor(id);
    if (existing) {
      this.acting.set(existing);
      return;
    }
    this.start.run(this.api.startActing(id), { done: (info) => this.acting.set(info) });
  }

  /** "terminer", or the end of the thank-you: back to the family's page. */
  finish(): void {
    if (this.ending()) return;
    // Not the Submitter: `ending` stays true once answered (the page is being left; the expiry watch above must not fire).
    this.ending.set(true);
    this.api.endActing().subscribe(() => {
      this.acting.set(null);
      void this.router.navigate(this.familyPath());
    });
  }
}
