import type { WonAction } from './schemas';
import { type PlannedEvents, type PlannerContext, withNote } from './types';

/** A closed deal with its revenue, in the currency named, else the opportunity's, else the agreement's goal currency. */
export function planWon(
  action: WonAction,
  { base, memberId, state, content }: PlannerContext,
): PlannedEvents {
  return {
    events: [
      {
        ...base,
        type: 'won',
        payload: {
          memberId,
          amount: action.amount,
          currency: action.currency ?? state.sales.currency ?? content.goals.currency,
          ...withNote(action.note),
        },
      },
    ],
    outcome: null,
  };
}
