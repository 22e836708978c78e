import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TextFieldModule } from '@angular/cdk/text-field';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ACCEPTED_IMAGE_TYPES, LIMITS, LOGO_LIMITS, LogoInfo } from '@pointage/contracts';
import { filter, startWith, tap } from 'rxjs';
import { apiResource } from '../../core/api-resource';
import { submitter } from '../../core/submitter';
import { confirmAction } from '../../shared/confirm-dialog';
import { HasUnsavedChanges } from '../../shared/unsaved-changes';
import { SettingsApi } from './settings-api';
import { SettingsBackLink } from './settings-back-link';

/** Why a chosen file cannot be a logo, in French; null when it may be sent (the server checks again). */
export function logoFileProblem(file: Pick<File, 'type' | 'size'>): string | null {
  if (!(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(file.type)) {
    return 'Format non accepté : choisissez une image PNG, JPEG ou WebP.';
  }
  if (file.size === 0) return 'Ce fichier est vide.';
  if (file.size > LOGO_LIMITS.maxBytes) {
    return `Le fichier dépasse ${LOGO_LIMITS.maxBytes / 1024 / 1024} Mo : réduisez l'image avant de l'envoyer.`;
  }
  return null;
}

/** The height that follows a new width, keeping the proportions of the original. */
export function proportionalHeight(width: number, originalWidth: number, originalHeight: number): number {
  if (!width || !originalWidth) return 0;
  return Math.max(1, Math.round((width * originalHeight) / originalWidth));
}

/** "MESSAGE D'ACCUEIL": the kiosk's welcome text and logo. */
@Component({
  selector: 'app-welcome-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    TextFieldModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    SettingsBackLink,
  ],
  template: `
    <app-settings-back-link />
    <h1>MESSAGE D'ACCUEIL</h1>
    @if (welcome.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Chargement" />
    }
    <p class="error-text" aria-live="assertive">{{ welcome.error() ?? '' }}</p>

    <mat-card appearance="outlined" class="block">
      <mat-card-content>
        <form (submit)="$event.preventDefault(); saveMessage()" novalidate>
          <mat-form-field appearance="outline" class="full">
            <mat-label>Texte de bienvenue</mat-label>
            <textarea matInput [formControl]="message" cdkTextareaAutosize cdkAutosizeMinRows="4" [maxlength]="maxText"></textarea>
            <mat-hint align="end">{{ messageLength() }} / {{ maxText }}</mat-hint>
            <mat-error>{{ maxText }} caractères au plus</mat-error>
          </mat-form-field>
          <p class="error-text" aria-live="assertive">{{ messageSubmit.error() }}</p>
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="messageSubmit.busy()">
              <mat-icon svgIcon="save" aria-hidden="true" />
              SAUVEGARDER
            </button>
          </div>
        </form>
      </mat-card-content>
    </mat-card>

    <mat-card appearance="outlined" class="block">
      <mat-card-content>
        <h2>LOGO</h2>
        <div
          class="drop-zone"
          [class.over]="dragOver()"
          (dragover)="$event.preventDefault(); dragOver.set(true)"
          (dragleave)="dragOver.set(false)"
          (drop)="onDrop($event)"
        >
          <p>Téléchargez votre logo ici (PNG, JPEG ou WebP, {{ maxMb }} Mo au plus).</p>
          <input #file type="file" class="visually-hidden" tabindex="-1" aria-hidden="true" [accept]="accept" (change)="onFile(file)" />
          <button mat-stroked-button type="button" (click)="file.click()" [disabled]="logoSubmit.busy()">
            <mat-icon svgIcon="upload" aria-hidden="true" />
            Choisir une image
          </button>
          <span class="hint">ou déposez-la ici</span>
        </div>
        <p class="error-text" aria-live="assertive">{{ logoSubmit.error() }}</p>
        @if (logo(); as l) {
          <figure class="preview">
            <img [src]="l.url" [width]="l.width" [height]="l.height" alt="Logo actuel de la ludothèque" />
            <figcaption>Taille affichée : {{ l.width }} × {{ l.height }}</figcaption>
          </figure>
          <p class="original">Taille originale : {{ l.originalWidth }} × {{ l.originalHeight }}</p>

          <h2>REDIMENSIONNEMENT DE L'IMAGE</h2>
          <p>Redimensionner l'image originale de manière proportionnelle.</p>
          <form class="resize" (submit)="$event.preventDefault(); resize()" novalidate>
            <span>Nouvelles dimensions :</span>
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="dim">
              <mat-label>Largeur (px)</mat-label>
              <input matInput type="number" inputmode="numeric" [formControl]="width" [min]="minDim" [max]="maxDim" />
              <mat-error>Entre {{ minDim }} et {{ maxDim }} pixels</mat-error>
            </mat-form-field>
            <span aria-hidden="true">×</span>
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="dim">
              <mat-label>Hauteur calculée (px)</mat-label>
              <input matInput readonly [value]="computedHeight() || ''" />
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="logoSubmit.busy()">Appliquer</button>
          </form>
          <div class="actions">
            <button mat-stroked-button type="button" class="danger" (click)="removeLogo()" [disabled]="logoSubmit.busy()">
              <mat-icon svgIcon="delete" aria-hidden="true" />
              Supprimer le logo
            </button>
          </div>
        } @else if (!welcome.loading()) {
          <p>Aucun logo pour le moment.</p>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .block {
      max-width: 840px;
      margin-bottom: 24px;
    }
    .full {
      width: 100%;
    }
    .drop-zone {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 16px;
      border: 2px dashed var(--mat-sys-outline);
      border-radius: 8px;
    }
    .drop-zone.over {
      background: var(--mat-sys-primary-container);
    }
    .drop-zone p {
      flex: 1 0 100%;
      margin: 0;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .preview img {
      max-width: 100%;
      height: auto;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .preview {
      margin: 16px 0 0;
    }
    .resize {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .dim {
      width: 170px;
    }
    button {
      min-height: 44px;
    }
    .danger {
      color: var(--mat-sys-error);
    }
  `,
})
export class WelcomeSettingsPage implements HasUnsavedChanges {
  private readonly api = inject(SettingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly announcer = inject(LiveAnnouncer);

  protected readonly maxText = LIMITS.longText;
  protected readonly maxMb = LOGO_LIMITS.maxBytes / 1024 / 1024;
  protected readonly minDim = LOGO_LIMITS.minDimension;
  protected readonly maxDim = LOGO_LIMITS.maxDimension;
  protected readonly accept = '.png,.jpg,.jpeg,.webp,' + ACCEPTED_IMAGE_TYPES.join(',');

  readonly message = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(LIMITS.longText)] });
  readonly width = new FormControl<number | null>(null, [
    Validators.required,
    Validators.min(LOGO_LIMITS.minDimension),
    Validators.max(LOGO_LIMITS.maxDimension),
    Validators.pattern(/^\d+$/),
  ]);

  private readonly messageValue = toSignal(this.message.valueChanges.pipe(startWith('')), { initialValue: '' });
  protected readonly messageLength = computed(() => this.messageValue().length);
  private readonly widthValue = toSignal(this.width.valueChanges, { initialValue: null });

  protected readonly logo = signal<LogoInfo | null>(null);
  protected readonly computedHeight = computed(() => {
    const l = this.logo();
    const w = Number(this.widthValue());
    return l && Number.isInteger(w) ? proportionalHeight(w, l.originalWidth, l.originalHeight) : 0;
  });

  protected readonly welcome = apiResource(() =>
    this.api.welcome().pipe(
      tap((w) => {
        this.message.setValue(w.message);
        this.message.markAsPristine();
        this.setLogo(w.logo);
      }),
    ),
  );
  /** The message card and the logo card each have their button and their error line. */
  protected readonly messageSubmit = submitter();
  protected readonly logoSubmit = submitter();
  protected readonly dragOver = signal(false);

  hasUnsavedChanges(): boolean {
    return this.message.dirty;
  }

  private setLogo(logo: LogoInfo | null): void {
    this.logo.set(logo && logo.url ? logo : null);
    this.width.setValue(logo?.width ?? null);
  }

  saveMessage(): void {
    this.messageSubmit.clear();
    if (this.message.invalid) {
      this.message.markAsTouched();
      return;
    }
    this.messageSubmit.run(this.api.saveWelcome(this.message.value), {
      done: (w) => {
        this.message.setValue(w.message);
        this.message.markAsPristine();
      },
      success: "Message d'accueil enregistré",
    });
  }

  protected onFile(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = '';
    if (file) this.upload(file);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragOver.set(false);
    const file = event.dataTransfer?.files?.[0];
    if (file) this.upload(file);
  }

  upload(file: File): void {
    const problem = logoFileProblem(file);
    if (problem) {
      this.logoSubmit.fail(problem);
      return;
    }
    if (this.logoSubmit.busy()) return;
    void this.announcer.announce('Envoi du logo…', 'polite');
    this.logoSubmit.run(this.api.uploadLogo(file), { done: (logo) => this.setLogo(logo), success: 'Logo enregistré' });
  }

  resize(): void {
    this.logoSubmit.clear();
    if (this.width.invalid) {
      this.width.markAsTouched();
      return;
    }
    this.logoSubmit.run(this.api.resizeLogo(Number(this.width.value)), {
      done: (logo) => this.setLogo(logo),
      success: (logo) => `Logo redimensionné : ${logo.width} × ${logo.height}`,
    });
  }

  protected removeLogo(): void {
    confirmAction(this.dialog, {
      title: 'Supprimer le logo',
      message: "Supprimer le logo ? La borne n'affichera plus que le nom de la ludothèque.",
      confirmLabel: 'Supprimer',
    })
      .pipe(filter(Boolean))
      .subscribe(() => this.logoSubmit.run(this.api.removeLogo(), { done: () => this.setLogo(null), success: 'Logo supprimé' }));
  }
}
