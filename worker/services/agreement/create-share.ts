import { isUniqueViolation } from '../../db/conflict';
import { insertShare, liveShare } from '../../db/queries/agreement';
import { mintShareId } from '../../domain/agreement';
import { webHost } from '../../platform/web-host';
import type { CallerContext } from '../context';

export interface Share {
  id: string;
  createdAt: string;
  created: boolean;
}

/** The live share link, created when there is none (at most one live link per workspace). */
export async function createShare({ ctx }: { ctx: CallerContext }): Promise<Share> {
  const { db, workspaceId, caller, now } = ctx;
  const existing = await liveShare(db, workspaceId);
  if (existing) return { ...existing, created: false };
  const row = {
    id: mintShareId(workspaceId, webHost.randomBytes),
    createdAt: now.toISOString(),
    createdByTokenId: caller.tokenId,
  };
  try {
    await insertShare(db, workspaceId, row);
  } catch (error) {
    // A concurrent request created it first: answer with that one.
    const winner = isUniqueViolation(error) ? await liveShare(db, workspaceId) : undefined;
    if (winner) return { ...winner, created: false };
    throw error;
  }
  return { id: row.id, createdAt: row.createdAt, created: true };
}
