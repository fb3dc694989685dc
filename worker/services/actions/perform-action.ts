import { runBatch } from '../../db/batch';
import { retryOnConflict } from '../../db/conflict';
import { loadTeam } from '../../db/queries/actions';
import { getActiveAgreement } from '../../db/queries/agreement';
import { type IdempotencyHooks, idempotencyHooks } from '../../db/queries/idempotency';
import { appendStatements, getLeadState, type StoredEvent, storedEvents } from '../../db/queries/leads';
import type { Idempotency, StoredAnswer } from '../../domain/idempotency';
import {
  type ActionOutcome,
  type ActiveAgreement,
  type LeadAction,
  planAction,
} from '../../domain/ledger/actions';
import type { LeadState } from '../../domain/ledger/lead';
import { leadIfMatchAllows, staleLead } from '../../domain/ledger/lead-version';
import { newId } from '../../platform/ids';
import type { CallerContext } from '../context';
import { vaultOf } from '../privacy';

export interface ActionResult {
  lead: LeadState;
  /** The events this action appended, as stored. */
  events: StoredEvent[];
  outcome: ActionOutcome;
}

/**
 * Performs one action on a lead: loads the lead, the active agreement and the
 * team, plans the events (worker/domain/ledger/actions) and appends them
 * with the new projection in one batch. When another writer appended to the
 * lead first, the unique `(lead_id, seq)` refuses the batch and the action is
 * planned again on the fresh lead (its stage may no longer allow it, and an
 * `If-Match` naming the version read then no longer matches).
 */
export async function performAction({
  ctx,
  input,
}: {
  ctx: CallerContext;
  input: {
    leadId: string;
    action: LeadAction;
    /** The `If-Match` header: the action lands only on the lead version the caller read. */
    ifMatch?: string;
    /** With an `Idempotency-Key`: a retry answers the stored answer, and the key lands in the action's batch. */
    idempotency?: Idempotency<ActionResult>;
  };
}): Promise<ActionResult | StoredAnswer> {
  const { db, workspaceId, caller, now } = ctx;
  const { leadId, action, ifMatch } = input;
  const vault = vaultOf(ctx, workspaceId);
  const idempotency: IdempotencyHooks<ActionResult> | undefined = input.idempotency
    ? idempotencyHooks(db, vault, workspaceId, input.idempotency, now)
    : undefined;
  const [active, team] = await Promise.all([getActiveAgreement(db, workspaceId), loadTeam(db, workspaceId)]);
  const agreement: ActiveAgreement | null = active
    ? { version: active.version, content: active.content }
    : null;
  return retryOnConflict<ActionResult | StoredAnswer>(async () => {
    const earlier = await idempotency?.replay();
    if (earlier) return earlier;
    const state = await getLeadState(db, vault, workspaceId, leadId);
    if (!leadIfMatchAllows(ifMatch, state.seq)) throw staleLead(state.seq);
    const plan = planAction(state, action, agreement, caller, now, team);
    const ids = plan.events.map(() => newId('evt', now.getTime()));
    const result: ActionResult = {
      lead: plan.next,
      // Built from what was written, not read back: once the batch committed, nothing may fail the answer.
      events: storedEvents(state.seq, plan.events, ids, now),
      outcome: plan.outcome,
    };
    const statements = await appendStatements(
      db,
      vault,
      workspaceId,
      state.seq,
      plan.next,
      plan.events,
      now,
      ids,
    );
    // The answer shows the lead's view, so it is sealed with the person's key (used by this batch).
    await runBatch(
      db,
      idempotency ? [...statements, ...(await idempotency.remember(result, leadId))] : statements,
    );
    return result;
  });
}
