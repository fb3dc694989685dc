import { and, asc, eq, gt, inArray, lte, or, type SQL } from 'drizzle-orm';
import type { Quadrant, TemperatureLevel } from '../../domain/agreement/constants';
import { missing } from '../../domain/errors';
import type { LeadStage } from '../../domain/ledger/constants';
import { personalMatcher, personalValuesOf } from '../../domain/ledger/erasure';
import { matchIdentity } from '../../domain/ledger/identity';
import type { LeadState, LedgerEvent } from '../../domain/ledger/lead';
import {
  joinPayload,
  keyIdOfSealed,
  type PersonalProfile,
  personalProfileFromJson,
  personalProfileOf,
  slot,
  splitPayload,
  type Vault,
} from '../../domain/privacy';
import { newId } from '../../platform/ids';
import { webHost } from '../../platform/web-host';
import type { Statement } from '../batch';
import type { Database } from '../client';
import { type InsertRows, insertStatements } from '../insert-rows';
import { keysetAfter } from '../keyset';
import { leadEvents, leads, personKeys } from '../schema';
import { chunks } from '../scope';
import { personKeyInserts, personKeyRows } from './privacy-keys';
import { slaStatementsForEvents } from './sla';

export type LeadRow = typeof leads.$inferSelect;

/**
 * Opens the personal part of lead rows with their people's keys: one read of the keys for the
 * whole list, one decrypt per lead. A lead whose key is destroyed reads with every personal field null.
 */
export async function openPersonal(
  vault: Vault,
  rows: readonly { id: string; personal: string | null }[],
): Promise<Map<string, PersonalProfile>> {
  await vault.load(rows.map((r) => keyIdOfSealed(r.personal)));
  const opened = await Promise.all(
    rows.map(async (r) => {
      const keyId = keyIdOfSealed(r.personal);
      // Remember whose key it is: a write later in the request seals with it without a read.
      if (keyId) await vault.keyOfLead(r.id, keyId);
      return [r.id, personalProfileFromJson(await vault.open(r.personal, slot.lead(r.id)))] as const;
    }),
  );
  return new Map(opened);
}

/** Lead rows as states, their personal profiles opened (see openPersonal). */
export async function openLeadRows(vault: Vault, rows: readonly LeadRow[]): Promise<LeadState[]> {
  const personal = await openPersonal(vault, rows);
  return rows.map((row) => leadStateOfRow(row, personal.get(row.id) ?? personalProfileFromJson(null)));
}

export function leadStateOfRow(row: LeadRow, personal: PersonalProfile): LeadState {
  return {
    id: row.id,
    seq: row.seq,
    stage: row.stage,
    profile: {
      ...personal,
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

/**
 * The row a lead state is stored as: its personal profile sealed with the person's key and its
 * e-mail and phone as blind indexes; an erased lead keeps neither. `keyId` is the person's key.
 */
export async function rowOfLeadState(
  vault: Vault,
  workspaceId: string,
  s: LeadState,
  keyId: string | null,
): Promise<LeadRow> {
  const text = (v: string | number | null) => (v === null ? null : String(v));
  const email = text(s.profile.email);
  const phone = text(s.profile.phone);
  const domain = text(s.profile.companyDomain);
  const [personal, emailIndex, phoneIndex, domainIndex] =
    keyId === null
      ? [null, null, null, null]
      : await Promise.all([
          vault.seal(keyId, slot.lead(s.id), JSON.stringify(personalProfileOf(s.profile))),
          email ? vault.blindIndex('email', email) : null,
          phone ? vault.blindIndex('phone', phone) : null,
          domain ? vault.blindIndex('domain', domain) : null,
        ]);
  return {
    id: s.id,
    workspaceId,
    seq: s.seq,
    stage: s.stage,
    personal,
    emailIndex,
    phoneIndex,
    domainIndex,
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

/** An identity's e-mail and phone as blind indexes: what the `leads` indexes are searched by. */
export interface IdentityIndexes {
  email: string | null;
  phone: string | null;
}

export async function identityIndexes(
  vault: Vault,
  identity: { email: string | null; phone: string | null },
): Promise<IdentityIndexes> {
  const [email, phone] = await Promise.all([
    identity.email ? vault.blindIndex('email', identity.email) : null,
    identity.phone ? vault.blindIndex('phone', identity.phone) : null,
  ]);
  return { email, phone };
}

/**
 * The person a delivery names, by the rule in domain/ledger/identity.ts: one
 * read of the leads holding its e-mail or its phone (both blind-indexed).
 */
export async function findLeadByIdentity(
  db: Database,
  vault: Vault,
  workspaceId: string,
  identity: { email: string | null; phone: string | null },
): Promise<{ lead: LeadState | null; conflicts: string[] }> {
  const indexes = await identityIndexes(vault, identity);
  const [query] = identitiesQuery(db, workspaceId, [indexes]);
  return identityMatch(vault, indexes, query ? await query.all() : []);
}

/** Identities per read: two IN lists of at most this many, and the workspace twice, stay under D1's 100 parameters. */
const IDENTITIES_PER_READ = 45;

/**
 * The reads behind findLeadByIdentity, unrun, for one identity or many at once (a judge's round of
 * different people): the leads holding any of their e-mails or phones, one statement per
 * IDENTITIES_PER_READ identities; none when there is nothing to look up. Each identity can be given
 * every row found: `matchIdentity` only ever picks the leads holding its own e-mail or phone.
 */
export function identitiesQuery(db: Database, workspaceId: string, all: readonly IdentityIndexes[]) {
  return chunks(all, IDENTITIES_PER_READ).flatMap((part) => {
    const emails = part.flatMap((i) => (i.email ? [i.email] : []));
    const phones = part.flatMap((i) => (i.phone ? [i.phone] : []));
    // Each branch carries the workspace so SQLite answers it from its own (workspace, e-mail|phone)
    // index; `workspace AND (email OR phone)` makes it scan the workspace's leads instead.
    const names = [
      ...(emails.length > 0
        ? [and(eq(leads.workspaceId, workspaceId), inArray(leads.emailIndex, emails))]
        : []),
      ...(phones.length > 0
        ? [and(eq(leads.workspaceId, workspaceId), inArray(leads.phoneIndex, phones))]
        : []),
    ];
    return names.length > 0
      ? [
          db
            .select()
            .from(leads)
            .where(or(...names)),
        ]
      : [];
  });
}

/** The lead (and the conflicting others) an identity read found; only the matched lead is opened. */
export async function identityMatch(
  vault: Vault,
  indexes: IdentityIndexes,
  rows: LeadRow[],
): Promise<{ lead: LeadState | null; conflicts: string[] }> {
  const match = matchIdentity(
    indexes,
    rows.map((row) => ({
      id: row.id,
      email: row.emailIndex,
      phone: row.phoneIndex,
      updatedAt: row.updatedAt,
      row,
    })),
  );
  const [lead] = match.lead ? await openLeadRows(vault, [match.lead.row]) : [];
  return { lead: lead ?? null, conflicts: match.conflicts.map((c) => c.id) };
}

export async function getLeadState(
  db: Database,
  vault: Vault,
  workspaceId: string,
  leadId: string,
): Promise<LeadState> {
  const row = await db
    .select()
    .from(leads)
    .where(and(eq(leads.id, leadId), eq(leads.workspaceId, workspaceId)))
    .get();
  if (!row) throw missing('lead');
  const [state] = await openLeadRows(vault, [row]);
  return state as LeadState;
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

/** A lead's events in order, payloads opened; `range` limits them to `after < seq <= upTo` (what one write appended). */
export async function listLeadEvents(
  db: Database,
  vault: Vault,
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
  await vault.load(rows.map((r) => keyIdOfSealed(r.sealedPayload)));
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      seq: r.seq,
      type: r.type,
      occurredAt: r.occurredAt,
      recordedAt: r.recordedAt,
      actor: { type: r.actorType, id: r.actorId },
      sourceId: r.sourceId,
      campaign: r.campaign,
      agreementVersion: r.agreementVersion,
      payload: joinPayload(r.payload, await vault.open(r.sealedPayload, slot.event(r.id))),
    })),
  );
}

/**
 * Statements that append `events` to a lead that was at `fromSeq` and store its
 * new projection. The unique `(lead_id, seq)` makes a concurrent writer that
 * started from the same version fail the whole batch, so nothing is lost or
 * doubled: the loser retries on fresh state.
 */
export async function appendStatements(
  db: Database,
  vault: Vault,
  workspaceId: string,
  fromSeq: number,
  next: LeadState,
  events: readonly LedgerEvent[],
  recordedAt: Date,
  /** The events' ids, when the caller must answer with the stored events without reading them back. */
  eventIds: readonly string[] = events.map(() => newId('evt', recordedAt.getTime())),
  /**
   * Where a caller writing many leads in one batch gathers the plain inserts (events, a new lead's
   * row, its key) to write them as few statements; without it they are this lead's own statements.
   */
  into?: InsertRows,
): Promise<Statement[]> {
  const at = recordedAt.toISOString();
  const ids = events.map((_, i) => eventIds[i] ?? newId('evt', recordedAt.getTime()));
  // What erasure would blank is sealed with the person's key; the rest stays plain for reports.
  const personal = personalMatcher(personalValuesOf(next, events));
  const splits = events.map((event) => splitPayload(event.type, event.payload, personal, webHost));
  // An erased lead keeps nothing personal, so it needs no key (its key is gone).
  const needsKey = next.erasedAt === null || splits.some((p) => p.personal !== null);
  const keyId = needsKey ? await vault.keyOfLead(next.id, null, { isNew: fromSeq === 0 }) : null;
  const [row, sealed] = await Promise.all([
    rowOfLeadState(vault, workspaceId, next, next.erasedAt === null ? keyId : null),
    Promise.all(
      splits.map((p, i) =>
        p.personal !== null && keyId !== null
          ? vault.seal(keyId, slot.event(ids[i] as string), p.personal)
          : null,
      ),
    ),
  ]);
  const minted = keyId ? vault.minted(keyId) : undefined;
  const lead =
    fromSeq === 0
      ? db.insert(leads).values(row)
      : db
          .update(leads)
          .set(row)
          .where(and(eq(leads.id, next.id), eq(leads.workspaceId, workspaceId), eq(leads.seq, fromSeq)));
  const eventRows = events.map((event, i) => ({
    id: ids[i] as string,
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
    payload: splits[i]?.plain ?? {},
    sealedPayload: sealed[i] ?? null,
  }));
  const keys = minted ? [{ ...minted, leadId: next.id }] : [];
  if (into) {
    // Their unique (lead_id, seq) is still the optimistic lock: the batch is one transaction.
    into.add(leadEvents, eventRows);
    if (fromSeq === 0) into.add(leads, [row]);
    into.add(personKeys, personKeyRows(workspaceId, keys, recordedAt), { ignoreConflicts: true });
    // The SLA rules count the lead's events (attempts), so they follow the gathered inserts.
    into.after(slaStatementsForEvents(db, workspaceId, fromSeq, next, events, recordedAt, into));
    return fromSeq === 0 ? [] : [lead];
  }
  const sla = slaStatementsForEvents(db, workspaceId, fromSeq, next, events, recordedAt);
  // One insert for all of the lead's events, not one each.
  const inserts = insertStatements(db, leadEvents, eventRows);
  // Events first: their unique (lead_id, seq) is the optimistic lock. The person's new key, if any,
  // and SLA deadlines follow in the same batch.
  return [...inserts, lead, ...personKeyInserts(db, workspaceId, keys, recordedAt), ...sla];
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
  vault: Vault,
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
  return openLeadRows(vault, rows);
}
