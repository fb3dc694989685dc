import { and, eq, sql } from 'drizzle-orm';
import { fieldIssue, InvalidError } from '../../domain/errors';
import { say } from '../../domain/i18n';
import { type Idempotency, type IdempotentRequest, StoredAnswer } from '../../domain/idempotency';
import type { Statement } from '../batch';
import type { Database } from '../client';
import { idempotencyKeys } from '../schema';
import { DELIVERY_RETENTION_MS } from './intake';

/**
 * What a ledger writer needs to be idempotent: `replay` is asked at the start of
 * every attempt (so the loser of a race answers what the winner stored), and
 * `remember` gives the statement that stores the answer in the write's own batch.
 */
export interface IdempotencyHooks<T> {
  replay(): Promise<StoredAnswer | null>;
  remember(result: T): Statement;
}

/**
 * Hooks for one request. `render` turns the writer's result into the answer the
 * client gets (status and body), the one a retry will get back.
 */
export function idempotencyHooks<T>(
  db: Database,
  workspaceId: string,
  { request, render }: Idempotency<T>,
  now: Date,
): IdempotencyHooks<T> {
  return {
    replay: () => storedAnswer(db, workspaceId, request),
    remember: (result) => {
      const answer = render(result);
      return db.insert(idempotencyKeys).values({
        workspaceId,
        key: request.key,
        requestHash: request.requestHash,
        status: answer.status,
        response: answer.body,
        createdAt: now.toISOString(),
      });
    },
  };
}

/** The stored answer for this key, null when new; the key with another request is a 422 naming the header. */
export async function storedAnswer(
  db: Database,
  workspaceId: string,
  request: IdempotentRequest,
): Promise<StoredAnswer | null> {
  const row = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.workspaceId, workspaceId), eq(idempotencyKeys.key, request.key)))
    .get();
  if (!row) return null;
  if (row.requestHash !== request.requestHash) {
    throw new InvalidError(say('idempotencyKeyReused'), [
      fieldIssue('Idempotency-Key', say('idempotencySameRequest')),
    ]);
  }
  return new StoredAnswer(row.status, row.response);
}

/** Forgets keys older than intake's delivery keys are kept (7 days), a chunk at a time through the created_at index. */
export async function purgeIdempotencyKeys(db: Database, now: Date, chunk = 1000): Promise<number> {
  const before = new Date(now.getTime() - DELIVERY_RETENTION_MS).toISOString();
  let total = 0;
  for (;;) {
    const result = await db.run(
      sql`delete from idempotency_keys where rowid in (select rowid from idempotency_keys where created_at < ${before} limit ${chunk})`,
    );
    const changed = result.meta.changes ?? 0;
    total += changed;
    if (changed < chunk) return total;
  }
}
