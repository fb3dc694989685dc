import type { Role } from '../../constants';
import { DomainError } from '../../errors';
import { type Said, say } from '../../i18n';
import type { Caller } from '../../tokens';
import type { LeadState } from '../lead';
import type { ActionType } from './schemas';

/**
 * The roles that act on any lead, whoever owns it: the only ones for whom
 * reassigning is a decision about the team rather than handing on their own
 * lead. The sheet offers its assign picker to these roles only.
 */
export const ACTS_ON_ANY_LEAD: readonly Role[] = ['admin', 'manager'];

function forbidden(message: Said): DomainError {
  return new DomainError('forbidden', message);
}

/**
 * Who may do what through the actions route (the route's permission already
 * keeps viewer and intake tokens out):
 * - admin and manager: every action the stage allows, on any lead;
 * - sales: the same, but a token bound to a member acts only on leads that
 *   member owns or that have no owner yet (feedback excepted); unbound sales
 *   tokens (integrations) act on any lead;
 * - marketing: `feedback` on any handed-over lead, and `attempt` only on a
 *   nurtured lead (a nurture touch). Engagement touches go to `POST /v1/events`.
 */
export function checkCaller(
  state: Pick<LeadState, 'stage' | 'ownerId'>,
  type: ActionType,
  caller: Pick<Caller, 'role' | 'memberId'>,
): void {
  const role: Role = caller.role;
  if (ACTS_ON_ANY_LEAD.includes(role)) return;
  if (role === 'marketing') {
    if (type === 'feedback') return;
    if (type === 'attempt' && state.stage === 'nurture') return;
    throw forbidden(
      type === 'attempt' ? say('marketingAttemptsOnlyNurture') : say('marketingNotAction', { action: type }),
    );
  }
  if (role === 'sales') {
    const owner = state.ownerId;
    if (type === 'feedback' || !caller.memberId || owner === null || owner === caller.memberId) return;
    throw forbidden(say('leadOwnedByOther', { owner }));
  }
  throw forbidden(say('roleNoLeads', { role }));
}
