import {
  type ActionOutcome,
  type ActiveAgreement,
  type LeadAction,
  planAction,
  type TeamMember,
} from '../../domain/ledger/actions';
import type { LeadState } from '../../domain/ledger/lead';
import { leadIfMatchAllows, staleLead } from '../../domain/ledger/lead-version';
import type { Caller } from '../../domain/tokens';
import { newId } from '../../platform/ids';
import { runBatch } from '../batch';
import type { Database } from '../client';
import { retryOnConflict } from '../conflict';
import { getActiveAgreement } from './agreement';
import type { IdempotencyHooks, StoredAnswer } from './idempotency';
import { appendStatements, getLeadState, type StoredEvent, storedEvents } from './leads';
import { listMembers } from './members';

/** How often an action retries when another writer appended to the same lead first. */
const MAX_ATTEMPTS = 8;

export interface ActionResult {
  lead: LeadState;
  /** The events this action appended, as stored. */
  events: StoredEvent[];
  outcome: ActionOutcome;
}

/** The team as the sales workflow sees it (every member, active or not: assignment names why one is refused). */
export async function loadTeam(db: Database, workspaceId: string): Promise<TeamMember[]> {
  const members = await listMembers(db, workspaceId);
  return members.map((m) => ({ id: m.id, name: m.name, side: m.side, active: m.active }));
}

/**
 * Performs one action on a lead: loads the lead, the active agreement and the
 * team, plans the events (worker/domain/ledger/actions.ts) and appends them
 * with the new projection in one batch. When another writer appended to the
 * lead first, the unique `(lead_id, seq)` refuses the batch and the action is
 * planned again on the fresh lead (its stage may no longer allow it, and an
 * `If-Match` naming the version read then no longer matches).
 */
export async function performAction(
  db: Database,
  workspaceId: string,
  leadId: string,
  action: LeadAction,
  caller: Caller,
  now: Date,
  /** The `If-Match` header: the action lands only on the lead version the caller read. */
  ifMatch?: string,
  /** With an `Idempotency-Key`: a retry answers the stored answer, and the key lands in the action's batch. */
  idempotency?: IdempotencyHooks<ActionResult>,
): Promise<ActionResult | StoredAnswer> {
  const [active, team] = await Promise.all([getActiveAgreement(db, workspaceId), loadTeam(db, workspaceId)]);
  const agreement: ActiveAgreement | null = active
    ? { version: active.version, content: active.content }
    : null;
  return retryOnConflict<ActionResult | StoredAnswer>(
    async () => {
      const earlier = await idempotency?.replay();
      if (earlier) return earlier;
      const state = await getLeadState(db, workspaceId, leadId);
      if (!leadIfMatchAllows(ifMatch, state.seq)) throw staleLead(state.seq);
      const plan = planAction(state, action, agreement, caller, now, team);
      const ids = plan.events.map(() => newId('evt', now.getTime()));
      const result: ActionResult = {
        lead: plan.next,
        // Built from what was written, not read back: once the batch committed, nothing may fail the answer.
        events: storedEvents(state.seq, plan.events, ids, now),
        outcome: plan.outcome,
      };
      const statements = appendStatements(db, workspaceId, state.seq, plan.next, plan.events, now, ids);
      await runBatch(db, idempotency ? [...statements, idempotency.remember(result)] : statements);
      return result;
    },
    { attempts: MAX_ATTEMPTS },
  );
}
