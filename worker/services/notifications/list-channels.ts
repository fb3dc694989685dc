import { listChannels as readChannels } from '../../db/queries/notifications';
import type { Channel } from '../../domain/sla';
import type { ServiceContext } from '../context';

/** The workspace's channels, URLs masked and no secrets. */
export function listChannels({ ctx }: { ctx: ServiceContext }): Promise<Channel[]> {
  return readChannels(ctx.db, ctx.workspaceId);
}
