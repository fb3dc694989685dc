import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * People erased on request (GDPR): a salted hash of each erased e-mail and phone,
 * never the value, so an import of an old list cannot silently bring them back.
 */
export const erasedIdentities = sqliteTable(
  'erased_identities',
  {
    workspaceId: text('workspace_id').notNull(),
    kind: text('kind', { enum: ['email', 'phone'] }).notNull(),
    /** SHA-256 of `<workspaceId>:<kind>:<normalised value>` (worker/domain/ledger/erasure.ts). */
    hash: text('hash').notNull(),
    /** The anonymous tombstone the person's lead became. */
    leadId: text('lead_id').notNull(),
    erasedAt: text('erased_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind, t.hash] })],
);
