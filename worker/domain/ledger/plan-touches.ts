import { fieldIssue, InvalidError } from '../errors';
import { say } from '../i18n';
import type { LeadStage } from './constants';
import { type JudgingAgreement, judgeLead, type NewTouch } from './judge';
import {
  type Actor,
  applyEvent,
  type LeadState,
  type LedgerEvent,
  leadProfileOf,
  newLeadState,
} from './lead';
import type { RoutingCandidate, RoutingRule } from './routing';
import { FUTURE_SKEW_MS, type TouchInput } from './touches';

export interface TouchResult {
  index: number;
  leadId: string;
  stage: LeadStage;
  created: boolean;
}

/** One lead's part of a touch batch: the state it was read in (null: new), the state after, and the events between. */
export interface LeadWrite {
  before: LeadState | null;
  state: LeadState;
  events: LedgerEvent[];
}

export interface TouchPlan {
  results: TouchResult[];
  writes: LeadWrite[];
  /** The round-robin cursor after this batch's assignments (unchanged when nobody was assigned). */
  lastMemberId: string | null;
}

export interface TouchPlanInput {
  items: readonly TouchInput[];
  /** The leads the items name that exist, by e-mail or id. */
  known: readonly LeadState[];
  /** E-mails of people erased from the workspace (only those no live lead carries matter). */
  erased: ReadonlySet<string>;
  agreement: JudgingAgreement;
  routing: {
    rules: readonly RoutingRule[];
    lastMemberId: string | null;
    candidates: readonly RoutingCandidate[];
  };
  actor: Actor;
  now: Date;
  /** The id a prospect created by this batch gets. */
  newLeadId: () => string;
}

/** Refuses a batch with a touch later than now (beyond the forgiven clock skew), naming the first such item. */
export function refuseFutureTouches(items: readonly TouchInput[], now: Date): void {
  items.forEach((item, i) => {
    if (Date.parse(item.occurredAt) > now.getTime() + FUTURE_SKEW_MS) {
      throw new InvalidError(say('touchInFuture'), [
        fieldIssue(`events[${i}].occurredAt`, say('touchInFutureField')),
      ]);
    }
  });
}

const keyOf = (item: TouchInput) => (item.email ? `email:${item.email}` : `id:${item.leadId}`);

/**
 * Plans a batch of touches: every touch lands or none does. A touch naming an
 * unknown e-mail creates a prospect (it asked us for nothing yet); an unknown
 * leadId is the caller's mistake (422 naming the item); an erased person comes
 * back only through a new form with fresh consent, never through a tracked touch.
 * Each lead touched is then judged once, with all of its touches.
 */
export function planTouches(input: TouchPlanInput): TouchPlan {
  const { items, agreement, actor, now } = input;
  const entries = new Map<string, LeadWrite & { touches: NewTouch[] }>();
  const idOf = new Map<string, string>();
  for (const state of input.known) {
    entries.set(state.id, { before: state, state, events: [], touches: [] });
    if (state.profile.email) idOf.set(`email:${state.profile.email}`, state.id);
    idOf.set(`id:${state.id}`, state.id);
  }
  const results: TouchResult[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    let leadId = idOf.get(key);
    let created = false;
    if (!leadId) {
      if (!item.email) {
        throw new InvalidError(say('touchLeadUnknown'), [
          fieldIssue(`events[${index}].leadId`, say('touchLeadUnknownField', { id: item.leadId ?? '' })),
        ]);
      }
      if (input.erased.has(item.email)) {
        throw new InvalidError(say('touchErased'), [
          fieldIssue(`events[${index}].email`, say('touchErasedField')),
        ]);
      }
      const fresh = newLeadState(input.newLeadId(), item.occurredAt);
      const event: LedgerEvent = {
        type: 'created',
        occurredAt: item.occurredAt,
        actor,
        sourceId: null,
        campaign: item.campaign ?? null,
        agreementVersion: agreement.version,
        payload: { profile: { email: item.email }, createsLead: false, provider: 'events' },
      };
      entries.set(fresh.id, { before: null, state: applyEvent(fresh, event), events: [event], touches: [] });
      idOf.set(key, fresh.id);
      leadId = fresh.id;
      created = true;
    }
    const entry = entries.get(leadId);
    if (!entry) return;
    const touch: LedgerEvent = {
      type: 'touch',
      occurredAt: item.occurredAt,
      actor,
      sourceId: null,
      campaign: item.campaign ?? null,
      agreementVersion: agreement.version,
      payload: { touchType: item.type, url: item.url ?? null },
    };
    entry.events.push(touch);
    entry.state = applyEvent(entry.state, touch);
    entry.touches.push({ type: item.type, occurredAt: item.occurredAt, url: item.url ?? null });
    results.push({ index, leadId, stage: entry.state.stage, created });
  });

  const writes: LeadWrite[] = [];
  let lastMemberId = input.routing.lastMemberId;
  for (const entry of entries.values()) {
    if (entry.events.length === 0) continue;
    const judgement = judgeLead({
      state: entry.state,
      touches: entry.touches,
      profile: leadProfileOf(entry.state),
      agreement,
      candidates: input.routing.candidates,
      routing: { rules: input.routing.rules, lastMemberId },
      actor: { type: 'system', id: null },
      now,
    });
    for (const event of judgement.events) {
      entry.events.push(event);
      entry.state = applyEvent(entry.state, event);
    }
    if (judgement.assignedTo) lastMemberId = judgement.assignedTo;
    writes.push({ before: entry.before, state: entry.state, events: entry.events });
  }
  const stageOf = new Map(writes.map((w) => [w.state.id, w.state.stage]));
  return {
    results: results.map((r) => ({ ...r, stage: stageOf.get(r.leadId) ?? r.stage })),
    writes,
    lastMemberId,
  };
}
