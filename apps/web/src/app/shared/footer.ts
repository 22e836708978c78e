import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, OnInit } from '@angular/core';
import { PublicSettingsStore } from '../core/public-settings';
import { SessionStore } from '../core/session';

const PRINT_STYLE_ID = 'pointage-printed-page-footer';

/** A CSS string literal of any text. */
function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The @page rule that repeats the funder's line (and the structure's name) in the
 * bottom margin of every printed page. The footer itself also prints, at the end
 * of the document, for browsers without page-margin boxes.
 */
export function printedPageFooter(footerText: string, structureName: string | null): string {
  const content = structureName ? `${cssString(footerText)} "\\A" ${cssString(structureName)}` : cssString(footerText);
  return `@media print { @page { @bottom-center { content: ${content}; white-space: pre-wrap; font: 8pt Roboto, Arial, sans-serif; color: #424242; vertical-align: top; padding-top: 2mm; } } }`;
}

/** The FEDER obligation: this line (and the funders' logos) on every page, and on every printed page with the structure's name. */
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
      <!-- On paper only, under the funder's line (styles/print.scss). -->
      @if (structureName(); as name) {
        <p class="print-only print-structure">{{ name }}</p>
      }
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
  private readonly session = inject(SessionStore);
  /** The structure of the back-office session, printed with the funder's line. */
  protected readonly structureName = computed(() => this.session.admin()?.structureName ?? null);

  constructor() {
    // Every printed page carries the funder's line and the structure's name in its bottom margin.
    const doc = inject(DOCUMENT);
    effect(() => {
      const css = printedPageFooter(this.store.settings().footerText, this.structureName());
      let style = doc.getElementById(PRINT_STYLE_ID);
      if (!style) {
        style = doc.createElement('style');
        style.id = PRINT_STYLE_ID;
        doc.head.appendChild(style);
      }
      style.textContent = css;
    });
  }

  ngOnInit(): void {
    this.store.load();
  }
}
