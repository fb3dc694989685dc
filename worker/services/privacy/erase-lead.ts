import { runBatch } from '../../db/batch';
import { retryOnConflict } from '../../db/conflict';
import { getActiveAgreement } from '../../db/queries/agreement';
import {
  deliveriesOf,
  erasureStatements,
  leadsWithPhoneIndex,
  openConsentsOf,
} from '../../db/queries/erasure';
import { type IdempotencyHooks, idempotencyHooks } from '../../db/queries/idempotency';
import { appendStatements, getLeadState, identityIndexes, listLeadEvents } from '../../db/queries/leads';
import { eraseMessagesStatements } from '../../db/queries/notifications';
import { destroyPersonKeysOfLeads } from '../../db/queries/privacy-keys';
import { type Idempotency, StoredAnswer } from '../../domain/idempotency';
import { planErasure } from '../../domain/ledger/erasure-plan';
import { sameIdentityLeads } from '../../domain/ledger/identity';
import type { LeadState } from '../../domain/ledger/lead';
import type { Vault } from '../../domain/privacy';
import { PERSON_ERASED_ERROR } from '../../domain/sla';
import { webHost } from '../../platform/web-host';
import type { CallerContext } from '../context';
import { vaultOf } from './vault';

export interface ErasureResult {
  lead: LeadState;
  /** False when the lead had already been erased: nothing was written. */
  erased: boolean;
  /** Other leads that were the same person (a phone-only twin), erased with it. */
  alsoErased: string[];
}

type OneErasure = Omit<ErasureResult, 'alsoErased'>;

/**
 * Erases the person behind a lead (GDPR) and their phone-only twins: blanks personal data in the lead
 * row and in every event payload, consent text that names them, the answers stored for their
 * deliveries (delivery and imported row keys are blind indexes, naming no one), and remembers a blind
 * index of every e-mail and phone they used (`erased_identities`) so an import cannot silently bring
 * them back. The anonymous tombstone keeps stage, dates, amounts, source and campaign, so counts, SLA
 * statistics and revenue stay right (`planErasure` decides all of it). One batch per lead; an `erased`
 * event closes the history. Erasing an erased lead again writes nothing.
 */
export async function eraseLead({
  ctx,
  input,
}: {
  ctx: CallerContext;
  /** With an `Idempotency-Key`: a retry answers the first answer; the key lands in the named lead's batch. */
  input: { leadId: string; idempotency?: Idempotency<ErasureResult> };
}): Promise<ErasureResult | StoredAnswer> {
  const { db, workspaceId } = ctx;
  const vault = vaultOf(ctx, workspaceId);
  const idempotency = input.idempotency
    ? idempotencyHooks(db, vault, workspaceId, input.idempotency, ctx.now)
    : undefined;
  const earlier = await idempotency?.replay();
  if (earlier) return earlier;
  const target = await getLeadState(db, vault, workspaceId, input.leadId);
  const twins = target.erasedAt ? [] : await sameIdentityOf(ctx, vault, target);
  // Twins first: until the named lead is erased, a retried request still finds them by its phone.
  for (const twin of twins) await eraseOneLead(ctx, vault, twin);
  const result = await eraseOneLead(
    ctx,
    vault,
    input.leadId,
    idempotency && {
      replay: idempotency.replay,
      remember: (one, personOf) => idempotency.remember({ ...one, alsoErased: twins }, personOf),
    },
  );
  return result instanceof StoredAnswer ? result : { ...result, alsoErased: twins };
}

/** Ids of the other, not yet erased, leads that are the same person (domain/ledger/identity.ts). */
async function sameIdentityOf(ctx: CallerContext, vault: Vault, lead: LeadState): Promise<string[]> {
  if (lead.profile.phone === null) return [];
  // Compared by blind index, as the leads table holds them.
  const { email, phone } = await identityIndexes(vault, {
    email: lead.profile.email === null ? null : String(lead.profile.email),
    phone: String(lead.profile.phone),
  });
  if (phone === null) return [];
  const rows = await leadsWithPhoneIndex(ctx.db, ctx.workspaceId, phone);
  const self = { id: lead.id, email, phone, updatedAt: lead.updatedAt };
  return sameIdentityLeads(self, rows).map((r) => r.id);
}

async function eraseOneLead(
  ctx: CallerContext,
  vault: Vault,
  leadId: string,
  idempotency?: IdempotencyHooks<OneErasure>,
): Promise<OneErasure | StoredAnswer> {
  const { db, workspaceId, now } = ctx;
  const active = await getActiveAgreement(db, workspaceId);
  return retryOnConflict<OneErasure | StoredAnswer>(async () => {
    const earlier = await idempotency?.replay();
    if (earlier) return earlier;
    const state = await getLeadState(db, vault, workspaceId, leadId);
    if (state.erasedAt) return { lead: state, erased: false };
    // Imported row keys are blind indexes already (they name no one), and import refuses a row
    // whose lead was erased by the erased people's memory: nothing to rewrite there.
    const [events, consents, deliveries] = await Promise.all([
      listLeadEvents(db, vault, workspaceId, leadId),
      openConsentsOf(db, vault, workspaceId, leadId),
      deliveriesOf(db, workspaceId, leadId),
    ]);
    const plan = planErasure({
      state,
      events,
      consents,
      deliveries,
      caller: ctx.caller,
      agreementVersion: active?.version ?? null,
      now,
      host: webHost,
    });
    // Remembered by blind index (HMAC with the workspace's index key), not a salted SHA-256: every
    // phone number can be hashed in seconds, so a hash would name the person to whoever reads the table.
    const indexed = await Promise.all(
      plan.identities.map(async (i) => ({ kind: i.kind, hash: await vault.blindIndex(i.kind, i.value) })),
    );
    const identities = [...new Map(indexed.map((i) => [`${i.kind}:${i.hash}`, i])).values()];
    const statements = [
      // The `erased` event's (lead_id, seq) goes first: a concurrent writer makes the whole batch fail and retry.
      ...(await appendStatements(db, vault, workspaceId, state.seq, plan.next, [plan.event], now)),
      // The person's key goes in the same batch as the tombstone: every copy of their data is now unreadable.
      ...destroyPersonKeysOfLeads(db, workspaceId, [leadId]),
      ...erasureStatements(db, workspaceId, leadId, plan, identities, now),
      // Messages name the lead (and agendas name several): their bodies and keys go, and unsent ones are never sent.
      ...(await eraseMessagesStatements(db, workspaceId, [leadId], PERSON_ERASED_ERROR)),
    ];
    const result = { lead: plan.next, erased: true };
    // The answer is the tombstone, which names no one; the person's key dies in this very batch.
    await runBatch(
      db,
      idempotency ? [...statements, ...(await idempotency.remember(result, null))] : statements,
    );
    return result;
  });
}
