import { deleteChannel as markDeleted } from '../../db/queries/notifications';
import type { ServiceContext } from '../context';

/** Stops a channel at once; messages still queued for it are dropped at their next try. */
export function deleteChannel({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<void> {
  return markDeleted(ctx.db, ctx.workspaceId, input.id, ctx.now);
}
