import { type Deadline, type DeadlineFilter, listDeadlines as readDeadlines } from '../../db/queries/sla';
import type { ServiceContext } from '../context';

/** Deadlines first due first (the open ones unless a status is asked), by owner, kind and status. */
export function listDeadlines({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: DeadlineFilter;
}): Promise<Deadline[]> {
  return readDeadlines(ctx.db, ctx.workspaceId, input);
}
