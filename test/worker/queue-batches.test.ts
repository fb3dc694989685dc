import { describe, expect, it } from 'vitest';
import { QUEUE_BATCH_MAX, sendSoon } from '../../worker/platform/queue-batches';

/** A queue that records each sendBatch's bodies, and can hold a send open or refuse it. */
function recordingQueue(options: { hold?: Promise<void>; refuse?: boolean } = {}) {
  const batches: number[][] = [];
  const queue = {
    sendBatch: async (messages: Iterable<{ body: number }>) => {
      batches.push([...messages].map((m) => m.body));
      await options.hold;
      if (options.refuse) throw new Error('queue unavailable');
    },
  };
  return { queue: queue as unknown as Queue<number>, batches };
}

/** Stands in for the request's waitUntil: the promises it was given, to await. */
function keptAlive() {
  const promises: Promise<unknown>[] = [];
  return {
    waitUntil: (p: Promise<unknown>) => promises.push(p),
    settled: () => Promise.all(promises),
    promises,
  };
}

const noErrors = (error: unknown) => {
  throw error;
};

describe('sendSoon', () => {
  it('should send the messages of one window as one sendBatch, in order, keeping one request alive', async () => {
    const { queue, batches } = recordingQueue();
    const alive = keptAlive();
    for (let i = 1; i <= 5; i++) sendSoon(queue, i, alive.waitUntil, noErrors);
    expect(batches).toEqual([]);
    await alive.settled();
    expect(batches).toEqual([[1, 2, 3, 4, 5]]);
    expect(alive.promises).toHaveLength(1);
  });

  it('should start a new batch past QUEUE_BATCH_MAX messages and after a batch was sent', async () => {
    const { queue, batches } = recordingQueue();
    const alive = keptAlive();
    for (let i = 0; i < 2 * QUEUE_BATCH_MAX + 50; i++) sendSoon(queue, i, alive.waitUntil, noErrors);
    await alive.settled();
    expect(batches.map((b) => b.length)).toEqual([QUEUE_BATCH_MAX, QUEUE_BATCH_MAX, 50]);
    expect(batches.flat()).toEqual(Array.from({ length: 2 * QUEUE_BATCH_MAX + 50 }, (_, i) => i));
    sendSoon(queue, 1000, alive.waitUntil, noErrors);
    await alive.settled();
    expect(batches.at(-1)).toEqual([1000]);
  });

  it('should put a message that comes while its window is being sent into the next batch', async () => {
    let release = () => {};
    const hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { queue, batches } = recordingQueue({ hold });
    const alive = keptAlive();
    sendSoon(queue, 1, alive.waitUntil, noErrors);
    while (batches.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    sendSoon(queue, 2, alive.waitUntil, noErrors);
    release();
    await alive.settled();
    expect(batches).toEqual([[1], [2]]);
  });

  it('should report a refused batch once with all its messages, and send the next one', async () => {
    const refused = recordingQueue({ refuse: true });
    const alive = keptAlive();
    const errors: { error: unknown; bodies: number[] }[] = [];
    for (let i = 1; i <= 3; i++) {
      sendSoon(refused.queue, i, alive.waitUntil, (error, bodies) => errors.push({ error, bodies }));
    }
    await alive.settled();
    expect(errors).toHaveLength(1);
    expect(errors[0]?.bodies).toEqual([1, 2, 3]);
    expect(String(errors[0]?.error)).toContain('queue unavailable');
  });

  it('should keep two queues apart', async () => {
    const a = recordingQueue();
    const b = recordingQueue();
    const alive = keptAlive();
    sendSoon(a.queue, 1, alive.waitUntil, noErrors);
    sendSoon(b.queue, 2, alive.waitUntil, noErrors);
    sendSoon(a.queue, 3, alive.waitUntil, noErrors);
    await alive.settled();
    expect(a.batches).toEqual([[1, 3]]);
    expect(b.batches).toEqual([[2]]);
  });
});
