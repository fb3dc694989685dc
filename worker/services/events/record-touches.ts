import { idempotencyHooks } from '../../db/queries/idempotency';
import { loadJudgingAgreement } from '../../db/queries/judging';
import { recordTouches as appendTouches, type TouchResult } from '../../db/queries/touches';
import { requireWorkspace } from '../../db/queries/workspaces';
import type { Idempotency, StoredAnswer } from '../../domain/idempotency';
import type { TouchInput } from '../../domain/ledger/touches';
import type { CallerContext } from '../context';

export type { TouchResult };

/**
 * Records up to 100 touches for the caller's token, judged by the agreement in
 * force (the draft before the first signature): every touch lands or none does.
 */
export async function recordTouches({
  ctx,
  input,
}: {
  ctx: CallerContext;
  input: { events: readonly TouchInput[]; idempotency?: Idempotency<TouchResult[]> };
}): Promise<TouchResult[] | StoredAnswer> {
  const workspace = await requireWorkspace(ctx.db, ctx.workspaceId);
  const agreement = await loadJudgingAgreement(ctx.db, workspace);
  return appendTouches(
    ctx.db,
    ctx.workspaceId,
    input.events,
    agreement,
    { type: 'token', id: ctx.caller.tokenId },
    ctx.now,
    input.idempotency ? idempotencyHooks(ctx.db, ctx.workspaceId, input.idempotency, ctx.now) : undefined,
  );
}
