import { ConflictError, InvalidError } from '../../errors';
import type { LeadState } from '../lead';
import type { AssignAction } from './schemas';
import { type PlannedEvents, type PlannerContext, type TeamMember, withNote } from './types';

function assignee(memberId: string, team: readonly TeamMember[], state: LeadState): TeamMember {
  const member = team.find((m) => m.id === memberId);
  const issue = (message: string) => new InvalidError(message, [{ path: 'memberId', message }]);
  if (!member) throw issue(`No member ${memberId} in this workspace.`);
  if (!member.active) throw issue(`${member.name} is inactive and cannot own leads.`);
  if (member.side !== 'sales')
    throw issue(`${member.name} is on the ${member.side} side; leads are owned by sales.`);
  if (state.ownerId === member.id) throw new ConflictError(`${member.name} already owns this lead.`);
  return member;
}

/** A new owner: an active sales member of the workspace who does not own the lead already. */
export function planAssign(
  action: AssignAction,
  { base, memberId, state, team }: PlannerContext,
): PlannedEvents {
  const member = assignee(action.memberId, team, state);
  return {
    events: [
      {
        ...base,
        type: 'assigned',
        payload: {
          memberId: member.id,
          previousMemberId: state.ownerId,
          byMemberId: memberId,
          ...withNote(action.note),
        },
      },
    ],
    outcome: null,
  };
}
