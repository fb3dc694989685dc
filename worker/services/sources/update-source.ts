import { updateSource as saveSource } from '../../db/queries/sources';
import type { Source, UpdateSource } from '../../domain/ledger/sources';
import type { ServiceContext } from '../context';

/** Changes or archives a source; archiving keeps the first archive time. */
export function updateSource({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string; patch: UpdateSource };
}): Promise<Source> {
  return saveSource(ctx.db, ctx.workspaceId, input.id, input.patch, ctx.now);
}
