/**
 * What erasing one lead writes (GDPR), decided from what is stored about it:
 * the closing `erased` event, each event payload's anonymous remainder, which
 * consent texts go, the anonymous answer kept for each delivery, and the
 * e-mails and phones remembered so an import cannot bring the person back. Pure.
 */
import type { Host } from '../host';
import { personalMatcher, personalValuesOf, scrubPayload } from './erasure';
import { applyEvent, type LeadState, type LedgerEvent } from './lead';

/** A stored consent: its text opened (null once unreadable) and as stored (sealed). */
export interface ErasableConsent {
  id: string;
  text: string | null;
  sealedText: string | null;
}

/** A stored delivery that named the lead: its key and the answer kept for its retries. */
export interface ErasableDelivery {
  sourceId: string;
  key: string;
  response: Record<string, unknown> | null;
}

export interface ErasureInput {
  state: LeadState;
  events: readonly (LedgerEvent & { id: string })[];
  consents: readonly ErasableConsent[];
  deliveries: readonly ErasableDelivery[];
  caller: { tokenId: string; memberId: string | null };
  /** The active agreement's version when erased (null: none active). */
  agreementVersion: number | null;
  now: Date;
  host: Pick<Host, 'parseUrl'>;
}

export interface ErasurePlan {
  /** The `erased` event that closes the history, and the tombstone it leaves. */
  event: LedgerEvent;
  next: LeadState;
  /** Events whose payload changes: the anonymous remainder replaces it and the sealed copy goes. */
  scrubbedEvents: { id: string; payload: Record<string, unknown> }[];
  /** Each consent's text after erasure: null when it named the person, else the stored (sealed) text. */
  consentTexts: { id: string; text: string | null }[];
  /** Only the anonymous answer stays, so a late retry of a delivery is still a duplicate. */
  deliveryAnswers: (Omit<ErasableDelivery, 'response'> & {
    response: { leadId: string; stage: unknown; duplicate: false };
  })[];
  /** Every e-mail and phone the person used: remembered (by blind index) as erased. */
  identities: { kind: 'email' | 'phone'; value: string }[];
}

export function planErasure(input: ErasureInput): ErasurePlan {
  const { state, events, caller } = input;
  const values = personalValuesOf(state, events);
  const personal = personalMatcher(values);
  const event: LedgerEvent = {
    type: 'erased',
    occurredAt: input.now.toISOString(),
    actor: { type: 'token', id: caller.tokenId },
    sourceId: null,
    campaign: null,
    agreementVersion: input.agreementVersion,
    payload: { byMemberId: caller.memberId },
  };
  // The person's key is destroyed with the tombstone, which makes the sealed payloads unreadable; the plain
  // ones are scrubbed again (defence in depth: earlier values of the person are known only now).
  const scrubbedEvents = events.flatMap((e) => {
    const payload = scrubPayload(e.type, e.payload, personal, input.host);
    return JSON.stringify(payload) === JSON.stringify(e.payload) ? [] : [{ id: e.id, payload }];
  });
  return {
    event,
    next: applyEvent(state, event),
    scrubbedEvents,
    // A kept text stays sealed with the destroyed key: unreadable either way.
    consentTexts: input.consents.map((c) => ({
      id: c.id,
      text: c.text !== null && personal(c.text) ? null : c.sealedText,
    })),
    // Delivery keys are blind indexes: they name no one and stay, so a late retry still meets its row.
    deliveryAnswers: input.deliveries.map((d) => ({
      sourceId: d.sourceId,
      key: d.key,
      response: { leadId: state.id, stage: d.response?.stage ?? null, duplicate: false },
    })),
    identities: [
      ...values.emails.map((value) => ({ kind: 'email' as const, value })),
      ...values.phones.map((value) => ({ kind: 'phone' as const, value })),
    ],
  };
}
