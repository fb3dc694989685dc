import { getMember as readMember } from '../../db/queries/members';
import type { Member } from '../../domain/members';
import type { ServiceContext } from '../context';

/** One member of the workspace, or a 404. */
export function getMember({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<Member> {
  return readMember(ctx.db, ctx.workspaceId, input.id);
}
