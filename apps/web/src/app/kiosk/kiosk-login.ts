import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { LoginResponse } from '@pointage/contracts';
import { Observable } from 'rxjs';
import { SessionStore } from '../core/session';
import { LoginCredentials, LoginForm } from '../shared/login-form';
import { KioskApi, NOT_A_FAMILY_MESSAGE } from './kiosk-api';
import { KioskHeader } from './kiosk-header';
import { PageHeading } from '../shared/page-heading';

/** Family login at the kiosk: large fields for a touch keyboard. */
@Component({
  selector: 'app-kiosk-login',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeading, RouterLink, MatButtonModule, MatIconModule, LoginForm, KioskHeader],
  template: `
    <app-kiosk-header [slug]="slug()" />
    <main class="kiosk page narrow">
      <h1 appPageHeading>Se connecter</h1>
      @if (notice) {
        <p class="notice" role="status">{{ notice }}</p>
      }
      <app-login-form
        submitLabel="Se connecter"
        emailAutocomplete="off"
        [forgotLink]="['/k', slug(), 'oubli']"
        column
        [login]="login"
        [refuse]="refuse"
        (loggedIn)="loggedIn($event)"
      >
        <a mat-button [routerLink]="['/k', slug()]">
          <mat-icon svgIcon="arrow_back" aria-hidden="true" />
          Retour à l'accueil
        </a>
      </app-login-form>
    </main>
  `,
})
export class KioskLogin {
  private readonly api = inject(KioskApi);
  private readonly router = inject(Router);

  readonly slug = input.required<string>();

  /** Why the family was sent here (an expired session), read once. */
  protected readonly notice = inject(SessionStore).takeNotice();

  protected readonly login = (c: LoginCredentials): Observable<LoginResponse> => this.api.login(this.slug(), c.login, c.password);
  protected readonly refuse = (res: LoginResponse): string | null => (res.role !== 'family' ? NOT_A_FAMILY_MESSAGE : null);

  protected loggedIn(res: LoginResponse): void {
    this.api.keep(this.slug(), res);
    void this.router.navigate(['/k', this.slug(), 'presence']);
  }
}
