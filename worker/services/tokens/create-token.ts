import { findMember } from '../../db/queries/members';
import { insertToken, toTokenInfo } from '../../db/queries/tokens';
import { fieldIssue, InvalidError } from '../../domain/errors';
import { say } from '../../domain/i18n';
import { type CreateToken, mintToken, sha256Hex, type TokenInfo, tokenHint } from '../../domain/tokens';
import { newId } from '../../platform/ids';
import { webHost } from '../../platform/web-host';
import type { ServiceContext } from '../context';

/**
 * Mints a token for a role; one that acts for a member must name a member of
 * this workspace (422 otherwise). Its secret is answered here only: the database keeps its hash.
 */
export async function createToken({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateToken;
}): Promise<{ info: TokenInfo; token: string }> {
  // A member named in the body: missing is the body's fault (422 on `memberId`), not a 404.
  if (input.memberId && !(await findMember(ctx.db, ctx.workspaceId, input.memberId))) {
    throw new InvalidError(say('memberMissing'), [
      fieldIssue('memberId', say('memberUnknown', { id: input.memberId })),
    ]);
  }
  const token = mintToken(ctx.workspaceId, webHost.randomBytes);
  const row = {
    id: newId('tok', ctx.now.getTime()),
    workspaceId: ctx.workspaceId,
    role: input.role,
    label: input.label,
    memberId: input.memberId ?? null,
    tokenHash: await sha256Hex(token, webHost),
    hint: tokenHint(token),
    createdAt: ctx.now.toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await insertToken(ctx.db, row);
  return { info: toTokenInfo(row), token };
}
