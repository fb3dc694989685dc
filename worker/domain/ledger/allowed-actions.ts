import type { Caller } from '../tokens';
import { type ActionType, allowedActions, checkCaller } from './actions';
import type { LeadState } from './lead';

/**
 * The actions this caller may take on this lead now: what the stage allows,
 * narrowed by the same role rules `planAction` enforces (a sales person bound
 * to a member acts on their own or unowned leads; marketing gives feedback and
 * logs nurture touches). The lead's GET answers it, so the sheet offers exactly
 * what the Worker would accept. Input-dependent rules (the attempt rule, a
 * reason the checklist contradicts) are still the action's to refuse.
 */
export function actionsAllowedFor(
  state: Pick<LeadState, 'stage' | 'erasedAt' | 'ownerId'>,
  caller: Pick<Caller, 'role' | 'memberId'>,
): ActionType[] {
  return allowedActions(state).filter((type) => {
    try {
      checkCaller(state, type, caller);
      return true;
    } catch {
      return false;
    }
  });
}
