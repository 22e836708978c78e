import { Directive, ElementRef, inject } from '@angular/core';
import { NgControl } from '@angular/forms';

/**
 * What was typed in a time field, as 'HH:MM' (24 hours) when it reads as a
 * time: "14:00", "14h", "14h30", "1430", "9:5" → "09:05", "9" → "09:00".
 * Anything else is returned as typed (trimmed), for the form to refuse.
 */
export function normaliseTime(value: string): string {
  const v = value.trim().toLowerCase();
  let m = /^(\d{1,2})\s*[:h.]\s*(\d{1,2})?$/.exec(v);
  if (!m) m = /^(\d{1,2})$/.exec(v);
  if (!m) {
    const digits = /^(\d{1,2})(\d{2})$/.exec(v);
    if (digits) m = digits;
  }
  if (!m) return value.trim();
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return value.trim();
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/**
 * A 24-hour French time field ("14:00"), whatever the browser's language:
 * the native type="time" shows "02:00 PM" in an English browser. A plain text
 * field with a numeric keyboard, read back as 'HH:MM' when it leaves focus.
 */
@Directive({
  selector: 'input[appTimeInput]',
  host: {
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    maxlength: '5',
    placeholder: 'hh:mm',
    '(blur)': 'normalise()',
  },
})
export class TimeInput {
  private readonly el = inject<ElementRef<HTMLInputElement>>(ElementRef);
  private readonly control = inject(NgControl, { optional: true, self: true });

  normalise(): void {
    const input = this.el.nativeElement;
    const next = normaliseTime(input.value);
    if (next === input.value) return;
    if (this.control?.control) this.control.control.setValue(next);
    else input.value = next;
  }
}
