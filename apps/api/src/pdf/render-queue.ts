/** Why a place in the queue was refused. */
export class QueueRejection extends Error {
  override name = 'QueueRejection';

  constructor(readonly reason: 'full' | 'timeout' | 'closed') {
    super(`render queue: ${reason}`);
  }
}

/** The error of a cancelled wait or render: always named AbortError, the signal's reason as its cause. */
export function abortReason(signal: AbortSignal): Error {
  return Object.assign(new Error('aborted', { cause: signal.reason }), { name: 'AbortError' });
}

export interface RenderQueueLimits {
  /** Documents rendered at the same time. */
  concurrency: number;
  /** Documents allowed to wait for a place; beyond that, refused at once. */
  maxWaiting: number;
  /** How long a document may wait for a place. */
  waitTimeoutMs: number;
}

interface Waiter {
  grant(release: () => void): void;
  reject(error: unknown): void;
}

/**
 * A bounded queue: at most `concurrency` holders at a time, at most
 * `maxWaiting` waiting (first come, first served), each for at most
 * `waitTimeoutMs`. A waiter whose signal aborts leaves the queue at once.
 */
export class RenderQueue {
  private running = 0;
  private closed = false;
  private readonly waiters: Waiter[] = [];

  constructor(private readonly limits: RenderQueueLimits) {}

  get active(): number {
    return this.running;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves with the function that gives the place back (idempotent). */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.closed) return Promise.reject(new QueueRejection('closed'));
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.running < this.limits.concurrency) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiters.length >= this.limits.maxWaiting) return Promise.reject(new QueueRejection('full'));

    return new Promise((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
      };
      const waiter: Waiter = {
        grant: (release) => {
          leave();
          resolve(release);
        },
        reject: (error) => {
          leave();
          reject(error);
        },
      };
      const onAbort = () => waiter.reject(abortReason(signal as AbortSignal));
      const timer = setTimeout(() => waiter.reject(new QueueRejection('timeout')), this.limits.waitTimeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Refuses every waiter and every later request (application shutdown). */
  close(): void {
    this.closed = true;
    for (const waiter of [...this.waiters]) waiter.reject(new QueueRejection('closed'));
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters[0];
      if (next) {
        // The place goes straight to the next waiter: `running` does not change.
        next.grant(this.releaser());
      } else {
        this.running--;
      }
    };
  }
}
