import { describe, expect, it } from 'vitest';
import { EmbeddedLock } from './embedded-lock.ts';

/** Holds the thread as a query in WebAssembly does: no await inside. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('EmbeddedLock', () => {
  it('lets one holder in at a time, in the order they asked', async () => {
    const lock = new EmbeddedLock();
    const events: string[] = [];
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        lock.run(async () => {
          events.push(`start ${n}`);
          await new Promise((r) => setTimeout(r, 2));
          events.push(`end ${n}`);
        }),
      ),
    );
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3', 'start 4', 'end 4']);
  });

  it('gives the event loop a turn during a long run of holders that never wait on I/O', async () => {
    const lock = new EmbeddedLock();
    const events: string[] = [];
    const holders = Array.from({ length: 40 }, () =>
      lock.run(async () => {
        busyFor(0.5);
        events.push('query');
      }),
    );
    // Stands for a socket with a request to read: it must not wait for all 40 (20 ms) to finish.
    setImmediate(() => events.push('io'));
    await Promise.all(holders);
    expect(events.filter((e) => e === 'query')).toHaveLength(40);
    const turn = events.indexOf('io');
    expect(turn).toBeGreaterThanOrEqual(0);
    expect(turn).toBeLessThan(20);
  });

  it('is free again once the last holder is done', async () => {
    const lock = new EmbeddedLock();
    await lock.run(async () => {});
    const release = await lock.acquire();
    release();
    release(); // a second call changes nothing
    let entered = false;
    await lock.run(async () => {
      entered = true;
    });
    expect(entered).toBe(true);
  });
});
