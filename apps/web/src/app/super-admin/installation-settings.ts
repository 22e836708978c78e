import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { InstallationSettings } from '@pointage/contracts';
import { Observable, tap } from 'rxjs';
import { logoFileProblem } from '../admin/settings/welcome-settings';
import { apiResource } from '../core/api-resource';
import { PublicSettingsStore } from '../core/public-settings';
import { submitter } from '../core/submitter';
import { MailSettingsCard } from './mail-settings';
import { SuperAdminApi } from './super-admin-api';

/**
 * Installation-wide settings of the federation: the funder line and logos shown
 * at the bottom of every page and document (FEDER obligation), and the SMTP
 * server mails leave by.
 */
@Component({
  selector: 'app-installation-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, MailSettingsCard],
  template: `
    <h1>PARAMÈTRES DE L'INSTALLATION</h1>
    <mat-card appearance="outlined">
      <mat-card-content>
        <h2>Pied de page des financeurs</h2>
        <p>Cette phrase apparaît en bas de chaque page et de chaque document exporté.</p>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>Texte du pied de page</mat-label>
          <input matInput [formControl]="footer" maxlength="300" />
          @if (footer.hasError('required')) {
            <mat-error>Le texte est obligatoire.</mat-error>
          }
        </mat-form-field>
        <div class="actions">
          <button mat-flat-button type="button" (click)="saveFooter()" [disabled]="submit.busy()">
            <mat-icon svgIcon="save" aria-hidden="true" />
            SAUVEGARDER
          </button>
        </div>
      </mat-card-content>
    </mat-card>

    <mat-card appearance="outlined">
      <mat-card-content>
        <h2>Logos des financeurs</h2>
        @if (logos().length === 0) {
          <p>Aucun logo pour l'instant.</p>
        }
        <ul class="logos">
          @for (logo of logos(); track logo.id) {
            <li>
              <!-- The funder's name is written beside: the preview is decorative (axe image-redundant-alt). -->
              <img [src]="logo.url" alt="" />
              <span>{{ logo.alt }}</span>
              <button mat-icon-button type="button" (click)="removeLogo(logo.id)" [attr.aria-label]="'Retirer le logo ' + logo.alt">
                <mat-icon svgIcon="delete" aria-hidden="true" />
              </button>
            </li>
          }
        </ul>
        <div class="form-row">
          <mat-form-field appearance="outline">
            <mat-label>Nom du financeur (texte alternatif)</mat-label>
            <input matInput [formControl]="alt" maxlength="120" />
          </mat-form-field>
          <div>
            <label class="file">
              <span>Image (PNG, JPEG ou WebP, 5 Mo au plus)</span>
              <input type="file" accept=".png,.jpg,.jpeg,.webp,image/png,image/jpeg,image/webp" (change)="pick($event)" />
            </label>
          </div>
        </div>
        <div class="actions">
          <button mat-stroked-button type="button" (click)="addLogo()" [disabled]="submit.busy() || !file() || alt.invalid">
            <mat-icon svgIcon="upload" aria-hidden="true" />
            Ajouter le logo
          </button>
        </div>
      </mat-card-content>
    </mat-card>
    <p class="error-text" aria-live="assertive">{{ submit.error() || (installation.error() ?? '') }}</p>

    <app-mail-settings />
  `,
  styles: `
    mat-card {
      margin-bottom: 16px;
    }
    .wide {
      width: 100%;
    }
    .logos {
      list-style: none;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
    }
    .logos li {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .logos img {
      max-height: 48px;
      max-width: 160px;
    }
    .file {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-height: 48px;
    }
  `,
})
export class InstallationSettingsPage {
  private readonly api = inject(SuperAdminApi);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly publicSettings = inject(PublicSettingsStore);

  protected readonly submit = submitter();
  protected readonly file = signal<File | null>(null);
  protected readonly footer = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(300)] });
  protected readonly alt = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(120)] });
  protected readonly installation = apiResource(() => this.api.installation().pipe(tap((s) => this.apply(s))));
  protected readonly logos = computed(() => this.installation.value()?.funderLogos ?? []);

  private apply(s: InstallationSettings): void {
    this.footer.setValue(s.footerText);
    // The footer of this very page follows.
    this.publicSettings.settings.set(s);
  }

  protected saveFooter(): void {
    if (this.footer.invalid) return;
    this.run(this.api.saveFooter(this.footer.value.trim()), 'Pied de page enregistré.');
  }

  protected pick(event: Event): void {
    const chosen = (event.target as HTMLInputElement).files?.[0] ?? null;
    const problem = chosen ? logoFileProblem(chosen) : null;
    this.submit.fail(problem ?? '');
    this.file.set(problem ? null : chosen);
  }

  protected addLogo(): void {
    const file = this.file();
    if (!file || this.alt.invalid) return;
    this.run(this.api.addFunderLogo(file, this.alt.value.trim()), 'Logo ajouté.', () => {
      this.alt.reset('');
      this.file.set(null);
    });
  }

  protected removeLogo(id: number): void {
    this.run(this.api.removeFunderLogo(id), 'Logo retiré.');
  }

  /** Every change answers with the whole settings; success is announced to screen readers, not in a snack bar (as before). */
  private run(request: Observable<InstallationSettings>, done: string, after?: () => void): void {
    this.submit.run(request, {
      done: (s) => {
        this.installation.set(s);
        this.apply(s);
        after?.();
        void this.announcer.announce(done);
      },
    });
  }
}
