import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Agreement } from '../../domain/agreement';
import { VERSION_STATUSES } from '../../domain/agreement/constants';
import { SIDES, type Side } from '../../domain/constants';
import { apiTokens, members, workspaces } from './core';

/** One editable draft per workspace; `revision` is the optimistic-concurrency counter behind the ETag. */
export const agreementDrafts = sqliteTable('agreement_drafts', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  content: text('content', { mode: 'json' }).$type<Agreement>().notNull(),
  revision: integer('revision').notNull(),
  basedOnVersion: integer('based_on_version'),
  updatedAt: text('updated_at').notNull(),
  updatedByTokenId: text('updated_by_token_id'),
});

/** Frozen versions: content and its SHA-256 never change once written; only the status moves. */
export const agreementVersions = sqliteTable(
  'agreement_versions',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    number: integer('number').notNull(),
    status: text('status', { enum: VERSION_STATUSES }).notNull(),
    hash: text('hash').notNull(),
    content: text('content', { mode: 'json' }).$type<Agreement>().notNull(),
    requiredSides: text('required_sides', { mode: 'json' }).$type<Side[]>().notNull(),
    proposedAt: text('proposed_at').notNull(),
    proposedByTokenId: text('proposed_by_token_id'),
    proposedByMemberId: text('proposed_by_member_id'),
    activatedAt: text('activated_at'),
    supersededAt: text('superseded_at'),
  },
  (t) => [
    uniqueIndex('agreement_versions_number').on(t.workspaceId, t.number),
    // At most one active version per workspace, enforced by the database itself.
    uniqueIndex('agreement_versions_one_active').on(t.workspaceId).where(sql`${t.status} = 'active'`),
    index('agreement_versions_status').on(t.workspaceId, t.status),
  ],
);

/** One signature per side per version, bound to the member who signed and the hash they signed. */
export const agreementSignatures = sqliteTable(
  'agreement_signatures',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    versionId: text('version_id')
      .notNull()
      .references(() => agreementVersions.id),
    side: text('side', { enum: SIDES }).notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    tokenId: text('token_id')
      .notNull()
      .references(() => apiTokens.id),
    hash: text('hash').notNull(),
    signedAt: text('signed_at').notNull(),
  },
  (t) => [uniqueIndex('agreement_signatures_side').on(t.versionId, t.side)],
);

/** Read-only share links of the active agreement; the id is the unguessable part of `/a/{id}`. */
export const agreementShares = sqliteTable(
  'agreement_shares',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    createdAt: text('created_at').notNull(),
    createdByTokenId: text('created_by_token_id'),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('agreement_shares_one_live').on(t.workspaceId).where(sql`${t.revokedAt} is null`)],
);

/** The buyer persona's review log; the latest row's `next_due_on` is when the next review is due. */
export const personaReviews = sqliteTable(
  'persona_reviews',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    reviewedOn: text('reviewed_on').notNull(),
    fromSales: text('from_sales').notNull(),
    fromMarketing: text('from_marketing').notNull(),
    changes: text('changes').notNull(),
    nextDueOn: text('next_due_on').notNull(),
    personaChanged: integer('persona_changed', { mode: 'boolean' }).notNull(),
    recordedByTokenId: text('recorded_by_token_id'),
    recordedByMemberId: text('recorded_by_member_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('persona_reviews_workspace').on(t.workspaceId, t.reviewedOn)],
);
