import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { ActiveAgreement } from '../../../domain/agreement';
import {
  GOVERNANCE_DEADLINE_KINDS,
  type GovernanceChange,
  type GovernancePlan,
  OPEN_DEADLINE_STATUSES,
} from '../../../domain/sla';
import { newId } from '../../../platform/ids';
import type { Statement } from '../../batch';
import type { Database } from '../../client';
import { agreementVersions, slaDeadlines, slaSweepState, slaTransitions } from '../../schema';
import type { DeadlineRow } from './due';

const STATE_ID = 'sweep';

export function insertGovernanceStatement(
  db: Database,
  workspaceId: string,
  plan: GovernancePlan,
  ownerId: string | null,
  version: number,
  now: Date,
): Statement {
  const at = now.toISOString();
  return db
    .insert(slaDeadlines)
    .values({
      id: newId('sla', now.getTime()),
      workspaceId,
      key: plan.key,
      leadId: null,
      kind: plan.kind,
      status: 'pending',
      agreementVersion: version,
      ownerId,
      startedAt: plan.startedAt,
      dueSoonAt: plan.dueSoonAt,
      dueAt: plan.dueAt,
      escalateAt: null,
      nextAt: plan.dueSoonAt,
      createdAt: at,
      updatedAt: at,
    })
    .onConflictDoNothing();
}

/** The workspace's open team deadlines, by the kind index; never its leads'. */
export async function openGovernanceRows(db: Database, workspaceId: string): Promise<DeadlineRow[]> {
  return db
    .select()
    .from(slaDeadlines)
    .where(
      and(
        eq(slaDeadlines.workspaceId, workspaceId),
        inArray(slaDeadlines.kind, [...GOVERNANCE_DEADLINE_KINDS]),
        inArray(slaDeadlines.status, [...OPEN_DEADLINE_STATUSES]),
      ),
    )
    .all();
}

/** The statements that carry out the domain's governance changes, each guarded by the status it was read in. */
export function governanceStatements(
  db: Database,
  workspaceId: string,
  changes: readonly GovernanceChange[],
  version: number,
  now: Date,
): Statement[] {
  const at = now.toISOString();
  return changes.flatMap((c): Statement[] => {
    if (c.change === 'insert')
      return [insertGovernanceStatement(db, workspaceId, c.plan, c.ownerId, version, now)];
    const still = and(
      eq(slaDeadlines.id, c.row.id),
      eq(slaDeadlines.workspaceId, workspaceId),
      eq(slaDeadlines.status, c.row.status),
    );
    if (c.change === 'update') {
      const move = c.moveTo;
      return [
        db
          .update(slaDeadlines)
          .set({
            ownerId: c.ownerId,
            ...(move ? { dueAt: move.dueAt, dueSoonAt: move.dueSoonAt, nextAt: move.dueSoonAt } : {}),
            updatedAt: at,
          })
          .where(still),
      ];
    }
    return [
      db
        .insert(slaTransitions)
        .select(
          sql`select id || ':settled', workspace_id, id, null, kind, 'settled', status, ${c.status}, owner_id,
            ${c.settledAt}, ${at}
          from sla_deadlines where id = ${c.row.id} and workspace_id = ${workspaceId} and status = ${c.row.status}`,
        )
        .onConflictDoNothing(),
      db
        .update(slaDeadlines)
        .set({ status: c.status, settledAt: c.settledAt, nextAt: null, updatedAt: at })
        .where(still),
    ];
  });
}

/** Where the previous governance pass stopped ('' at the start). */
export async function governanceCursor(db: Database): Promise<string> {
  const state = await db.select().from(slaSweepState).where(eq(slaSweepState.id, STATE_ID)).get();
  return state?.governanceCursor ?? '';
}

/**
 * The next `limit` workspaces after `after` that run under a signed agreement,
 * with that agreement, so the pass reads each one once. Cross-workspace by
 * design; the partial unique index on active versions serves it.
 */
export async function activeAgreementsAfter(
  db: Database,
  after: string,
  limit: number,
): Promise<{ workspaceId: string; active: ActiveAgreement }[]> {
  const rows = await db
    .select({
      workspaceId: agreementVersions.workspaceId,
      number: agreementVersions.number,
      hash: agreementVersions.hash,
      activatedAt: agreementVersions.activatedAt,
      content: agreementVersions.content,
    })
    .from(agreementVersions)
    .where(and(eq(agreementVersions.status, 'active'), gt(agreementVersions.workspaceId, after)))
    .orderBy(asc(agreementVersions.workspaceId))
    .limit(limit)
    .all();
  return rows.map((r) => ({
    workspaceId: r.workspaceId,
    active: { version: r.number, hash: r.hash, activatedAt: r.activatedAt ?? '', content: r.content },
  }));
}

/** Remembers where the pass stopped and when the sweep last ran (never moving that time back). */
export async function saveGovernanceCursor(db: Database, cursor: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insert(slaSweepState)
    .values({ id: STATE_ID, lastRunAt: at, governanceCursor: cursor, updatedAt: at })
    .onConflictDoUpdate({
      target: slaSweepState.id,
      set: {
        lastRunAt: sql`max(${slaSweepState.lastRunAt}, ${at})`,
        governanceCursor: cursor,
        updatedAt: at,
      },
    });
}
