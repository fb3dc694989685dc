import { fieldIssue, InvalidError } from '../../errors';
import { say } from '../../i18n';
import { checkRejection, reasonsByCode, unknownReasonIssue } from './rejection-rule';
import type { NurtureAction } from './schemas';
import { type PlannedEvents, type PlannerContext, withNote } from './types';

/** Back to marketing's nurture with one of the agreement's nurture reasons (a disqualifying one is a reject). */
export function planNurture(
  action: NurtureAction,
  { base, memberId, content, state }: PlannerContext,
): PlannedEvents {
  const reason = reasonsByCode(content).get(action.reason);
  if (!reason)
    throw new InvalidError(say('nurtureReasonUnknown'), [
      unknownReasonIssue('reason', action.reason, content),
    ]);
  if (reason.destination !== 'nurture') {
    throw new InvalidError(say('reasonDisqualifies', { code: reason.code }), [
      fieldIssue('reason', say('reasonMustNurture')),
    ]);
  }
  checkRejection(state, [reason], content, 'nurture');
  return {
    events: [
      { ...base, type: 'nurtured', payload: { memberId, reason: reason.code, ...withNote(action.note) } },
    ],
    outcome: null,
  };
}
