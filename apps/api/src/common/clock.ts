import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The current instant for business rules (which slot is open, what "today" is,
 * whether a slot is in the past). Tests set it to a chosen instant to check
 * boundaries (14:00 exactly, a DST Sunday…) without waiting for them.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** For tests: make now() return `instant` (time keeps flowing from there). */
  travelTo(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
