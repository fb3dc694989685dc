import { identityConflictWarning } from '../ledger/identity';
import { type JudgingAgreement, judgeLead, type NewTouch } from '../ledger/judge';
import {
  type Actor,
  applyEvent,
  type LeadState,
  type LedgerEvent,
  leadProfileOf,
  newLeadState,
} from '../ledger/lead';
import type { RoutingCandidate, RoutingRule } from '../ledger/routing';
import type { SourceWithSecret } from '../ledger/sources';
import { profileChanges, profileOfSubmission } from './profile';
import type { CanonicalSubmission } from './types';

export interface SubmissionPlanInput {
  /** The lead the submission names (by e-mail or phone), or null for a new person. */
  existing: LeadState | null;
  /** Other leads the identity rule saw but did not pick: each becomes a warning on the touch. */
  conflicts: readonly string[];
  source: Pick<SourceWithSecret, 'id' | 'name' | 'createsLead'>;
  submission: CanonicalSubmission;
  agreement: JudgingAgreement;
  routing: { rules: RoutingRule[]; lastMemberId: string | null; candidates: RoutingCandidate[] };
  /** The judgement's instant: the delivery's arrival, so the SLA clock starts when the form was sent in. */
  now: Date;
  /** The id a new lead gets. */
  newLeadId: string;
}

export interface SubmissionPlan {
  state: LeadState;
  events: LedgerEvent[];
  /** The member routing gave the lead to, when it became an MQL. */
  assignedTo: string | null;
}

/**
 * What one delivery does to the ledger: a created lead (or a profile update and
 * a hand-raise on an existing one), the form touch, consent, then the agreement's
 * judgement (score, MQL, owner, deadlines). Pure: the caller writes the events.
 */
export function planSubmission(input: SubmissionPlanInput): SubmissionPlan {
  const { existing, source, submission, agreement, now } = input;
  const actor: Actor = { type: 'source', id: source.id };
  const base = {
    occurredAt: submission.submittedAt,
    actor,
    sourceId: source.id,
    campaign: submission.campaign,
    agreementVersion: agreement.version,
  };
  const events: LedgerEvent[] = [];
  const incoming = profileOfSubmission(submission);
  let state = existing ?? newLeadState(input.newLeadId, submission.submittedAt);
  const push = (event: LedgerEvent) => {
    events.push(event);
    state = applyEvent(state, event);
  };

  if (!existing) {
    push({
      ...base,
      type: 'created',
      payload: {
        profile: incoming,
        createsLead: source.createsLead,
        provider: submission.provider,
        utm: { source: submission.utmSource, medium: submission.utmMedium, campaign: submission.utmCampaign },
      },
    });
  } else {
    const changes = profileChanges(existing.profile, incoming);
    if (Object.keys(changes).length > 0) push({ ...base, type: 'profile_updated', payload: { changes } });
    if (source.createsLead && existing.stage === 'prospect')
      push({ ...base, type: 'became_lead', payload: {} });
  }
  const touch: NewTouch = { type: 'form_submitted', occurredAt: submission.submittedAt };
  push({
    ...base,
    type: 'touch',
    payload: {
      touchType: touch.type,
      provider: submission.provider,
      formId: submission.formId,
      formName: submission.formName,
      responseId: submission.responseId,
      message: submission.message,
      phoneRaw: submission.phoneRaw,
      answers: submission.answers,
      warnings: [...submission.warnings, ...input.conflicts.map(identityConflictWarning)],
    },
  });
  if (submission.consent === true && !state.consent) {
    push({
      ...base,
      type: 'consent_given',
      payload: { text: submission.consentText, purposes: ['contact'] },
    });
  }

  const judgement = judgeLead({
    state,
    touches: [touch],
    profile: leadProfileOf(state, [source.id, source.name]),
    agreement,
    candidates: input.routing.candidates,
    routing: input.routing,
    actor: { type: 'system', id: null },
    now,
    handRaise: source.createsLead,
  });
  for (const event of judgement.events) push(event);
  return { state, events, assignedTo: judgement.assignedTo };
}
