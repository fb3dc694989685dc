import type { LeadProfile } from '../agreement/evaluate';
import {
  decayedPoints,
  evaluateIcp,
  evaluateMql,
  marketingTemperature,
  quadrantOf,
  scoreFit,
  touchPoints,
} from '../agreement/evaluate';
import type { Agreement } from '../agreement/schema';
import { planLeadDeadlines } from '../sla/deadlines';
import type { Actor, LeadState, LedgerEvent } from './lead';
import { pickOwner, type RoutingCandidate, type RoutingRule } from './routing';

/** The agreement a lead is judged by: the active version, or the draft (version null) before any signature. */
export interface JudgingAgreement {
  version: number | null;
  content: Agreement;
}

export interface NewTouch {
  type: string;
  occurredAt: string;
  url?: string | null;
}

/**
 * Engagement at `at`: the stored value decayed from when it was computed, plus
 * each new touch decayed from when it happened. Exponential decay makes this
 * exact without replaying old touches.
 */
export function engagementAt(
  state: LeadState,
  touches: readonly NewTouch[],
  agreement: Agreement,
  at: Date,
): number {
  const { engagement } = agreement.scoring;
  let total = state.engagementAt
    ? decayedPoints(state.engagement, Date.parse(state.engagementAt), at, engagement.halfLifeDays)
    : state.engagement;
  for (const touch of touches) {
    total += decayedPoints(
      touchPoints(engagement, touch),
      Date.parse(touch.occurredAt),
      at,
      engagement.halfLifeDays,
    );
  }
  return Math.round(total * 100) / 100;
}

export interface JudgeInput {
  /** The lead with this delivery's facts already folded in. */
  state: LeadState;
  touches: readonly NewTouch[];
  profile: LeadProfile;
  agreement: JudgingAgreement;
  /** Active sales members in a stable order, for round robin. */
  candidates: readonly RoutingCandidate[];
  routing: { rules: readonly RoutingRule[]; lastMemberId: string | null };
  actor: Actor;
  now: Date;
  /**
   * This change is the person asking again through a lead-creating form. A
   * nurtured lead that hands its hand up again, and passes the MQL rule, goes
   * back to sales with a new clock; touches alone keep it with marketing.
   */
  handRaise?: boolean;
}

export interface Judgement {
  events: LedgerEvent[];
  /** Set when a lead was assigned: the new round-robin cursor. */
  assignedTo: string | null;
  mqlMissing: string[];
}

/**
 * Re-scores a lead by the agreement and, under a signed agreement, makes it an
 * MQL (once per round with sales) and gives it an owner. Returns the events to append.
 */
export function judgeLead(input: JudgeInput): Judgement {
  const { state, agreement, now, actor } = input;
  const at = now.toISOString();
  const content = agreement.content;
  const base = { occurredAt: at, actor, sourceId: null, campaign: null, agreementVersion: agreement.version };
  const events: LedgerEvent[] = [];

  const fit = scoreFit(content, input.profile).fit;
  const engagement = engagementAt(state, input.touches, content, now);
  const quadrant = quadrantOf(fit, engagement, content.scoring);
  const icpMatch = evaluateIcp(content.icp, input.profile).requiredPassed;
  const counts = Object.entries(state.touchCounts).flatMap(([type, n]) =>
    Array.from({ length: Math.min(n, 100) }, () => ({ type })),
  );
  const temperature = marketingTemperature(content.temperature, counts);
  events.push({
    ...base,
    type: 'scored',
    payload: { fit, engagement, engagementAt: at, quadrant, icpMatch, marketingTemperature: temperature },
  });

  const mql = evaluateMql(content, { consent: state.consent, profile: input.profile, fit, engagement });
  let assignedTo: string | null = null;
  const eligible = state.stage === 'lead' || (state.stage === 'nurture' && input.handRaise === true);
  if (agreement.version !== null && eligible && mql.passed) {
    // The SLA clock starts here: its deadlines travel in the event, under the event's agreement version.
    const deadlines = planLeadDeadlines(content.sla, { quadrant, submittedAt: state.submittedAt, mqlAt: at });
    events.push({ ...base, type: 'mql', payload: { quadrant, fit, engagement, deadlines } });
    const owner = pickOwner(input.candidates, input.routing.rules, input.routing.lastMemberId, input.profile);
    if (owner) {
      assignedTo = owner.memberId;
      events.push({ ...base, type: 'assigned', payload: { memberId: owner.memberId, rule: owner.rule } });
    }
  }
  return { events, assignedTo, mqlMissing: mql.passed ? [] : mql.missing };
}
