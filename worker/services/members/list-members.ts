import { listMembers as readMembers } from '../../db/queries/members';
import type { Side } from '../../domain/constants';
import type { Member } from '../../domain/members';
import type { ServiceContext } from '../context';

/** The people of the workspace, oldest first, optionally of one side or activity. */
export function listMembers({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { side?: Side; active?: boolean };
}): Promise<Member[]> {
  return readMembers(ctx.db, ctx.workspaceId, input);
}
