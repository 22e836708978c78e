import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';

export interface CredentialsDialogData {
  title: string;
  login: string;
  password: string;
}

/**
 * Shows a generated password once. The API never stores it in clear, so the
 * dialog only closes through its button (no backdrop click, no Escape).
 */
@Component({
  selector: 'app-credentials-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatIconModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <dl class="credentials">
        <dt>Identifiant</dt>
        <dd>{{ data.login }}</dd>
        <dt>Mot de passe</dt>
        <dd>
          <code class="password">{{ data.password }}</code>
          <button mat-icon-button type="button" (click)="copy()" aria-label="Copier le mot de passe">
            <mat-icon svgIcon="content_copy" />
          </button>
        </dd>
      </dl>
      <p class="status" role="status">{{ copied() }}</p>
      <p class="warning">
        <mat-icon svgIcon="warning" aria-hidden="true" />
        <span>Ce mot de passe ne sera plus affiché. Notez-le ou copiez-le maintenant pour le transmettre.</span>
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close>J'ai noté le mot de passe</button>
    </mat-dialog-actions>
  `,
  styles: `
    .credentials {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 8px 16px;
      align-items: center;
    }
    dt {
      font-weight: 500;
    }
    dd {
      margin: 0;
      display: flex;
      align-items: center;
      gap: 8px;
      word-break: break-all;
    }
    .password {
      font-size: 1.25rem;
      padding: 4px 8px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
    }
    .warning {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      color: var(--mat-sys-error);
    }
    .status {
      min-height: 1.5em;
      margin: 4px 0;
    }
  `,
})
export class CredentialsDialog {
  protected readonly data = inject<CredentialsDialogData>(MAT_DIALOG_DATA);
  private readonly clipboard = inject(Clipboard);
  protected readonly copied = signal('');

  protected copy(): void {
    this.copied.set(
      this.clipboard.copy(this.data.password) ? 'Mot de passe copié.' : 'La copie a échoué : sélectionnez le mot de passe pour le copier.',
    );
  }
}

/** Opens the dialog; its afterClosed() tells when the user has noted the password. */
export function showCredentials(dialog: MatDialog, data: CredentialsDialogData): MatDialogRef<CredentialsDialog> {
  return dialog.open(CredentialsDialog, { data, disableClose: true, width: '520px', maxWidth: '95vw', autoFocus: 'dialog' });
}
