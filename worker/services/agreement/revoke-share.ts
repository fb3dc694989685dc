import { revokeShare as revokeLiveShare } from '../../db/queries/agreement';
import type { ServiceContext } from '../context';

/** Revokes the live share link at once; revoking when there is none is harmless. */
export async function revokeShare({ ctx }: { ctx: ServiceContext }): Promise<void> {
  await revokeLiveShare(ctx.db, ctx.workspaceId, ctx.now);
}
