import { getMember } from '../../db/queries/members';
import { insertToken, toTokenInfo } from '../../db/queries/tokens';
import { fieldIssue, InvalidError, NotFoundError } from '../../domain/errors';
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
  if (input.memberId) await requireMember(ctx, input.memberId);
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

/** A member named in the body: missing is the body's fault (422 on `memberId`), not a 404. */
async function requireMember(ctx: ServiceContext, memberId: string): Promise<void> {
  try {
    await getMember(ctx.db, ctx.workspaceId, memberId);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    throw new InvalidError(say('memberMissing'), [
      fieldIssue('memberId', say('memberUnknown', { id: memberId })),
    ]);
  }
}
