import { getSource as readSource, withoutSecret } from '../../db/queries/sources';
import type { Source } from '../../domain/ledger/sources';
import type { ServiceContext } from '../context';

/** One source without its secret, or a 404. */
export async function getSource({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string };
}): Promise<Source> {
  return withoutSecret(await readSource(ctx.db, ctx.workspaceId, input.id));
}
