import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { FamilyDetail, MemberDto } from '@pointage/contracts';
import { apiResource } from '../core/api-resource';
import { MemberAvatar } from '../shared/members/avatar';
import { KioskApi } from './kiosk-api';
import { KioskHeader } from './kiosk-header';
import { KioskInactivity } from './kiosk-inactivity';
import { PageHeading } from '../shared/page-heading';

/**
 * "Liste des membres d'une famille" at the kiosk: each member with MODIFIER,
 * and "Ajouter un nouveau membre dans sa famille". "PRÉSENCE DU JOUR" goes back
 * to the attendance sheet; "Terminer" ends the session.
 */
@Component({
  selector: 'app-kiosk-family',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeading, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, MemberAvatar, KioskHeader, KioskInactivity],
  template: `
    <app-kiosk-header [slug]="slug()" />
    <app-kiosk-inactivity [slug]="slug()" />
    <main class="kiosk page">
      <a mat-stroked-button class="today-banner" [routerLink]="['/k', slug(), 'presence']">
        <mat-icon svgIcon="arrow_back" aria-hidden="true" />
        PRÉSENCE DU JOUR
      </a>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement de la famille" />
      }
      <p class="error-text" aria-live="assertive">{{ error() }}</p>
      @if (family(); as f) {
        <h1 appPageHeading>Famille {{ f.name }}</h1>
        <ul class="members">
          @for (m of f.members; track m.id) {
            <li>
              <app-member-avatar [avatar]="m.avatar" [firstName]="m.firstName" [lastName]="m.lastName" [size]="56" />
              <span class="name">{{ nameOf(m) }}</span>
              <a mat-stroked-button [routerLink]="['/k', slug(), 'famille', 'membres', m.id]" [attr.aria-label]="'Modifier ' + nameOf(m)">
                MODIFIER
              </a>
            </li>
          } @empty {
            <li>Aucun membre pour le moment.</li>
          }
        </ul>
        <div class="actions column">
          <a mat-flat-button [routerLink]="['/k', slug(), 'famille', 'membres', 'nouveau']">
            <mat-icon svgIcon="person_add" aria-hidden="true" />
            Ajouter un nouveau membre dans sa famille
          </a>
        </div>
      } @else {
        <h1 appPageHeading>Votre famille</h1>
      }
      <div class="actions column">
        <button mat-stroked-button type="button" (click)="finish()">
          <mat-icon svgIcon="logout" aria-hidden="true" />
          Terminer
        </button>
      </div>
    </main>
  `,
  styles: `
    .today-banner {
      margin: 0 0 8px;
      letter-spacing: 0.05em;
    }
    .members {
      list-style: none;
      padding: 0;
      margin: 0 0 16px;
    }
    .members li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px 16px;
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .name {
      flex: 1 1 200px;
      font-size: 1.375rem;
    }
  `,
})
export class KioskFamily {
  private readonly api = inject(KioskApi);
  private readonly router = inject(Router);

  readonly slug = input.required<string>();

  private readonly me = apiResource(() => this.api.me());
  protected readonly family = computed<FamilyDetail | null>(() => this.me.value() ?? null);
  protected readonly loading = this.me.loading;
  protected readonly error = computed(() => this.me.error() ?? '');

  protected nameOf(m: MemberDto): string {
    return `${m.lastName.toLocaleUpperCase('fr-FR')} ${m.firstName}`;
  }

  finish(): void {
    this.api.end();
    void this.router.navigate(['/k', this.slug()]);
  }
}
