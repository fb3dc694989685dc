import { getActiveAgreement } from '../../db/queries/agreement';
import { currencyRows, type ReportScope, stageRows } from '../../db/queries/reports';
import { requireWorkspace } from '../../db/queries/workspaces';
import type { ActiveAgreement } from '../../domain/agreement';
import { reportCurrency } from '../../domain/reports/currency';
import { instantRangeOf, monthBucketsOf, type PlanPeriod } from '../../domain/reports/period';
import {
  asksForHistory,
  buildPlanView,
  type PlanView,
  resolveRates,
  type StoredPlan,
  teamRateWindow,
} from '../../domain/reports/plan';
import { monthlyActuals, rangeStageCounts, stageActualsOf } from '../../domain/reports/stage-actuals';
import type { Workspace } from '../../domain/workspace';
import type { ServiceContext } from '../context';

/** The workspace and its active agreement when the caller read them already (null: read, and none is active). */
export interface KnownWorkspace {
  workspace: Workspace;
  active?: ActiveAgreement | null;
}

/**
 * A plan beside the ledger's actuals at `ctx.now`: per month of its period the flow counts, in the
 * plan's currency (else the agreement's, else the ledger's own), and the team's rates from the
 * window before now when a rate asks for history. The arithmetic is the domain's (`buildPlanView`).
 */
export async function planViewOf({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { stored: StoredPlan; period: PlanPeriod; known?: KnownWorkspace };
}): Promise<PlanView> {
  const { db, workspaceId, now } = ctx;
  const { stored, period, known } = input;
  const [workspace, active] = await Promise.all([
    known?.workspace ?? requireWorkspace(db, workspaceId),
    known?.active !== undefined ? known.active : getActiveAgreement(db, workspaceId),
  ]);
  const timezone = workspace.timezone;
  const months = monthBucketsOf(period, timezone);
  const range = instantRangeOf(period, timezone);
  const base = { workspaceId, from: range.from, to: range.to, groupBy: 'month' as const, months };
  const currency = reportCurrency(
    stored.currency ?? active?.content.goals.currency ?? null,
    await currencyRows(db, base),
  );
  const window = teamRateWindow(period, timezone, now);
  const windowScope: ReportScope = { workspaceId, ...window, groupBy: null, months: [], currency };
  const [byMonth, windowRows] = await Promise.all([
    stageRows(db, { ...base, currency }),
    asksForHistory(stored.rates) ? stageRows(db, windowScope) : Promise.resolve(null),
  ]);
  return buildPlanView({
    stored,
    period,
    timezone,
    currency,
    rates: resolveRates(stored.rates, windowRows ? rangeStageCounts(stageActualsOf(windowRows)) : null),
    actualByMonth: monthlyActuals(stageActualsOf(byMonth)),
    now,
  });
}
