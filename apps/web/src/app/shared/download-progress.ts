import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { FileDownload } from './file-downloads';

/** "1,2 Mo", "850 ko" */
export function frenchSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  const f = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${f.format(bytes / 1024)} ko`;
  return `${f.format(bytes / (1024 * 1024))} Mo`;
}

/** "du PDF…", "de la feuille…", "de l'export…", "des fichiers…": "de" + the label, contracted as French wants it. */
export function ofLabel(label: string): string {
  if (/^le /i.test(label)) return `du ${label.slice(3)}`;
  if (/^les /i.test(label)) return `des ${label.slice(4)}`;
  return `de ${label}`;
}

/** The line under export buttons: what is happening, a progress bar, and Annuler while it runs. */
@Component({
  selector: 'app-download-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule],
  template: `
    <div role="status" class="status">
      @if (download(); as d) {
        <p class="line" [class.error-text]="d.state().phase === 'failed'" [class.success-text]="d.state().phase === 'done'">
          {{ message() }}
        </p>
      }
    </div>
    @if (download()?.running()) {
      <div class="running">
        <mat-progress-bar
          [mode]="download()?.percent() === null ? 'indeterminate' : 'determinate'"
          [value]="download()?.percent() ?? 0"
          [attr.aria-label]="'Progression : ' + message()"
        />
        <button mat-stroked-button type="button" (click)="download()?.cancel()">
          <mat-icon svgIcon="cancel" aria-hidden="true" />
          Annuler
        </button>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .line {
      margin: 4px 0;
    }
    .running {
      display: flex;
      align-items: center;
      gap: 12px;
      max-width: 560px;
    }
    mat-progress-bar {
      flex: 1 1 auto;
    }
    button {
      min-height: 44px;
    }
  `,
})
export class DownloadProgress {
  readonly download = input<FileDownload | null>(null);

  protected readonly message = computed(() => {
    const d = this.download();
    if (!d) return '';
    const s = d.state();
    const of = ofLabel(s.label);
    switch (s.phase) {
      case 'preparing':
        return `Préparation ${of}…`;
      case 'receiving': {
        const percent = d.percent();
        if (percent !== null && s.total) return `Téléchargement ${of} : ${percent} % (${frenchSize(s.loaded)} sur ${frenchSize(s.total)})`;
        return `Téléchargement ${of}…${s.loaded ? ` ${frenchSize(s.loaded)} reçus` : ''}`;
      }
      case 'done':
        return `Fichier « ${s.fileName} » enregistré dans vos téléchargements.`;
      case 'cancelled':
        return 'Téléchargement annulé.';
      case 'failed':
        return `Échec du téléchargement ${of} : ${s.error}`;
    }
  });
}
