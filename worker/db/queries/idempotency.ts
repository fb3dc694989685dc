import { and, eq, sql } from 'drizzle-orm';
import { ConflictError, fieldIssue, InvalidError } from '../../domain/errors';
import { say } from '../../domain/i18n';
import { type Idempotency, type IdempotentRequest, StoredAnswer } from '../../domain/idempotency';
import { slot, type Vault } from '../../domain/privacy';
import type { Statement } from '../batch';
import type { Database } from '../client';
import { idempotencyKeys } from '../schema';
import { DELIVERY_RETENTION_MS } from './intake';

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

/**
 * The stored answer for this key, null when new; the key with another request is a 422 naming
 * the header. A sealed answer whose person was erased since opens no more: the retry is told the
 * lead was erased (409, what the same action on the lead answers now) rather than shown the view.
 */
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
  if (row.requestHash !== request.requestHash) {
    throw new InvalidError(say('idempotencyKeyReused'), [
      fieldIssue('Idempotency-Key', say('idempotencySameRequest')),
    ]);
  }
  if (row.sealedResponse === null) return new StoredAnswer(row.status, row.response);
  const body = await vault.open(row.sealedResponse, slot.idempotency(request.key));
  if (body === null) throw new ConflictError(say('leadErased'), { allowedActions: [] });
  return new StoredAnswer(row.status, JSON.parse(body));
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
