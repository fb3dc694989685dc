import type { RejectionReason } from '../../agreement/schema';
import { InvalidError } from '../../errors';
import { say } from '../../i18n';
import { checkRejection, reasonsByCode, unknownReasonIssue } from './rejection-rule';
import type { RejectAction } from './schemas';
import { type PlannedEvents, type PlannerContext, withNote } from './types';

/**
 * Sales gives the lead back with the agreement's reasons: any disqualifying
 * reason disqualifies, otherwise it goes to nurture; each reason says which
 * criterion failed. Before SQL the rejection rule applies (attempts, checklist).
 */
export function planReject(
  action: RejectAction,
  { base, memberId, content, state }: PlannerContext,
): PlannedEvents {
  const reasons = reasonsByCode(content);
  const codes = [...new Set(action.reasons)];
  const unknown = codes.filter((code) => !reasons.has(code));
  if (unknown.length > 0) {
    throw new InvalidError(
      say('reasonsUnknown'),
      unknown.map((code) => unknownReasonIssue(`reasons[${action.reasons.indexOf(code)}]`, code, content)),
    );
  }
  const chosen = codes.map((code) => reasons.get(code) as RejectionReason);
  checkRejection(state, chosen, content, 'reject');
  const destination = chosen.some((r) => r.destination === 'disqualified') ? 'disqualified' : 'nurture';
  const labelOf = new Map(content.sqlCriteria.map((c) => [c.code, c.label]));
  return {
    events: [
      {
        ...base,
        type: 'rejected',
        payload: {
          memberId,
          reasons: codes,
          criteria: chosen.flatMap((r) => (r.criterion ? [r.criterion] : [])),
          destination,
          ...withNote(action.note),
        },
      },
    ],
    outcome: {
      type: 'reject',
      destination,
      because: chosen.map((r) => ({
        reason: r.code,
        label: r.label,
        criterion: r.criterion,
        criterionLabel: r.criterion ? (labelOf.get(r.criterion) ?? null) : null,
      })),
    },
  };
}
