import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../client';
import { agreementShares } from '../../schema';

export interface ShareRow {
  id: string;
  createdAt: string;
}

/** The workspace's live share link, if any (at most one). */
export async function liveShare(db: Database, workspaceId: string): Promise<ShareRow | undefined> {
  return db
    .select({ id: agreementShares.id, createdAt: agreementShares.createdAt })
    .from(agreementShares)
    .where(and(eq(agreementShares.workspaceId, workspaceId), isNull(agreementShares.revokedAt)))
    .get();
}

/** Stores a new live link; throws the unique violation when a concurrent request stored one first. */
export async function insertShare(
  db: Database,
  workspaceId: string,
  row: ShareRow & { createdByTokenId: string },
): Promise<void> {
  await db.insert(agreementShares).values({ ...row, workspaceId });
}

/** Revokes the live share link at once; revoking when there is none is harmless. */
export async function revokeShare(db: Database, workspaceId: string, now: Date): Promise<void> {
  await db
    .update(agreementShares)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(agreementShares.workspaceId, workspaceId), isNull(agreementShares.revokedAt)))
    .run();
}

/** Whether `shareId` is the workspace's live link. */
export async function shareIsLive(db: Database, workspaceId: string, shareId: string): Promise<boolean> {
  const share = await db
    .select({ id: agreementShares.id })
    .from(agreementShares)
    .where(
      and(
        eq(agreementShares.id, shareId),
        eq(agreementShares.workspaceId, workspaceId),
        isNull(agreementShares.revokedAt),
      ),
    )
    .get();
  return share !== undefined;
}
