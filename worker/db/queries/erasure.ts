import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { StoredAnswer } from '../../domain/idempotency';
import {
  identityHash,
  normaliseEmail,
  normalisePhone,
  personalMatcher,
  personalValuesOf,
  scrubPayload,
} from '../../domain/ledger/erasure';
import { sameIdentityLeads } from '../../domain/ledger/identity';
import { applyEvent, type LeadState, type LedgerEvent } from '../../domain/ledger/lead';
import type { Caller } from '../../domain/tokens';
import { sha256Hex } from '../../domain/tokens';
import { webHost } from '../../platform/web-host';
import { runBatch } from '../batch';
import type { Database } from '../client';
import { retryOnConflict } from '../conflict';
import { consents, erasedIdentities, importRows, intakeDeliveries, leadEvents, leads } from '../schema';
import { getActiveAgreement } from './agreement';
import type { IdempotencyHooks } from './idempotency';
import { appendStatements, getLeadState, listLeadEvents, type StoredEvent } from './leads';
import { eraseMessagesStatements } from './notifications';

const MAX_ATTEMPTS = 8;

type ConsentRow = typeof consents.$inferSelect;
type DeliveryRow = typeof intakeDeliveries.$inferSelect;

async function consentsOf(db: Database, workspaceId: string, leadId: string): Promise<ConsentRow[]> {
  return db
    .select()
    .from(consents)
    .where(and(eq(consents.workspaceId, workspaceId), eq(consents.leadId, leadId)))
    .orderBy(asc(consents.givenAt))
    .all();
}

/** Deliveries whose stored answer names the lead (rare reads: erasure and export scan the workspace's keys). */
async function deliveriesOf(db: Database, workspaceId: string, leadId: string): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(intakeDeliveries)
    .where(
      and(
        eq(intakeDeliveries.workspaceId, workspaceId),
        sql`json_extract(${intakeDeliveries.response}, '$.leadId') = ${leadId}`,
      ),
    )
    .orderBy(asc(intakeDeliveries.createdAt))
    .all();
}

export interface LeadExport {
  lead: LeadState;
  events: StoredEvent[];
  consents: {
    id: string;
    sourceId: string | null;
    formId: string | null;
    givenAt: string;
    text: string | null;
    purposes: string[];
  }[];
  deliveries: { sourceId: string; key: string; createdAt: string; response: Record<string, unknown> }[];
}

/** Everything held about the person behind a lead (a data subject's access request). */
export async function exportLead(db: Database, workspaceId: string, leadId: string): Promise<LeadExport> {
  const lead = await getLeadState(db, workspaceId, leadId);
  const [events, consentRows, deliveries] = await Promise.all([
    listLeadEvents(db, workspaceId, leadId),
    consentsOf(db, workspaceId, leadId),
    deliveriesOf(db, workspaceId, leadId),
  ]);
  return {
    lead,
    events,
    consents: consentRows.map((c) => ({
      id: c.id,
      sourceId: c.sourceId,
      formId: c.formId,
      givenAt: c.givenAt,
      text: c.text,
      purposes: c.purposes,
    })),
    deliveries: deliveries.map((d) => ({
      sourceId: d.sourceId,
      key: d.key,
      createdAt: d.createdAt,
      response: d.response ?? {},
    })),
  };
}

export interface ErasureResult {
  lead: LeadState;
  /** False when the lead had already been erased: nothing was written. */
  erased: boolean;
  /** Other leads that were the same person (a phone-only twin), erased with it. */
  alsoErased: string[];
}

/** A key that names the person is replaced by its hash: it still dedupes, it no longer reads. */
async function anonymousKey(key: string, personal: (text: string) => boolean): Promise<string> {
  return personal(key) ? `erased_${(await sha256Hex(key, webHost)).slice(0, 32)}` : key;
}

/**
 * Erases the person behind a lead (GDPR): blanks personal data in the lead row
 * and in every event payload, consent text that names them, the answers stored
 * for their deliveries and imported-row keys that name them, and remembers a
 * salted hash of every e-mail and phone they used (`erased_identities`) so an
 * import cannot silently bring them back.
 * The anonymous tombstone keeps stage, dates, amounts, source and campaign, so
 * counts, SLA statistics and revenue stay right. One batch; an `erased` event
 * closes the history. Erasing an erased lead again writes nothing.
 */
export async function eraseLead(
  db: Database,
  workspaceId: string,
  leadId: string,
  caller: Pick<Caller, 'tokenId' | 'memberId'>,
  now: Date,
  /** With an `Idempotency-Key`: a retry answers the first answer; the key lands in the named lead's batch. */
  idempotency?: IdempotencyHooks<ErasureResult>,
): Promise<ErasureResult | StoredAnswer> {
  const earlier = await idempotency?.replay();
  if (earlier) return earlier;
  const target = await getLeadState(db, workspaceId, leadId);
  const twins = target.erasedAt ? [] : await sameIdentityOf(db, workspaceId, target);
  // Twins first: until the named lead is erased, a retried request still finds them by its phone.
  for (const twin of twins) await eraseOneLead(db, workspaceId, twin, caller, now);
  const result = await eraseOneLead(
    db,
    workspaceId,
    leadId,
    caller,
    now,
    idempotency && {
      replay: idempotency.replay,
      remember: (one) => idempotency.remember({ ...one, alsoErased: twins }),
    },
  );
  return result instanceof StoredAnswer ? result : { ...result, alsoErased: twins };
}

/** Ids of the other, not yet erased, leads that are the same person (domain/ledger/identity.ts). */
async function sameIdentityOf(db: Database, workspaceId: string, lead: LeadState): Promise<string[]> {
  const phone = lead.profile.phone === null ? null : String(lead.profile.phone);
  if (phone === null) return [];
  const rows = await db
    .select({ id: leads.id, email: leads.email, phone: leads.phone, updatedAt: leads.updatedAt })
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), eq(leads.phone, phone)))
    .all();
  const self = {
    id: lead.id,
    email: lead.profile.email === null ? null : String(lead.profile.email),
    phone,
    updatedAt: lead.updatedAt,
  };
  return sameIdentityLeads(self, rows).map((r) => r.id);
}

async function eraseOneLead(
  db: Database,
  workspaceId: string,
  leadId: string,
  caller: Pick<Caller, 'tokenId' | 'memberId'>,
  now: Date,
  idempotency?: IdempotencyHooks<Omit<ErasureResult, 'alsoErased'>>,
): Promise<Omit<ErasureResult, 'alsoErased'> | StoredAnswer> {
  const active = await getActiveAgreement(db, workspaceId);
  return retryOnConflict<Omit<ErasureResult, 'alsoErased'> | StoredAnswer>(
    async () => {
      const earlier = await idempotency?.replay();
      if (earlier) return earlier;
      const state = await getLeadState(db, workspaceId, leadId);
      if (state.erasedAt) return { lead: state, erased: false };
      const [events, consentRows, deliveries, imported] = await Promise.all([
        listLeadEvents(db, workspaceId, leadId),
        consentsOf(db, workspaceId, leadId),
        deliveriesOf(db, workspaceId, leadId),
        db
          .select({ importKey: importRows.importKey, rowKey: importRows.rowKey })
          .from(importRows)
          .where(and(eq(importRows.workspaceId, workspaceId), eq(importRows.leadId, leadId)))
          .all(),
      ]);
      const values = personalValuesOf(state, events);
      const personal = personalMatcher(values);
      // Messages name the lead (and agendas name several): their bodies and keys go, and unsent ones are never sent.
      const messageUpdates = await eraseMessagesStatements(
        db,
        workspaceId,
        [leadId],
        'The person was erased.',
      );

      const erasedEvent: LedgerEvent = {
        type: 'erased',
        occurredAt: now.toISOString(),
        actor: { type: 'token', id: caller.tokenId },
        sourceId: null,
        campaign: null,
        agreementVersion: active?.version ?? null,
        payload: { byMemberId: caller.memberId },
      };
      const next = applyEvent(state, erasedEvent);

      const eventUpdates = events.flatMap((event) => {
        const scrubbed = scrubPayload(event.type, event.payload, personal, webHost);
        return JSON.stringify(scrubbed) === JSON.stringify(event.payload)
          ? []
          : [
              db
                .update(leadEvents)
                .set({ payload: scrubbed })
                .where(and(eq(leadEvents.workspaceId, workspaceId), eq(leadEvents.id, event.id))),
            ];
      });
      // Keys are hashed first: a drizzle query is thenable, so it must not be returned from an async callback.
      const consentKeys = await Promise.all(
        consentRows.map((c) => (c.deliveryKey === null ? null : anonymousKey(c.deliveryKey, personal))),
      );
      const consentUpdates = consentRows.map((c, i) =>
        db
          .update(consents)
          .set({
            text: c.text !== null && personal(c.text) ? null : c.text,
            deliveryKey: consentKeys[i] ?? null,
          })
          .where(and(eq(consents.workspaceId, workspaceId), eq(consents.id, c.id))),
      );
      const deliveryKeys = await Promise.all(deliveries.map((d) => anonymousKey(d.key, personal)));
      const deliveryUpdates = deliveries.map((d, i) =>
        db
          .update(intakeDeliveries)
          .set({
            key: deliveryKeys[i] ?? d.key,
            // Only the anonymous answer stays, so a late retry of the delivery is still a duplicate.
            response: { leadId, stage: d.response?.stage ?? null, duplicate: false },
          })
          .where(
            and(
              eq(intakeDeliveries.workspaceId, workspaceId),
              eq(intakeDeliveries.sourceId, d.sourceId),
              eq(intakeDeliveries.key, d.key),
            ),
          ),
      );
      // An imported row's external id may be the person's address: it stays a key, as a hash.
      const rowKeys = await Promise.all(imported.map((r) => anonymousKey(r.rowKey, personal)));
      const importUpdates = imported.flatMap((r, i) => {
        const key = rowKeys[i];
        return key === undefined || key === r.rowKey
          ? []
          : [
              db
                .update(importRows)
                .set({ rowKey: key })
                .where(
                  and(
                    eq(importRows.workspaceId, workspaceId),
                    eq(importRows.importKey, r.importKey),
                    eq(importRows.rowKey, r.rowKey),
                  ),
                ),
            ];
      });
      const identities = [
        ...values.emails.map((v) => ({ kind: 'email' as const, value: v })),
        ...values.phones.map((v) => ({ kind: 'phone' as const, value: v })),
      ];
      const hashes = [
        ...new Map(
          await Promise.all(
            identities.map(
              async (i) =>
                [`${i.kind}:${await identityHash(workspaceId, i.kind, i.value, webHost)}`, i] as const,
            ),
          ),
        ).keys(),
      ];
      const identityInserts = hashes.map((kindHash) => {
        const [kind, hash] = kindHash.split(':') as ['email' | 'phone', string];
        return db
          .insert(erasedIdentities)
          .values({ workspaceId, kind, hash, leadId, erasedAt: now.toISOString() })
          .onConflictDoUpdate({
            target: [erasedIdentities.workspaceId, erasedIdentities.kind, erasedIdentities.hash],
            set: { leadId, erasedAt: now.toISOString() },
          });
      });

      const statements = [
        // The `erased` event's (lead_id, seq) goes first: a concurrent writer makes the whole batch fail and retry.
        ...appendStatements(db, workspaceId, state.seq, next, [erasedEvent], now),
        ...eventUpdates,
        ...consentUpdates,
        ...deliveryUpdates,
        ...importUpdates,
        ...messageUpdates,
        ...identityInserts,
      ];
      const result = { lead: next, erased: true };
      await runBatch(db, idempotency ? [...statements, idempotency.remember(result)] : statements);
      return result;
    },
    { attempts: MAX_ATTEMPTS },
  );
}

/**
 * True when an e-mail or phone belongs to a person erased on request in this
 * workspace. Import calls it before creating a lead: an erased person comes
 * back only through a new form submission with fresh consent. Values are
 * compared normalised (e-mail trimmed and lower-cased, phone as `+` and digits,
 * i.e. E.164 as intake stores it).
 */
export async function isErasedIdentity(
  db: Database,
  workspaceId: string,
  identity: { email?: string | null; phone?: string | null },
): Promise<boolean> {
  const wanted = [
    ...(identity.email ? [{ kind: 'email' as const, value: normaliseEmail(identity.email) }] : []),
    ...(identity.phone ? [{ kind: 'phone' as const, value: normalisePhone(identity.phone) }] : []),
  ];
  if (wanted.length === 0) return false;
  const hashes = await Promise.all(wanted.map((w) => identityHash(workspaceId, w.kind, w.value, webHost)));
  const row = await db
    .select({ hash: erasedIdentities.hash })
    .from(erasedIdentities)
    .where(and(eq(erasedIdentities.workspaceId, workspaceId), inArray(erasedIdentities.hash, hashes)))
    .get();
  return row !== undefined;
}

/** Which of these e-mails (normalised) belong to people erased from this workspace: one indexed read. */
export async function erasedEmails(
  db: Database,
  workspaceId: string,
  emails: readonly string[],
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const values = emails.map(normaliseEmail);
  const hashes = await Promise.all(values.map((v) => identityHash(workspaceId, 'email', v, webHost)));
  const rows = await db
    .select({ hash: erasedIdentities.hash })
    .from(erasedIdentities)
    .where(
      and(
        eq(erasedIdentities.workspaceId, workspaceId),
        eq(erasedIdentities.kind, 'email'),
        inArray(erasedIdentities.hash, hashes),
      ),
    )
    .all();
  const erased = new Set(rows.map((r) => r.hash));
  return new Set(values.filter((_, i) => erased.has(hashes[i] ?? '')));
}
