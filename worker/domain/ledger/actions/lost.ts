import type { LostAction } from './schemas';
import { type PlannedEvents, type PlannerContext, withNote } from './types';

/** A deal lost, always with a reason code (the agreement's or the team's own, such as `chose_competitor`). */
export function planLost(action: LostAction, { base, memberId }: PlannerContext): PlannedEvents {
  return {
    events: [
      { ...base, type: 'lost', payload: { memberId, reason: action.reason, ...withNote(action.note) } },
    ],
    outcome: null,
  };
}
