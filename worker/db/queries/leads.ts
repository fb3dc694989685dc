import { and, asc, eq, gt, lte, or, type SQL } from 'drizzle-orm';
import type { Quadrant, TemperatureLevel } from '../../domain/agreement/constants';
import { NotFoundError } from '../../domain/errors';
import { thing } from '../../domain/i18n';
import type { LeadStage } from '../../domain/ledger/constants';
import { matchIdentity } from '../../domain/ledger/identity';
import type { LeadState, LedgerEvent } from '../../domain/ledger/lead';
import { newId } from '../../platform/ids';
import type { Database } from '../client';
import { keysetAfter } from '../keyset';
import { leadEvents, leads } from '../schema';
import { slaStatementsForEvents } from './sla';

export type LeadRow = typeof leads.$inferSelect;

export function leadStateOfRow(row: LeadRow): LeadState {
  return {
    id: row.id,
    seq: row.seq,
    stage: row.stage,
    profile: {
      email: row.email,
      phone: row.phone,
      firstName: row.firstName,
      lastName: row.lastName,
      company: row.company,
      companyDomain: row.companyDomain,
      website: row.website,
      title: row.title,
      industry: row.industry,
      employees: row.employees,
      country: row.country,
    },
    consent: row.consent,
    consentAt: row.consentAt,
    ownerId: row.ownerId,
    firstSourceId: row.firstSourceId,
    lastSourceId: row.lastSourceId,
    campaign: row.campaign,
    utm: { source: row.utmSource, medium: row.utmMedium, campaign: row.utmCampaign },
    fit: row.fit,
    engagement: row.engagement,
    engagementAt: row.engagementAt,
    quadrant: row.quadrant as Quadrant,
    icpMatch: row.icpMatch,
    marketingTemperature: row.marketingTemperature as TemperatureLevel | null,
    salesTemperature: row.salesTemperature as TemperatureLevel | null,
    touchCounts: row.touchCounts,
    submittedAt: row.submittedAt,
    agreementVersion: row.agreementVersion,
    mqlAt: row.mqlAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    erasedAt: row.erasedAt,
    sales: {
      attempts: row.attempts,
      attemptChannels: row.attemptChannels,
      firstAttemptAt: row.firstAttemptAt,
      reachedAt: row.reachedAt,
      acceptedAt: row.acceptedAt,
      qualification: row.qualification,
      decidedAt: row.decidedAt,
      sqlAt: row.sqlAt,
      opportunityAt: row.opportunityAt,
      opportunityAmount: row.opportunityAmount,
      wonAt: row.wonAt,
      wonAmount: row.wonAmount,
      currency: row.currency,
      closedAt: row.closedAt,
      reasons: row.stageReasons,
    },
  };
}

export function rowOfLeadState(workspaceId: string, s: LeadState): LeadRow {
  const text = (v: string | number | null) => (v === null ? null : String(v));
  return {
    id: s.id,
    workspaceId,
    seq: s.seq,
    stage: s.stage,
    email: text(s.profile.email),
    phone: text(s.profile.phone),
    firstName: text(s.profile.firstName),
    lastName: text(s.profile.lastName),
    company: text(s.profile.company),
    companyDomain: text(s.profile.companyDomain),
    website: text(s.profile.website),
    title: text(s.profile.title),
    industry: text(s.profile.industry),
    employees: typeof s.profile.employees === 'number' ? s.profile.employees : null,
    country: text(s.profile.country),
    consent: s.consent,
    consentAt: s.consentAt,
    ownerId: s.ownerId,
    firstSourceId: s.firstSourceId,
    lastSourceId: s.lastSourceId,
    campaign: s.campaign,
    utmSource: s.utm.source,
    utmMedium: s.utm.medium,
    utmCampaign: s.utm.campaign,
    fit: s.fit,
    engagement: s.engagement,
    engagementAt: s.engagementAt,
    quadrant: s.quadrant,
    icpMatch: s.icpMatch,
    marketingTemperature: s.marketingTemperature,
    salesTemperature: s.salesTemperature,
    touchCounts: s.touchCounts,
    submittedAt: s.submittedAt,
    agreementVersion: s.agreementVersion,
    mqlAt: s.mqlAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    erasedAt: s.erasedAt,
    attempts: s.sales.attempts,
    attemptChannels: s.sales.attemptChannels,
    firstAttemptAt: s.sales.firstAttemptAt,
    reachedAt: s.sales.reachedAt,
    acceptedAt: s.sales.acceptedAt,
    qualification: s.sales.qualification,
    decidedAt: s.sales.decidedAt,
    sqlAt: s.sales.sqlAt,
    opportunityAt: s.sales.opportunityAt,
    opportunityAmount: s.sales.opportunityAmount,
    wonAt: s.sales.wonAt,
    wonAmount: s.sales.wonAmount,
    currency: s.sales.currency,
    closedAt: s.sales.closedAt,
    stageReasons: s.sales.reasons,
  };
}

/**
 * The person a delivery names, by the rule in domain/ledger/identity.ts: one
 * read of the leads holding its e-mail or its phone (both indexed).
 */
export async function findLeadByIdentity(
  db: Database,
  workspaceId: string,
  identity: { email: string | null; phone: string | null },
): Promise<{ lead: LeadState | null; conflicts: string[] }> {
  const query = identityQuery(db, workspaceId, identity);
  return identityMatch(identity, query ? await query.all() : []);
}

/** The read behind findLeadByIdentity, unrun, so a judge can batch many; null when there is nothing to look up. */
export function identityQuery(
  db: Database,
  workspaceId: string,
  identity: { email: string | null; phone: string | null },
) {
  // Each branch carries the workspace so SQLite answers it from its own (workspace, e-mail|phone)
  // index; `workspace AND (email OR phone)` makes it scan the workspace's leads instead.
  const names = [
    ...(identity.email ? [and(eq(leads.workspaceId, workspaceId), eq(leads.email, identity.email))] : []),
    ...(identity.phone ? [and(eq(leads.workspaceId, workspaceId), eq(leads.phone, identity.phone))] : []),
  ];
  if (names.length === 0) return null;
  return db
    .select()
    .from(leads)
    .where(or(...names));
}

/** The lead (and the conflicting others) an identity read found. */
export function identityMatch(
  identity: { email: string | null; phone: string | null },
  rows: LeadRow[],
): { lead: LeadState | null; conflicts: string[] } {
  const match = matchIdentity(identity, rows);
  return {
    lead: match.lead ? leadStateOfRow(match.lead) : null,
    conflicts: match.conflicts.map((c) => c.id),
  };
}

export async function getLeadState(db: Database, workspaceId: string, leadId: string): Promise<LeadState> {
  const row = await db
    .select()
    .from(leads)
    .where(and(eq(leads.id, leadId), eq(leads.workspaceId, workspaceId)))
    .get();
  if (!row) throw new NotFoundError(thing('lead'));
  return leadStateOfRow(row);
}

/** The events an append stores, as a reader would get them back. */
export function storedEvents(
  fromSeq: number,
  events: readonly LedgerEvent[],
  eventIds: readonly string[],
  recordedAt: Date,
): StoredEvent[] {
  return events.map((event, i) => ({
    ...event,
    id: eventIds[i] ?? '',
    seq: fromSeq + i + 1,
    recordedAt: recordedAt.toISOString(),
  }));
}

export interface StoredEvent extends LedgerEvent {
  id: string;
  seq: number;
  recordedAt: string;
}

/** A lead's events in order; `range` limits them to `after < seq <= upTo` (what one write appended). */
export async function listLeadEvents(
  db: Database,
  workspaceId: string,
  leadId: string,
  range?: { after: number; upTo: number },
): Promise<StoredEvent[]> {
  const conditions = [eq(leadEvents.workspaceId, workspaceId), eq(leadEvents.leadId, leadId)];
  if (range) conditions.push(gt(leadEvents.seq, range.after), lte(leadEvents.seq, range.upTo));
  const rows = await db
    .select()
    .from(leadEvents)
    .where(and(...conditions))
    .orderBy(asc(leadEvents.seq))
    .all();
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    type: r.type,
    occurredAt: r.occurredAt,
    recordedAt: r.recordedAt,
    actor: { type: r.actorType, id: r.actorId },
    sourceId: r.sourceId,
    campaign: r.campaign,
    agreementVersion: r.agreementVersion,
    payload: r.payload,
  }));
}

/**
 * Statements that append `events` to a lead that was at `fromSeq` and store its
 * new projection. The unique `(lead_id, seq)` makes a concurrent writer that
 * started from the same version fail the whole batch, so nothing is lost or
 * doubled: the loser retries on fresh state.
 */
export function appendStatements(
  db: Database,
  workspaceId: string,
  fromSeq: number,
  next: LeadState,
  events: readonly LedgerEvent[],
  recordedAt: Date,
  /** The events' ids, when the caller must answer with the stored events without reading them back. */
  eventIds: readonly string[] = events.map(() => newId('evt', recordedAt.getTime())),
) {
  const at = recordedAt.toISOString();
  const row = rowOfLeadState(workspaceId, next);
  const lead =
    fromSeq === 0
      ? db.insert(leads).values(row)
      : db
          .update(leads)
          .set(row)
          .where(and(eq(leads.id, next.id), eq(leads.workspaceId, workspaceId), eq(leads.seq, fromSeq)));
  const inserts = events.map((event, i) =>
    db.insert(leadEvents).values({
      id: eventIds[i] ?? newId('evt', recordedAt.getTime()),
      workspaceId,
      leadId: next.id,
      seq: fromSeq + i + 1,
      type: event.type,
      occurredAt: event.occurredAt,
      recordedAt: at,
      actorType: event.actor.type,
      actorId: event.actor.id,
      sourceId: event.sourceId,
      campaign: event.campaign,
      agreementVersion: event.agreementVersion,
      payload: event.payload,
    }),
  );
  // Events first: their unique (lead_id, seq) is the optimistic lock. SLA deadlines follow in the same batch.
  return [...inserts, lead, ...slaStatementsForEvents(db, workspaceId, fromSeq, next, events, recordedAt)];
}

export interface LeadListFilter {
  stage?: LeadStage;
  ownerId?: string;
  sourceId?: string;
  campaign?: string;
  quadrant?: Quadrant;
  updatedSince?: string;
  cursor?: { key: string; id: string };
  limit: number;
}

/** Keyset pagination on (updated_at, id): stable under concurrent writes, served by an index. */
export async function listLeads(
  db: Database,
  workspaceId: string,
  filter: LeadListFilter,
): Promise<LeadState[]> {
  const conditions: SQL[] = [eq(leads.workspaceId, workspaceId)];
  if (filter.stage) conditions.push(eq(leads.stage, filter.stage));
  if (filter.ownerId) conditions.push(eq(leads.ownerId, filter.ownerId));
  if (filter.sourceId) conditions.push(eq(leads.firstSourceId, filter.sourceId));
  if (filter.campaign) conditions.push(eq(leads.campaign, filter.campaign));
  if (filter.quadrant) conditions.push(eq(leads.quadrant, filter.quadrant));
  if (filter.updatedSince) conditions.push(gt(leads.updatedAt, filter.updatedSince));
  if (filter.cursor) conditions.push(keysetAfter(leads.updatedAt, leads.id, filter.cursor));
  const rows = await db
    .select()
    .from(leads)
    .where(and(...conditions))
    .orderBy(asc(leads.updatedAt), asc(leads.id))
    .limit(filter.limit)
    .all();
  return rows.map(leadStateOfRow);
}
