import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { SheetErrorCode } from '../../domain/live-sheet';
import { READS_PER_MINUTE, WRITES_PER_MINUTE } from '../../domain/live-sheet';
import { QUOTA_RETENTION_MS } from '../../domain/retention';
import type { Database } from '../client';
import { leadEvents, sheetConnections, sheetQuota, slaTransitions } from '../schema';

export type SheetConnectionRow = typeof sheetConnections.$inferSelect;

/** Positions in the two append-only logs a sheet has been written up to. */
export interface SheetCursor {
  events: number;
  transitions: number;
}

export async function getSheetConnection(
  db: Database,
  workspaceId: string,
): Promise<SheetConnectionRow | null> {
  return (
    (await db.select().from(sheetConnections).where(eq(sheetConnections.workspaceId, workspaceId)).get()) ??
    null
  );
}

/** Where the logs end now, for one workspace's new connection (a sheet starts live from here). */
export async function logEnds(db: Database): Promise<SheetCursor> {
  const [events, transitions] = await Promise.all([
    db.select({ at: sql<number | null>`max(rowid)` }).from(leadEvents).get(),
    db.select({ at: sql<number | null>`max(rowid)` }).from(slaTransitions).get(),
  ]);
  return { events: events?.at ?? 0, transitions: transitions?.at ?? 0 };
}

/**
 * Connects (or reconnects) the workspace's sheet. The same spreadsheet keeps its
 * cursor, so a fixed key or re-shared sheet resumes where it stopped; another
 * spreadsheet starts from `start`.
 */
export async function saveSheetConnection(
  db: Database,
  workspaceId: string,
  input: { spreadsheetId: string; serviceAccountEmail: string; credential: string | null },
  start: SheetCursor,
  now: Date,
): Promise<{ row: SheetConnectionRow; created: boolean }> {
  const at = now.toISOString();
  const existing = await getSheetConnection(db, workspaceId);
  const sameSheet = existing?.spreadsheetId === input.spreadsheetId;
  const row: SheetConnectionRow = {
    workspaceId,
    spreadsheetId: input.spreadsheetId,
    serviceAccountEmail: input.serviceAccountEmail,
    credential: input.credential,
    state: 'active',
    cursorEvents: sameSheet && existing ? existing.cursorEvents : start.events,
    cursorTransitions: sameSheet && existing ? existing.cursorTransitions : start.transitions,
    layout: sameSheet && existing ? existing.layout : null,
    lastPushAt: sameSheet && existing ? existing.lastPushAt : null,
    lastPushRows: sameSheet && existing ? existing.lastPushRows : null,
    lastAttemptAt: sameSheet && existing ? existing.lastAttemptAt : null,
    lastErrorCode: null,
    lastErrorDetail: null,
    lastErrorAt: null,
    failures: 0,
    retryAt: null,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  await db
    .insert(sheetConnections)
    .values(row)
    .onConflictDoUpdate({ target: sheetConnections.workspaceId, set: { ...row, createdAt: row.createdAt } });
  return { row, created: !existing };
}

export async function deleteSheetConnection(db: Database, workspaceId: string): Promise<boolean> {
  const gone = await db
    .delete(sheetConnections)
    .where(eq(sheetConnections.workspaceId, workspaceId))
    .returning({ id: sheetConnections.workspaceId });
  return gone.length > 0;
}

/** A connection the push job may write now, with where its logs end. */
export interface OwedSheet {
  connection: SheetConnectionRow;
  upTo: SheetCursor;
}

/**
 * Every connected sheet that is owed a write: its workspace has events or SLA
 * transitions past its cursor, and it is active (or stopped, and due for its
 * hourly probe). Cross-workspace by design, like the SLA sweep: one scan of
 * each log by rowid from the lowest cursor, so the cost follows what changed
 * since the last push, not the size of the ledger.
 */
export async function owedSheets(db: Database, now: Date): Promise<OwedSheet[]> {
  const at = now.toISOString();
  const connections = await db
    .select()
    .from(sheetConnections)
    .where(
      or(
        and(
          eq(sheetConnections.state, 'active'),
          or(sql`${sheetConnections.retryAt} is null`, lte(sheetConnections.retryAt, at)),
        ),
        and(eq(sheetConnections.state, 'stopped'), lte(sheetConnections.retryAt, at)),
      ),
    )
    .all();
  if (connections.length === 0) return [];
  const fromEvents = Math.min(...connections.map((c) => c.cursorEvents));
  const fromTransitions = Math.min(...connections.map((c) => c.cursorTransitions));
  const [events, transitions] = await Promise.all([
    db
      .select({ workspaceId: leadEvents.workspaceId, upTo: sql<number>`max(${leadEvents}.rowid)` })
      .from(leadEvents)
      .where(sql`${leadEvents}.rowid > ${fromEvents}`)
      .groupBy(leadEvents.workspaceId)
      .all(),
    db
      .select({ workspaceId: slaTransitions.workspaceId, upTo: sql<number>`max(${slaTransitions}.rowid)` })
      .from(slaTransitions)
      .where(sql`${slaTransitions}.rowid > ${fromTransitions} and ${slaTransitions.leadId} is not null`)
      .groupBy(slaTransitions.workspaceId)
      .all(),
  ]);
  const eventEnds = new Map(events.map((e) => [e.workspaceId, e.upTo]));
  const transitionEnds = new Map(transitions.map((t) => [t.workspaceId, t.upTo]));
  return connections.flatMap((connection) => {
    const upTo = {
      events: Math.max(connection.cursorEvents, eventEnds.get(connection.workspaceId) ?? 0),
      transitions: Math.max(connection.cursorTransitions, transitionEnds.get(connection.workspaceId) ?? 0),
    };
    const owed = upTo.events > connection.cursorEvents || upTo.transitions > connection.cursorTransitions;
    return owed ? [{ connection, upTo }] : [];
  });
}

/**
 * The leads of a workspace that changed in (from, upTo]: new events, or SLA
 * transitions of their deadlines. The unary `+` keeps SQLite on the rowid
 * range (the log's newest rows) rather than the workspace's whole history.
 */
export async function changedLeadIds(
  db: Database,
  workspaceId: string,
  from: SheetCursor,
  upTo: SheetCursor,
): Promise<{ leadIds: string[]; urgent: Set<string> }> {
  const [events, transitions] = await Promise.all([
    upTo.events > from.events
      ? db
          .selectDistinct({ leadId: leadEvents.leadId })
          .from(leadEvents)
          .where(
            sql`${leadEvents}.rowid > ${from.events} and ${leadEvents}.rowid <= ${upTo.events} and +${leadEvents.workspaceId} = ${workspaceId}`,
          )
          .all()
      : Promise.resolve([]),
    upTo.transitions > from.transitions
      ? db
          .selectDistinct({ leadId: slaTransitions.leadId })
          .from(slaTransitions)
          .where(
            sql`${slaTransitions}.rowid > ${from.transitions} and ${slaTransitions}.rowid <= ${upTo.transitions} and +${slaTransitions.workspaceId} = ${workspaceId} and ${slaTransitions.leadId} is not null`,
          )
          .all()
      : Promise.resolve([]),
  ]);
  const urgent = new Set(transitions.map((t) => t.leadId).filter((id): id is string => id !== null));
  const leadIds = [...new Set([...events.map((e) => e.leadId), ...urgent])];
  return { leadIds, urgent };
}

/** The minute a quota claim counts in: `2026-12-01T18:05`. */
export function quotaMinute(now: Date): string {
  return now.toISOString().slice(0, 16);
}

/** Requests each account has spent this minute. */
export async function quotaUsed(
  db: Database,
  accounts: readonly string[],
  now: Date,
): Promise<Map<string, { reads: number; writes: number }>> {
  const minute = quotaMinute(now);
  const rows =
    accounts.length === 0
      ? []
      : await db
          .select()
          .from(sheetQuota)
          .where(and(eq(sheetQuota.minute, minute), inArray(sheetQuota.serviceAccountEmail, [...accounts])))
          .all();
  const used = new Map(accounts.map((a) => [a, { reads: 0, writes: 0 }]));
  for (const r of rows) used.set(r.serviceAccountEmail, { reads: r.reads, writes: r.writes });
  return used;
}

/**
 * Takes one request from the account's minute, atomically: the increment only
 * happens below the limit, so concurrent or repeated sweeps together never
 * exceed Google's quota.
 */
export async function claimQuota(
  db: Database,
  account: string,
  now: Date,
  kind: 'read' | 'write',
): Promise<boolean> {
  const minute = quotaMinute(now);
  const column = kind === 'read' ? sheetQuota.reads : sheetQuota.writes;
  const limit = kind === 'read' ? READS_PER_MINUTE : WRITES_PER_MINUTE;
  const [, claimed] = await db.batch([
    db
      .insert(sheetQuota)
      .values({ serviceAccountEmail: account, minute, reads: 0, writes: 0 })
      .onConflictDoNothing(),
    db
      .update(sheetQuota)
      .set(kind === 'read' ? { reads: sql`${column} + 1` } : { writes: sql`${column} + 1` })
      .where(
        and(
          eq(sheetQuota.serviceAccountEmail, account),
          eq(sheetQuota.minute, minute),
          sql`${column} < ${limit}`,
        ),
      )
      .returning({ minute: sheetQuota.minute }),
  ]);
  return claimed.length > 0;
}

/** Quota rows of past minutes are of no use; the daily housekeeping drops those past the retention. */
export async function purgeQuota(db: Database, now: Date): Promise<number> {
  const cutoff = quotaMinute(new Date(now.getTime() - QUOTA_RETENTION_MS));
  const gone = await db
    .delete(sheetQuota)
    .where(sql`${sheetQuota.minute} < ${cutoff}`)
    .returning({ minute: sheetQuota.minute });
  return gone.length;
}

/** Google accepted the write: the cursor moves to what it held, and the error clears. */
export async function recordPushSuccess(
  db: Database,
  connection: SheetConnectionRow,
  upTo: SheetCursor,
  result: { rows: number; layout: Record<string, number> | null; credential?: string | null },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .update(sheetConnections)
    .set({
      state: 'active',
      cursorEvents: upTo.events,
      cursorTransitions: upTo.transitions,
      layout: result.layout,
      ...(result.rows > 0 ? { lastPushAt: at, lastPushRows: result.rows } : {}),
      ...(result.credential !== undefined ? { credential: result.credential } : {}),
      lastAttemptAt: at,
      lastErrorCode: null,
      lastErrorDetail: null,
      lastErrorAt: null,
      failures: 0,
      retryAt: null,
      updatedAt: at,
    })
    // Only if nobody reconnected or moved it meanwhile.
    .where(
      and(
        eq(sheetConnections.workspaceId, connection.workspaceId),
        eq(sheetConnections.spreadsheetId, connection.spreadsheetId),
        eq(sheetConnections.cursorEvents, connection.cursorEvents),
        eq(sheetConnections.cursorTransitions, connection.cursorTransitions),
      ),
    );
}

/** A failed push: the cursor stays; a stopping error stops the sheet, a busy Google waits `retryAt`. */
export async function recordPushFailure(
  db: Database,
  connection: SheetConnectionRow,
  failure: { code: SheetErrorCode; detail: string; stop: boolean; retryAt: Date | null },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .update(sheetConnections)
    .set({
      state: failure.stop ? 'stopped' : connection.state,
      lastAttemptAt: at,
      lastErrorCode: failure.code,
      lastErrorDetail: failure.detail.slice(0, 500),
      lastErrorAt: at,
      failures: connection.failures + 1,
      retryAt: failure.retryAt?.toISOString() ?? null,
      updatedAt: at,
    })
    .where(
      and(
        eq(sheetConnections.workspaceId, connection.workspaceId),
        eq(sheetConnections.spreadsheetId, connection.spreadsheetId),
        eq(sheetConnections.updatedAt, connection.updatedAt),
      ),
    );
}
