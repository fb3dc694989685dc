import { revokeToken as markRevoked } from '../../db/queries/tokens';
import type { ServiceContext } from '../context';

/** Revokes at once: the next request with that token is refused. Revoking twice is harmless. */
export function revokeToken({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<void> {
  return markRevoked(ctx.db, ctx.workspaceId, input.id, ctx.now);
}
