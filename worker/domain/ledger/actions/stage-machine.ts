import type { LeadStage } from '../constants';
import type { LeadState } from '../lead';
import type { ActionType } from './schemas';

/**
 * The stage machine: which actions each stage allows. Before the handover
 * (prospect, lead) the lead is marketing's; closed stages take feedback only.
 * `attempt` on a nurtured lead is a nurture touch (marketing's programme).
 */
export const STAGE_ACTIONS: Record<LeadStage, readonly ActionType[]> = {
  prospect: [],
  lead: [],
  mql: ['attempt', 'accept', 'reject', 'nurture', 'assign', 'feedback'],
  sal: ['attempt', 'qualify', 'reject', 'nurture', 'assign', 'feedback'],
  sql: ['attempt', 'opportunity', 'lost', 'nurture', 'assign', 'feedback'],
  opportunity: ['attempt', 'won', 'lost', 'nurture', 'assign', 'feedback'],
  won: ['feedback'],
  lost: ['feedback'],
  nurture: ['attempt', 'feedback'],
  disqualified: ['feedback'],
};

/** Actions whose validity depends on whether the person was ever reached (the attempt rule). */
export const BEFORE_SQL: readonly LeadStage[] = ['mql', 'sal'];

/** The actions a caller may take on a lead as it stands (empty once erased). */
export function allowedActions(state: Pick<LeadState, 'stage' | 'erasedAt'>): ActionType[] {
  return state.erasedAt ? [] : [...STAGE_ACTIONS[state.stage]];
}
