import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from './client';
import { chunks } from './scope';

/** One statement a D1 batch can carry: an insert, update, delete or select, not yet run. */
export type Statement = BatchItem<'sqlite'>;

/**
 * Runs `statements` as one D1 batch (one transaction: all or nothing) and answers
 * each one's result in order. An empty list makes no call: `db.batch` wants at
 * least one statement, which is why callers used to cast.
 */
export async function runBatch(db: Database, statements: readonly Statement[]): Promise<unknown[]> {
  const [first, ...rest] = statements;
  if (!first) return [];
  return db.batch([first, ...rest]);
}

/**
 * Runs `statements` in batches of at most `size`, one after the other: for work
 * whose statements are each safe alone (guarded writes), too many for one batch.
 */
export async function runBatches(
  db: Database,
  statements: readonly Statement[],
  size: number,
): Promise<void> {
  for (const part of chunks(statements, size)) await runBatch(db, part);
}
