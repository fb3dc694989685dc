import { findStoredPlan } from '../../db/queries/reports';
import { NotFoundError } from '../../domain/errors';
import { thing } from '../../domain/i18n';
import { planPeriodOf } from '../../domain/reports/period';
import type { PlanView } from '../../domain/reports/plan';
import type { ServiceContext } from '../context';
import { type KnownWorkspace, planViewOf } from './plan-view';

/** The stored plan of a period beside the ledger's actuals, pace and forecast at `ctx.now`; 404 when none. */
export async function getPlan({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { period: string; known?: KnownWorkspace };
}): Promise<PlanView> {
  const stored = await findStoredPlan(ctx.db, ctx.workspaceId, input.period);
  if (!stored) throw new NotFoundError(thing('plan', { period: input.period }));
  return planViewOf({ ctx, input: { stored, period: planPeriodOf(input.period), known: input.known } });
}
