import type { OpportunityAction } from './schemas';
import { type PlannedEvents, type PlannerContext, withNote } from './types';

/** The SQL becomes a deal in progress, with its expected amount when known. */
export function planOpportunity(
  action: OpportunityAction,
  { base, memberId }: PlannerContext,
): PlannedEvents {
  return {
    events: [
      {
        ...base,
        type: 'opportunity',
        payload: {
          memberId,
          ...(action.amount === undefined ? {} : { amount: action.amount }),
          ...(action.currency === undefined ? {} : { currency: action.currency }),
          ...withNote(action.note),
        },
      },
    ],
    outcome: null,
  };
}
