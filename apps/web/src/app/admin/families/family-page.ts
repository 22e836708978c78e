import { LiveAnnouncer } from '@angular/cdk/a11y';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { EMAIL_PATTERN, FamilyDetail, LIMITS, MemberDto, MergeFamiliesResponse, normaliseLogin } from '@pointage/contracts';
import { forkJoin, Observable, tap } from 'rxjs';
import { apiErrorMessage } from '../../core/api-error';
import { apiResource } from '../../core/api-resource';
import { choicesFor, labelOf } from '../../core/reference';
import { submitter } from '../../core/submitter';
import { TODAY } from '../../core/today';
import { confirmAction } from '../../shared/confirm-dialog';
import { showCredentials } from '../../shared/credentials-dialog';
import { saveBlob } from '../../shared/download';
import { frenchDay } from '../../shared/french-day';
import { MemberAvatar } from '../../shared/members/avatar';
import { ageLabel } from '../../shared/members/member-form';
import { askStatsChange, isStatsChangeQuestion } from '../../shared/stats-change-dialog';
import { AttendanceAdminApi } from '../attendance/attendance-api';
import { AnonymiseDialog, AnonymiseDialogData } from './anonymise-dialog';
import { ADMIN_MEMBER_ENDPOINTS, FamiliesApi, FamilyPatch } from './families-api';
import { FamilyPasswordDialog, FamilyPasswordDialogData, FamilyPasswordResult } from './family-password-dialog';
import { FamilyHistory } from './family-history';
import { MergeDialog, MergeDialogData } from './merge-dialog';
import { openMemberDialog } from './member-dialog';

/** The changed fields of the family form; empty when nothing changed. */
export function familyPatch(
  family: Pick<FamilyDetail, 'name' | 'email' | 'qfId' | 'minimaId'>,
  v: { name: string; email: string; qfId: number | null; minimaId: number | null },
): FamilyPatch {
  const patch: FamilyPatch = {};
  if (v.name.trim() !== family.name) patch.name = v.name.trim();
  const email = v.email.trim() ? normaliseLogin(v.email) : '';
  if (email && email !== family.email) patch.email = email;
  if (v.qfId !== null && v.qfId !== family.qfId) patch.qfId = v.qfId;
  if (v.minimaId !== null && v.minimaId !== family.minimaId) patch.minimaId = v.minimaId;
  return patch;
}

/** A family of the back office: its details, its members and what can be done with it. */
@Component({
  selector: 'app-family-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    FamilyHistory,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MemberAvatar,
  ],
  templateUrl: './family-page.html',
  styleUrl: './family-page.scss',
})
export class FamilyPage {
  private readonly api = inject(FamiliesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly router = inject(Router);
  private readonly today = inject(TODAY);
  private readonly attendance = inject(AttendanceAdminApi);

  /** From the route. */
  readonly id = input.required<string>();
  protected readonly familyId = computed(() => Number(this.id()));

  private readonly validId = computed(() => {
    const id = this.familyId();
    return Number.isInteger(id) && id > 0 ? id : undefined;
  });
  /** The family and the reference lists, read again when the route's id changes. */
  private readonly page = apiResource(
    () => this.validId(),
    (id) => forkJoin({ family: this.api.get(id), catalog: this.api.catalog() }).pipe(tap(({ family }) => this.resetForm(family))),
  );
  /** The loaded family, then the answers of the changes made here. */
  protected readonly family = linkedSignal<FamilyDetail | null>(() => this.page.value()?.family ?? null);
  protected readonly catalog = computed(() => this.page.value()?.catalog ?? null);
  protected readonly loading = this.page.loading;
  protected readonly loadError = computed(() => (this.validId() === undefined ? 'Famille introuvable.' : (this.page.error() ?? '')));
  /** The family form's save (its message under the form). */
  protected readonly save = submitter();
  /** The buttons of the "Actions" card and of the members (their message under the actions). */
  protected readonly action = submitter();
  protected readonly limits = LIMITS;

  readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(LIMITS.name), (c) => (c.value.trim() ? null : { required: true })],
    }),
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(LIMITS.email), Validators.pattern(EMAIL_PATTERN)],
    }),
    qfId: new FormControl<number | null>(null, [Validators.required]),
    minimaId: new FormControl<number | null>(null, [Validators.required]),
  });

  protected readonly qfChoices = computed(() => this.choices('qf'));
  protected readonly minimaChoices = computed(() => this.choices('minima'));

  private choices(kind: 'qf' | 'minima') {
    const c = this.catalog();
    const f = this.family();
    return c ? choicesFor(c, kind, kind === 'qf' ? f?.qfId : f?.minimaId) : [];
  }

  private setFamily(family: FamilyDetail): void {
    this.family.set(family);
    this.resetForm(family);
  }

  private resetForm(family: FamilyDetail): void {
    this.form.reset({ name: family.name, email: family.email ?? '', qfId: family.qfId, minimaId: family.minimaId });
    if (family.anonymised) this.form.disable();
    else this.form.enable();
  }

  private notify(message: string): void {
    // This page's messages stay 5 s (the Submitter's `success` says 4 s): done + notify keeps it.
    this.snackBar.open(message, 'Fermer', { duration: 5000 });
  }

  // --- Presentation helpers

  protected memberName(m: MemberDto): string {
    return `${m.lastName.toLocaleUpperCase('fr-FR')} ${m.firstName}`;
  }

  /** "8 ans · Enfant à charge · identifiant : …" */
  protected detailsOf(m: MemberDto): string {
    const c = this.catalog();
    const parts = [ageLabel(m.birthDate, this.today()), c ? labelOf(c, 'status', m.statusId) : ''];
    if (m.login) parts.push(`identifiant : ${m.login}`);
    return parts.filter(Boolean).join(' · ');
  }

  protected day(instant: string): string {
    return frenchDay(instant);
  }

  // --- The family

  saveFamily(): void {
    const family = this.family();
    if (!family) return;
    this.save.clear();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const patch = familyPatch(family, this.form.getRawValue());
    if (Object.keys(patch).length === 0) {
      this.save.fail('Aucune modification à enregistrer.');
      return;
    }
    const household = patch.qfId !== undefined || patch.minimaId !== undefined;
    if (household && family.hasAttendance) this.askThenSave(family, patch);
    else this.sendFamily(family, patch);
  }

  private askThenSave(family: FamilyDetail, patch: FamilyPatch): void {
    askStatsChange(this.dialog, `la famille ${family.name}`).subscribe((answer) => {
      if (answer) this.sendFamily(family, { ...patch, statsChange: answer });
    });
  }

  private sendFamily(family: FamilyDetail, patch: FamilyPatch): void {
    const household = patch.qfId !== undefined || patch.minimaId !== undefined;
    this.save.run(this.api.update(family.id, patch), {
      done: (updated) => {
        this.setFamily(updated);
        this.notify(household ? 'Famille enregistrée : quotient familial et minima appliqués à tous les membres.' : 'Famille enregistrée');
      },
      handle: (err) => {
        if (patch.statsChange || !isStatsChangeQuestion(err)) return false;
        this.askThenSave(family, patch);
        return true;
      },
    });
  }

  /** "Pointer pour cette famille": the family's attendance sheet, opened by the admin (audited). */
  pointForFamily(): void {
    const family = this.family();
    if (!family) return;
    this.action.run(this.attendance.startActing(family.id), {
      done: () => void this.router.navigate(['/admin/pointer', family.id]),
    });
  }

  changePassword(): void {
    const family = this.family();
    if (!family) return;
    this.dialog
      .open<FamilyPasswordDialog, FamilyPasswordDialogData, FamilyPasswordResult>(FamilyPasswordDialog, {
        data: { familyId: family.id, familyName: family.name },
        width: '520px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((res) => {
        if (!res) return;
        if (res.password)
          showCredentials(this.dialog, { title: 'Nouveau mot de passe', login: family.email ?? '', password: res.password });
        else this.notify('Mot de passe modifié');
      });
  }

  toggleArchive(): void {
    const family = this.family();
    if (!family) return;
    const archive = !family.archived;
    confirmAction(this.dialog, {
      title: archive ? 'Archiver la famille' : 'Désarchiver la famille',
      message: archive
        ? `Archiver la famille ${family.name} ? Elle n'apparaîtra plus à la borne ; ses présences restent dans les statistiques.`
        : `Désarchiver la famille ${family.name} ? Elle pourra de nouveau se connecter à la borne.`,
      confirmLabel: archive ? 'Archiver' : 'Désarchiver',
    }).subscribe((ok) => {
      if (ok) this.archiveFamily(family, archive);
    });
  }

  private archiveFamily(family: FamilyDetail, archive: boolean): void {
    this.action.run(this.api.archive(family.id, archive), {
      done: (updated) => {
        this.setFamily(updated);
        this.notify(archive ? 'Famille archivée' : 'Famille désarchivée');
      },
    });
  }

  exportData(): void {
    const family = this.family();
    if (!family) return;
    this.action.run(this.api.exportData(family.id), {
      done: (blob) => {
        saveBlob(blob, `famille-${family.id}.json`);
        void this.announcer.announce('Export téléchargé.', 'polite');
      },
    });
  }

  /** The readable export (HTML, French, printable) beside the JSON one. */
  exportReadable(): void {
    const family = this.family();
    if (!family) return;
    this.action.run(this.api.exportHtml(family.id), {
      done: (blob) => {
        saveBlob(blob, `famille-${family.id}.html`);
        void this.announcer.announce('Export lisible téléchargé.', 'polite');
      },
    });
  }

  /** Merges a duplicate family; goes to the kept one when it is the other. */
  mergeWithAnother(): void {
    const family = this.family();
    if (!family) return;
    this.dialog
      .open<MergeDialog, MergeDialogData, MergeFamiliesResponse>(MergeDialog, { data: { family }, width: '680px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((res) => {
        if (!res) return;
        const joined = res.joinedMembers ? `, ${res.joinedMembers} doublon(s) réuni(s)` : '';
        this.notify(`Familles fusionnées : ${res.movedMembers + res.joinedMembers} membre(s) repris${joined}.`);
        if (res.family.id === family.id) this.setFamily(res.family);
        else void this.router.navigate(['/admin/familles', res.family.id]);
      });
  }

  anonymise(): void {
    const family = this.family();
    if (!family) return;
    this.dialog
      .open<AnonymiseDialog, AnonymiseDialogData, FamilyDetail>(AnonymiseDialog, {
        data: { familyId: family.id, familyName: family.name },
        width: '560px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.setFamily(updated);
        this.notify('Famille anonymisée');
      });
  }

  deleteFamily(): void {
    const family = this.family();
    if (!family) return;
    this.deleteOrArchive(
      {
        title: 'Supprimer la famille',
        message: `Supprimer définitivement la famille ${family.name} et ses ${family.members.length} membre(s) ? Cette opération est irréversible.`,
      },
      () => this.api.remove(family.id),
      'Famille supprimée',
      () => void this.router.navigateByUrl('/admin/familles'),
      family.archived ? null : () => this.archiveFamily(family, true),
    );
  }

  /**
   * Asks, deletes, and when the API refuses because attendance is recorded
   * (409), offers to archive instead.
   */
  private deleteOrArchive(
    question: { title: string; message: string },
    remove: () => Observable<void>,
    success: string,
    deleted: () => void,
    archive: (() => void) | null,
  ): void {
    this.action.clear();
    confirmAction(this.dialog, { ...question, confirmLabel: 'Supprimer' }).subscribe((ok) => {
      if (!ok) return;
      this.action.run(remove(), {
        done: () => {
          deleted();
          this.notify(success);
        },
        handle: (err) => {
          if (!(err instanceof HttpErrorResponse && err.status === 409 && archive)) return false;
          // The API's refusal becomes the question of the dialog (apiErrorMessage: its French text).
          const message = apiErrorMessage(err);
          confirmAction(this.dialog, { title: 'Suppression impossible', message, confirmLabel: 'Archiver' }).subscribe((yes) => {
            if (yes) archive();
          });
          return true;
        },
      });
    });
  }

  // --- Members

  private replaceMember(member: MemberDto): void {
    const family = this.family();
    if (!family) return;
    const known = family.members.some((m) => m.id === member.id);
    this.family.set({
      ...family,
      members: known ? family.members.map((m) => (m.id === member.id ? member : m)) : [...family.members, member],
    });
  }

  editMember(member: MemberDto | null): void {
    const family = this.family();
    const catalog = this.catalog();
    if (!family || !catalog) return;
    openMemberDialog(this.dialog, {
      catalog,
      member,
      defaults: { lastName: family.name, qfId: family.qfId, minimaId: family.minimaId },
      endpoints: ADMIN_MEMBER_ENDPOINTS(family.id),
    })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.replaceMember(saved);
        this.notify(member ? 'Membre enregistré' : 'Membre ajouté');
      });
  }

  toggleMemberArchive(member: MemberDto): void {
    this.archiveMember(member, !member.archived);
  }

  private archiveMember(member: MemberDto, archive: boolean): void {
    this.action.run(this.api.archiveMember(member.id, archive), {
      done: (updated) => {
        this.replaceMember(updated);
        this.notify(`${member.firstName} ${archive ? 'archivé(e)' : 'désarchivé(e)'}`);
      },
    });
  }

  deleteMember(member: MemberDto): void {
    this.deleteOrArchive(
      { title: 'Supprimer le membre', message: `Supprimer définitivement ${member.firstName} ${member.lastName} ?` },
      () => this.api.removeMember(member.id),
      'Membre supprimé',
      () => {
        const family = this.family();
        if (family) this.family.set({ ...family, members: family.members.filter((m) => m.id !== member.id) });
      },
      member.archived ? null : () => this.archiveMember(member, true),
    );
  }
}
