import { and, asc, eq, sql } from 'drizzle-orm';
import { StoredAnswer } from '../../domain/idempotency';
import { personalMatcher, personalValuesOf, scrubPayload } from '../../domain/ledger/erasure';
import { sameIdentityLeads } from '../../domain/ledger/identity';
import { applyEvent, type LeadState, type LedgerEvent } from '../../domain/ledger/lead';
import { slot, type Vault } from '../../domain/privacy';
import type { Caller } from '../../domain/tokens';
import { webHost } from '../../platform/web-host';
import { runBatch } from '../batch';
import type { Database } from '../client';
import { retryOnConflict } from '../conflict';
import { consents, intakeDeliveries, leadEvents, leads } from '../schema';
import { getActiveAgreement } from './agreement';
import { erasedIdentityInsert, erasedIndexes } from './erased-identities';
import type { IdempotencyHooks } from './idempotency';
import { appendStatements, getLeadState, listLeadEvents, type StoredEvent } from './leads';
import { eraseMessagesStatements } from './notifications';
import { destroyPersonKeysOfLeads } from './privacy-keys';

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

/** A lead's consents with their texts opened (null once the person's key is destroyed). */
async function openConsentsOf(
  db: Database,
  vault: Vault,
  workspaceId: string,
  leadId: string,
): Promise<(ConsentRow & { sealedText: string | null })[]> {
  const rows = await consentsOf(db, workspaceId, leadId);
  return Promise.all(
    rows.map(async (c) => ({ ...c, text: await vault.open(c.text, slot.consent(c.id)), sealedText: c.text })),
  );
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
export async function exportLead(
  db: Database,
  vault: Vault,
  workspaceId: string,
  leadId: string,
): Promise<LeadExport> {
  const lead = await getLeadState(db, vault, workspaceId, leadId);
  const [events, consentRows, deliveries] = await Promise.all([
    listLeadEvents(db, vault, workspaceId, leadId),
    openConsentsOf(db, vault, workspaceId, leadId),
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

/**
 * Erases the person behind a lead (GDPR): blanks personal data in the lead row
 * and in every event payload, consent text that names them, the answers stored
 * for their deliveries (delivery and imported row keys are blind indexes, naming no one), and remembers a
 * salted hash of every e-mail and phone they used (`erased_identities`) so an
 * import cannot silently bring them back.
 * The anonymous tombstone keeps stage, dates, amounts, source and campaign, so
 * counts, SLA statistics and revenue stay right. One batch; an `erased` event
 * closes the history. Erasing an erased lead again writes nothing.
 */
export async function eraseLead(
  db: Database,
  vault: Vault,
  workspaceId: string,
  leadId: string,
  caller: Pick<Caller, 'tokenId' | 'memberId'>,
  now: Date,
  /** With an `Idempotency-Key`: a retry answers the first answer; the key lands in the named lead's batch. */
  idempotency?: IdempotencyHooks<ErasureResult>,
): Promise<ErasureResult | StoredAnswer> {
  const earlier = await idempotency?.replay();
  if (earlier) return earlier;
  const target = await getLeadState(db, vault, workspaceId, leadId);
  const twins = target.erasedAt ? [] : await sameIdentityOf(db, vault, workspaceId, target);
  // Twins first: until the named lead is erased, a retried request still finds them by its phone.
  for (const twin of twins) await eraseOneLead(db, vault, workspaceId, twin, caller, now);
  const result = await eraseOneLead(
    db,
    vault,
    workspaceId,
    leadId,
    caller,
    now,
    idempotency && {
      replay: idempotency.replay,
      remember: (one, personOf) => idempotency.remember({ ...one, alsoErased: twins }, personOf),
    },
  );
  return result instanceof StoredAnswer ? result : { ...result, alsoErased: twins };
}

/** Ids of the other, not yet erased, leads that are the same person (domain/ledger/identity.ts). */
async function sameIdentityOf(
  db: Database,
  vault: Vault,
  workspaceId: string,
  lead: LeadState,
): Promise<string[]> {
  if (lead.profile.phone === null) return [];
  // Compared by blind index, as the leads table holds them.
  const phone = await vault.blindIndex('phone', String(lead.profile.phone));
  const email =
    lead.profile.email === null ? null : await vault.blindIndex('email', String(lead.profile.email));
  const rows = await db
    .select({ id: leads.id, email: leads.emailIndex, phone: leads.phoneIndex, updatedAt: leads.updatedAt })
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), eq(leads.phoneIndex, phone)))
    .all();
  const self = { id: lead.id, email, phone, updatedAt: lead.updatedAt };
  return sameIdentityLeads(self, rows).map((r) => r.id);
}

async function eraseOneLead(
  db: Database,
  vault: Vault,
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
      const state = await getLeadState(db, vault, workspaceId, leadId);
      if (state.erasedAt) return { lead: state, erased: false };
      // Imported row keys are blind indexes already (they name no one), and import refuses a row
      // whose lead was erased by the erased people's memory: nothing to rewrite there.
      const [events, consentRows, deliveries] = await Promise.all([
        listLeadEvents(db, vault, workspaceId, leadId),
        openConsentsOf(db, vault, workspaceId, leadId),
        deliveriesOf(db, workspaceId, leadId),
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

      // Destroying the key makes the sealed payloads unreadable; the plain ones are scrubbed again
      // (defence in depth: earlier values of the person are known only now) and the sealed ones dropped.
      const eventUpdates = events.flatMap((event) => {
        const scrubbed = scrubPayload(event.type, event.payload, personal, webHost);
        return JSON.stringify(scrubbed) === JSON.stringify(event.payload)
          ? []
          : [
              db
                .update(leadEvents)
                .set({ payload: scrubbed, sealedPayload: null })
                .where(and(eq(leadEvents.workspaceId, workspaceId), eq(leadEvents.id, event.id))),
            ];
      });
      // Delivery keys (and a consent's) are blind indexes already: they name no one and stay, so a
      // late retry of the delivery still meets its row.
      const consentUpdates = consentRows.map((c) =>
        db
          .update(consents)
          // The kept text stays sealed with the destroyed key: unreadable either way.
          .set({ text: c.text !== null && personal(c.text) ? null : c.sealedText })
          .where(and(eq(consents.workspaceId, workspaceId), eq(consents.id, c.id))),
      );
      const deliveryUpdates = deliveries.map((d) =>
        db
          .update(intakeDeliveries)
          // Only the anonymous answer stays, so a late retry of the delivery is still a duplicate.
          .set({ response: { leadId, stage: d.response?.stage ?? null, duplicate: false } })
          .where(
            and(
              eq(intakeDeliveries.workspaceId, workspaceId),
              eq(intakeDeliveries.sourceId, d.sourceId),
              eq(intakeDeliveries.key, d.key),
            ),
          ),
      );
      const identities = [
        ...values.emails.map((v) => ({ kind: 'email' as const, value: v })),
        ...values.phones.map((v) => ({ kind: 'phone' as const, value: v })),
      ];
      // Remembered by blind index (HMAC with the workspace's index key), not a salted SHA-256: every
      // phone number can be hashed in seconds, so a hash would name the person to whoever reads the table.
      const hashes = [
        ...new Map(
          await Promise.all(
            identities.map(async (i) => [`${i.kind}:${await vault.blindIndex(i.kind, i.value)}`, i] as const),
          ),
        ).keys(),
      ];
      const identityInserts = hashes.map((kindHash) => {
        const [kind, hash] = kindHash.split(':') as ['email' | 'phone', string];
        return erasedIdentityInsert(db, workspaceId, { kind, hash, leadId }, now);
      });

      const statements = [
        // The `erased` event's (lead_id, seq) goes first: a concurrent writer makes the whole batch fail and retry.
        ...(await appendStatements(db, vault, workspaceId, state.seq, next, [erasedEvent], now)),
        // The person's key goes in the same batch as the tombstone: every copy of their data is now unreadable.
        ...destroyPersonKeysOfLeads(db, workspaceId, [leadId]),
        ...eventUpdates,
        ...consentUpdates,
        ...deliveryUpdates,
        ...messageUpdates,
        ...identityInserts,
      ];
      const result = { lead: next, erased: true };
      // The answer is the tombstone, which names no one; the person's key dies in this very batch.
      await runBatch(
        db,
        idempotency ? [...statements, ...(await idempotency.remember(result, null))] : statements,
      );
      return result;
    },
    { attempts: MAX_ATTEMPTS },
  );
}

/**
 * True when an e-mail or phone belongs to a person erased on request in this
 * workspace. Import calls it before creating a lead: an erased person comes
 * back only through a new form submission with fresh consent. Values are
 * compared by blind index (normalised: e-mail trimmed and lower-cased, phone as `+` and digits).
 */
export async function isErasedIdentity(
  db: Database,
  vault: Vault,
  workspaceId: string,
  identity: { email?: string | null; phone?: string | null },
): Promise<boolean> {
  const [email, phone] = await Promise.all([
    identity.email ? vault.blindIndex('email', identity.email) : null,
    identity.phone ? vault.blindIndex('phone', identity.phone) : null,
  ]);
  const [byEmail, byPhone] = await Promise.all([
    email ? erasedIndexes(db, workspaceId, 'email', [email]) : new Map(),
    phone ? erasedIndexes(db, workspaceId, 'phone', [phone]) : new Map(),
  ]);
  return byEmail.size > 0 || byPhone.size > 0;
}

/** Which of these e-mails belong to people erased from this workspace (by blind index): one indexed read. */
export async function erasedEmails(
  db: Database,
  vault: Vault,
  workspaceId: string,
  emails: readonly string[],
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const indexes = await Promise.all(emails.map((e) => vault.blindIndex('email', e)));
  const erased = await erasedIndexes(db, workspaceId, 'email', indexes);
  return new Set(emails.filter((_, i) => erased.has(indexes[i] ?? '')));
}
