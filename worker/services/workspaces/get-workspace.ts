import { requireWorkspace } from '../../db/queries/workspaces';
import type { Workspace } from '../../domain/workspace';
import type { ServiceContext } from '../context';

/** The workspace the caller works in. */
export async function getWorkspace({ ctx }: { ctx: ServiceContext }): Promise<Workspace> {
  return requireWorkspace(ctx.db, ctx.workspaceId);
}
