import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { INTAKE_PROVIDERS } from '../../domain/intake/constants';
import { DELIVERY_STATUSES, type DeliveryError } from '../../domain/intake/delivery';
import type { FieldMap } from '../../domain/intake/field-map';
import { EVENT_TYPES, LEAD_STAGES, SOURCE_ORIGINS } from '../../domain/ledger/constants';
import { workspaces } from './core';

/** A form or tool that posts leads: its URL is `/v1/intake/{id}`, its secret signs deliveries. */
export const sources = sqliteTable(
  'sources',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    provider: text('provider', { enum: INTAKE_PROVIDERS }).notNull(),
    origin: text('origin', { enum: SOURCE_ORIGINS }).notNull(),
    createsLead: integer('creates_lead', { mode: 'boolean' }).notNull(),
    fieldMap: text('field_map', { mode: 'json' }).$type<FieldMap | null>(),
    /** HMAC keys must be usable, so unlike tokens they are kept; they sign only deliveries. */
    secret: text('secret').notNull(),
    createdAt: text('created_at').notNull(),
    archivedAt: text('archived_at'),
  },
  (t) => [index('sources_workspace').on(t.workspaceId, t.createdAt)],
);

/** The projection of a lead's events; rebuilt by folding them (worker/domain/ledger/lead.ts). */
export const leads = sqliteTable(
  'leads',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    seq: integer('seq').notNull(),
    stage: text('stage', { enum: LEAD_STAGES }).notNull(),
    /**
     * The personal profile (e-mail, phone, names, company, domain, website, title) as one sealed
     * JSON value under the person's key (worker/domain/privacy); null once erased.
     */
    personal: text('personal'),
    /** Blind indexes (HMAC with the workspace's index key) of the e-mail and phone: dedupe without plaintext. */
    emailIndex: text('email_index'),
    phoneIndex: text('phone_index'),
    /** Blind index of the company domain: the account reports group by it without reading it. */
    domainIndex: text('domain_index'),
    industry: text('industry'),
    employees: integer('employees'),
    country: text('country'),
    consent: integer('consent', { mode: 'boolean' }).notNull(),
    consentAt: text('consent_at'),
    ownerId: text('owner_id'),
    firstSourceId: text('first_source_id'),
    lastSourceId: text('last_source_id'),
    campaign: text('campaign'),
    utmSource: text('utm_source'),
    utmMedium: text('utm_medium'),
    utmCampaign: text('utm_campaign'),
    fit: real('fit').notNull(),
    engagement: real('engagement').notNull(),
    engagementAt: text('engagement_at'),
    quadrant: text('quadrant').notNull(),
    icpMatch: integer('icp_match', { mode: 'boolean' }).notNull(),
    marketingTemperature: text('marketing_temperature'),
    salesTemperature: text('sales_temperature'),
    touchCounts: text('touch_counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    submittedAt: text('submitted_at'),
    agreementVersion: integer('agreement_version'),
    mqlAt: text('mql_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    erasedAt: text('erased_at'),
    // Sales work, folded from the sales events (SalesProgress in worker/domain/ledger/lead.ts).
    attempts: integer('attempts').notNull().default(0),
    attemptChannels: text('attempt_channels', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    firstAttemptAt: text('first_attempt_at'),
    reachedAt: text('reached_at'),
    acceptedAt: text('accepted_at'),
    qualification: text('qualification', { mode: 'json' }).$type<Record<string, boolean> | null>(),
    decidedAt: text('decided_at'),
    sqlAt: text('sql_at'),
    opportunityAt: text('opportunity_at'),
    opportunityAmount: real('opportunity_amount'),
    wonAt: text('won_at'),
    wonAmount: real('won_amount'),
    currency: text('currency'),
    closedAt: text('closed_at'),
    stageReasons: text('stage_reasons', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
  },
  (t) => [
    // One person, one lead: e-mail first, phone when there is no e-mail (compared by blind index).
    uniqueIndex('leads_workspace_email').on(t.workspaceId, t.emailIndex).where(sql`email_index is not null`),
    uniqueIndex('leads_workspace_phone_only')
      .on(t.workspaceId, t.phoneIndex)
      .where(sql`email_index is null and phone_index is not null`),
    index('leads_workspace_phone').on(t.workspaceId, t.phoneIndex),
    index('leads_workspace_stage').on(t.workspaceId, t.stage, t.updatedAt),
    index('leads_workspace_owner').on(t.workspaceId, t.ownerId, t.stage),
    index('leads_workspace_updated').on(t.workspaceId, t.updatedAt, t.id),
    index('leads_workspace_created').on(t.workspaceId, t.createdAt),
  ],
);

/** The append-only ledger. `(lead_id, seq)` is unique: two writers from the same version cannot both land. */
export const leadEvents = sqliteTable(
  'lead_events',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    leadId: text('lead_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type', { enum: EVENT_TYPES }).notNull(),
    occurredAt: text('occurred_at').notNull(),
    recordedAt: text('recorded_at').notNull(),
    actorType: text('actor_type', { enum: ['source', 'token', 'system'] }).notNull(),
    actorId: text('actor_id'),
    sourceId: text('source_id'),
    campaign: text('campaign'),
    agreementVersion: integer('agreement_version'),
    /** The facts that survive erasure (the erasure scrub of the payload): what reports read. */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** The whole original payload, sealed with the person's key; null when the scrub removed nothing. */
    sealedPayload: text('sealed_payload'),
  },
  (t) => [
    uniqueIndex('lead_events_lead_seq').on(t.leadId, t.seq),
    index('lead_events_workspace_type').on(t.workspaceId, t.type, t.occurredAt),
  ],
);

/** Proof of consent: when, through which source and form, the text shown, what was agreed to. */
export const consents = sqliteTable(
  'consents',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull(),
    leadId: text('lead_id').notNull(),
    sourceId: text('source_id'),
    formId: text('form_id'),
    givenAt: text('given_at').notNull(),
    /** The text shown to the person, sealed with their key. */
    text: text('text'),
    purposes: text('purposes', { mode: 'json' }).$type<string[]>().notNull(),
    deliveryKey: text('delivery_key'),
  },
  (t) => [index('consents_lead').on(t.workspaceId, t.leadId)],
);

/**
 * Every verified delivery, stored before it is judged (store first, judge after):
 * the raw body until a judgement no longer needs it, the status, and the answer
 * once judged. The same key again finds this row and writes nothing new.
 * `status` has a CHECK so that a second judgement of the same delivery fails its
 * whole batch (see judgedStatusStatement): a delivery is judged once.
 */
export const intakeDeliveries = sqliteTable(
  'intake_deliveries',
  {
    workspaceId: text('workspace_id').notNull(),
    sourceId: text('source_id').notNull(),
    key: text('key').notNull(),
    /** `dlv_…`: what the sender polls (`/v1/intake/deliveries/{id}`). */
    id: text('id').notNull(),
    bodyHash: text('body_hash').notNull(),
    /**
     * The body as received (base64), sealed with a key of its own (`body_key`, in `person_keys`):
     * stored before anyone knows whose data it is. Once judged, body and key are destroyed together
     * (the ledger keeps what the person said, under their own key); a rejected or failed delivery
     * keeps both until it is judged again or forgotten.
     */
    body: text('body'),
    /** The `person_keys` id sealing `body`; null once the body is gone. */
    bodyKey: text('body_key'),
    contentType: text('content_type'),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    /** The problem (code, message, field issues) of a rejected or failed judgement. */
    error: text('error', { mode: 'json' }).$type<DeliveryError | null>(),
    /** `{ leadId, stage }` once judged; null before. */
    response: text('response', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    attempts: integer('attempts').notNull().default(0),
    /** Arrival: the SLA clock starts here, whenever the judgement runs. */
    createdAt: text('created_at').notNull(),
    judgedAt: text('judged_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.sourceId, t.key] }),
    uniqueIndex('intake_deliveries_id').on(t.id),
    index('intake_deliveries_created').on(t.createdAt),
    index('intake_deliveries_status').on(t.status, t.createdAt),
    index('intake_deliveries_workspace_status').on(t.workspaceId, t.status, t.createdAt),
    check('intake_deliveries_status_known', sql`${t.status} in ('stored', 'judged', 'rejected', 'failed')`),
  ],
);

/**
 * `Idempotency-Key`s of API writes that append to the ledger (actions, events,
 * erasure): the first answer, replayed for the same key and request, kept as
 * long as intake delivery keys. Written in the same batch as the write itself.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    workspaceId: text('workspace_id').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    /** The answer's body when it names no person (touch results, an erasure's tombstone). */
    response: text('response', { mode: 'json' }).$type<unknown>(),
    /**
     * The answer's body when it shows a lead (an action's lead view), sealed with that person's
     * key (`slot.idempotency`): erasure destroys the key, and the stored answer with it.
     */
    sealedResponse: text('sealed_response'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
);

/** Routing rules and the round-robin cursor, one row per workspace. */
export const routing = sqliteTable('routing', {
  workspaceId: text('workspace_id').primaryKey(),
  rules: text('rules', { mode: 'json' }).$type<unknown[]>().notNull(),
  lastMemberId: text('last_member_id'),
  updatedAt: text('updated_at').notNull(),
});
