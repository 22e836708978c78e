import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { DEFAULT_TIME_ZONE, frenchLongDate, wallClock } from '../shared/clock';

/**
 * The live clock of a kiosk ("15:41:20", "mardi 23 octobre 2018") on the wall
 * clock of the structure's time zone, not the device's. Not announced by
 * screen readers every second: the time is read when reached.
 */
@Component({
  selector: 'app-kiosk-clock',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="clock">
      <time class="time" [attr.datetime]="clock().time">{{ clock().time }}</time>
      <time class="date" [attr.datetime]="clock().date">{{ dateLabel() }}</time>
    </p>
  `,
  styles: `
    :host {
      display: block;
    }
    .clock {
      display: flex;
      flex-direction: column;
      align-items: center;
      margin: 0;
      line-height: 1.2;
    }
    .time {
      font-size: var(--kiosk-clock-size, 3rem);
      font-weight: 500;
      font-variant-numeric: tabular-nums;
    }
    .date {
      font-size: 1.25rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
  `,
})
export class KioskClock {
  readonly timeZone = input<string | null | undefined>(DEFAULT_TIME_ZONE);

  private readonly now = signal(new Date());
  protected readonly clock = computed(() => wallClock(this.now(), this.timeZone() || DEFAULT_TIME_ZONE));
  protected readonly dateLabel = computed(() => frenchLongDate(this.clock().date));

  constructor() {
    // Ticks just after each change of second, so that the seconds never lag.
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      this.now.set(new Date());
      timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 10);
    };
    timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 10);
    inject(DestroyRef).onDestroy(() => clearTimeout(timer));
  }
}
