import { LiveAnnouncer } from '@angular/cdk/a11y';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
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
import { forkJoin, Observable } from 'rxjs';
import { apiErrorMessage } from '../../core/api-error';
import { choicesFor, labelOf, RefCatalog } from '../../core/reference';
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

  protected readonly family = signal<FamilyDetail | null>(null);
  protected readonly catalog = signal<RefCatalog | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal('');
  protected readonly formError = signal('');
  protected readonly actionError = signal('');
  protected readonly saving = signal(false);
  protected readonly pointing = signal(false);
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

  constructor() {
    effect(() => this.load(this.familyId()));
  }

  private choices(kind: 'qf' | 'minima') {
    const c = this.catalog();
    const f = this.family();
    return c ? choicesFor(c, kind, kind === 'qf' ? f?.qfId : f?.minimaId) : [];
  }

  private load(id: number): void {
    if (!Number.isInteger(id) || id <= 0) {
      this.loadError.set('Famille introuvable.');
      this.loading.set(false);
      return;
    }
    this.loading.set(true);
    this.loadError.set('');
    forkJoin({ family: this.api.get(id), catalog: this.api.catalog() }).subscribe({
      next: ({ family, catalog }) => {
        this.catalog.set(catalog);
        this.setFamily(family);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.loadError.set(apiErrorMessage(err));
        this.loading.set(false);
      },
    });
  }

  private setFamily(family: FamilyDetail): void {
    this.family.set(family);
    this.form.reset({ name: family.name, email: family.email ?? '', qfId: family.qfId, minimaId: family.minimaId });
    if (family.anonymised) this.form.disable();
    else this.form.enable();
  }

  private notify(message: string): void {
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
    this.formError.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const patch = familyPatch(family, this.form.getRawValue());
    if (Object.keys(patch).length === 0) {
      this.formError.set('Aucune modification à enregistrer.');
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
    this.saving.set(true);
    this.api.update(family.id, patch).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.setFamily(updated);
        const household = patch.qfId !== undefined || patch.minimaId !== undefined;
        this.notify(household ? 'Famille enregistrée : quotient familial et minima appliqués à tous les membres.' : 'Famille enregistrée');
      },
      error: (err: unknown) => {
        this.saving.set(false);
        if (!patch.statsChange && isStatsChangeQuestion(err)) this.askThenSave(family, patch);
        else this.formError.set(apiErrorMessage(err));
      },
    });
  }

  /** "Pointer pour cette famille": the family's attendance sheet, opened by the admin (audited). */
  pointForFamily(): void {
    const family = this.family();
    if (!family) return;
    this.actionError.set('');
    this.pointing.set(true);
    this.attendance.startActing(family.id).subscribe({
      next: () => {
        this.pointing.set(false);
        void this.router.navigate(['/admin/pointer', family.id]);
      },
      error: (err: unknown) => {
        this.pointing.set(false);
        this.actionError.set(apiErrorMessage(err));
      },
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
    this.actionError.set('');
    this.api.archive(family.id, archive).subscribe({
      next: (updated) => {
        this.setFamily(updated);
        this.notify(archive ? 'Famille archivée' : 'Famille désarchivée');
      },
      error: (err: unknown) => this.actionError.set(apiErrorMessage(err)),
    });
  }

  exportData(): void {
    const family = this.family();
    if (!family) return;
    this.actionError.set('');
    this.api.exportData(family.id).subscribe({
      next: (blob) => {
        saveBlob(blob, `famille-${family.id}.json`);
        void this.announcer.announce('Export téléchargé.', 'polite');
      },
      error: (err: unknown) => this.actionError.set(apiErrorMessage(err)),
    });
  }

  /** The readable export (HTML, French, printable) beside the JSON one. */
  exportReadable(): void {
    const family = this.family();
    if (!family) return;
    this.actionError.set('');
    this.api.exportHtml(family.id).subscribe({
      next: (blob) => {
        saveBlob(blob, `famille-${family.id}.html`);
        void this.announcer.announce('Export lisible téléchargé.', 'polite');
      },
      error: (err: unknown) => this.actionError.set(apiErrorMessage(err)),
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
      () => {
        this.notify('Famille supprimée');
        void this.router.navigateByUrl('/admin/familles');
      },
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
    deleted: () => void,
    archive: (() => void) | null,
  ): void {
    this.actionError.set('');
    confirmAction(this.dialog, { ...question, confirmLabel: 'Supprimer' }).subscribe((ok) => {
      if (!ok) return;
      remove().subscribe({
        next: deleted,
        error: (err: unknown) => {
          const message = apiErrorMessage(err);
          if (err instanceof HttpErrorResponse && err.status === 409 && archive) {
            confirmAction(this.dialog, { title: 'Suppression impossible', message, confirmLabel: 'Archiver' }).subscribe((yes) => {
              if (yes) archive();
            });
          } else {
            this.actionError.set(message);
          }
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
    this.actionError.set('');
    this.api.archiveMember(member.id, archive).subscribe({
      next: (updated) => {
        this.replaceMember(updated);
        this.notify(`${member.firstName} ${archive ? 'archivé(e)' : 'désarchivé(e)'}`);
      },
      error: (err: unknown) => this.actionError.set(apiErrorMessage(err)),
    });
  }

  deleteMember(member: MemberDto): void {
    this.deleteOrArchive(
      { title: 'Supprimer le membre', message: `Supprimer définitivement ${member.firstName} ${member.lastName} ?` },
      () => this.api.removeMember(member.id),
      () => {
        const family = this.family();
        if (family) this.family.set({ ...family, members: family.members.filter((m) => m.id !== member.id) });
        this.notify('Membre supprimé');
      },
      member.archived ? null : () => this.archiveMember(member, true),
    );
  }
}
