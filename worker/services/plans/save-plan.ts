import { planCreatedAt, upsertPlan } from '../../db/queries/reports';
import { planPeriodOf } from '../../domain/reports/period';
import {
  assertHistoryAvailable,
  type PlanInput,
  type PlanView,
  type StoredPlan,
} from '../../domain/reports/plan';
import type { CallerContext } from '../context';
import { planViewOf } from './plan-view';

/**
 * Stores the plan's inputs for a year, quarter or month (replacing earlier
 * ones) and answers the plan beside its actuals. A plan that cannot be computed
 * (a rate asking for history the ledger does not hold) is refused before
 * anything is stored.
 */
export async function savePlan({
  ctx,
  input,
}: {
  ctx: CallerContext;
  input: { period: string; plan: PlanInput };
}): Promise<{ view: PlanView; created: boolean }> {
  const period = planPeriodOf(input.period);
  const at = ctx.now.toISOString();
  const createdAt = await planCreatedAt(ctx.db, ctx.workspaceId, input.period);
  const stored: StoredPlan = {
    period: input.period,
    ...input.plan,
    createdAt: createdAt ?? at,
    updatedAt: at,
    updatedBy: ctx.caller.tokenId,
  };
  const view = await planViewOf({ ctx, input: { stored, period } });
  assertHistoryAvailable(input.plan.rates, view.rates);
  await upsertPlan(ctx.db, ctx.workspaceId, stored);
  return { view, created: createdAt === undefined };
}
