import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per imported list row: sending the same row again (same import key, same external id or
 * content) writes nothing. `content_hash` tells a changed row (same external id) from a repeat.
 * Refused rows are not kept: a corrected row is simply sent again.
 */
export const importRows = sqliteTable(
  'import_rows',
  {
    workspaceId: text('workspace_id').notNull(),
    importKey: text('import_key').notNull(),
    /**
     * The blind index (`vault.blindIndex('import-row', …)`, HMAC with the workspace's index key)
     * of `ext:<the row's externalId>` or `row:<SHA-256 of its mapped values>`: an external id may
     * be an e-mail, and a plain SHA-256 of a row's few values can be found by trying them.
     */
    rowKey: text('row_key').notNull(),
    contentHash: text('content_hash').notNull(),
    leadId: text('lead_id').notNull(),
    outcome: text('outcome', { enum: ['created', 'merged'] }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.importKey, t.rowKey] })],
);
