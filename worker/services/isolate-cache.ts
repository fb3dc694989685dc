/**
 * What an isolate holds between requests: entries younger than `ttlMs` at the time asked, and at
 * most `maxEntries` of them (beyond that it starts over rather than grow). Time is passed in, so
 * a request's `ctx.now` decides what has expired.
 */
export interface IsolateCache<T> {
  /** The value held for `key` at `at`, or undefined when there is none or it expired (then dropped). */
  get(key: string, at: number): T | undefined;
  /** Holds `value` for `key` from `at` for the cache's TTL. */
  set(key: string, value: T, at: number): void;
  delete(key: string): void;
  clear(): void;
}

/** A cache of its own for one kind of thing an isolate may trust for a while. */
export function isolateCache<T>({
  ttlMs,
  maxEntries = 1000,
}: {
  ttlMs: number;
  maxEntries?: number;
}): IsolateCache<T> {
  const held = new Map<string, { value: T; until: number }>();
  return {
    get(key, at) {
      const entry = held.get(key);
      if (!entry) return undefined;
      if (entry.until <= at) {
        held.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value, at) {
      if (held.size >= maxEntries && !held.has(key)) held.clear();
      held.set(key, { value, until: at + ttlMs });
    },
    delete: (key) => held.delete(key),
    clear: () => held.clear(),
  };
}
