import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { FAMILY_ROUTES, FamilyDetail, MemberDto } from '@pointage/contracts';
import { forkJoin } from 'rxjs';
import { apiResource } from '../core/api-resource';
import { RefCatalog } from '../core/reference';
import { MemberEditor, MemberEndpoints } from '../shared/members/member-editor';
import { KioskHeader } from './kiosk-header';
import { KioskApi } from './kiosk-api';
import { KioskInactivity } from './kiosk-inactivity';
import { PageHeading } from '../shared/page-heading';

export const KIOSK_MEMBER_ENDPOINTS: MemberEndpoints = {
  create: FAMILY_ROUTES.ownMembers,
  update: (id) => FAMILY_ROUTES.ownMember(id),
};

/** A family edits one of its members, or adds one, at the kiosk. */
@Component({
  selector: 'app-kiosk-member',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeading, MatProgressBarModule, MemberEditor, KioskHeader, KioskInactivity],
  template: `
    <app-kiosk-header [slug]="slug()" />
    <app-kiosk-inactivity [slug]="slug()" />
    <main class="kiosk page">
      @if (family(); as f) {
        <p class="family">Famille {{ f.name }}</p>
      }
      <h1 appPageHeading>{{ title() }}</h1>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement" />
      }
      <p class="error-text" aria-live="assertive">{{ error() }}</p>
      @if (ready()) {
        @if (catalog(); as c) {
          <app-member-editor
            mode="family"
            [catalog]="c"
            [member]="member()"
            [defaults]="defaults()"
            [endpoints]="endpoints"
            householdHint="Par défaut : ceux de votre famille"
            (saved)="done(!!member())"
            (cancelled)="back()"
          />
        }
      }
    </main>
  `,
  styles: `
    .family {
      margin: 0;
      font: var(--mat-sys-title-large);
      color: var(--mat-sys-primary);
    }
  `,
})
export class KioskMember {
  private readonly api = inject(KioskApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  readonly slug = input.required<string>();
  /** From the route: the member's id, absent to add one. */
  readonly memberId = input<string>();

  protected readonly endpoints = KIOSK_MEMBER_ENDPOINTS;
  private readonly page = apiResource(() => forkJoin({ family: this.api.me(), options: this.api.reference() }));
  protected readonly family = computed<FamilyDetail | null>(() => this.page.value()?.family ?? null);
  protected readonly catalog = computed<RefCatalog | null>(() => {
    const options = this.page.value()?.options;
    return options ? { options } : null;
  });
  protected readonly loading = this.page.loading;
  protected readonly error = computed(() => {
    const failed = this.page.error();
    if (failed) return failed;
    return this.family() && this.memberId() && !this.member() ? 'Ce membre est introuvable dans votre famille.' : '';
  });

  protected readonly member = computed<MemberDto | null>(() => {
    const id = Number(this.memberId());
    return this.family()?.members.find((m) => m.id === id) ?? null;
  });
  protected readonly ready = computed(() => !!this.family() && (!this.memberId() || !!this.member()));
  protected readonly defaults = computed(() => {
    const f = this.family();
    return f ? { lastName: f.name, qfId: f.qfId, minimaId: f.minimaId } : {};
  });
  protected readonly title = computed(() => {
    const m = this.member();
    return m ? `Modifier ${m.lastName.toLocaleUpperCase('fr-FR')} ${m.firstName}` : 'Ajouter un nouveau membre dans sa famille';
  });

  done(edited: boolean): void {
    this.snackBar.open(edited ? 'Membre enregistré' : 'Membre ajouté', undefined, { duration: 4000 });
    this.back();
  }

  back(): void {
    void this.router.navigate(['/k', this.slug(), 'famille']);
  }
}
