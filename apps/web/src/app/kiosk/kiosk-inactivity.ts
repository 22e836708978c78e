import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, output, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { fromEvent, merge } from 'rxjs';
import { SessionStore } from '../core/session';
import { KIOSK_TIMING } from '../shared/attendance/kiosk-timing';
import { KioskApi } from './kiosk-api';

export const STILL_THERE_TITLE = 'Êtes-vous toujours là ?';

/** 'stay': "Je suis là" (or Escape, or a touch outside); 'validate': VALIDER the ticked members; 'timeout': nobody answered. */
export type StillThereAnswer = 'stay' | 'validate' | 'timeout';

export interface StillThereData {
  seconds: number;
  /** Members ticked present on the sheet and not validated yet (0 on the other pages). */
  ticked: number;
}

/** "2 personnes cochées ne sont pas encore validées." */
export function pendingTicksMessage(count: number): string {
  return count > 1 ? `${count} personnes cochées ne sont pas encore validées.` : "1 personne cochée n'est pas encore validée.";
}

/** "Êtes-vous toujours là ?" with a countdown (and VALIDER when members are ticked); closes with 'timeout' at zero. */
@Component({
  selector: 'app-still-there-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>{{ title }}</h2>
    <!-- Focusable: on a small screen the text may scroll, and a keyboard must reach it (axe scrollable-region-focusable). -->
    <mat-dialog-content id="still-there-text" tabindex="0">
      @if (pending) {
        <p class="pending">{{ pending }}</p>
      }
      <p class="countdown">
        Sans réponse, la session de votre famille se termine dans <strong>{{ remaining() }}</strong> seconde{{ remaining() > 1 ? 's' : ''
        }}{{ pending ? ' et ces présences ne seront pas enregistrées' : '' }}.
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="center">
      @if (pending) {
        <button mat-flat-button type="button" class="validate" (click)="validate()">VALIDER</button>
        <button mat-stroked-button type="button" class="here" (click)="stay()">Je suis là</button>
      } @else {
        <button mat-flat-button type="button" class="here" (click)="stay()">Je suis là</button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    h2 {
      font-size: 1.75rem;
    }
    .countdown,
    .pending {
      font-size: 1.25rem;
    }
    .pending {
      font-weight: 600;
    }
    mat-dialog-actions {
      gap: 16px;
    }
    .here,
    .validate {
      min-width: 200px;
      --mat-button-filled-container-height: 64px;
      --mat-button-filled-label-text-size: 1.375rem;
      --mat-button-outlined-container-height: 64px;
      --mat-button-outlined-label-text-size: 1.375rem;
    }
  `,
})
export class StillThereDialog {
  private readonly ref = inject<MatDialogRef<StillThereDialog, StillThereAnswer>>(MatDialogRef);
  protected readonly title = STILL_THERE_TITLE;
  private readonly data = inject<StillThereData>(MAT_DIALOG_DATA);
  readonly remaining = signal(this.data.seconds);
  protected readonly pending = this.data.ticked > 0 ? pendingTicksMessage(this.data.ticked) : '';

  constructor() {
    const id = setInterval(() => {
      const left = this.remaining() - 1;
      this.remaining.set(Math.max(left, 0));
      if (left <= 0) {
        clearInterval(id);
        this.ref.close('timeout');
      }
    }, 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(id));
  }

  stay(): void {
    this.ref.close('stay');
  }

  validate(): void {
    this.ref.close('validate');
  }
}

/**
 * Put on every kiosk page that shows a family's data: after a minute without a
 * touch or a key, asks "Êtes-vous toujours là ?"; without an answer within
 * 15 s, the family session is dropped and the kiosk returns to its home page,
 * so the next family never sees this one. `paused` holds it (a validation on
 * its way, the thank-you).
 *
 * When members are ticked and not validated (`ticked`), the question says so
 * and offers VALIDER (`validate` is emitted: the sheet validates them as its
 * own button does). The last touch is kept with the session, so that after a
 * reload the delay goes on from it rather than starting again.
 */
@Component({
  selector: 'app-kiosk-inactivity',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
export class KioskInactivity {
  private readonly dialog = inject(MatDialog);
  private readonly timing = inject(KIOSK_TIMING);
  private readonly api = inject(KioskApi);
  private readonly router = inject(Router);

  private readonly session = inject(SessionStore);

  readonly slug = input.required<string>();
  readonly paused = input(false);
  /** Members ticked present and not validated yet. */
  readonly ticked = input(0);
  /** VALIDER in the question. */
  readonly validate = output<void>();

  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private question: MatDialogRef<StillThereDialog, StillThereAnswer> | null = null;
  private destroyed = false;
  /** The last touch (epoch ms): the session's, which survives a reload, else this page's arrival. */
  private lastActivity = this.session.kioskLastActivity() ?? Date.now();

  constructor() {
    const doc = inject(DOCUMENT);
    const options = { capture: true, passive: true };
    merge(
      fromEvent(doc, 'pointerdown', options),
      fromEvent(doc, 'touchstart', options),
      fromEvent(doc, 'keydown', options),
      fromEvent(doc, 'wheel', options),
      fromEvent(doc, 'input', options),
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.activity());
    effect(() => {
      const paused = this.paused();
      untracked(() => (paused ? this.stop() : this.arm()));
    });
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.stop();
      this.question?.close();
    });
  }

  /** A touch or a key: the minute starts again (only "Je suis là" or VALIDER answers the question). */
  private activity(): void {
    if (this.question) return;
    this.touch();
    if (!this.paused()) this.arm();
  }

  private touch(): void {
    this.lastActivity = Date.now();
    this.session.touchKiosk(this.lastActivity);
  }

  /** Asks once the minute since the last touch is over (at once after a reload that came later). */
  private arm(): void {
    this.stop();
    const idle = Math.max(0, Date.now() - this.lastActivity);
    this.idleTimer = setTimeout(() => this.ask(), Math.max(0, this.timing.inactivityMs - idle));
  }

  private stop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private ask(): void {
    this.idleTimer = null;
    // The countdown already run before a reload is not given again.
    const late = Math.max(0, Date.now() - this.lastActivity - this.timing.inactivityMs);
    const seconds = Math.max(1, this.timing.countdownSeconds - Math.floor(late / 1000));
    const ref = this.dialog.open<StillThereDialog, StillThereData, StillThereAnswer>(StillThereDialog, {
      data: { seconds, ticked: this.ticked() },
      role: 'alertdialog',
      // Read with the title when the question opens: the ticked members not validated, the countdown.
      ariaDescribedBy: 'still-there-text',
      // The answer first (VALIDER when members are ticked, else « Je suis là »), not the scrollable text.
      autoFocus: 'mat-dialog-actions button',
      width: '560px',
      maxWidth: '95vw',
    });
    this.question = ref;
    ref.afterClosed().subscribe((answer) => {
      this.question = null;
      if (this.destroyed) return;
      if (answer === 'timeout') {
        this.leave();
        return;
      }
      this.touch();
      if (answer === 'validate') this.validate.emit();
      if (!this.paused()) this.arm();
    });
  }

  private leave(): void {
    const slug = this.slug();
    this.dialog.closeAll();
    this.api.end();
    void this.router.navigate(['/k', slug]);
  }
}
