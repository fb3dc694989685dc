import { requireMember } from '../../db/queries/members';
import { createToken as insertToken } from '../../db/queries/tokens';
import type { CreateToken, TokenInfo } from '../../domain/tokens';
import type { ServiceContext } from '../context';

/** Mints a token for a role; one that acts for a member must name a member of this workspace (422 otherwise). */
export async function createToken({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateToken;
}): Promise<{ info: TokenInfo; token: string }> {
  if (input.memberId) await requireMember(ctx.db, ctx.workspaceId, input.memberId, 'memberId');
  return insertToken(ctx.db, ctx.workspaceId, input, ctx.now);
}
