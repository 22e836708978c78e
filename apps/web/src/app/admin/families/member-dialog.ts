import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { MemberDto } from '@pointage/contracts';
import { RefCatalog } from '../../core/reference';
import { MemberDefaults } from '../../shared/members/member-form';
import { MemberEditor, MemberEndpoints } from '../../shared/members/member-editor';

export interface MemberDialogData {
  catalog: RefCatalog;
  member: MemberDto | null;
  defaults: MemberDefaults;
  endpoints: MemberEndpoints;
}

/** The member form of the back office, in a dialog; closes with the saved member. */
@Component({
  selector: 'app-member-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MemberEditor],
  template: `
    <h2 mat-dialog-title>
      {{ data.member ? 'Modifier ' + data.member.lastName + ' ' + data.member.firstName : 'Ajouter un nouveau membre dans sa famille' }}
    </h2>
    <mat-dialog-content>
      <app-member-editor
        mode="admin"
        [catalog]="data.catalog"
        [member]="data.member"
        [defaults]="data.defaults"
        [endpoints]="data.endpoints"
        (saved)="ref.close($event)"
        (cancelled)="ref.close()"
      />
    </mat-dialog-content>
  `,
})
export class MemberDialog {
  protected readonly data = inject<MemberDialogData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<MemberDialog, MemberDto>>(MatDialogRef);
}

export function openMemberDialog(dialog: MatDialog, data: MemberDialogData): MatDialogRef<MemberDialog, MemberDto> {
  return dialog.open<MemberDialog, MemberDialogData, MemberDto>(MemberDialog, {
    data,
    width: '920px',
    maxWidth: '95vw',
    maxHeight: '95vh',
    autoFocus: 'first-tabbable',
  });
}
