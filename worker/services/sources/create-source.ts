import { createSource as insertSource } from '../../db/queries/sources';
import type { CreateSource, SourceWithSecret } from '../../domain/ledger/sources';
import type { ServiceContext } from '../context';

/** Registers an intake source; its signing secret (given or generated) is answered here only. */
export function createSource({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateSource;
}): Promise<SourceWithSecret> {
  return insertSource(ctx.db, ctx.workspaceId, input, ctx.now);
}
