import { listTokens as readTokens } from '../../db/queries/tokens';
import type { TokenInfo } from '../../domain/tokens';
import type { ServiceContext } from '../context';

/** The workspace's tokens, newest first, without their secrets. */
export function listTokens({ ctx }: { ctx: ServiceContext }): Promise<TokenInfo[]> {
  return readTokens(ctx.db, ctx.workspaceId);
}
