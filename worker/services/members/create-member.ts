import { insertMember, memberIdByEmail } from '../../db/queries/members';
import { type CreateMember, emailTaken, type Member } from '../../domain/members';
import { newId } from '../../platform/ids';
import type { ServiceContext } from '../context';

/** Adds a person to the workspace; an e-mail already held by a member is a 409 naming that member. */
export async function createMember({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateMember;
}): Promise<Member> {
  const holder = await memberIdByEmail(ctx.db, ctx.workspaceId, input.email);
  if (holder) throw emailTaken(input.email, holder);
  const at = ctx.now.toISOString();
  const member: Member = { id: newId('mem', ctx.now.getTime()), ...input, createdAt: at, updatedAt: at };
  // Two requests for the same e-mail at once: the index decides, the loser gets the same 409.
  if (!(await insertMember(ctx.db, { ...member, workspaceId: ctx.workspaceId })))
    throw emailTaken(input.email);
  return member;
}
