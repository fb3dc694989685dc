import { and, eq, inArray } from 'drizzle-orm';
import type { Statement } from '../batch';
import type { Database } from '../client';
import { erasedIdentities } from '../schema';
import { chunks } from '../scope';

export type IdentityKind = 'email' | 'phone';

/**
 * Which of these blind indexes belong to people erased from this workspace, with when they were
 * erased: one indexed read per chunk under D1's parameter limit.
 */
export async function erasedIndexes(
  db: Database,
  workspaceId: string,
  kind: IdentityKind,
  indexes: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(indexes)])) {
    const rows = await db
      .select({ hash: erasedIdentities.hash, erasedAt: erasedIdentities.erasedAt })
      .from(erasedIdentities)
      .where(
        and(
          eq(erasedIdentities.workspaceId, workspaceId),
          eq(erasedIdentities.kind, kind),
          inArray(erasedIdentities.hash, part),
        ),
      )
      .all();
    for (const r of rows) found.set(r.hash, r.erasedAt);
  }
  return found;
}

/** The read of erasedIndexes for a batch of reads (import reads a chunk in one round trip). */
export function erasedIndexQuery(db: Database, workspaceId: string, indexes: readonly string[]) {
  return db
    .select({ kind: erasedIdentities.kind, hash: erasedIdentities.hash, erasedAt: erasedIdentities.erasedAt })
    .from(erasedIdentities)
    .where(and(eq(erasedIdentities.workspaceId, workspaceId), inArray(erasedIdentities.hash, [...indexes])));
}

/** Remembers an erased e-mail or phone by its blind index (a second erasure of it updates the row). */
export function erasedIdentityInsert(
  db: Database,
  workspaceId: string,
  identity: { kind: IdentityKind; hash: string; leadId: string },
  now: Date,
): Statement {
  return db
    .insert(erasedIdentities)
    .values({ workspaceId, ...identity, erasedAt: now.toISOString() })
    .onConflictDoUpdate({
      target: [erasedIdentities.workspaceId, erasedIdentities.kind, erasedIdentities.hash],
      set: { leadId: identity.leadId, erasedAt: now.toISOString() },
    });
}
