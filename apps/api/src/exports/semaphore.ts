/**
 * At most `capacity` holders at once, at most `maxWaiting` waiting; a waiter
 * gives up after `timeoutMs` (the caller turns that into a 503). First come,
 * first served.
 */
export class Semaphore {
  private held = 0;
  private readonly waiting: { grant: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    private readonly capacity: number,
    private readonly maxWaiting: number,
  ) {}

  get inUse(): number {
    return this.held;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with the release function, or rejects when the queue is full or the wait too long. */
  acquire(timeoutMs: number): Promise<() => void> {
    if (this.held < this.capacity) {
      this.held += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(new Error('queue full'));
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(entry.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(new Error('wait timeout'));
        }, timeoutMs),
      };
      this.waiting.push(entry);
    });
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiting.shift();
      if (next) next.grant();
      else this.held -= 1;
    };
  }
}
