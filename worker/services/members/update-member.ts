import { getMember, memberIdByEmail, saveMember } from '../../db/queries/members';
import { emailTaken, type Member, type UpdateMember } from '../../domain/members';
import type { ServiceContext } from '../context';

/** Changes a member (deactivation included); a new e-mail must not be another member's. */
export async function updateMember({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string; patch: UpdateMember };
}): Promise<Member> {
  const current = await getMember(ctx.db, ctx.workspaceId, input.id);
  const { email } = input.patch;
  if (email && email !== current.email) {
    const holder = await memberIdByEmail(ctx.db, ctx.workspaceId, email);
    if (holder && holder !== input.id) throw emailTaken(email, holder);
  }
  const next: Member = { ...current, ...input.patch, updatedAt: ctx.now.toISOString() };
  await saveMember(ctx.db, ctx.workspaceId, next);
  return next;
}
