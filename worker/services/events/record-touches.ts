import { runBatch } from '../../db/batch';
import { retryOnConflict } from '../../db/conflict';
import { erasedEmails } from '../../db/queries/erasure';
import { idempotencyHooks } from '../../db/queries/idempotency';
import { loadJudgingAgreement } from '../../db/queries/judging';
import { appendStatements } from '../../db/queries/leads';
import { advanceCursorStatement, loadRouting } from '../../db/queries/routing';
import { leadsByEmailOrId } from '../../db/queries/touches';
import { requireWorkspace } from '../../db/queries/workspaces';
import { thing } from '../../domain/i18n';
import type { Idempotency, StoredAnswer } from '../../domain/idempotency';
import { planTouches, refuseFutureTouches, type TouchResult } from '../../domain/ledger/plan-touches';
import type { TouchInput } from '../../domain/ledger/touches';
import { newId } from '../../platform/ids';
import type { CallerContext } from '../context';
import { vaultOf } from '../privacy/vault';

export type { TouchResult };

/** Writers of the same leads retry on fresh state this many times before answering 503. */
const MAX_ATTEMPTS = 12;

/**
 * Records up to 100 touches for the caller's token, judged by the agreement in
 * force (the draft before the first signature): every touch lands or none does,
 * in one batch (with the idempotency key, when one was sent).
 */
export async function recordTouches({
  ctx,
  input,
}: {
  ctx: CallerContext;
  input: { events: readonly TouchInput[]; idempotency?: Idempotency<TouchResult[]> };
}): Promise<TouchResult[] | StoredAnswer> {
  const { db, workspaceId, now } = ctx;
  const vault = vaultOf(ctx, workspaceId);
  const items = input.events;
  refuseFutureTouches(items, now);
  const workspace = await requireWorkspace(db, workspaceId);
  const agreement = await loadJudgingAgreement(db, workspace);
  const idempotency = input.idempotency
    ? idempotencyHooks(db, vault, workspaceId, input.idempotency, now)
    : undefined;
  const emails = [...new Set(items.flatMap((t) => (t.email ? [t.email] : [])))];
  const ids = [...new Set(items.flatMap((t) => (t.leadId ? [t.leadId] : [])))];
  return retryOnConflict<TouchResult[] | StoredAnswer>(
    async () => {
      const earlier = await idempotency?.replay();
      if (earlier) return earlier;
      const [known, routing] = await Promise.all([
        leadsByEmailOrId(db, vault, workspaceId, { emails, ids }),
        loadRouting(db, workspaceId),
      ]);
      const live = new Set(known.map((lead) => lead.profile.email));
      const erased = await erasedEmails(
        db,
        vault,
        workspaceId,
        emails.filter((email) => !live.has(email)),
      );
      const plan = planTouches({
        items,
        known,
        erased,
        agreement,
        routing,
        actor: { type: 'token', id: ctx.caller.tokenId },
        now,
        newLeadId: () => newId('lead', now.getTime()),
      });
      const statements = (
        await Promise.all(
          plan.writes.map((w) =>
            appendStatements(db, vault, workspaceId, w.before?.seq ?? 0, w.state, w.events, now),
          ),
        )
      ).flat();
      if (plan.lastMemberId && plan.lastMemberId !== routing.lastMemberId) {
        statements.push(advanceCursorStatement(db, workspaceId, plan.lastMemberId, now));
      }
      // Touch results are ids, stages and flags: nothing personal, so the answer is kept plain.
      await runBatch(
        db,
        idempotency ? [...statements, ...(await idempotency.remember(plan.results, null))] : statements,
      );
      return plan.results;
    },
    { attempts: MAX_ATTEMPTS, what: thing('theseLeads') },
  );
}
