import { ConflictError, PreconditionFailedError } from '../../errors';
import { say } from '../../i18n';
import type { Caller } from '../../tokens';
import { applyEvent, type LeadState } from '../lead';
import { planAccept } from './accept';
import { planAssign } from './assign';
import { planAttempt } from './attempt';
import { checkCaller } from './caller';
import { planFeedback } from './feedback';
import { planLost } from './lost';
import { planNurture } from './nurture';
import { occurredAtOf } from './occurred-at';
import { planOpportunity } from './opportunity';
import { planQualify } from './qualify';
import { planReject } from './reject';
import type { ActionType, LeadAction } from './schemas';
import { allowedActions } from './stage-machine';
import type { ActionPlan, ActiveAgreement, PlannedEvents, PlannerContext, TeamMember } from './types';
import { planWon } from './won';

type Planner<T extends ActionType> = (
  action: Extract<LeadAction, { type: T }>,
  context: PlannerContext,
) => PlannedEvents;

/** One planner per action: each knows its own inputs and the agreement rules that apply to them. */
const PLANNERS: { [T in ActionType]: Planner<T> } = {
  attempt: planAttempt,
  accept: planAccept,
  qualify: planQualify,
  reject: planReject,
  nurture: planNurture,
  opportunity: planOpportunity,
  won: planWon,
  lost: planLost,
  feedback: planFeedback,
  assign: planAssign,
};

function planOne<T extends ActionType>(action: Extract<LeadAction, { type: T }>, context: PlannerContext) {
  return (PLANNERS[action.type] as Planner<T>)(action, context);
}

/**
 * Plans one action on a lead: checks what every action shares (an erased
 * lead, the caller, the stage machine, an agreement in force, the time), then
 * hands the action to its planner and returns the events to append with the
 * lead they make. Throws `ConflictError` (409) with `allowedActions` when the
 * stage does not allow the action, and for the attempt rule with what is
 * `missing`; `InvalidError` (422) for input the agreement does not know;
 * `forbidden` for a caller outside the role rules (`checkCaller`).
 */
export function planAction(
  state: LeadState,
  action: LeadAction,
  agreement: ActiveAgreement | null,
  caller: Pick<Caller, 'tokenId' | 'role' | 'memberId'>,
  now: Date,
  team: readonly TeamMember[] = [],
): ActionPlan {
  if (state.erasedAt) {
    throw new ConflictError(say('leadErased'), {
      stage: state.stage,
      allowedActions: [],
    });
  }
  checkCaller(state, action.type, caller);
  const allowed = allowedActions(state);
  if (!allowed.includes(action.type)) {
    throw new ConflictError(
      allowed.length === 0
        ? say('notHandedOver', { stage: state.stage })
        : say('actionNotAllowed', { stage: state.stage, action: action.type, allowed: allowed.join(', ') }),
      { stage: state.stage, allowedActions: allowed },
    );
  }
  if (!agreement) {
    throw new PreconditionFailedError(say('noActiveAgreement'));
  }
  const { events, outcome } = planOne(action, {
    state,
    content: agreement.content,
    memberId: caller.memberId,
    team,
    base: {
      occurredAt: occurredAtOf(action.occurredAt, state, now),
      actor: { type: 'token', id: caller.tokenId },
      sourceId: null,
      campaign: null,
      agreementVersion: agreement.version,
    },
  });
  let next = state;
  for (const event of events) next = applyEvent(next, event);
  return { events, next, outcome };
}
