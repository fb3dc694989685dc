import { markTokenRevoked, tokenRevokedAt } from '../../db/queries/tokens';
import { NotFoundError } from '../../domain/errors';
import { thing } from '../../domain/i18n';
import type { ServiceContext } from '../context';

/** Revokes at once: the next request with that token is refused. Revoking twice is harmless (the first time stays). */
export async function revokeToken({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string };
}): Promise<void> {
  const revokedAt = await tokenRevokedAt(ctx.db, ctx.workspaceId, input.id);
  if (revokedAt === undefined) throw new NotFoundError(thing('token'));
  if (revokedAt) return;
  await markTokenRevoked(ctx.db, ctx.workspaceId, input.id, ctx.now);
}
