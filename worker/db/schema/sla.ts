import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  CHANNEL_KINDS,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  type NotificationTopic,
  OUTBOX_STATUSES,
  TRANSITION_STEPS,
} from '../../domain/sla/constants';
import { workspaces } from './core';

/**
 * Every SLA deadline: a lead's (first touch, attempts, decision; written in the
 * same batch as its `mql` event) or the team's (persona review, agreement
 * review, weekly agenda; `lead_id` null). Times are ISO-8601 UTC text, so they
 * sort and compare as text.
 *
 * `next_at` is when time alone next changes the row (due soon, due, escalation,
 * the agenda's posting time); null once only an action can. The sweep reads
 * `(status, next_at)` and nothing else, so its cost follows the deadlines that
 * fall due, never the open leads.
 */
export const slaDeadlines = sqliteTable(
  'sla_deadlines',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** Unique per workspace: `<leadId>:<kind>:<mql seq>` or `persona_review:2026-12-31`... */
    key: text('key').notNull(),
    leadId: text('lead_id'),
    kind: text('kind', { enum: DEADLINE_KINDS }).notNull(),
    status: text('status', { enum: DEADLINE_STATUSES }).notNull(),
    /** The agreement version the clock started under. */
    agreementVersion: integer('agreement_version'),
    /** The lead's owner (kept in step with `assigned` events), or the member a governance deadline is for. */
    ownerId: text('owner_id'),
    startedAt: text('started_at').notNull(),
    dueSoonAt: text('due_soon_at').notNull(),
    dueAt: text('due_at').notNull(),
    escalateAt: text('escalate_at'),
    nextAt: text('next_at'),
    requiredAttempts: integer('required_attempts'),
    requiredChannels: integer('required_channels'),
    dueSoonRecordedAt: text('due_soon_recorded_at'),
    breachedAt: text('breached_at'),
    escalatedAt: text('escalated_at'),
    /** When the action that settled it happened (met, met late, cancelled). */
    settledAt: text('settled_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('sla_deadlines_key').on(t.workspaceId, t.key),
    // The sweep: open deadlines whose next step is due, across workspaces, in one range scan per status.
    index('sla_deadlines_sweep').on(t.status, t.nextAt),
    // Listing: open/breached deadlines of a workspace by due time, optionally for one owner.
    index('sla_deadlines_status_due').on(t.workspaceId, t.status, t.dueAt),
    index('sla_deadlines_owner').on(t.workspaceId, t.ownerId, t.status, t.dueAt),
    // By kind: GET /v1/sla?kind=, and the governance pass reading a workspace's few open team deadlines.
    index('sla_deadlines_kind').on(t.workspaceId, t.kind, t.status, t.dueAt),
    index('sla_deadlines_lead').on(t.leadId),
  ],
);

/**
 * What happened to a deadline, once each: the id is `<deadlineId>:<step>`, so a
 * second sweep, a duplicated trigger or a catch-up can never record it twice.
 */
export const slaTransitions = sqliteTable(
  'sla_transitions',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    deadlineId: text('deadline_id').notNull(),
    leadId: text('lead_id'),
    kind: text('kind', { enum: DEADLINE_KINDS }).notNull(),
    step: text('step', { enum: TRANSITION_STEPS }).notNull(),
    fromStatus: text('from_status', { enum: DEADLINE_STATUSES }).notNull(),
    toStatus: text('to_status', { enum: DEADLINE_STATUSES }).notNull(),
    ownerId: text('owner_id'),
    /** When it became true (the due time, or the action's time). */
    at: text('at').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('sla_transitions_workspace_step').on(t.workspaceId, t.step, t.at)],
);

/** Where notifications go. Chat webhook URLs carry their own token; a generic webhook gets our signing secret. */
export const notificationChannels = sqliteTable(
  'notification_channels',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    kind: text('kind', { enum: CHANNEL_KINDS }).notNull(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    secret: text('secret'),
    /** Personal channel: only messages addressed to this member. Null: the team's channel. */
    memberId: text('member_id'),
    topics: text('topics', { mode: 'json' }).$type<NotificationTopic[]>().notNull(),
    /** The API origin links in messages point to (LEADPACT_PUBLIC_URL, else the origin that registered it). */
    linkBase: text('link_base').notNull(),
    createdAt: text('created_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [index('notification_channels_workspace').on(t.workspaceId, t.deletedAt)],
);

/**
 * Messages to deliver, written in the same batch as the transition that caused
 * them. `key` deduplicates (one message per transition and channel); delivery is
 * at least once, retried with exponential backoff; `next_attempt_at` doubles as
 * the claim, so two sweeps never send the same message at the same time.
 */
export const notificationOutbox = sqliteTable(
  'notification_outbox',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    key: text('key').notNull(),
    channelId: text('channel_id').notNull(),
    topic: text('topic').notNull(),
    /**
     * The request body, rendered when the transition was recorded (the signature is added at each try), or
     * for a lead's notice the whole message but the lead's name (`NoticeDraft`: the sender adds the name it
     * reads then), sealed with a key of its own (`body_key`): it is about people. Delivered or given up, the key is
     * destroyed and the body forgotten; erasing a person it names does the same to a pending one.
     */
    body: text('body').notNull(),
    /** The `person_keys` id sealing `body`; null once the body is gone. */
    bodyKey: text('body_key'),
    /** The leads the body names (ids, not names): what erasure looks for. */
    namedLeads: text('named_leads', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    deliveredAt: text('delivered_at'),
  },
  (t) => [
    uniqueIndex('notification_outbox_key').on(t.key),
    index('notification_outbox_due').on(t.status, t.nextAttemptAt),
    // Erasure scans a workspace's messages; housekeeping forgets old ones.
    index('notification_outbox_workspace').on(t.workspaceId, t.createdAt),
    index('notification_outbox_created').on(t.createdAt),
  ],
);

/**
 * One row per database: the last sweep's time, and where the governance pass
 * (which walks workspaces with a signed agreement a few at a time) stopped.
 */
export const slaSweepState = sqliteTable('sla_sweep_state', {
  id: text('id').primaryKey(),
  lastRunAt: text('last_run_at').notNull(),
  governanceCursor: text('governance_cursor'),
  updatedAt: text('updated_at').notNull(),
});
