import { busy } from '../domain/errors';

/**
 * True when D1 refused a write on a unique index (a concurrent writer got there
 * first) or on a guard CHECK (a delivery judged twice, see intake-deliveries.ts).
 */
export function isUniqueViolation(error: unknown): boolean {
  const text = `${String(error)} ${String((error as { cause?: unknown } | null)?.cause ?? '')}`;
  return /UNIQUE constraint failed|CHECK constraint failed|SQLITE_CONSTRAINT/i.test(text);
}

/** A short random pause that grows with each attempt, so writers that collided do not collide again in step. */
export function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(200, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The one optimistic-write loop every ledger writer uses. `write` reads fresh
 * state, plans and runs its batch; when a concurrent writer wins a unique index
 * the batch fails whole, `onConflict` may settle the outcome (the delivery was
 * already stored), and otherwise `write` runs again on fresh state after a
 * pause. Past `attempts` the caller answers `unavailable` (503: senders retry).
 */
export async function retryOnConflict<T>(
  write: () => Promise<T>,
  options: {
    attempts?: number;
    onConflict?: () => Promise<T | null>;
    what?: Parameters<typeof busy>[0];
  } = {},
): Promise<T> {
  const attempts = options.attempts ?? 8;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const settled = await options.onConflict?.();
      if (settled != null) return settled;
      await backoff(attempt);
    }
  }
  throw busy(options.what);
}
