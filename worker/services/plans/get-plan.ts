import { getPlanView } from '../../db/queries/reports';
import type { PlanView } from '../../domain/reports/plan';
import type { ServiceContext } from '../context';

/** The stored plan of a period beside the ledger's actuals, pace and forecast at `ctx.now`; 404 when none. */
export function getPlan({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { period: string };
}): Promise<PlanView> {
  return getPlanView(ctx.db, ctx.workspaceId, input.period, ctx.now);
}
