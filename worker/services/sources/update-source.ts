import { saveSource, withoutSecret } from '../../db/queries/sources';
import { archivedAtAfter, type Source, type UpdateSource } from '../../domain/ledger/sources';
import type { ServiceContext } from '../context';
import { requireSource } from './get-source';

/** Changes or archives a source; archiving keeps the first archive time. */
export async function updateSource({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string; patch: UpdateSource };
}): Promise<Source> {
  const current = await requireSource(ctx, input.id);
  const { archived, ...fields } = input.patch;
  const archivedAt = archivedAtAfter(current.archivedAt, archived, ctx.now);
  await saveSource(ctx.db, ctx.workspaceId, input.id, { ...fields, archivedAt });
  return withoutSecret({ ...current, ...fields, archivedAt });
}
