import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router } from '@angular/router';
import { LoginResponse } from '@pointage/contracts';
import { Observable } from 'rxjs';
import { AuthService } from '../core/auth';
import { homeFor } from '../core/guards';
import { SessionStore } from '../core/session';
import { LoginCredentials, LoginForm } from '../shared/login-form';

export type BackOfficeArea = 'admin' | 'super-admin';

export const FAMILY_ACCOUNT_MESSAGE = "Ce compte est celui d'une famille : connectez-vous depuis la borne de votre ludothèque.";

/** The address to open after logging in: `retour` when it belongs to the role's area, else the role's home. */
export function afterLoginUrl(res: Pick<LoginResponse, 'role'>, retour: string | undefined): string {
  const home = homeFor(res.role);
  if (retour && retour.startsWith(`${home}/`) && !retour.startsWith(`${home}/connexion`)) return retour;
  return home;
}

/**
 * Login of the back office, for admins (/admin/connexion) and super-admins
 * (/super-admin/connexion): both are sent to their own area whatever the page used.
 */
@Component({
  selector: 'app-admin-login',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatToolbarModule, MatCardModule, LoginForm],
  template: `
    <header>
      <mat-toolbar class="area-toolbar">{{ heading() }}</mat-toolbar>
    </header>
    <main class="page">
      <mat-card appearance="outlined" class="narrow-card">
        <mat-card-content>
          <h1>Se connecter</h1>
          @if (notice) {
            <p class="notice" role="status">{{ notice }}</p>
          }
          <app-login-form
            submitLabel="S'identifier"
            emailAutocomplete="username"
            [forgotLink]="forgotPath()"
            [login]="login"
            [refuse]="refuse"
            (loggedIn)="loggedIn($event)"
          />
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    .narrow-card {
      max-width: 480px;
      margin: 32px auto;
    }
    .notice {
      padding: 8px 12px;
      border-radius: 4px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class AdminLogin {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** From the route data. */
  readonly heading = input('PANNEAU DE CONTRÔLE');
  readonly area = input<BackOfficeArea>('admin');
  /** From the query string: the page asked for before logging in. */
  readonly retour = input<string>();

  /** Why the user was sent here (an expired session), read once. */
  protected readonly notice = inject(SessionStore).takeNotice();

  protected readonly login = (c: LoginCredentials): Observable<LoginResponse> => this.auth.login(c.login, c.password);
  protected readonly refuse = (res: LoginResponse): string | null => (res.role === 'family' ? FAMILY_ACCOUNT_MESSAGE : null);

  protected forgotPath(): string {
    return `/${this.area()}/mot-de-passe-oublie`;
  }

  protected loggedIn(res: LoginResponse): void {
    this.auth.storeLogin(res);
    void this.router.navigateByUrl(afterLoginUrl(res, this.retour()));
  }
}
