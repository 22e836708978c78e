import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { fromEvent, merge } from 'rxjs';
import { KIOSK_TIMING } from '../shared/attendance/kiosk-timing';
import { KioskApi } from './kiosk-api';

export const STILL_THERE_TITLE = 'Êtes-vous toujours là ?';

/** 'stay': "Je suis là" (or Escape, or a touch outside); 'timeout': nobody answered. */
export type StillThereAnswer = 'stay' | 'timeout';

/** "Êtes-vous toujours là ?" with a countdown; closes with 'timeout' at zero. */
@Component({
  selector: 'app-still-there-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>{{ title }}</h2>
    <mat-dialog-content>
      <p class="countdown">
        Sans réponse, la session de votre famille se termine dans <strong>{{ remaining() }}</strong> seconde{{ remaining() > 1 ? 's' : '' }}.
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="center">
      <button mat-flat-button type="button" class="here" (click)="stay()">Je suis là</button>
    </mat-dialog-actions>
  `,
  styles: `
    h2 {
      font-size: 1.75rem;
    }
    .countdown {
      font-size: 1.25rem;
    }
    .here {
      min-width: 200px;
      --mat-button-filled-container-height: 64px;
      --mat-button-filled-label-text-size: 1.375rem;
    }
  `,
})
export class StillThereDialog {
  private readonly ref = inject<MatDialogRef<StillThereDialog, StillThereAnswer>>(MatDialogRef);
  protected readonly title = STILL_THERE_TITLE;
  readonly remaining = signal(inject<{ seconds: number }>(MAT_DIALOG_DATA).seconds);

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
}

/**
 * Put on every kiosk page that shows a family's data: after a minute without a
 * touch or a key, asks "Êtes-vous toujours là ?"; without an answer within
 * 15 s, the family session is dropped and the kiosk returns to its home page,
 * so the next family never sees this one. `paused` holds it (a validation on
 * its way, the thank-you).
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

  readonly slug = input.required<string>();
  readonly paused = input(false);

  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private question: MatDialogRef<StillThereDialog, StillThereAnswer> | null = null;
  private destroyed = false;

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

  /** A touch or a key: the minute starts again (only "Je suis là" answers the question). */
  private activity(): void {
    if (this.question || this.paused()) return;
    this.arm();
  }

  private arm(): void {
    this.stop();
    this.idleTimer = setTimeout(() => this.ask(), this.timing.inactivityMs);
  }

  private stop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private ask(): void {
    this.idleTimer = null;
    const ref = this.dialog.open<StillThereDialog, { seconds: number }, StillThereAnswer>(StillThereDialog, {
      data: { seconds: this.timing.countdownSeconds },
      role: 'alertdialog',
      width: '560px',
      maxWidth: '95vw',
    });
    this.question = ref;
    ref.afterClosed().subscribe((answer) => {
      this.question = null;
      if (this.destroyed) return;
      if (answer === 'timeout') this.leave();
      else if (!this.paused()) this.arm();
    });
  }

  private leave(): void {
    const slug = this.slug();
    this.dialog.closeAll();
    this.api.end();
    void this.router.navigate(['/k', slug]);
  }
}
