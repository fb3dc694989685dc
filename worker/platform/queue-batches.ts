/** How long a message waits for others from the same isolate before they go to the queue together. */
export const QUEUE_BATCH_WINDOW_MS = 50;
/** Cloudflare Queues takes at most 100 messages in one `sendBatch`. */
export const QUEUE_BATCH_MAX = 100;

/** Per queue binding, the messages of the window still open. */
const gathering = new WeakMap<Queue<never>, { body: unknown }[]>();

/**
 * Sends a message with the others this isolate sends to the same queue within
 * QUEUE_BATCH_WINDOW_MS, as one `sendBatch` (at most QUEUE_BATCH_MAX). Under a
 * burst one call to the queue carries many messages instead of one each (what
 * that saves under load: docs/benchmarks.md).
 *
 * The first message of a window keeps its request alive until the batch is
 * sent (`waitUntil`); the requests that join it answer at once. A failed send
 * is handed to `onError` once, with every body of its batch.
 */
export function sendSoon<Body>(
  queue: Queue<Body>,
  body: Body,
  waitUntil: (promise: Promise<unknown>) => void,
  onError: (error: unknown, bodies: Body[]) => void,
): void {
  const key = queue as unknown as Queue<never>;
  const open = gathering.get(key) as { body: Body }[] | undefined;
  if (open && open.length < QUEUE_BATCH_MAX) {
    open.push({ body });
    return;
  }
  const messages = [{ body }];
  gathering.set(key, messages);
  waitUntil(
    new Promise((resolve) => setTimeout(resolve, QUEUE_BATCH_WINDOW_MS)).then(async () => {
      // Closed before sending: a message that comes during the send starts the next batch.
      if (gathering.get(key) === messages) gathering.delete(key);
      try {
        await queue.sendBatch(messages);
      } catch (error) {
        onError(
          error,
          messages.map((m) => m.body),
        );
      }
    }),
  );
}
