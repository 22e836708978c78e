import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

/** "← PARAMÈTRES", above each settings page. */
@Component({
  selector: 'app-settings-back-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule],
  template: `
    <a mat-button routerLink="/admin/parametres" class="back">
      <mat-icon svgIcon="arrow_back" aria-hidden="true" />
      PARAMÈTRES
    </a>
  `,
  styles: `
    .back {
      min-height: 44px;
    }
  `,
})
export class SettingsBackLink {}
