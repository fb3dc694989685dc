import { failedDeliveryIds, getDelivery } from '../../db/queries/intake-deliveries';
import { NotFoundError } from '../../domain/errors';
import { thing } from '../../domain/i18n';
import type { ServiceContext } from '../context';
import { type DeliveryView, deliveryView } from './delivery-view';
import { judgeDeliveries } from './judge-deliveries';

/** Deliveries one bulk re-judge takes: what one request can judge well within its time. */
export const REJUDGE_LIMIT = 100;

/**
 * Judges one stored, failed or rejected delivery again now (after a fix to the
 * code or the source's field map) and answers where it stands. A judged
 * delivery stays as it is: it is never judged twice.
 */
export async function rejudgeDelivery({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string };
}): Promise<DeliveryView> {
  const before = await getDelivery(ctx.db, ctx.workspaceId, input.id);
  if (!before) throw new NotFoundError(thing('delivery'));
  if (before.status !== 'judged') {
    await judgeDeliveries({ ctx, input: { refs: [{ workspaceId: ctx.workspaceId, id: input.id }] } });
  }
  const after = await getDelivery(ctx.db, ctx.workspaceId, input.id);
  if (!after) throw new NotFoundError(thing('delivery'));
  return deliveryView(after);
}

/** Judges the workspace's failed deliveries again, oldest first, at most REJUDGE_LIMIT; answers how each ended. */
export async function rejudgeFailedDeliveries({
  ctx,
}: {
  ctx: ServiceContext;
}): Promise<{ tried: number; judged: number; rejected: number; failed: number }> {
  const ids = await failedDeliveryIds(ctx.db, ctx.workspaceId, REJUDGE_LIMIT);
  const outcomes = await judgeDeliveries({
    ctx,
    input: { refs: ids.map((id) => ({ workspaceId: ctx.workspaceId, id })) },
  });
  const count = (status: string) => [...outcomes.values()].filter((o) => o.status === status).length;
  return { tried: ids.length, judged: count('judged'), rejected: count('rejected'), failed: count('failed') };
}
