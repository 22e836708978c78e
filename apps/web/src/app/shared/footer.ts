import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { PublicSettingsStore } from '../core/public-settings';

/** The FEDER obligation: this line (and the funders' logos) on every page. */
@Component({
  selector: 'app-footer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <footer class="funder-footer" role="contentinfo">
      @if (store.settings().funderLogos.length) {
        <div class="logos">
          @for (logo of store.settings().funderLogos; track logo.id) {
            <img [src]="logo.url" [alt]="logo.alt" />
          }
        </div>
      }
      <p class="feder">{{ store.settings().footerText }}</p>
    </footer>
  `,
  styles: `
    .funder-footer {
      padding: 12px 16px;
      text-align: center;
      border-top: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
      font: var(--mat-sys-body-small);
    }
    .feder {
      margin: 0;
    }
    .logos {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 16px;
      margin-bottom: 8px;
    }
    .logos img {
      max-height: 48px;
      max-width: 160px;
    }
  `,
})
export class Footer implements OnInit {
  protected readonly store = inject(PublicSettingsStore);

  ngOnInit(): void {
    this.store.load();
  }
}
