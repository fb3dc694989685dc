import { and, asc, eq } from 'drizzle-orm';
import type { Side } from '../../domain/constants';
import { ConflictError, InvalidError, NotFoundError } from '../../domain/errors';
import { thing } from '../../domain/i18n';
import type { CreateMember, Member, UpdateMember } from '../../domain/members';
import { newId } from '../../platform/ids';
import type { Database } from '../client';
import { isUniqueViolation } from '../conflict';
import { members } from '../schema';

function toMember({ workspaceId: _scope, ...member }: typeof members.$inferSelect): Member {
  return member;
}

async function assertEmailFree(db: Database, workspaceId: string, email: string, exceptId?: string) {
  const clash = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.email, email)))
    .get();
  if (clash && clash.id !== exceptId) {
    throw new ConflictError(`A member with e-mail ${email} already exists.`, { memberId: clash.id });
  }
}

export async function createMember(
  db: Database,
  workspaceId: string,
  input: CreateMember,
  now: Date,
): Promise<Member> {
  await assertEmailFree(db, workspaceId, input.email);
  const at = now.toISOString();
  const row = { id: newId('mem', now.getTime()), workspaceId, ...input, createdAt: at, updatedAt: at };
  try {
    await db.insert(members).values(row);
  } catch (error) {
    // Two requests for the same e-mail at once: the index decides, the loser gets the same 409.
    if (isUniqueViolation(error))
      throw new ConflictError(`A member with e-mail ${input.email} already exists.`);
    throw error;
  }
  return toMember(row);
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

export async function getMember(db: Database, workspaceId: string, memberId: string): Promise<Member> {
  const row = await db
    .select()
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.workspaceId, workspaceId)))
    .get();
  if (!row) throw new NotFoundError(thing('member'));
  return toMember(row);
}

/** For references inside a request body: a missing member is the body's fault (422 on `field`), not a 404. */
export async function requireMember(
  db: Database,
  workspaceId: string,
  memberId: string,
  field: string,
): Promise<Member> {
  try {
    return await getMember(db, workspaceId, memberId);
  } catch (error) {
    if (error instanceof NotFoundError) {
      throw new InvalidError('The member does not exist in this workspace.', [
        { path: field, message: `No member ${memberId} in this workspace.` },
      ]);
    }
    throw error;
  }
}

export async function updateMember(
  db: Database,
  workspaceId: string,
  memberId: string,
  patch: UpdateMember,
  now: Date,
): Promise<Member> {
  const current = await getMember(db, workspaceId, memberId);
  if (patch.email && patch.email !== current.email)
    await assertEmailFree(db, workspaceId, patch.email, memberId);
  const next = { ...current, ...patch, updatedAt: now.toISOString() };
  await db
    .update(members)
    .set({
      name: next.name,
      email: next.email,
      side: next.side,
      active: next.active,
      updatedAt: next.updatedAt,
    })
    .where(and(eq(members.id, memberId), eq(members.workspaceId, workspaceId)))
    .run();
  return next;
}
