import { index, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CAMPAIGN_CHANNELS, type ContentLink } from '../../domain/campaigns';
import type { FunnelRatesRequest } from '../../domain/funnel';
import { workspaces } from './core';

/** One funnel plan per workspace and period (`2026`, `2026-Q1`, `2026-03`): only its inputs, the rest is computed. */
export const funnelPlans = sqliteTable(
  'funnel_plans',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    period: text('period').notNull(),
    revenueTarget: real('revenue_target').notNull(),
    averageDealSize: real('average_deal_size').notNull(),
    /** The rates as the team asked: a number, `history` or `default`; one left out is passed through. */
    rates: text('rates', { mode: 'json' }).$type<FunnelRatesRequest>().notNull(),
    marketingBudget: real('marketing_budget'),
    currency: text('currency'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.period] })],
);

/** What marketing runs. `key` is the ledger's `campaign` value, so reports join on it. */
export const campaigns = sqliteTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    channel: text('channel', { enum: CAMPAIGN_CHANNELS }).notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on'),
    contentLinks: text('content_links', { mode: 'json' }).$type<ContentLink[]>().notNull(),
    personaSegment: text('persona_segment'),
    description: text('description').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    archivedAt: text('archived_at'),
  },
  (t) => [
    uniqueIndex('campaigns_workspace_key').on(t.workspaceId, t.key),
    index('campaigns_workspace_starts').on(t.workspaceId, t.startsOn),
  ],
);
