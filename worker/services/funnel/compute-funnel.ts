import { stageRows } from '../../db/queries/reports';
import { requireWorkspace } from '../../db/queries/workspaces';
import type { ComputeFunnelRequest, FunnelPlan, FunnelRate } from '../../domain/funnel';
import {
  asksForHistory,
  assertHistoryAvailable,
  planFunnel,
  type ResolvedRate,
  resolveRates,
  TEAM_RATE_WINDOW_DAYS,
} from '../../domain/reports/plan';
import { rangeStageCounts, stageActualsOf } from '../../domain/reports/stage-actuals';
import { localDateOf } from '../../domain/zoned-time';
import type { ServiceContext } from '../context';

export interface ComputedFunnel extends FunnelPlan {
  /** Each rate with its origin (`given`, `history`, `default`, `passed-through`), as a plan shows them. */
  rateOrigins: Record<FunnelRate, ResolvedRate>;
  currency: string | null;
}

/**
 * The reverse funnel without storing anything, by the plan's rate rule: the
 * same body gives the same stages here and in `PUT /v1/funnel/plans/{period}`.
 * Reads the ledger only when a rate asks for the team's history.
 */
export async function computeFunnelPlan({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ComputeFunnelRequest;
}): Promise<ComputedFunnel> {
  let period = input.period;
  if (!period) {
    const year = localDateOf(ctx.now, (await requireWorkspace(ctx.db, ctx.workspaceId)).timezone).slice(0, 4);
    period = { start: `${year}-01-01`, end: `${year}-12-31` };
  }
  const window = asksForHistory(input.rates)
    ? rangeStageCounts(
        stageActualsOf(
          await stageRows(ctx.db, {
            workspaceId: ctx.workspaceId,
            from: new Date(ctx.now.getTime() - TEAM_RATE_WINDOW_DAYS * 86_400_000).toISOString(),
            to: ctx.now.toISOString(),
            groupBy: null,
            months: [],
            currency: null,
          }),
        ),
      )
    : null;
  const rates = resolveRates(input.rates, window);
  assertHistoryAvailable(input.rates, rates);
  return { ...planFunnel(input, period, rates), rateOrigins: rates, currency: input.currency };
}
