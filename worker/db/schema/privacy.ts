import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * People erased on request (GDPR): the blind index of each erased e-mail and phone,
 * never the value, so an import of an old list cannot silently bring them back.
 */
export const erasedIdentities = sqliteTable(
  'erased_identities',
  {
    workspaceId: text('workspace_id').notNull(),
    kind: text('kind', { enum: ['email', 'phone'] }).notNull(),
    /** HMAC-SHA256 of `<kind>:<normalised value>` with the workspace's index key (worker/domain/privacy). */
    hash: text('hash').notNull(),
    /** The anonymous tombstone the person's lead became. */
    leadId: text('lead_id').notNull(),
    erasedAt: text('erased_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind, t.hash] })],
);

/**
 * A workspace's random keys, wrapped by the master key `master_key_id` (the Worker secret
 * `LEADPACT_ENCRYPTION_KEY`): the data key wraps person keys, the index key makes blind indexes.
 */
export const workspaceKeys = sqliteTable('workspace_keys', {
  workspaceId: text('workspace_id').primaryKey(),
  masterKeyId: text('master_key_id').notNull(),
  /** Sealed (`lps1.<master key id>.…`) raw data key. */
  dataKey: text('data_key').notNull(),
  /** Sealed raw index key. */
  indexKey: text('index_key').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * One random key per person, wrapped by the workspace's data key. Everything personal about
 * them is sealed with it; erasure deletes this row, and with it every copy's readability.
 */
export const personKeys = sqliteTable(
  'person_keys',
  {
    workspaceId: text('workspace_id').notNull(),
    /** `pk…`: what their sealed values name. */
    id: text('id').notNull(),
    /** The lead it belongs to; null while it seals only a delivery not yet judged. */
    leadId: text('lead_id'),
    wrapped: text('wrapped').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('person_keys_lead').on(t.workspaceId, t.leadId),
  ],
);
