import { and, asc, eq } from 'drizzle-orm';
import type { Side } from '../../domain/constants';
import { missing } from '../../domain/errors';
import type { Member } from '../../domain/members';
import type { Database } from '../client';
import { isUniqueViolation } from '../conflict';
import { members } from '../schema';

function toMember({ workspaceId: _scope, ...member }: typeof members.$inferSelect): Member {
  return member;
}

/** The member holding this e-mail in the workspace, if any. */
export async function memberIdByEmail(
  db: Database,
  workspaceId: string,
  email: string,
): Promise<string | undefined> {
  const row = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.email, email)))
    .get();
  return row?.id;
}

/** Stores a new member; `false` when the e-mail's unique index refused it (another request won the race). */
export async function insertMember(db: Database, member: Member & { workspaceId: string }): Promise<boolean> {
  try {
    await db.insert(members).values(member);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function listMembers(
  db: Database,
  workspaceId: string,
  filter: { side?: Side; active?: boolean } = {},
): Promise<Member[]> {
  const conditions = [eq(members.workspaceId, workspaceId)];
  if (filter.side) conditions.push(eq(members.side, filter.side));
  if (filter.active !== undefined) conditions.push(eq(members.active, filter.active));
  const rows = await db
    .select()
    .from(members)
    .where(and(...conditions))
    .orderBy(asc(members.createdAt), asc(members.id))
    .all();
  return rows.map(toMember);
}

/** The member, or undefined when the workspace has none by that id. */
export async function findMember(
  db: Database,
  workspaceId: string,
  memberId: string,
): Promise<Member | undefined> {
  const row = await db
    .select()
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.workspaceId, workspaceId)))
    .get();
  return row ? toMember(row) : undefined;
}

/** The member, or a 404 naming it. */
export async function getMember(db: Database, workspaceId: string, memberId: string): Promise<Member> {
  const member = await findMember(db, workspaceId, memberId);
  if (!member) throw missing('member');
  return member;
}

/** Writes a member's changed fields. */
export async function saveMember(db: Database, workspaceId: string, member: Member): Promise<void> {
  await db
    .update(members)
    .set({
      name: member.name,
      email: member.email,
      side: member.side,
      active: member.active,
      updatedAt: member.updatedAt,
    })
    .where(and(eq(members.id, member.id), eq(members.workspaceId, workspaceId)))
    .run();
}
