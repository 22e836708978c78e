import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { apiResource } from '../core/api-resource';
import { AttendanceSheetView } from '../shared/attendance/attendance-sheet';
import { KioskApi } from './kiosk-api';
import { KioskClock } from './kiosk-clock';
import { KioskHeader } from './kiosk-header';
import { KioskInactivity } from './kiosk-inactivity';

/**
 * "Fiche de présence" at the kiosk, right after a family logs in: the clock,
 * the family's members with Présent/Absent, VALIDER. After the thank-you (or
 * "Terminer", or inactivity) the family session ends and the kiosk goes home.
 */
@Component({
  selector: 'app-kiosk-presence',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [KioskHeader, KioskClock, KioskInactivity, AttendanceSheetView],
  template: `
    <app-kiosk-header [slug]="slug()" />
    <app-kiosk-inactivity [slug]="slug()" [paused]="sheet.holding()" [ticked]="sheet.ticked().size" (validate)="sheet.validate()" />
    <main class="kiosk page">
      <app-kiosk-clock class="clock" [timeZone]="timeZone()" />
      <app-attendance-sheet #sheet [editLink]="['/k', slug(), 'famille']" (finished)="finish()" />
    </main>
  `,
  styles: `
    .clock {
      margin: 0 0 8px;
      --kiosk-clock-size: 2.75rem;
    }
  `,
})
export class KioskPresence {
  private readonly api = inject(KioskApi);
  private readonly router = inject(Router);

  readonly slug = input.required<string>();

  /** The structure's time zone for the clock (none, the browser's, when it cannot be read). */
  private readonly structure = apiResource(
    () => this.slug(),
    (slug) => this.api.structure(slug),
  );
  protected readonly timeZone = computed(() => this.structure.value()?.timeZone ?? null);

  /** The next family must not see this one. */
  finish(): void {
    this.api.end();
    void this.router.navigate(['/k', this.slug()]);
  }
}
