import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { LeadState, LedgerEvent } from '../../domain/ledger/lead';
import {
  type DeadlineKind,
  type DeadlinePlan,
  type DeadlineStatus,
  LEAD_DEADLINE_KINDS,
  OPEN_DEADLINE_STATUSES,
  settlementsOf,
  summarizeDeadlines,
} from '../../domain/sla';
import { newId } from '../../platform/ids';
import type { Statement } from '../batch';
import type { Database } from '../client';
import { type InsertRows, insertStatements } from '../insert-rows';
import { keysetAfter } from '../keyset';
import { slaDeadlines, slaTransitions } from '../schema';
import { chunks, inWorkspace } from '../scope';

type DeadlineRow = typeof slaDeadlines.$inferSelect;

const OPEN = sql.raw(`('pending', 'due_soon', 'breached')`);

/** A deadline as the API shows it. */
export interface Deadline {
  id: string;
  kind: DeadlineKind;
  status: DeadlineStatus;
  leadId: string | null;
  ownerId: string | null;
  agreementVersion: number | null;
  startedAt: string;
  dueSoonAt: string;
  dueAt: string;
  escalateAt: string | null;
  breachedAt: string | null;
  escalatedAt: string | null;
  settledAt: string | null;
  requiredAttempts: number | null;
  requiredChannels: number | null;
}

export function deadlineOfRow(row: DeadlineRow): Deadline {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    leadId: row.leadId,
    ownerId: row.ownerId,
    agreementVersion: row.agreementVersion,
    startedAt: row.startedAt,
    dueSoonAt: row.dueSoonAt,
    dueAt: row.dueAt,
    escalateAt: row.escalateAt,
    breachedAt: row.breachedAt,
    escalatedAt: row.escalatedAt,
    settledAt: row.settledAt,
    requiredAttempts: row.requiredAttempts,
    requiredChannels: row.requiredChannels,
  };
}

// ---------------------------------------------------------------------------
// Writers: called by appendStatements, so every event lands with its SLA effects in one batch.

function plansOf(event: LedgerEvent): DeadlinePlan[] {
  const list = event.payload.deadlines;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (d): d is DeadlinePlan =>
      typeof d === 'object' &&
      d !== null &&
      (LEAD_DEADLINE_KINDS as readonly string[]).includes((d as DeadlinePlan).kind) &&
      typeof (d as DeadlinePlan).dueAt === 'string',
  );
}

/** Event times are whatever the writer gave; deadlines compare as canonical ISO text. */
function canonical(at: string): string {
  const t = Date.parse(at);
  return Number.isFinite(t) ? new Date(t).toISOString() : at;
}

/**
 * Settles the lead's open deadlines of `kinds` at `at` (met when `at` is not
 * after the due time, else met late), recording the transition first: both
 * statements select the same open rows, so the transition exists exactly when
 * the status changed, and its `<deadline>:settled` id makes a replay a no-op.
 */
function settleStatements(
  db: Database,
  workspaceId: string,
  leadId: string,
  kinds: readonly DeadlineKind[] | null,
  at: string,
  recordedAt: string,
  extra: ((table: string) => SQL) | null,
  cancel: boolean,
): Statement[] {
  // The same conditions for the insert (table aliased `d`) and the update (table named): `t` is the column prefix.
  const where = (t: string) => {
    const c = (column: string) => sql.raw(`${t}.${column}`);
    const kindFilter = kinds
      ? sql` and ${c('kind')} in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})`
      : sql``;
    return sql`${c('workspace_id')} = ${workspaceId} and ${c('lead_id')} = ${leadId} and ${c('status')} in ${OPEN}${kindFilter}${extra ? extra(t) : sql``}`;
  };
  const outcome = (t: string) =>
    cancel
      ? sql`'cancelled'`
      : sql`case when ${sql.raw(`${t}.due_at`)} >= ${at} then 'met' else 'met_late' end`;
  const step = cancel ? 'cancelled' : 'settled';
  return [
    db
      .insert(slaTransitions)
      .select(
        sql`select d.id || ':' || ${step}, d.workspace_id, d.id, d.lead_id, d.kind, ${step}, d.status, ${outcome('d')},
          d.owner_id, ${at}, ${recordedAt}
        from sla_deadlines d where ${where('d')}`,
      )
      .onConflictDoNothing(),
    db
      .update(slaDeadlines)
      .set({ status: sql`${outcome('sla_deadlines')}`, settledAt: at, nextAt: null, updatedAt: recordedAt })
      .where(where('sla_deadlines')),
  ];
}

/**
 * The SLA side of appending `events` to a lead (worker/db/queries/leads.ts,
 * `appendStatements`): an `mql` event inserts the deadlines its payload
 * carries; `assigned` moves open deadlines to the new owner; an attempt meets
 * the first touch and, once the agreement's minimum attempts over its minimum
 * channels are logged, the attempt rule; a decision settles whatever is open;
 * erasure cancels it. Runs after the events in the same batch, so the attempt
 * rule counts the attempts just appended.
 */
export function slaStatementsForEvents(
  db: Database,
  workspaceId: string,
  fromSeq: number,
  next: LeadState,
  events: readonly LedgerEvent[],
  recordedAt: Date,
  /**
   * Where a judge writing a round of leads gathers the new deadlines. Used only when no event settles
   * anything: a settlement must never meet a deadline inserted after it in the event order.
   */
  into?: InsertRows,
): Statement[] {
  const now = recordedAt.toISOString();
  const out: Statement[] = [];
  const gather = into && events.every((event) => settlementsOf(event).length === 0) ? into : undefined;
  events.forEach((event, i) => {
    const seq = fromSeq + i + 1;
    if (event.type === 'mql') {
      const rows = plansOf(event).map((plan) => ({
        id: newId('sla', recordedAt.getTime()),
        workspaceId,
        key: `${next.id}:${plan.kind}:${seq}`,
        leadId: next.id,
        kind: plan.kind,
        status: 'pending' as const,
        agreementVersion: event.agreementVersion,
        ownerId: next.ownerId,
        startedAt: plan.startedAt,
        dueSoonAt: plan.dueSoonAt,
        dueAt: plan.dueAt,
        escalateAt: plan.escalateAt,
        nextAt: plan.dueSoonAt,
        requiredAttempts: plan.minAttempts ?? null,
        requiredChannels: plan.minChannels ?? null,
        createdAt: now,
        updatedAt: now,
      }));
      // Gathered, they are inserted before this lead's owner updates, which set the same final owner.
      if (gather) gather.add(slaDeadlines, rows, { ignoreConflicts: true });
      else out.push(...insertStatements(db, slaDeadlines, rows, { ignoreConflicts: true }));
    }
    // A new lead's deadlines are all inserted here, already with its final owner: nothing to update.
    if (event.type === 'assigned' && typeof event.payload.memberId === 'string' && fromSeq > 0) {
      out.push(
        db
          .update(slaDeadlines)
          .set({ ownerId: event.payload.memberId, updatedAt: now })
          .where(
            and(
              eq(slaDeadlines.workspaceId, workspaceId),
              eq(slaDeadlines.leadId, next.id),
              inArray(slaDeadlines.status, [...OPEN_DEADLINE_STATUSES]),
            ),
          ),
      );
    }
    const at = canonical(event.occurredAt);
    for (const settlement of settlementsOf(event)) {
      switch (settlement.type) {
        case 'meet':
          out.push(...settleStatements(db, workspaceId, next.id, settlement.kinds, at, now, null, false));
          break;
        case 'meet_attempt_rule': {
          const rule = (t: string) => {
            const c = (column: string) => sql.raw(`${t}.${column}`);
            const attempts = sql`from lead_events e where e.workspace_id = ${c('workspace_id')}
              and e.lead_id = ${c('lead_id')} and e.type = 'attempt' and e.seq <= ${seq}`;
            return sql` and (select count(*) ${attempts}) >= coalesce(${c('required_attempts')}, 1)
              and (select count(distinct json_extract(e.payload, '$.channel')) ${attempts}) >= coalesce(${c('required_channels')}, 1)`;
          };
          out.push(...settleStatements(db, workspaceId, next.id, ['attempts'], at, now, rule, false));
          break;
        }
        case 'meet_all':
          out.push(...settleStatements(db, workspaceId, next.id, null, at, now, null, false));
          break;
        case 'cancel_all':
          out.push(...settleStatements(db, workspaceId, next.id, null, at, now, null, true));
          break;
      }
    }
  });
  return out;
}

// ---------------------------------------------------------------------------
// Readers

/** A lead's deadlines, first due first, with its next deadline and worst status. */
export async function leadDeadlines(db: Database, workspaceId: string, leadId: string) {
  const rows = await db
    .select()
    .from(slaDeadlines)
    .where(and(eq(slaDeadlines.workspaceId, workspaceId), eq(slaDeadlines.leadId, leadId)))
    .orderBy(asc(slaDeadlines.dueAt), asc(slaDeadlines.id))
    .all();
  const deadlines = rows.map(deadlineOfRow);
  const { next, worst } = summarizeDeadlines(deadlines);
  return { deadlines, next, worst };
}

/** Next deadline and worst status for each of a page of leads: one read through the lead index per 90 leads. */
export async function leadsSlaSummaries(
  db: Database,
  workspaceId: string,
  leadIds: readonly string[],
): Promise<Map<string, ReturnType<typeof summarizeDeadlines<Deadline>>>> {
  const byLead = new Map<string, Deadline[]>();
  for (const part of chunks(leadIds)) {
    const rows = await db
      .select()
      .from(slaDeadlines)
      .where(and(inWorkspace(slaDeadlines.workspaceId, workspaceId), inArray(slaDeadlines.leadId, part)))
      .orderBy(asc(slaDeadlines.dueAt), asc(slaDeadlines.id))
      .all();
    for (const row of rows) {
      const deadline = deadlineOfRow(row);
      if (!row.leadId) continue;
      byLead.set(row.leadId, [...(byLead.get(row.leadId) ?? []), deadline]);
    }
  }
  return new Map(leadIds.map((id) => [id, summarizeDeadlines(byLead.get(id) ?? [])]));
}

export interface DeadlineFilter {
  ownerId?: string;
  kind?: DeadlineKind;
  /** Defaults to the open ones (pending, due soon, breached). */
  status?: DeadlineStatus;
  cursor?: { key: string; id: string };
  limit: number;
}

/** Deadlines of the workspace by due time (keyset on due_at, id), served by the (workspace, [owner,] status, due) indexes. */
export async function listDeadlines(
  db: Database,
  workspaceId: string,
  filter: DeadlineFilter,
): Promise<Deadline[]> {
  const statuses = filter.status ? [filter.status] : [...OPEN_DEADLINE_STATUSES];
  const conditions: SQL[] = [
    eq(slaDeadlines.workspaceId, workspaceId),
    inArray(slaDeadlines.status, statuses),
  ];
  if (filter.ownerId) conditions.push(eq(slaDeadlines.ownerId, filter.ownerId));
  if (filter.kind) conditions.push(eq(slaDeadlines.kind, filter.kind));
  if (filter.cursor) conditions.push(keysetAfter(slaDeadlines.dueAt, slaDeadlines.id, filter.cursor));
  const rows = await db
    .select()
    .from(slaDeadlines)
    .where(and(...conditions))
    .orderBy(asc(slaDeadlines.dueAt), asc(slaDeadlines.id))
    .limit(filter.limit)
    .all();
  return rows.map(deadlineOfRow);
}
