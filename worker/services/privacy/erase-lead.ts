import { type ErasureResult, eraseLead as erase } from '../../db/queries/erasure';
import { idempotencyHooks } from '../../db/queries/idempotency';
import type { Idempotency, StoredAnswer } from '../../domain/idempotency';
import type { CallerContext } from '../context';
import { vaultOf } from './vault';

export type { ErasureResult };

/** Erases the person behind a lead and their phone-only twins (GDPR), keeping an anonymous tombstone. */
export function eraseLead({
  ctx,
  input,
}: {
  ctx: CallerContext;
  input: { leadId: string; idempotency?: Idempotency<ErasureResult> };
}): Promise<ErasureResult | StoredAnswer> {
  const vault = vaultOf(ctx, ctx.workspaceId);
  return erase(
    ctx.db,
    vault,
    ctx.workspaceId,
    input.leadId,
    ctx.caller,
    ctx.now,
    input.idempotency
      ? idempotencyHooks(ctx.db, vault, ctx.workspaceId, input.idempotency, ctx.now)
      : undefined,
  );
}
