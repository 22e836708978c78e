import { LiveAnnouncer } from '@angular/cdk/a11y';
import { Clipboard } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, linkedSignal, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { CounterInfo, DemoDataInfo, PresentNow } from '@pointage/contracts';
import { apiResource } from '../core/api-resource';
import { PublicSettingsStore } from '../core/public-settings';
import { submitter } from '../core/submitter';
import { presentCounterLabel } from '../shared/clock';
import { confirmAction } from '../shared/confirm-dialog';
import { DateTimePipe } from '../shared/date-time-pipe';
import { AttendanceAdminApi } from './attendance/attendance-api';

/** How often the counter and "présents en ce moment" are refreshed while the page is visible. */
export const PRESENT_POLL_MS = 15_000;

export const REMOVE_DEMO_QUESTION =
  'Les familles fictives, leurs membres, leurs identifiants et leurs présences, ainsi que les créneaux de démonstration, seront supprimés définitivement. ' +
  'Vos propres familles et leurs présences sont conservées, de même que les créneaux de démonstration où elles ont été pointées.';

export const MAIL_NOT_CONFIGURED =
  "Les e-mails ne sont pas configurés : les liens « Identifiants oubliés » ne partent pas, et les pages correspondantes invitent à s'adresser à l'équipe. " +
  "Un super-administrateur les configure dans Paramètres de l'installation → Envoi des e-mails (sur une installation locale, " +
  'créez-en un sur le poste avec la commande npm run cli -- create-super-admin).';

/** "3 familles fictives, 120 créneaux et 450 présences" */
export function demoSummary(d: DemoDataInfo): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return `${n(d.families, 'famille fictive', 'familles fictives')}, ${n(d.slots, 'créneau', 'créneaux')} et ${n(d.attendance, 'présence', 'présences')}`;
}

export const RESET_COUNTER_QUESTION =
  'Le compteur des présents affiché par la borne repartira de zéro. Les présences enregistrées ne sont jamais effacées : elles restent dans les listes de présence et les statistiques.';

/**
 * BIENVENUE; the kiosk of the structure (address, present counter and its reset);
 * who is here now (refreshed every 15 s while the page is visible); the demo data
 * of the first start and its removal; a warning while mails go nowhere.
 */
@Component({
  selector: 'app-admin-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCardModule, MatIconModule, DateTimePipe],
  template: `
    <section class="welcome">
      <h1>BIENVENUE SUR LE PANNEAU DE CONTRÔLE</h1>
      <p>Utilisez le menu ci-dessus pour gérer toutes les configurations et les contenus</p>
    </section>

    @if (!mailConfigured()) {
      <p class="notice mail-notice">
        <mat-icon svgIcon="warning" aria-hidden="true" />
        <span>{{ mailNotConfigured }}</span>
      </p>
    }

    @if (demo(); as d) {
      @if (d.families > 0 || d.slots > 0) {
        <mat-card appearance="outlined" class="home-card demo-card">
          <mat-card-header>
            <mat-card-title><h2>Données de démonstration</h2></mat-card-title>
          </mat-card-header>
          <mat-card-content>
            <p>
              Cette structure contient encore les données de démonstration du premier démarrage : {{ demoText() }}. Supprimez-les avant de
              commencer pour de vrai : vos propres familles et leurs présences sont conservées.
            </p>
            <button mat-flat-button type="button" (click)="removeDemo()" [disabled]="busy()">
              <mat-icon svgIcon="delete" aria-hidden="true" />
              Supprimer les données de démonstration
            </button>
          </mat-card-content>
        </mat-card>
      }
    }
    <p class="status" role="status">{{ demoDone() }}</p>

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

    <mat-card appearance="outlined" class="home-card present-card">
      <mat-card-header>
        <mat-card-title><h2>Présents en ce moment</h2></mat-card-title>
      </mat-card-header>
      <mat-card-content>
        @if (present(); as p) {
          @if (p.slot; as slot) {
            <p class="label">Créneau en cours : {{ slot.start }}–{{ slot.end }}</p>
            @if (p.members.length === 0) {
              <p>Personne n'est encore pointé sur ce créneau.</p>
            } @else {
              <ul class="present-list" aria-label="Membres pointés sur le créneau en cours">
                @for (m of p.members; track m.memberId) {
                  <li>
                    <span class="who">{{ m.firstName }} {{ m.lastName }}</span>
                    <span class="family">, famille {{ m.familyName }}</span>
                    <span class="arrival">, arrivée à {{ m.arrival }}</span>
                  </li>
                }
              </ul>
            }
          } @else {
            <p>Aucun créneau en cours.</p>
          }
          <p class="meta">Actualisé toutes les 15 secondes.</p>
        }
        <p class="error-text" aria-live="assertive">{{ presentError() }}</p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .welcome {
      text-align: center;
      margin: 32px auto;
      max-width: 720px;
    }
    .kiosk-card,
    .home-card {
      max-width: 720px;
      margin: 0 auto 32px;
    }
    .notice {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      max-width: 720px;
      margin: 0 auto 24px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    .present-list {
      list-style: none;
      padding: 0;
      margin: 8px 0;
    }
    .present-list li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .who {
      font-weight: 500;
    }
    .family,
    .arrival {
      color: var(--mat-sys-on-surface-variant);
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
  private readonly document = inject(DOCUMENT);
  private readonly origin = this.document.location?.origin ?? '';
  private readonly destroyRef = inject(DestroyRef);
  private readonly publicSettings = inject(PublicSettingsStore);

  private readonly counter = apiResource(() => this.api.counter());
  /** The last counter read (kept when a refresh fails, its message under it). */
  protected readonly info = linkedSignal<CounterInfo | undefined, CounterInfo | null>({
    source: this.counter.value,
    computation: (info, previous) => info ?? previous?.value ?? null,
  });
  /** The reset of the counter and the removal of the demonstration data. */
  private readonly action = submitter();
  protected readonly error = computed(() => this.action.error() || this.counter.error() || '');
  protected readonly copied = signal('');
  protected readonly busy = this.action.busy;
  private readonly presentNow = apiResource(() => this.api.presentNow());
  /** Who is here now (kept when a refresh fails, its message under it). */
  protected readonly present = linkedSignal<PresentNow | undefined, PresentNow | null>({
    source: this.presentNow.value,
    computation: (present, previous) => present ?? previous?.value ?? null,
  });
  protected readonly presentError = computed(() => this.presentNow.error() ?? '');
  private readonly demoData = apiResource(() => this.api.demoData());
  protected readonly demo = computed<DemoDataInfo | null>(() => this.demoData.value() ?? null);
  protected readonly demoDone = signal('');
  protected readonly demoText = computed(() => {
    const d = this.demo();
    return d ? demoSummary(d) : '';
  });
  protected readonly mailConfigured = computed(() => this.publicSettings.settings().mailConfigured);
  protected readonly mailNotConfigured = MAIL_NOT_CONFIGURED;

  protected readonly address = computed(() => `${this.origin}${this.info()?.kioskPath ?? ''}`);
  protected readonly counterText = computed(() => presentCounterLabel(this.info()?.counter ?? 0));

  ngOnInit(): void {
    this.publicSettings.load();
    // Live while the page is visible: a hidden tab polls nothing, and catches up when shown again.
    const timer = setInterval(() => {
      if (this.document.visibilityState !== 'hidden') this.refresh();
    }, PRESENT_POLL_MS);
    const onVisibility = () => {
      if (this.document.visibilityState === 'visible') this.refresh();
    };
    this.document.addEventListener('visibilitychange', onVisibility);
    this.destroyRef.onDestroy(() => {
      clearInterval(timer);
      this.document.removeEventListener('visibilitychange', onVisibility);
    });
  }

  private refresh(): void {
    this.load();
    this.presentNow.reload();
  }

  removeDemo(): void {
    confirmAction(this.dialog, {
      title: 'Supprimer les données de démonstration',
      message: REMOVE_DEMO_QUESTION,
      confirmLabel: 'Supprimer',
    }).subscribe((ok) => {
      if (!ok) return;
      this.action.run(this.api.removeDemoData(), {
        done: (r) => {
          this.demoData.set({ families: 0, members: 0, slots: 0, attendance: 0 });
          this.demoDone.set(
            `Données de démonstration supprimées : ${demoSummary(r)}.` +
              (r.keptSlots > 0
                ? ` ${r.keptSlots === 1 ? '1 créneau conservé' : `${r.keptSlots} créneaux conservés`} : vos familles y ont été pointées.`
                : ''),
          );
          this.refresh();
        },
      });
    });
  }

  load(): void {
    this.counter.reload();
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
      this.action.run(this.api.resetCounter(), {
        done: (info) => {
          this.counter.set(info);
          void this.announcer.announce('Le compteur des présents est remis à zéro.', 'polite');
        },
      });
    });
  }
}
