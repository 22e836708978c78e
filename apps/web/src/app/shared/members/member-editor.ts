import { LiveAnnouncer } from '@angular/cdk/a11y';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, output } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { MemberDto } from '@pointage/contracts';
import { Observable } from 'rxjs';
import { RefCatalog } from '../../core/reference';
import { submitter } from '../../core/submitter';
import { TODAY } from '../../core/today';
import { askStatsChange, isStatsChangeQuestion } from '../stats-change-dialog';
import { MemberApi } from './member-api';
import { MemberFields } from './member-fields';
import {
  changesStats,
  createMemberForm,
  MemberDefaults,
  memberCreateBody,
  MemberFormMode,
  MemberPatch,
  memberPatchBody,
} from './member-form';

/** Where a member is created and updated: the back office's routes or the kiosk's. */
export interface MemberEndpoints {
  create: string;
  update: (id: number) => string;
}

export const INVALID_FORM_MESSAGE = 'Vérifiez les champs signalés en rouge.';
export const NOTHING_CHANGED_MESSAGE = 'Aucune modification à enregistrer.';

/**
 * Adds or edits one member, for the back office (dialog) and the kiosk (page).
 * When an edit changes an attribute kept in past attendance records, asks the
 * back office first whether it is a correction or a change from today; a
 * family (kiosk) is not asked: its change applies from today.
 */
@Component({
  selector: 'app-member-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatIconModule, MemberFields],
  template: `
    <form [formGroup]="form()" (ngSubmit)="submit()" novalidate>
      <p class="required-note">Les champs marqués d'un * sont obligatoires.</p>
      <app-member-fields
        [form]="form()"
        [catalog]="catalog()"
        [mode]="mode()"
        [existingLogin]="member()?.login ?? null"
        [householdHint]="householdHint()"
      />
      <p class="error-text" aria-live="assertive">{{ saving.error() }}</p>
      <div class="actions">
        <button mat-stroked-button type="button" (click)="cancelled.emit()">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="saving.busy()">
          <mat-icon svgIcon="check" aria-hidden="true" />
          VALIDER
        </button>
      </div>
    </form>
  `,
  styles: `
    .required-note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin-top: 0;
    }
    .actions {
      justify-content: flex-end;
    }
    .actions button {
      min-height: 48px;
    }
  `,
})
export class MemberEditor {
  private readonly api = inject(MemberApi);
  private readonly dialog = inject(MatDialog);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly today = inject(TODAY);

  readonly mode = input<MemberFormMode>('admin');
  readonly catalog = input.required<RefCatalog>();
  /** The member edited; null to add one. */
  readonly member = input<MemberDto | null>(null);
  /** Values of a new member taken from its family. */
  readonly defaults = input<MemberDefaults>({});
  readonly endpoints = input.required<MemberEndpoints>();
  readonly householdHint = input('Par défaut : ceux de la famille');

  readonly saved = output<MemberDto>();
  readonly cancelled = output<void>();

  readonly form = computed(() =>
    createMemberForm({ mode: this.mode(), catalog: this.catalog(), today: this.today(), member: this.member(), defaults: this.defaults() }),
  );
  protected readonly saving = submitter();

  submit(): void {
    const form = this.form();
    this.saving.clear();
    if (form.invalid) {
      form.markAllAsTouched();
      this.saving.fail(INVALID_FORM_MESSAGE);
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), {
        injector: this.injector,
      });
      return;
    }
    const member = this.member();
    if (!member) {
      this.send(this.api.create(this.endpoints(), memberCreateBody(form, this.mode())));
      return;
    }
    const patch = memberPatchBody(form, member, this.mode());
    if (Object.keys(patch).length === 0) {
      this.saving.fail(NOTHING_CHANGED_MESSAGE);
      return;
    }
    // A family's change applies from today: only the structure's team may correct past attendance.
    if (this.mode() === 'family' && changesStats(patch)) this.update(member, { ...patch, statsChange: 'from-today' });
    else if (member.hasAttendance && changesStats(patch)) this.askThenUpdate(member, patch);
    else this.update(member, patch);
  }

  private askThenUpdate(member: MemberDto, patch: MemberPatch): void {
    askStatsChange(this.dialog, `${member.firstName} ${member.lastName}`).subscribe((answer) => {
      if (answer) this.update(member, { ...patch, statsChange: answer });
    });
  }

  private update(member: MemberDto, patch: MemberPatch): void {
    this.send(
      this.api.update(this.endpoints(), member.id, patch),
      // The API knows better (attendance recorded meanwhile): ask, then send again.
      (err) => (!patch.statsChange && isStatsChangeQuestion(err) ? (this.askThenUpdate(member, patch), true) : false),
    );
  }

  /** Success is announced to screen readers and handed to the page (which closes a dialog or goes back), not put in a snack bar. */
  private send(request: Observable<MemberDto>, handle?: (err: unknown) => boolean): void {
    this.saving.run(request, {
      done: (saved) => {
        void this.announcer.announce('Membre enregistré.', 'polite');
        this.saved.emit(saved);
      },
      handle,
    });
  }
}
