import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { KioskStatus, KioskStructureInfo } from '@pointage/contracts';
import { catchError, filter, fromEvent, map, merge, Observable, of, switchMap, tap, timer } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { SessionStore } from '../core/session';
import { KIOSK_TIMING } from '../shared/attendance/kiosk-timing';
import { presentCounterLabel, rangeLabel } from '../shared/clock';
import { KioskApi } from './kiosk-api';
import { KioskClock } from './kiosk-clock';
import { PageHeading } from '../shared/page-heading';

export const CONNECTION_LOST = 'Connexion perdue';
export const CLOSED_TODAY = "La ludothèque est fermée aujourd'hui";

type Poll = { status: KioskStatus } | { failed: true };

/** "Créneau en cours : 14:00 – 18:00" or "Prochain créneau : 14:00 – 18:00". */
export function slotLabel(slot: NonNullable<KioskStatus['slot']>): string {
  return `${slot.current ? 'Créneau en cours' : 'Prochain créneau'} : ${rangeLabel(slot.start, slot.end)}`;
}

/**
 * Home of a kiosk (/k/:slug): logo, name and welcome message of the structure,
 * the date and a live clock, today's slot, the present counter, and the ways
 * in. The status is polled every 30 s and whenever the page gets the focus back;
 * a failed poll keeps the last figures and says "Connexion perdue".
 */
@Component({
  selector: 'app-kiosk-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeading, RouterLink, MatButtonModule, MatIconModule, KioskClock],
  template: `
    <main class="kiosk page home">
      @if (structure(); as s) {
        @if (s.logoUrl) {
          <img [src]="s.logoUrl" [alt]="'Logo de ' + s.name" class="logo" />
        }
        <h1 appPageHeading>{{ s.name }}</h1>
        @if (s.welcomeMessage) {
          <p class="welcome">{{ s.welcomeMessage }}</p>
        }
        <div class="today">
          <app-kiosk-clock [timeZone]="s.timeZone" />
          @if (status(); as st) {
            <div class="facts">
              @if (st.closed || !st.slot) {
                <p class="slot closed">{{ closedToday }}</p>
              } @else {
                <p class="slot">{{ slotText() }}</p>
              }
              <p class="counter">
                <mat-icon svgIcon="group" aria-hidden="true" />
                {{ counterText() }}
              </p>
            </div>
          }
        </div>
        <nav class="ways" aria-label="Accès des familles">
          <a mat-flat-button [routerLink]="['/k', slug(), 'connexion']">
            <mat-icon svgIcon="login" aria-hidden="true" />
            Se connecter
          </a>
          <a mat-stroked-button [routerLink]="['/k', slug(), 'inscription']">
            <mat-icon svgIcon="person_add" aria-hidden="true" />
            Inscription d'une nouvelle famille
          </a>
          <a mat-button [routerLink]="['/k', slug(), 'oubli']">Identifiants oubliés ?</a>
        </nav>
      } @else if (notFound(); as error) {
        <h1 appPageHeading>Ludothèque introuvable</h1>
        <p class="error-text" role="alert">{{ error }}</p>
        <p><a routerLink="/" [queryParams]="{ choisir: 1 }">Choisir une ludothèque</a></p>
      } @else {
        <h1 appPageHeading class="visually-hidden">Chargement de la ludothèque</h1>
        <p role="status">Chargement…</p>
      }
      <div role="status" class="lost-status">
        @if (lost()) {
          <p class="lost">
            <mat-icon svgIcon="wifi_off" aria-hidden="true" />
            {{ connectionLost }}
          </p>
        }
      </div>
    </main>
  `,
  styles: `
    .home {
      text-align: center;
      position: relative;
    }
    .logo {
      max-width: min(100%, 600px);
      max-height: 160px;
      height: auto;
      margin-top: 8px;
      object-fit: contain;
    }
    h1 {
      margin: 8px 0;
    }
    .welcome {
      white-space: pre-line;
      max-width: 760px;
      margin: 0 auto 16px;
    }
    .today {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: center;
      gap: 16px 48px;
      margin: 16px auto;
      padding: 16px 24px;
      max-width: 960px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container);
      --kiosk-clock-size: 3.5rem;
    }
    .facts p {
      margin: 8px 0;
      font-size: 1.5rem;
    }
    .slot {
      font-weight: 500;
    }
    .closed {
      color: var(--mat-sys-on-secondary-container);
    }
    .counter {
      display: inline-flex;
      align-items: center;
      gap: 8px;
    }
    .ways {
      display: flex;
      flex-direction: column;
      align-items: stretch;
      gap: 16px;
      max-width: 560px;
      margin: 24px auto;
    }
    .ways a {
      min-height: 72px;
      font-size: 1.375rem;
    }
    .lost-status {
      min-height: 1.5em;
    }
    .lost {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      margin: 0;
      font-size: 1rem;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class KioskHome {
  private readonly api = inject(KioskApi);
  private readonly timing = inject(KIOSK_TIMING);
  private readonly document = inject(DOCUMENT);

  readonly slug = input.required<string>();

  protected readonly closedToday = CLOSED_TODAY;
  protected readonly connectionLost = CONNECTION_LOST;
  /** The last status received. */
  protected readonly status = signal<KioskStatus | null>(null);
  /** Name, logo and welcome message when the status could not be had yet. */
  private readonly fallback = signal<KioskStructureInfo | null>(null);
  protected readonly lost = signal(false);
  protected readonly notFound = signal<string | null>(null);

  protected readonly structure = computed(() => this.status()?.structure ?? this.fallback());
  protected readonly slotText = computed(() => {
    const slot = this.status()?.slot;
    return slot ? slotLabel(slot) : '';
  });
  protected readonly counterText = computed(() => presentCounterLabel(this.status()?.counter ?? 0));

  constructor() {
    // The home page never holds a family: one that left by the header's link, without
    // "Terminer", is ended here (an admin acting for a family is not a kiosk session).
    const session = inject(SessionStore);
    if (session.kiosk() && !session.kiosk()?.actor) this.api.end();
    // Not apiResource: the status is polled (timer, focus, visibility), a failure keeps what is shown and says
    // the connection is lost, and only then is the structure's public face read (a 404 says it does not exist).
    toObservable(this.slug)
      .pipe(
        tap(() => {
          this.status.set(null);
          this.fallback.set(null);
          this.notFound.set(null);
          this.lost.set(false);
        }),
        switchMap((slug) => this.triggers().pipe(switchMap(() => this.poll(slug)))),
        takeUntilDestroyed(),
      )
      .subscribe((res) => {
        if ('status' in res) {
          this.status.set(res.status);
          this.lost.set(false);
          this.notFound.set(null);
        } else {
          this.failed();
        }
      });
  }

  /** Now, every 30 s, and when the kiosk's window comes back to the front. */
  private triggers(): Observable<unknown> {
    const view = this.document.defaultView;
    const focus = view ? fromEvent(view, 'focus') : of();
    const visible = fromEvent(this.document, 'visibilitychange').pipe(filter(() => this.document.visibilityState === 'visible'));
    return merge(timer(0, this.timing.statusPollMs), focus, visible);
  }

  private poll(slug: string): Observable<Poll> {
    return this.api.status(slug).pipe(
      map((status): Poll => ({ status })),
      catchError(() => of<Poll>({ failed: true })),
    );
  }

  private failed(): void {
    this.lost.set(true);
    if (this.status() || this.fallback()) return;
    // Nothing shown yet: the structure's public face tells whether it exists at all.
    this.api.structure(this.slug()).subscribe({
      next: (info) => this.fallback.set(info),
      error: (err: unknown) => {
        if (!this.status() && err instanceof HttpErrorResponse && err.status === 404) {
          this.lost.set(false);
          this.notFound.set(apiErrorMessage(err));
        }
      },
    });
  }
}
