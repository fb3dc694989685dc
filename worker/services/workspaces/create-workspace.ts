import { starterDraftStatements } from '../../db/queries/agreement';
import { type BootstrapResult, createWorkspace as insertWorkspace } from '../../db/queries/workspaces';
import type { CreateWorkspace } from '../../domain/workspace';
import type { DatabaseContext } from '../context';

/** A new workspace with its first admin token and its starter agreement, in one batch: none exists without one. */
export async function createWorkspace({
  ctx,
  input,
}: {
  ctx: DatabaseContext;
  input: CreateWorkspace;
}): Promise<BootstrapResult> {
  const { db, now } = ctx;
  return insertWorkspace(db, input, now, (id) => starterDraftStatements(db, id, input, now));
}
