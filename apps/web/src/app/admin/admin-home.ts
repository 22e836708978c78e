import { LiveAnnouncer } from '@angular/cdk/a11y';
import { Clipboard } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { CounterInfo } from '@pointage/contracts';
import { apiErrorMessage } from '../core/api-error';
import { presentCounterLabel } from '../shared/clock';
import { confirmAction } from '../shared/confirm-dialog';
import { DateTimePipe } from '../shared/date-time-pipe';
import { AttendanceAdminApi } from './attendance/attendance-api';

export const RESET_COUNTER_QUESTION =
  "Le compteur des présents affiché par la borne repartira de zéro. Les présences enregistrées ne sont jamais effacées : elles restent dans les listes de présence et les statistiques.";

/** BIENVENUE, and the kiosk of the structure: its address, the present counter and its reset. */
@Component({
  selector: 'app-admin-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCardModule, MatIconModule, DateTimePipe],
  template: `
    <section class="welcome">
      <h1>BIENVENUE SUR LE PANNEAU DE CONTRÔLE</h1>
      <p>Utilisez le menu ci-dessus pour gérer toutes les configurations et les contenus</p>
    </section>

    <mat-card appearance="outlined" class="kiosk-card">
      <mat-card-header>
        <mat-card-title><h2>Borne de pointage</h2></mat-card-title>
      </mat-card-header>
      <mat-card-content>
        <p class="error-text" aria-live="assertive">{{ error() }}</p>
        @if (info(); as i) {
          <p class="label">Adresse de la borne</p>
          <div class="address-row">
            <code class="address">{{ address() }}</code>
            <button mat-icon-button type="button" (click)="copy()" aria-label="Copier l'adresse de la borne">
              <mat-icon svgIcon="content_copy" />
            </button>
            <a mat-stroked-button [href]="address()" target="_blank" rel="noopener" aria-label="Ouvrir la borne (nouvel onglet)">
              <mat-icon svgIcon="open_in_new" aria-hidden="true" />
              Ouvrir la borne
            </a>
          </div>
          <p class="status" role="status">{{ copied() }}</p>
          <div class="counter-row">
            <mat-icon svgIcon="group" aria-hidden="true" />
            <p class="counter">{{ counterText() }}</p>
            <button mat-icon-button type="button" (click)="load()" aria-label="Actualiser le compteur">
              <mat-icon svgIcon="refresh" />
            </button>
          </div>
          @if (i.resetAt) {
            <p class="meta">Dernière remise à zéro : {{ i.resetAt | dateTime }}</p>
          }
          <button mat-flat-button type="button" (click)="reset()" [disabled]="busy()">
            <mat-icon svgIcon="restart_alt" aria-hidden="true" />
            Remettre le compteur à zéro
          </button>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .welcome {
      text-align: center;
      margin: 32px auto;
      max-width: 720px;
    }
    .kiosk-card {
      max-width: 720px;
      margin: 0 auto 32px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    .label {
      margin: 0;
      font-weight: 500;
    }
    .address-row,
    .counter-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .address {
      padding: 4px 8px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
      word-break: break-all;
    }
    .address-row a,
    button[mat-flat-button] {
      min-height: 44px;
    }
    .status {
      min-height: 1.5em;
      margin: 4px 0;
    }
    .counter {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AdminHome implements OnInit {
  private readonly api = inject(AttendanceAdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly clipboard = inject(Clipboard);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly origin = inject(DOCUMENT).location?.origin ?? '';

  protected readonly info = signal<CounterInfo | null>(null);
  protected readonly error = signal('');
  protected readonly copied = signal('');
  protected readonly busy = signal(false);

  protected readonly address = computed(() => `${this.origin}${this.info()?.kioskPath ?? ''}`);
  protected readonly counterText = computed(() => presentCounterLabel(this.info()?.counter ?? 0));

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.api.counter().subscribe({
      next: (info) => {
        this.info.set(info);
        this.error.set('');
      },
      error: (err: unknown) => this.error.set(apiErrorMessage(err)),
    });
  }

  copy(): void {
    this.copied.set(
      this.clipboard.copy(this.address()) ? 'Adresse de la borne copiée.' : "La copie a échoué : sélectionnez l'adresse pour la copier.",
    );
  }

  reset(): void {
    confirmAction(this.dialog, {
      title: 'Remettre le compteur à zéro',
      message: RESET_COUNTER_QUESTION,
      confirmLabel: 'Remettre à zéro',
    }).subscribe((ok) => {
      if (!ok) return;
      this.busy.set(true);
      this.api.resetCounter().subscribe({
        next: (info) => {
          this.busy.set(false);
          this.info.set(info);
          this.error.set('');
          void this.announcer.announce('Le compteur des présents est remis à zéro.', 'polite');
        },
        error: (err: unknown) => {
          this.busy.set(false);
          this.error.set(apiErrorMessage(err));
        },
      });
    });
  }
}
