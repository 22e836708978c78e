import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthService } from '../core/auth';
import { SessionStore } from '../core/session';

export interface NavLink {
  label: string;
  path: string;
}

/**
 * Frame of a back-office area: toolbar (title, who is logged in, logout),
 * navigation, then the page in <main>. Content given to the component (a
 * banner) is shown above the toolbar.
 */
@Component({
  selector: 'app-back-office-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, MatButtonModule, MatIconModule, MatMenuModule],
  host: { '[class.collapsible]': 'links().length > 4' },
  template: `
    <button type="button" class="skip-link" (click)="mainContent.focus()">Aller au contenu</button>
    <ng-content />
    <header>
      <mat-toolbar class="toolbar area-toolbar">
        <span class="title">{{ title() }}</span>
        <span class="spacer"></span>
        <span class="who"
          >Connecté en tant que : <strong>{{ session.admin()?.login }}</strong></span
        >
        <button mat-stroked-button type="button" class="logout" (click)="logout()">
          <mat-icon svgIcon="logout" aria-hidden="true" />
          SE DÉCONNECTER
        </button>
      </mat-toolbar>
      <nav class="nav" aria-label="Menu principal">
        <div class="nav-row">
          @for (link of links(); track link.path) {
            <a mat-button [routerLink]="link.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{ link.label }}</a>
          }
        </div>
        <button mat-button type="button" class="nav-menu-button" [matMenuTriggerFor]="menu">
          <mat-icon svgIcon="menu" aria-hidden="true" />
          MENU
        </button>
        <mat-menu #menu="matMenu">
          @for (link of links(); track link.path) {
            <a mat-menu-item [routerLink]="link.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{ link.label }}</a>
          }
        </mat-menu>
      </nav>
    </header>
    <main #mainContent class="page" tabindex="-1">
      <router-outlet />
    </main>
  `,
  styles: `
    :host {
      display: block;
    }
    .skip-link {
      position: absolute;
      left: -9999px;
    }
    .skip-link:focus-visible {
      left: 8px;
      top: 8px;
      z-index: 10;
      min-height: 44px;
      padding: 8px 16px;
      background: var(--mat-sys-surface);
    }
    .toolbar {
      height: auto;
      min-height: 64px;
      flex-wrap: wrap;
      gap: 8px 16px;
      padding-top: 8px;
      padding-bottom: 8px;
    }
    .title {
      font: var(--mat-sys-title-large);
    }
    .who {
      font: var(--mat-sys-body-medium);
      white-space: normal;
    }
    .logout {
      min-height: 44px;
      --mat-button-outlined-outline-color: var(--mat-sys-on-primary);
    }
    .nav {
      display: flex;
      align-items: center;
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
    }
    .nav-row {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .nav a,
    .nav button {
      min-height: 44px;
    }
    .active {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .nav-menu-button {
      display: none;
    }
    @media (max-width: 1199.98px) {
      :host(.collapsible) .nav-row {
        display: none;
      }
      :host(.collapsible) .nav-menu-button {
        display: inline-flex;
      }
    }
    main:focus {
      outline: none;
    }
  `,
})
export class BackOfficeShell {
  protected readonly session = inject(SessionStore);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  readonly title = input.required<string>();
  readonly links = input.required<NavLink[]>();
  /** Where to go after logging out. */
  readonly loginPath = input.required<string>();

  protected logout(): void {
    this.auth.logout();
    this.snackBar.open('Vous êtes déconnecté.', undefined, { duration: 4000 });
    void this.router.navigateByUrl(this.loginPath());
  }
}
