import { LiveAnnouncer } from '@angular/cdk/a11y';
import { HttpErrorResponse } from '@angular/common/http';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  Injector,
  input,
  linkedSignal,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ATTENDANCE_THANKS, AttendanceSheet, ValidateAttendanceResponse } from '@pointage/contracts';
import { Subscription, tap } from 'rxjs';
import { apiErrorMessage } from '../../core/api-error';
import { apiResource } from '../../core/api-resource';
import { frenchLongDate, rangeLabel } from '../clock';
import { MemberAvatar } from '../members/avatar';
import { PageHeading } from '../page-heading';
import { KIOSK_TIMING } from './kiosk-timing';
import { newKey, SheetApi, sendWithRetry } from './sheet-api';

export const CLOSED_MESSAGE = "La ludothèque est fermée aujourd'hui : la présence ne peut pas être enregistrée.";
export const RETRYING_MESSAGE = 'Connexion perdue, nouvel essai…';
export const CANCELLED_MESSAGE =
  "Envoi annulé : la présence n'a peut-être pas été enregistrée. Appuyez de nouveau sur VALIDER pour réessayer.";

type SheetMember = AttendanceSheet['members'][number];
export type SheetPhase = 'idle' | 'sending' | 'retrying' | 'done';
/** Why the sheet is over: the thank-you has been shown, or the family pressed "Terminer". */
export type SheetEnd = 'thanks' | 'finish';

/**
 * "Fiche de présence": each member of the family with a Présent/Absent toggle,
 * and VALIDER. Used at the kiosk and by an admin acting for a family.
 *
 * A validation is sent with a key created once per press of VALIDER; when the
 * network or the server fails, the same request (same key) is sent again with
 * back-off until it succeeds or the family presses "Annuler": never a silent
 * loss, never a duplicate.
 */
@Component({
  selector: 'app-attendance-sheet',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, MemberAvatar, PageHeading],
  templateUrl: './attendance-sheet.html',
  styleUrl: './attendance-sheet.scss',
})
export class AttendanceSheetView {
  private readonly api = inject(SheetApi);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly timing = inject(KIOSK_TIMING);
  private readonly injector = inject(Injector);
  /** The family's name: the focus goes back there after VALIDER (the button is gone). */
  private readonly heading = viewChild(PageHeading);

  /** Shows the slot's date (the back office has no clock header). */
  readonly showSlotDate = input(false);
  /** Route of the members page ("MODIFIER OU AJOUTER UN MEMBRE"); none hides the link. */
  readonly editLink = input<string[] | null>(null);
  /** Shows "Terminer" (the kiosk; the back office has its banner). */
  readonly showFinish = input(true);
  /** Label of the button under the thank-you. */
  readonly doneLabel = input("Retour à l'accueil");

  readonly finished = output<SheetEnd>();

  protected readonly thanks = ATTENDANCE_THANKS;
  protected readonly closedMessage = CLOSED_MESSAGE;
  protected readonly retryingMessage = RETRYING_MESSAGE;

  private readonly sheetLoad = apiResource(() => this.api.sheet().pipe(tap(() => this.ticked.set(new Set()))));
  /** The sheet read (kept when a reading fails), then the members recorded by VALIDER. */
  readonly sheet = linkedSignal<AttendanceSheet | undefined, AttendanceSheet | null>({
    source: this.sheetLoad.value,
    computation: (sheet, previous) => sheet ?? previous?.value ?? null,
  });
  protected readonly loading = this.sheetLoad.loading;
  protected readonly loadError = computed(() => this.sheetLoad.error() ?? '');
  /** Members ticked present in this visit (not those already recorded). */
  readonly ticked = signal<ReadonlySet<number>>(new Set());
  readonly phase = signal<SheetPhase>('idle');
  protected readonly error = signal('');
  protected readonly notice = signal('');
  protected readonly result = signal<ValidateAttendanceResponse | null>(null);

  /** True while a validation is on its way or the thank-you is shown: the kiosk must not drop the family then. */
  readonly holding = computed(() => this.phase() !== 'idle');
  readonly canValidate = computed(() => !!this.sheet()?.slot && this.ticked().size > 0 && this.phase() === 'idle');
  protected readonly slotLine = computed(() => {
    const slot = this.sheet()?.slot;
    if (!slot) return '';
    const range = rangeLabel(slot.start, slot.end);
    return this.showSlotDate() ? `Créneau du ${frenchLongDate(slot.date)} : ${range}` : `Créneau : ${range}`;
  });

  private sending: Subscription | null = null;
  private thanksTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.sending?.unsubscribe();
      if (this.thanksTimer) clearTimeout(this.thanksTimer);
    });
  }

  load(): void {
    this.sheetLoad.reload();
  }

  protected isOn(m: SheetMember): boolean {
    return m.present || this.ticked().has(m.id);
  }

  protected stateOf(m: SheetMember): string {
    return this.ticked().has(m.id) ? 'Présent' : 'Absent';
  }

  /** Présent ⇄ Absent; a member already recorded for this slot stays present. */
  toggle(m: SheetMember): void {
    if (m.present || this.phase() !== 'idle') return;
    const next = new Set(this.ticked());
    if (next.has(m.id)) next.delete(m.id);
    else next.add(m.id);
    this.ticked.set(next);
    this.error.set('');
    this.notice.set('');
  }

  /** VALIDER: one key for this press, kept for every retry. */
  validate(): void {
    if (!this.canValidate()) return;
    // Not the Submitter: the same request (same key) is sent again until it succeeds or "Annuler" (sendWithRetry).
    const body = { key: newKey(), memberIds: [...this.ticked()] };
    this.phase.set('sending');
    this.error.set('');
    this.notice.set('');
    this.sending = sendWithRetry(
      () => this.api.validate(body),
      this.timing.retryDelaysMs,
      () => {
        if (this.phase() !== 'retrying') void this.announcer.announce(RETRYING_MESSAGE, 'assertive');
        this.phase.set('retrying');
      },
    ).subscribe({
      next: (res) => this.succeeded(res, body.memberIds),
      error: (err: unknown) => {
        this.sending = null;
        this.phase.set('idle');
        this.error.set(apiErrorMessage(err));
        // No slot any more (409): the sheet says the ludothèque is closed.
        if (err instanceof HttpErrorResponse && err.status === 409) this.load();
      },
    });
  }

  /** "Annuler" while retrying: stops sending; the family may press VALIDER again (a new attempt). */
  cancel(): void {
    if (!this.sending) return;
    this.sending.unsubscribe();
    this.sending = null;
    this.phase.set('idle');
    this.notice.set(CANCELLED_MESSAGE);
  }

  private succeeded(res: ValidateAttendanceResponse, memberIds: number[]): void {
    this.sending = null;
    const sheet = this.sheet();
    if (sheet) {
      const recorded = new Set(memberIds);
      this.sheet.set({ ...sheet, members: sheet.members.map((m) => (recorded.has(m.id) ? { ...m, present: true } : m)) });
    }
    this.ticked.set(new Set());
    this.result.set(res);
    this.phase.set('done');
    void this.announcer.announce(ATTENDANCE_THANKS, 'assertive');
    afterNextRender(() => this.heading()?.focus(), { injector: this.injector });
    this.thanksTimer = setTimeout(() => this.end('thanks'), this.timing.thanksMs);
  }

  /** "Terminer", the button under the thank-you, or the end of the thank-you's delay. */
  end(reason: SheetEnd): void {
    if (this.thanksTimer) clearTimeout(this.thanksTimer);
    this.thanksTimer = null;
    this.finished.emit(reason);
  }
}
