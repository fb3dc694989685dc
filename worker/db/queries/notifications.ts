import { and, asc, eq, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { missing } from '../../domain/errors';
import type { NewPersonKey } from '../../domain/privacy';
import { OUTBOX_RETENTION_MS } from '../../domain/retention';
import { type Channel, maskedUrl, type OutboxStep } from '../../domain/sla';
import { newId } from '../../platform/ids';
import { webHost } from '../../platform/web-host';
import { runBatch, type Statement } from '../batch';
import type { Database } from '../client';
import { notificationChannels, notificationOutbox, personKeys } from '../schema';
import { destroyPersonKeys } from './privacy-keys';

export type ChannelRow = typeof notificationChannels.$inferSelect;
export type OutboxRow = typeof notificationOutbox.$inferSelect;

export function channelOfRow(row: ChannelRow): Channel {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    url: maskedUrl(row.kind, row.url, webHost),
    memberId: row.memberId,
    topics: row.topics,
    createdAt: row.createdAt,
  };
}

/** Stores a channel as given (the service checked it); answers it masked, with its secret once. */
export async function insertChannel(
  db: Database,
  row: ChannelRow,
): Promise<Channel & { secret: string | null }> {
  await db.insert(notificationChannels).values(row);
  return { ...channelOfRow(row), secret: row.secret };
}

export async function listChannels(db: Database, workspaceId: string): Promise<Channel[]> {
  const rows = await db
    .select()
    .from(notificationChannels)
    .where(and(eq(notificationChannels.workspaceId, workspaceId), isNull(notificationChannels.deletedAt)))
    .orderBy(asc(notificationChannels.createdAt))
    .all();
  return rows.map(channelOfRow);
}

/** The channels a workspace's messages go to, secrets included (for the sweep). */
export async function activeChannelRows(db: Database, workspaceId: string): Promise<ChannelRow[]> {
  return db
    .select()
    .from(notificationChannels)
    .where(and(eq(notificationChannels.workspaceId, workspaceId), isNull(notificationChannels.deletedAt)))
    .all();
}

/** Stops a channel at once; messages still queued for it are dropped at their next try. */
export async function deleteChannel(db: Database, workspaceId: string, id: string, now: Date): Promise<void> {
  const result = await db
    .update(notificationChannels)
    .set({ deletedAt: now.toISOString() })
    .where(
      and(
        eq(notificationChannels.id, id),
        eq(notificationChannels.workspaceId, workspaceId),
        isNull(notificationChannels.deletedAt),
      ),
    )
    .run();
  if (result.meta.changes === 0) throw missing('channel');
}

/** One message for the outbox: rendered now, sealed with its own key, sent (and re-sent) by the sweep. */
export interface OutboxMessage {
  workspaceId: string;
  key: string;
  channelId: string;
  topic: string;
  /** Sealed with `bodyKey` (slot `message:<key>`). */
  body: string;
  bodyKey: NewPersonKey;
  /** The leads the body names. */
  namedLeads: readonly string[];
}

/**
 * Queues a message and its body's key unless a message with the same key
 * exists, and only while `guard` holds (for the sweep: the transition that
 * caused it was written just before), so a message exists exactly when its
 * transition does.
 */
export function enqueueStatements(db: Database, message: OutboxMessage, now: Date, guard: SQL): Statement[] {
  const at = now.toISOString();
  // Insert-selects name every column in the schema's order: the selects list them so. The key follows the
  // message only when the message was inserted (changes() of the statement before, in the same batch), so a
  // repeat leaves no key that seals nothing and reads nothing more.
  return [
    // id, workspace, key, channel, topic, body, body key, named leads, status, attempts, next try, error, created,
    // delivered.
    db
      .insert(notificationOutbox)
      .select(
        sql`select ${newId('msg', now.getTime())}, ${message.workspaceId}, ${message.key}, ${message.channelId},
          ${message.topic}, ${message.body}, ${message.bodyKey.id}, ${JSON.stringify(message.namedLeads)}, 'pending',
          0, ${at}, null, ${at}, null
        where ${guard}`,
      )
      .onConflictDoNothing(),
    db
      .insert(personKeys)
      .select(
        sql`select ${message.workspaceId}, ${message.bodyKey.id}, ${message.bodyKey.leadId}, ${message.bodyKey.wrapped},
          ${at} where changes() = 1`,
      )
      .onConflictDoNothing(),
  ];
}

/** A message's sealed body and key, as the sender opens it. */
export interface SealedBody {
  workspaceId: string;
  key: string;
  body: string;
  bodyKey: string | null;
}

/** Opens a message's body for sending; null when its key is gone (a person it names was erased). */
export type OpenBody = (messages: readonly SealedBody[]) => Promise<Map<string, string | null>>;

/** The end of a message's body: its key destroyed, the sealed text forgotten. */
function forgetBody(db: Database, message: { workspaceId: string; id: string; bodyKey: string | null }) {
  return [
    ...destroyPersonKeys(db, message.workspaceId, message.bodyKey ? [message.bodyKey] : []),
    db
      .update(notificationOutbox)
      .set({ body: '', bodyKey: null })
      .where(
        and(eq(notificationOutbox.id, message.id), eq(notificationOutbox.workspaceId, message.workspaceId)),
      ),
  ];
}

/**
 * Erasing people: every message naming one of them loses its body and key, and one still to be
 * sent is never sent.
 */
export async function eraseMessagesStatements(
  db: Database,
  workspaceId: string,
  leadIds: readonly string[],
  erasedLabel: string,
): Promise<Statement[]> {
  if (leadIds.length === 0) return [];
  const named = await db
    .select({
      id: notificationOutbox.id,
      bodyKey: notificationOutbox.bodyKey,
      status: notificationOutbox.status,
    })
    .from(notificationOutbox)
    .where(
      and(
        eq(notificationOutbox.workspaceId, workspaceId),
        sql`exists (select 1 from json_each(${notificationOutbox.namedLeads}) n where n.value in ${leadIds})`,
      ),
    )
    .all();
  return named.flatMap((m) => [
    ...forgetBody(db, { workspaceId, ...m }),
    ...(m.status === 'pending'
      ? [
          db
            .update(notificationOutbox)
            .set({ status: 'failed', lastError: erasedLabel })
            .where(and(eq(notificationOutbox.id, m.id), eq(notificationOutbox.workspaceId, workspaceId))),
        ]
      : []),
  ]);
}

/** The messages due at `at`, oldest first (cross-workspace by design: the sweep serves every workspace of this database). */
export async function dueMessages(db: Database, at: string, limit: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.status, 'pending'), lte(notificationOutbox.nextAttemptAt, at)))
    .orderBy(asc(notificationOutbox.nextAttemptAt))
    .limit(limit)
    .all();
}

/**
 * Claims due messages by moving their next try to `lease`: one claim per message, by primary key
 * (across workspaces, like the read; every later write names the workspace), holding only while it
 * is as read, so a concurrent sweep's claim changes nothing. One `update … where id in (…)
 * returning` read each row four times; this reads it once. Answers the claimed ones, as claimed.
 */
export async function claimMessages(
  db: Database,
  due: readonly OutboxRow[],
  lease: string,
): Promise<OutboxRow[]> {
  const claims = (await runBatch(
    db,
    due.map((m) =>
      db
        .update(notificationOutbox)
        .set({ nextAttemptAt: lease, attempts: sql`${notificationOutbox.attempts} + 1` })
        .where(
          and(
            eq(notificationOutbox.id, m.id),
            eq(notificationOutbox.status, 'pending'),
            eq(notificationOutbox.nextAttemptAt, m.nextAttemptAt),
          ),
        ),
    ),
  )) as { meta: { changes: number } }[];
  return due
    .filter((_, i) => claims[i]?.meta.changes === 1)
    .map((m) => ({ ...m, attempts: m.attempts + 1, nextAttemptAt: lease }));
}

/** The channels these messages go to, by id: one read per workspace among them. */
export async function channelsOfMessages(
  db: Database,
  messages: readonly OutboxRow[],
): Promise<Map<string, ChannelRow>> {
  const channelIds = [...new Set(messages.map((m) => m.channelId))];
  const channels = new Map<string, ChannelRow>();
  for (const workspaceId of new Set(messages.map((m) => m.workspaceId))) {
    const rows = await db
      .select()
      .from(notificationChannels)
      .where(
        and(eq(notificationChannels.workspaceId, workspaceId), inArray(notificationChannels.id, channelIds)),
      )
      .all();
    for (const row of rows) channels.set(row.id, row);
  }
  return channels;
}

/** A try's step written: sent or given up, a body is needed no more and goes with its key, in the same batch. */
export function outboxStepStatements(
  db: Database,
  message: OutboxRow,
  step: OutboxStep,
  now: Date,
): Statement[] {
  const where = and(
    eq(notificationOutbox.id, message.id),
    eq(notificationOutbox.workspaceId, message.workspaceId),
  );
  if (step.status === 'retry') {
    return [
      db
        .update(notificationOutbox)
        .set({ nextAttemptAt: step.retryAt.toISOString(), lastError: step.error })
        .where(where),
    ];
  }
  const forgotten = { body: '', bodyKey: null };
  const keyGone = destroyPersonKeys(db, message.workspaceId, message.bodyKey ? [message.bodyKey] : []);
  const set =
    step.status === 'delivered'
      ? { status: 'delivered' as const, deliveredAt: now.toISOString(), lastError: null, ...forgotten }
      : { status: 'failed' as const, lastError: step.error, ...forgotten };
  return [db.update(notificationOutbox).set(set).where(where), ...keyGone];
}

/** Forgets delivered and failed messages past their retention, a chunk at a time through the created_at index. */
export async function purgeOutbox(db: Database, now: Date, chunk = 1000): Promise<number> {
  const before = new Date(now.getTime() - OUTBOX_RETENTION_MS).toISOString();
  let total = 0;
  for (;;) {
    const result = await db.run(
      sql`delete from notification_outbox where rowid in (select rowid from notification_outbox where created_at < ${before} and status != 'pending' limit ${chunk})`,
    );
    const changed = result.meta.changes ?? 0;
    total += changed;
    if (changed < chunk) return total;
  }
}
