import { and, eq, inArray } from 'drizzle-orm';
import type { NewPersonKey, StoredPersonKey, StoredWorkspaceKeys } from '../../domain/privacy';
import type { Statement } from '../batch';
import type { Database } from '../client';
import { insertStatements } from '../insert-rows';
import { personKeys, workspaceKeys } from '../schema';
import { chunks } from '../scope';

export async function getWorkspaceKeys(
  db: Database,
  workspaceId: string,
): Promise<StoredWorkspaceKeys | null> {
  const row = await db
    .select({
      masterKeyId: workspaceKeys.masterKeyId,
      dataKey: workspaceKeys.dataKey,
      indexKey: workspaceKeys.indexKey,
    })
    .from(workspaceKeys)
    .where(eq(workspaceKeys.workspaceId, workspaceId))
    .get();
  return row ?? null;
}

/** Stores a workspace's first keys unless another request stored them first (then read theirs). */
export async function insertWorkspaceKeys(
  db: Database,
  workspaceId: string,
  keys: StoredWorkspaceKeys,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .insert(workspaceKeys)
    .values({ workspaceId, ...keys, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .run();
}

/** Re-wrapped workspace keys after a rotation, only if still wrapped by the key that was read. */
export function rewrapWorkspaceKeysStatement(
  db: Database,
  workspaceId: string,
  from: string,
  keys: StoredWorkspaceKeys,
  now: Date,
): Statement {
  return db
    .update(workspaceKeys)
    .set({ ...keys, updatedAt: now.toISOString() })
    .where(and(eq(workspaceKeys.workspaceId, workspaceId), eq(workspaceKeys.masterKeyId, from)));
}

/** Person keys by id (chunked under D1's parameter limit, one batch). */
export async function getPersonKeys(
  db: Database,
  workspaceId: string,
  ids: readonly string[],
): Promise<StoredPersonKey[]> {
  if (ids.length === 0) return [];
  const reads = chunks(ids).map((part) =>
    db
      .select({ id: personKeys.id, wrapped: personKeys.wrapped })
      .from(personKeys)
      .where(and(eq(personKeys.workspaceId, workspaceId), inArray(personKeys.id, part))),
  );
  const [first, ...rest] = reads;
  if (!first) return [];
  const results = rest.length === 0 ? [await first.all()] : await db.batch([first, ...rest]);
  return results.flat() as StoredPersonKey[];
}

/** The key bound to a lead, if it still has one. */
export async function getPersonKeyOfLead(
  db: Database,
  workspaceId: string,
  leadId: string,
): Promise<StoredPersonKey | null> {
  const row = await db
    .select({ id: personKeys.id, wrapped: personKeys.wrapped })
    .from(personKeys)
    .where(and(eq(personKeys.workspaceId, workspaceId), eq(personKeys.leadId, leadId)))
    .get();
  return row ?? null;
}

/** Stores keys minted in this request; a retried batch that stores one again changes nothing. */
export function personKeyInserts(
  db: Database,
  workspaceId: string,
  keys: readonly NewPersonKey[],
  now: Date,
): Statement[] {
  return insertStatements(db, personKeys, personKeyRows(workspaceId, keys, now), { ignoreConflicts: true });
}

/** The rows of newly minted keys, as `personKeyInserts` writes them (or a caller gathering inserts). */
export function personKeyRows(
  workspaceId: string,
  keys: readonly NewPersonKey[],
  now: Date,
): (typeof personKeys.$inferInsert)[] {
  return keys.map((k) => ({
    workspaceId,
    id: k.id,
    leadId: k.leadId,
    wrapped: k.wrapped,
    createdAt: now.toISOString(),
  }));
}

/** Destroys keys: whatever they sealed can never be opened again. */
export function destroyPersonKeys(db: Database, workspaceId: string, keyIds: readonly string[]): Statement[] {
  return chunks(keyIds).map((part) =>
    db.delete(personKeys).where(and(eq(personKeys.workspaceId, workspaceId), inArray(personKeys.id, part))),
  );
}

/** Destroys every key bound to these leads (a person and their twins). */
export function destroyPersonKeysOfLeads(
  db: Database,
  workspaceId: string,
  leadIds: readonly string[],
): Statement[] {
  return chunks(leadIds).map((part) =>
    db
      .delete(personKeys)
      .where(and(eq(personKeys.workspaceId, workspaceId), inArray(personKeys.leadId, part))),
  );
}
