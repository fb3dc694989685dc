import { requireWorkspace } from '../../db/queries/workspaces';
import type { Report } from '../../domain/reports/metrics';
import { type ReportQuery, type ReportRange, reportRangeOf } from '../../domain/reports/query';
import type { ServiceContext } from '../context';
import { reportOf } from './report-of';

/**
 * The report for the dates asked (local to the workspace; default this month),
 * grouped as asked, with the range it covers (a CSV's file name names it).
 */
export async function getReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ReportQuery;
}): Promise<{ report: Report; range: ReportRange }> {
  const workspace = await requireWorkspace(ctx.db, ctx.workspaceId);
  const range = reportRangeOf(input, workspace.timezone, ctx.now);
  const report = await reportOf({ ctx, input: { range, groupBy: input.groupBy ?? null } });
  return { report, range };
}
