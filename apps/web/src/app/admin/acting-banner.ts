import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router } from '@angular/router';
import { AuthService } from '../core/auth';
import { SessionStore } from '../core/session';
import { submitter } from '../core/submitter';

/** Shown while a super-admin acts as the admin of a structure; "revenir" ends it. */
@Component({
  selector: 'app-acting-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule],
  template: `
    @if (session.admin()?.actor) {
      <section class="acting-banner" aria-label="Action pour le compte d'un administrateur">
        <mat-icon svgIcon="supervisor_account" aria-hidden="true" />
        <p>
          Vous agissez en tant qu'administrateur de <strong>{{ session.admin()?.structureName }}</strong> —
        </p>
        <button mat-flat-button type="button" (click)="back()" [disabled]="busy()" aria-label="revenir à la super-administration">
          <mat-icon svgIcon="undo" aria-hidden="true" />
          revenir
        </button>
      </section>
    }
  `,
  styles: `
    .acting-banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      padding: 8px 16px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    p {
      margin: 0;
    }
    button {
      min-height: 44px;
    }
  `,
})
export class ActingBanner {
  protected readonly session = inject(SessionStore);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly ending = submitter();
  protected readonly busy = this.ending.busy;

  protected back(): void {
    this.ending.run(this.auth.endActing(), {
      // With the super-admin session expired too, the guard sends to its login page.
      done: (restored) => void this.router.navigateByUrl(restored ? '/super-admin' : '/super-admin/connexion'),
    });
  }
}
