import { and, asc, eq } from 'drizzle-orm';
import type { RoutingCandidate, RoutingRule } from '../../domain/ledger/routing';
import type { Database } from '../client';
import { members, routing } from '../schema';

export interface RoutingState {
  rules: RoutingRule[];
  lastMemberId: string | null;
  candidates: RoutingCandidate[];
}

/** Active sales members in creation order (round robin's ring) plus the workspace's rules and cursor. */
export async function loadRouting(db: Database, workspaceId: string): Promise<RoutingState> {
  const [row, sales] = await Promise.all([
    db.select().from(routing).where(eq(routing.workspaceId, workspaceId)).get(),
    db
      .select({ memberId: members.id })
      .from(members)
      .where(and(eq(members.workspaceId, workspaceId), eq(members.side, 'sales'), eq(members.active, true)))
      .orderBy(asc(members.createdAt), asc(members.id))
      .all(),
  ]);
  return {
    rules: (row?.rules ?? []) as RoutingRule[],
    lastMemberId: row?.lastMemberId ?? null,
    candidates: sales,
  };
}

export function advanceCursorStatement(db: Database, workspaceId: string, memberId: string, now: Date) {
  return db
    .insert(routing)
    .values({ workspaceId, rules: [], lastMemberId: memberId, updatedAt: now.toISOString() })
    .onConflictDoUpdate({
      target: routing.workspaceId,
      set: { lastMemberId: memberId, updatedAt: now.toISOString() },
    });
}

export async function saveRoutingRules(
  db: Database,
  workspaceId: string,
  rules: RoutingRule[],
  now: Date,
): Promise<void> {
  await db
    .insert(routing)
    .values({ workspaceId, rules, lastMemberId: null, updatedAt: now.toISOString() })
    .onConflictDoUpdate({ target: routing.workspaceId, set: { rules, updatedAt: now.toISOString() } });
}
