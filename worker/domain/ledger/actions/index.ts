/**
 * What sales (and, narrowly, marketing) may do with a handed-over lead, and the
 * events each action appends. Pure: the lead, the active agreement, the team
 * and the time are passed in; `planAction` dispatches to one planner per action
 * (`<action>.ts`) and answers the events or throws a DomainError the transport
 * maps (409 with `allowedActions`, 422 with paths...).
 */
export { planAccept } from './accept';
export { planAssign } from './assign';
export { planAttempt } from './attempt';
export { ACTS_ON_ANY_LEAD, checkCaller } from './caller';
export { planFeedback } from './feedback';
export { planLost } from './lost';
export { planNurture } from './nurture';
export { planOpportunity } from './opportunity';
export { planAction } from './plan-action';
export { planQualify } from './qualify';
export { planReject } from './reject';
export { missingAttempts } from './rejection-rule';
export * from './schemas';
export { allowedActions, STAGE_ACTIONS } from './stage-machine';
export type {
  ActionOutcome,
  ActionPlan,
  ActiveAgreement,
  PlannedEvents,
  PlannerContext,
  QualifyOutcome,
  RejectOutcome,
  TeamMember,
} from './types';
export { planWon } from './won';
