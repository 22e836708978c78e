import { QueueRejection, RenderQueue } from './render-queue';

const tick = () => new Promise((r) => setImmediate(r));

describe('RenderQueue', () => {
  it('grants `concurrency` places at once, then first come, first served', async () => {
    const q = new RenderQueue({ concurrency: 2, maxWaiting: 5, waitTimeoutMs: 10_000 });
    const a = await q.acquire();
    const b = await q.acquire();
    const order: string[] = [];
    const c = q.acquire().then((r) => (order.push('c'), r));
    const d = q.acquire().then((r) => (order.push('d'), r));
    await tick();
    expect([q.active, q.waiting, order]).toEqual([2, 2, []]);
    a();
    a(); // idempotent: does not free a second place
    await tick();
    expect([q.active, q.waiting, order]).toEqual([2, 1, ['c']]);
    b();
    (await c)();
    (await d)();
    expect([q.active, q.waiting, order]).toEqual([0, 0, ['c', 'd']]);
  });

  it('refuses at once when the waiting line is full', async () => {
    const q = new RenderQueue({ concurrency: 1, maxWaiting: 1, waitTimeoutMs: 10_000 });
    const a = await q.acquire();
    const waiting = q.acquire();
    await expect(q.acquire()).rejects.toEqual(new QueueRejection('full'));
    a();
    (await waiting)();
    expect(q.active).toBe(0);
  });

  it('gives up after the wait timeout', async () => {
    const q = new RenderQueue({ concurrency: 1, maxWaiting: 5, waitTimeoutMs: 20 });
    const a = await q.acquire();
    await expect(q.acquire()).rejects.toMatchObject({ reason: 'timeout' });
    expect(q.waiting).toBe(0);
    a();
    expect(q.active).toBe(0);
  });

  it('lets an aborted waiter leave the line', async () => {
    const q = new RenderQueue({ concurrency: 1, maxWaiting: 5, waitTimeoutMs: 10_000 });
    const a = await q.acquire();
    const controller = new AbortController();
    const waiting = q.acquire(controller.signal);
    const next = q.acquire();
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(q.waiting).toBe(1);
    a();
    (await next)();
    expect([q.active, q.waiting]).toEqual([0, 0]);
    await expect(q.acquire(controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses waiters and newcomers once closed', async () => {
    const q = new RenderQueue({ concurrency: 1, maxWaiting: 5, waitTimeoutMs: 10_000 });
    await q.acquire();
    const waiting = q.acquire();
    q.close();
    await expect(waiting).rejects.toMatchObject({ reason: 'closed' });
    await expect(q.acquire()).rejects.toMatchObject({ reason: 'closed' });
  });
});
