import type { LedgerEvent } from '../lead';
import type { AcceptAction } from './schemas';
import { type PlannedEvents, type PlannerContext, withNote } from './types';

/** Sales takes the lead on (an SAL); an active sales member accepting an unowned lead becomes its owner. */
export function planAccept(
  action: AcceptAction,
  { base, memberId, state, team }: PlannerContext,
): PlannedEvents {
  const events: LedgerEvent[] = [];
  const self = team.find((m) => m.id === memberId);
  if (state.ownerId === null && self?.active && self.side === 'sales') {
    events.push({
      ...base,
      type: 'assigned',
      payload: { memberId: self.id, previousMemberId: null, byMemberId: memberId },
    });
  }
  events.push({ ...base, type: 'accepted', payload: { memberId, ...withNote(action.note) } });
  return { events, outcome: null };
}
