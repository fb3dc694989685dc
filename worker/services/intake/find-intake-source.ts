import { findSourceForIntake } from '../../db/queries/sources';
import { getWorkspace } from '../../db/queries/workspaces';
import type { Workspace } from '../../domain/workspace';
import type { DatabaseContext } from '../context';

export type IntakeSource = NonNullable<Awaited<ReturnType<typeof findSourceForIntake>>>;

/** The source an intake URL names, found before its workspace is known (see findSourceForIntake). */
export async function findIntakeSource({
  ctx,
  input,
}: {
  ctx: DatabaseContext;
  input: { sourceId: string };
}): Promise<IntakeSource | null> {
  return findSourceForIntake(ctx.db, input.sourceId);
}

/** The workspace a verified delivery lands in (null when it is gone): its country reads phone numbers. */
export async function intakeWorkspace({
  ctx,
}: {
  ctx: DatabaseContext & { workspaceId: string };
}): Promise<Workspace | null> {
  return getWorkspace(ctx.db, ctx.workspaceId);
}
