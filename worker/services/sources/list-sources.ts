import { listSources as readSources } from '../../db/queries/sources';
import type { Source } from '../../domain/ledger/sources';
import type { ServiceContext } from '../context';

/** The workspace's sources, newest first, without secrets. */
export function listSources({ ctx }: { ctx: ServiceContext }): Promise<Source[]> {
  return readSources(ctx.db, ctx.workspaceId);
}
