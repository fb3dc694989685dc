import type { ActiveAgreement } from '../../../domain/agreement';
import type { StageCounts } from '../../../domain/funnel';
import { reportCurrency } from '../../../domain/reports/currency';
import {
  instantRangeOf,
  monthBucketsOf,
  type PlanPeriod,
  planPeriodOf,
} from '../../../domain/reports/period';
import {
  asksForHistory,
  buildPlanView,
  type PlanView,
  resolveRates,
  type StageActuals,
  type StoredPlan,
  teamRateWindow,
} from '../../../domain/reports/plan';
import type { Workspace } from '../../../domain/workspace';
import type { Database } from '../../client';
import { getActiveAgreement } from '../agreement';
import { requireWorkspace } from '../workspaces';
import { currencyRows, stageRows } from './report-rows';
import type { ReportScope } from './report-sql';
import { getStoredPlan } from './stored-plans';

/** Flow counts per stage over `[from, to)`, per month bucket when `months` is given. */
async function stageActuals(db: Database, scope: ReportScope): Promise<Map<string | null, StageActuals>> {
  const rows = await stageRows(db, scope);
  const out = new Map<string | null, StageActuals>();
  for (const row of rows) {
    const a = out.get(row.key) ?? { lead: 0, mql: 0, sql: 0, opportunity: 0, won: 0, revenue: 0 };
    if (
      row.metric === 'lead' ||
      row.metric === 'mql' ||
      row.metric === 'sql' ||
      row.metric === 'opportunity'
    ) {
      a[row.metric] += row.leads;
    } else if (row.metric === 'won') {
      a.won += row.leads;
      a.revenue += row.revenue;
    }
    out.set(row.key, a);
  }
  return out;
}

/** Leads reaching each stage in `[from, to)`: what the team's own rates are read from. */
export async function windowStageCounts(
  db: Database,
  workspaceId: string,
  window: { from: string; to: string },
): Promise<StageCounts> {
  const counts = await stageActuals(db, {
    workspaceId,
    ...window,
    groupBy: null,
    months: [],
    currency: null,
  });
  return { lead: 0, mql: 0, sql: 0, opportunity: 0, won: 0, ...counts.get(null) };
}

/** The plan for `periodKey` beside the ledger's actuals at `now`. */
export async function getPlanView(
  db: Database,
  workspaceId: string,
  periodKey: string,
  now: Date,
  known?: KnownWorkspace,
): Promise<PlanView> {
  const stored = await getStoredPlan(db, workspaceId, periodKey);
  return planViewOf(db, workspaceId, stored, planPeriodOf(periodKey), now, known);
}

/** The workspace and its active agreement when the caller read them already (null: read, and none is active). */
export interface KnownWorkspace {
  workspace: Workspace;
  active?: ActiveAgreement | null;
}

export async function planViewOf(
  db: Database,
  workspaceId: string,
  stored: StoredPlan,
  period: PlanPeriod,
  now: Date,
  known?: KnownWorkspace,
): Promise<PlanView> {
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
  const needsTeamRates = asksForHistory(stored.rates);
  const window = teamRateWindow(period, timezone, now);
  const [byMonth, windowCounts] = await Promise.all([
    stageActuals(db, { ...base, currency }),
    needsTeamRates
      ? stageActuals(db, { workspaceId, ...window, groupBy: null, months: [], currency })
      : Promise.resolve(null),
  ]);
  const windowStages: StageCounts | null = windowCounts
    ? { lead: 0, mql: 0, sql: 0, opportunity: 0, won: 0, ...windowCounts.get(null) }
    : null;
  const actualByMonth = new Map<string, StageActuals>();
  for (const [key, value] of byMonth) if (key !== null) actualByMonth.set(key, value);
  return buildPlanView({
    stored,
    period,
    timezone,
    currency,
    rates: resolveRates(stored.rates, windowStages),
    actualByMonth,
    now,
  });
}
