import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { SHEET_CONNECTION_STATES, SHEET_ERROR_CODES } from '../../domain/live-sheet/constants';
import { workspaces } from './core';

/**
 * The team's sheet the Worker keeps live: one per workspace. The
 * cursor is two rowids — of `lead_events` and `sla_transitions`, both append-only
 * — because rowids grow in commit order on D1's single writer, so a change that
 * commits after a push read is always past that push's cursor (a clock could not
 * promise that). It moves only after Google accepted the write.
 */
export const sheetConnections = sqliteTable(
  'sheet_connections',
  {
    workspaceId: text('workspace_id')
      .primaryKey()
      .references(() => workspaces.id),
    spreadsheetId: text('spreadsheet_id').notNull(),
    /** The e-mail the team shares the sheet with (the deployment's or the team's own service account). */
    serviceAccountEmail: text('service_account_email').notNull(),
    /** The team's own JSON key, AES-GCM encrypted (`worker/services/sheet/secret-box.ts`); null: the deployment's. */
    credential: text('credential'),
    state: text('state', { enum: SHEET_CONNECTION_STATES }).notNull(),
    cursorEvents: integer('cursor_events').notNull(),
    cursorTransitions: integer('cursor_transitions').notNull(),
    /** Where the header keys were found last time (key → 0-based column), so a push reads one column. */
    layout: text('layout', { mode: 'json' }).$type<Record<string, number> | null>(),
    lastPushAt: text('last_push_at'),
    lastPushRows: integer('last_push_rows'),
    lastAttemptAt: text('last_attempt_at'),
    lastErrorCode: text('last_error_code', { enum: SHEET_ERROR_CODES }),
    lastErrorDetail: text('last_error_detail'),
    lastErrorAt: text('last_error_at'),
    /** Consecutive transient failures (429, 5xx): the next try waits longer each time. */
    failures: integer('failures').notNull().default(0),
    retryAt: text('retry_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('sheet_connections_state').on(t.state, t.serviceAccountEmail)],
);

/**
 * Google's quota is per service account ("user") per minute: the requests each
 * account spent in a minute, claimed before they are sent, so concurrent or
 * repeated sweeps together never exceed it.
 */
export const sheetQuota = sqliteTable(
  'sheet_quota',
  {
    serviceAccountEmail: text('service_account_email').notNull(),
    /** The minute, ISO `2026-12-01T18:05`. */
    minute: text('minute').notNull(),
    reads: integer('reads').notNull(),
    writes: integer('writes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceAccountEmail, t.minute] })],
);
