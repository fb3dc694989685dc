import { ConflictError, fieldIssue, InvalidError } from '../../errors';
import { catalogueOf, type Said, say, verbatim } from '../../i18n';
import type { LeadState } from '../lead';
import type { AssignAction } from './schemas';
import { type PlannedEvents, type PlannerContext, type TeamMember, withNote } from './types';

function assignee(memberId: string, team: readonly TeamMember[], state: LeadState): TeamMember {
  const member = team.find((m) => m.id === memberId);
  const issue = (message: Said) => new InvalidError(message, [fieldIssue('memberId', message)]);
  if (!member) throw issue(say('memberUnknown', { id: memberId }));
  const name = verbatim(member.name);
  if (!member.active) throw issue(say('assigneeInactive', { name }));
  if (member.side !== 'sales') {
    const side = member.side;
    throw issue(
      say('assigneeNotSales', { name, side: (language) => catalogueOf(language).agenda.sides[side] }),
    );
  }
  if (state.ownerId === member.id) throw new ConflictError(say('alreadyOwns', { name }));
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
