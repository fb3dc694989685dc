import type { AttemptAction } from './schemas';
import { type PlannedEvents, type PlannerContext, withNote } from './types';

/** A call, e-mail or message to the person, with its outcome: what the attempt rule counts. */
export function planAttempt(action: AttemptAction, { base, memberId }: PlannerContext): PlannedEvents {
  return {
    events: [
      {
        ...base,
        type: 'attempt',
        payload: { memberId, channel: action.channel, outcome: action.outcome, ...withNote(action.note) },
      },
    ],
    outcome: null,
  };
}
