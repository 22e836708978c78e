import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { DEFAULT_FOOTER_TEXT, PublicAppSettings } from '@pointage/contracts';

/**
 * Installation-wide public settings (funder footer and logos, whether mails go
 * anywhere), loaded once. `mailConfigured` is assumed until the answer says otherwise.
 */
@Injectable({ providedIn: 'root' })
export class PublicSettingsStore {
  private readonly http = inject(HttpClient);
  readonly settings = signal<PublicAppSettings>({ footerText: DEFAULT_FOOTER_TEXT, funderLogos: [], mailConfigured: true });
  private loaded = false;

  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    this.http.get<PublicAppSettings>('/api/public/settings').subscribe({
      next: (s) => this.settings.set(s),
      // The footer keeps its default text when the API is unreachable: the obligation stands.
      error: () => undefined,
    });
  }
}
