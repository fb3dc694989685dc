import { and, asc, eq, sql } from 'drizzle-orm';
import type { ErasurePlan } from '../../domain/ledger/erasure-plan';
import { slot, type Vault } from '../../domain/privacy';
import type { Statement } from '../batch';
import type { Database } from '../client';
import { consents, intakeDeliveries, leadEvents, leads } from '../schema';
import { erasedIdentityInsert, erasedIndexes } from './erased-identities';

type ConsentRow = typeof consents.$inferSelect;
type DeliveryRow = typeof intakeDeliveries.$inferSelect;

/** A lead's consents with their texts opened (null once the person's key is destroyed) and as stored. */
export async function openConsentsOf(
  db: Database,
  vault: Vault,
  workspaceId: string,
  leadId: string,
): Promise<(ConsentRow & { sealedText: string | null })[]> {
  const rows = await db
    .select()
    .from(consents)
    .where(and(eq(consents.workspaceId, workspaceId), eq(consents.leadId, leadId)))
    .orderBy(asc(consents.givenAt))
    .all();
  return Promise.all(
    rows.map(async (c) => ({ ...c, text: await vault.open(c.text, slot.consent(c.id)), sealedText: c.text })),
  );
}

/** Deliveries whose stored answer names the lead (rare reads: erasure and export scan the workspace's keys). */
export async function deliveriesOf(
  db: Database,
  workspaceId: string,
  leadId: string,
): Promise<DeliveryRow[]> {
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

/** The leads holding this phone (by blind index), as identity candidates. */
export async function leadsWithPhoneIndex(
  db: Database,
  workspaceId: string,
  phoneIndex: string,
): Promise<{ id: string; email: string | null; phone: string | null; updatedAt: string }[]> {
  return db
    .select({ id: leads.id, email: leads.emailIndex, phone: leads.phoneIndex, updatedAt: leads.updatedAt })
    .from(leads)
    .where(and(eq(leads.workspaceId, workspaceId), eq(leads.phoneIndex, phoneIndex)))
    .all();
}

/**
 * The writes of an erasure plan besides the ledger's own (event payloads, consent texts, delivery
 * answers, the erased people's memory); `identities` are the plan's, already blind-indexed.
 */
export function erasureStatements(
  db: Database,
  workspaceId: string,
  leadId: string,
  plan: Pick<ErasurePlan, 'scrubbedEvents' | 'consentTexts' | 'deliveryAnswers'>,
  identities: readonly { kind: 'email' | 'phone'; hash: string }[],
  now: Date,
): Statement[] {
  return [
    ...plan.scrubbedEvents.map((e) =>
      db
        .update(leadEvents)
        .set({ payload: e.payload, sealedPayload: null })
        .where(and(eq(leadEvents.workspaceId, workspaceId), eq(leadEvents.id, e.id))),
    ),
    ...plan.consentTexts.map((c) =>
      db
        .update(consents)
        .set({ text: c.text })
        .where(and(eq(consents.workspaceId, workspaceId), eq(consents.id, c.id))),
    ),
    ...plan.deliveryAnswers.map((d) =>
      db
        .update(intakeDeliveries)
        .set({ response: d.response })
        .where(
          and(
            eq(intakeDeliveries.workspaceId, workspaceId),
            eq(intakeDeliveries.sourceId, d.sourceId),
            eq(intakeDeliveries.key, d.key),
          ),
        ),
    ),
    ...identities.map((i) => erasedIdentityInsert(db, workspaceId, { ...i, leadId }, now)),
  ];
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
