import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { RouterLink } from '@angular/router';
import { REF_KIND_LABELS, REF_KINDS } from '@pointage/contracts';

export interface SettingsLink {
  label: string;
  path: string;
  icon: string;
}

export const SETTINGS_LINKS: SettingsLink[] = [
  { label: "Gestion du message d'accueil", path: '/admin/parametres/accueil', icon: 'image' },
  ...REF_KINDS.map((kind) => ({ label: REF_KIND_LABELS[kind], path: `/admin/parametres/listes/${kind}`, icon: 'list_alt' })),
  { label: "Tranches d'âge", path: '/admin/parametres/tranches-d-age', icon: 'bar_chart' },
];

/** "PARAMÈTRES": the settings of the structure, one page each. */
@Component({
  selector: 'app-settings-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatListModule, MatIconModule],
  template: `
    <h1>PARAMÈTRES</h1>
    <mat-nav-list class="settings-list" aria-label="Paramètres">
      @for (link of links; track link.path) {
        <a mat-list-item [routerLink]="link.path">
          <mat-icon matListItemIcon [svgIcon]="link.icon" aria-hidden="true" />
          <span matListItemTitle>{{ link.label }}</span>
        </a>
      }
    </mat-nav-list>
  `,
  styles: `
    .settings-list {
      max-width: 560px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
  `,
})
export class SettingsHome {
  protected readonly links = SETTINGS_LINKS;
}
