import { and, eq, sql } from 'drizzle-orm';
import {
  type Idempotency,
  type IdempotentRequest,
  replayOf,
  type StoredAnswer,
} from '../../domain/idempotency';
import { slot, type Vault } from '../../domain/privacy';
import { DELIVERY_RETENTION_MS } from '../../domain/retention';
import type { Statement } from '../batch';
import type { Database } from '../client';
import { idempotencyKeys } from '../schema';

/**
 * What a ledger writer needs to be idempotent: `replay` is asked at the start of
 * every attempt (so the loser of a race answers what the winner stored), and
 * `remember` gives the statements that stores the answer in the write's own batch.
 */
export interface IdempotencyHooks<T> {
  replay(): Promise<StoredAnswer | null>;
  /**
   * `personOf` names the lead whose key seals the answer (it shows that lead's view); null
   * stores it plain, for an answer that names no person. The lead's key must be stored or in
   * the same batch already (the write that made the answer used it).
   */
  remember(result: T, personOf: string | null): Promise<Statement[]>;
}

/**
 * Hooks for one request. `render` turns the writer's result into the answer the
 * client gets (status and body), the one a retry will get back.
 */
export function idempotencyHooks<T>(
  db: Database,
  vault: Vault,
  workspaceId: string,
  { request, render }: Idempotency<T>,
  now: Date,
): IdempotencyHooks<T> {
  return {
    replay: () => storedAnswer(db, vault, workspaceId, request),
    remember: async (result, personOf) => {
      const answer = render(result);
      const sealed =
        personOf === null
          ? null
          : await vault.seal(
              await vault.keyOfLead(personOf),
              slot.idempotency(request.key),
              JSON.stringify(answer.body),
            );
      // In an array: a drizzle query is thenable, and an async function would run it on return.
      return [
        db.insert(idempotencyKeys).values({
          workspaceId,
          key: request.key,
          requestHash: request.requestHash,
          status: answer.status,
          response: sealed === null ? answer.body : null,
          sealedResponse: sealed,
          createdAt: now.toISOString(),
        }),
      ];
    },
  };
}

/** The stored answer for this key, null when new; what a retry gets is the domain's `replayOf`. */
export async function storedAnswer(
  db: Database,
  vault: Vault,
  workspaceId: string,
  request: IdempotentRequest,
): Promise<StoredAnswer | null> {
  const row = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.workspaceId, workspaceId), eq(idempotencyKeys.key, request.key)))
    .get();
  if (!row) return null;
  const sealed = row.sealedResponse !== null;
  // Opened only for the same request: another request's retry is refused before any key is read.
  const body =
    sealed && row.requestHash === request.requestHash
      ? await vault.open(row.sealedResponse, slot.idempotency(request.key))
      : row.response;
  return replayOf({ requestHash: row.requestHash, status: row.status, body, sealed }, request);
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
