import { findSource, withoutSecret } from '../../db/queries/sources';
import { NotFoundError } from '../../domain/errors';
import { thing } from '../../domain/i18n';
import type { Source, SourceWithSecret } from '../../domain/ledger/sources';
import type { ServiceContext } from '../context';

/** One source with its secret, or a 404. */
export async function requireSource(ctx: ServiceContext, id: string): Promise<SourceWithSecret> {
  const source = await findSource(ctx.db, ctx.workspaceId, id);
  if (!source) throw new NotFoundError(thing('source'));
  return source;
}

/** One source without its secret, or a 404. */
export async function getSource({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string };
}): Promise<Source> {
  return withoutSecret(await requireSource(ctx, input.id));
}
