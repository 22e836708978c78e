import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { apiResource } from '../core/api-resource';
import { KioskApi } from './kiosk-api';

/** Top of every kiosk page: the structure's logo and name (a link to the kiosk's home). */
@Component({
  selector: 'app-kiosk-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <header class="kiosk-header">
      <a [routerLink]="['/k', slug()]" class="home-link">
        @if (structure()?.logoUrl; as logo) {
          <img [src]="logo" alt="" class="logo" />
        }
        <span class="name">{{ structure()?.name ?? 'Ludothèque' }}</span>
      </a>
    </header>
  `,
  styles: `
    .kiosk-header {
      display: flex;
      align-items: center;
      padding: 8px 16px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .home-link {
      display: inline-flex;
      align-items: center;
      gap: 16px;
      min-height: 56px;
      color: inherit;
      text-decoration: none;
    }
    .logo {
      max-height: 56px;
      max-width: 200px;
      background: #fff;
      border-radius: 4px;
      padding: 2px;
    }
    .name {
      font: var(--mat-sys-headline-small);
    }
  `,
})
export class KioskHeader {
  private readonly api = inject(KioskApi);
  readonly slug = input.required<string>();

  /** The structure's name and logo (the default name when they cannot be read). */
  private readonly info = apiResource(
    () => this.slug(),
    (slug) => this.api.structure(slug),
  );
  protected readonly structure = computed(() => this.info.value() ?? null);
}
