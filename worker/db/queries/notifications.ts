import { and, asc, eq, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { missing } from '../../domain/errors';
import { errorTextWithoutValues, type NewPersonKey } from '../../domain/privacy';
import { OUTBOX_RETENTION_MS } from '../../domain/retention';
import {
  backoffMs,
  type Channel,
  type ChannelKind,
  DELIVERY_BACKOFF_BASE_MS,
  DELIVERY_BACKOFF_CAP_MS,
  DELIVERY_LEASE_MS,
  DELIVERY_MAX_ATTEMPTS,
  maskedUrl,
  requestIdOf,
  signatureHeader,
} from '../../domain/sla';
import { newId } from '../../platform/ids';
import { webHost } from '../../platform/web-host';
import { runBatch, type Statement } from '../batch';
import type { Database } from '../client';
import { notificationChannels, notificationOutbox, personKeys } from '../schema';
import { destroyPersonKeys } from './privacy-keys';

export type ChannelRow = typeof notificationChannels.$inferSelect;

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

/** How a message reaches its endpoint; tests may pass their own, production uses `fetch`. */
export type Send = (url: string, init: RequestInit) => Promise<Response>;

export interface DeliveryReport {
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
}

const DELIVERY_BATCH = 50;
const SEND_TIMEOUT_MS = 10_000;

async function requestFor(
  channel: ChannelRow,
  key: string,
  body: string,
  attempt: number,
  signedAt: number,
): Promise<{ url: string; init: RequestInit }> {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  let url = channel.url;
  const kind: ChannelKind = channel.kind;
  if (kind === 'webhook') {
    headers['leadpact-signature'] = await signatureHeader(
      channel.secret ?? '',
      body,
      Math.floor(signedAt / 1000),
      webHost,
    );
    headers['leadpact-delivery'] = key;
    headers['leadpact-attempt'] = String(attempt);
  } else if (kind === 'google_chat') {
    // Google Chat creates one message per requestId, so a repeated post is a no-op on its side too.
    const target = new URL(url);
    target.searchParams.set('requestId', await requestIdOf(key, webHost));
    url = target.toString();
  }
  return { url, init: { method: 'POST', headers, body, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) } };
}

/**
 * Delivers queued messages whose time has come, at least once each: a message
 * is claimed by moving its next try past a lease (so a concurrent sweep skips
 * it), sent, then marked delivered, or rescheduled with exponential backoff, or
 * failed after DELIVERY_MAX_ATTEMPTS. A crash between send and mark re-sends
 * after the lease; receivers deduplicate on the `LeadPact-Delivery` key (and
 * Google Chat on `requestId`).
 */
export async function deliverOutbox(
  db: Database,
  now: Date,
  send: Send,
  openBodies: OpenBody,
  signedAt: () => number = () => Date.now(),
): Promise<DeliveryReport> {
  const at = now.toISOString();
  const report: DeliveryReport = { claimed: 0, delivered: 0, retrying: 0, failed: 0 };
  // Cross-workspace by design: the sweep serves every workspace of this database.
  const due = await db
    .select()
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.status, 'pending'), lte(notificationOutbox.nextAttemptAt, at)))
    .orderBy(asc(notificationOutbox.nextAttemptAt))
    .limit(DELIVERY_BATCH)
    .all();
  if (due.length === 0) return report;
  const lease = new Date(now.getTime() + DELIVERY_LEASE_MS).toISOString();
  // One claim per message, by primary key (across workspaces, like the read above; every later write names the
  // workspace), holding only while it is as read: a concurrent sweep's claim makes it change nothing. One
  // `update … where id in (…) returning` read each row four times; this reads it once.
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
  const claimed = due
    .filter((_, i) => claims[i]?.meta.changes === 1)
    .map((m) => ({ ...m, attempts: m.attempts + 1, nextAttemptAt: lease }));
  report.claimed = claimed.length;
  if (claimed.length === 0) return report;

  const channelIds = [...new Set(claimed.map((m) => m.channelId))];
  const channels = new Map<string, ChannelRow>();
  for (const workspaceId of new Set(claimed.map((m) => m.workspaceId))) {
    const rows = await db
      .select()
      .from(notificationChannels)
      .where(
        and(eq(notificationChannels.workspaceId, workspaceId), inArray(notificationChannels.id, channelIds)),
      )
      .all();
    for (const row of rows) channels.set(row.id, row);
  }

  const bodies = await openBodies(claimed);
  const outcomes = await Promise.all(
    claimed.map(async (message) => {
      const channel = channels.get(message.channelId);
      if (!channel || channel.deletedAt)
        return { message, ok: false, error: 'The channel was deleted.', final: true };
      const body = bodies.get(message.key);
      if (!body) return { message, ok: false, error: 'The message can no longer be read.', final: true };
      try {
        const { url, init } = await requestFor(channel, message.key, body, message.attempts, signedAt());
        const res = await send(url, init);
        // Drain the body so the connection is released.
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return { message, ok: true, error: null, final: false };
        return { message, ok: false, error: `HTTP ${res.status}`, final: false };
      } catch (error) {
        return { message, ok: false, error: errorTextWithoutValues(error), final: false };
      }
    }),
  );

  // Sent or given up, a body is needed no more: it goes with its key, in the batch that says so.
  const updates: Statement[] = outcomes.flatMap(({ message, ok, error, final }) => {
    const where = and(
      eq(notificationOutbox.id, message.id),
      eq(notificationOutbox.workspaceId, message.workspaceId),
    );
    const forgotten = { body: '', bodyKey: null };
    const keyGone = destroyPersonKeys(db, message.workspaceId, message.bodyKey ? [message.bodyKey] : []);
    if (ok) {
      report.delivered += 1;
      return [
        db
          .update(notificationOutbox)
          .set({ status: 'delivered', deliveredAt: at, lastError: null, ...forgotten })
          .where(where),
        ...keyGone,
      ];
    }
    if (final || message.attempts >= DELIVERY_MAX_ATTEMPTS) {
      report.failed += 1;
      return [
        db
          .update(notificationOutbox)
          .set({ status: 'failed', lastError: error, ...forgotten })
          .where(where),
        ...keyGone,
      ];
    }
    report.retrying += 1;
    const retryAt = new Date(
      now.getTime() + backoffMs(message.attempts, DELIVERY_BACKOFF_BASE_MS, DELIVERY_BACKOFF_CAP_MS),
    );
    return [
      db
        .update(notificationOutbox)
        .set({ nextAttemptAt: retryAt.toISOString(), lastError: error })
        .where(where),
    ];
  });
  await runBatch(db, updates);
  return report;
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
