import { Signal, inject, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Observable } from 'rxjs';
import { apiErrorMessage } from './api-error';

/** How long a success message stays on screen. */
export const SUCCESS_DURATION_MS = 4000;

export interface SubmitOptions<T> {
  /** What the answer changes: close the dialog, go to the next page, show the saved value. */
  done?: (result: T) => void;
  /** Said in a snack bar once the API has answered. */
  success?: string | ((result: T) => string);
  /**
   * A failure the caller answers itself (a code that asks a question, a field
   * to mark): return true and no message is shown.
   */
  handle?: (err: unknown) => boolean;
  /** After success or failure: what both need (re-enable something, reload). */
  always?: () => void;
}

/**
 * The one way a form or a button sends a change (issue 15): a busy flag for the
 * button, the API's French message when it fails, a success message when it
 * worked. A second click while the first is on its way is ignored.
 */
export class Submitter {
  private readonly busyState = signal(false);
  private readonly errorState = signal('');

  /** A change is on its way: disable the button. */
  readonly busy: Signal<boolean> = this.busyState.asReadonly();
  /** Why the last change failed, in French; '' when it did not. */
  readonly error: Signal<string> = this.errorState.asReadonly();

  constructor(private readonly snackBar: MatSnackBar) {}

  /** Sends `request` (subscribes once) unless a change is already on its way; false when ignored. */
  run<T>(request: Observable<T>, options: SubmitOptions<T> = {}): boolean {
    if (this.busyState()) return false;
    this.busyState.set(true);
    this.errorState.set('');
    let answered = false;
    request.subscribe({
      next: (result) => {
        if (answered) return;
        answered = true;
        this.busyState.set(false);
        options.done?.(result);
        const success = typeof options.success === 'function' ? options.success(result) : options.success;
        if (success) this.snackBar.open(success, 'Fermer', { duration: SUCCESS_DURATION_MS });
        options.always?.();
      },
      error: (err: unknown) => {
        this.busyState.set(false);
        if (!options.handle?.(err)) this.errorState.set(apiErrorMessage(err));
        options.always?.();
      },
      complete: () => {
        // A request that completes without a value (none of ours today) still frees the button.
        if (!answered) {
          this.busyState.set(false);
          options.always?.();
        }
      },
    });
    return true;
  }

  /** Shows a message found before asking the API (a check of the form), or clears it with ''. */
  fail(message: string): void {
    this.errorState.set(message);
  }

  clear(): void {
    this.errorState.set('');
  }
}

/** A submitter for the component being made (call it in a field initialiser). */
export function submitter(): Submitter {
  return new Submitter(inject(MatSnackBar));
}
