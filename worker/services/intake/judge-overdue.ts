import { overdueDeliveries } from '../../db/queries/intake-deliveries';
import type { DatabaseContext } from '../context';
import { judgeDeliveries } from './judge-deliveries';

/** A stored delivery unjudged for this long lost its queue message (or its consumer): the cron judges it. */
export const PICKUP_AFTER_MS = 60_000;
/** Deliveries one cron pass judges; more wait for the next minute. */
export const PICKUP_LIMIT = 500;

/**
 * The safety net under the queue: every stored delivery that arrived more than
 * PICKUP_AFTER_MS before `ctx.now` and is still unjudged gets judged now, in
 * every workspace. Answers how many it took and how they ended.
 */
export async function judgeOverdueDeliveries({
  ctx,
}: {
  ctx: DatabaseContext;
}): Promise<{ picked: number; judged: number; rejected: number; failed: number }> {
  const refs = await overdueDeliveries(ctx.db, new Date(ctx.now.getTime() - PICKUP_AFTER_MS), PICKUP_LIMIT);
  const outcomes = [...(await judgeDeliveries({ ctx, input: { refs } })).values()];
  const count = (status: string) => outcomes.filter((o) => o.status === status).length;
  return {
    picked: refs.length,
    judged: count('judged'),
    rejected: count('rejected'),
    failed: count('failed'),
  };
}
