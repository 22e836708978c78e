import { inject, provideAppInitializer } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';
import { ICON_DATA } from './icon-data';

/**
 * Icons are a few SVGs of Material Symbols (Apache 2.0), not the 4 MB icon font.
 * They are bundled (core/icon-data.ts, generated from apps/web/public/icons by
 * tools/icons/build-icon-data.cjs) rather than fetched: a kiosk that loses its
 * network must still show them. Use <mat-icon svgIcon="home" />.
 */
export const ICON_NAMES = [
  'add',
  'archive',
  'arrow_back',
  'arrow_downward',
  'arrow_upward',
  'badge',
  'bar_chart',
  'calendar_month',
  'cancel',
  'check',
  'check_circle',
  'chevron_left',
  'chevron_right',
  'close',
  'content_copy',
  'delete',
  'domain',
  'download',
  'drag_indicator',
  'edit',
  'error',
  'event',
  'fact_check',
  'family_restroom',
  'group',
  'history',
  'home',
  'how_to_reg',
  'image',
  'info',
  'key',
  'list_alt',
  'lock',
  'login',
  'logout',
  'manage_accounts',
  'menu',
  'more_vert',
  'open_in_new',
  'person',
  'person_add',
  'print',
  'refresh',
  'remove',
  'restart_alt',
  'save',
  'schedule',
  'search',
  'settings',
  'supervisor_account',
  'unarchive',
  'undo',
  'upload',
  'visibility',
  'visibility_off',
  'warning',
  'wifi_off',
] as const;

export function provideIcons() {
  return provideAppInitializer(() => {
    const registry = inject(MatIconRegistry);
    const sanitizer = inject(DomSanitizer);
    for (const name of ICON_NAMES) {
      // Trusted: generated at build time from the project's own files, never user input.
      registry.addSvgIconLiteral(name, sanitizer.bypassSecurityTrustHtml(ICON_DATA[name]));
    }
  });
}
