import { getActiveAgreement } from '../../db/queries/agreement';
import {
  calendarsFor,
  campaignRecords,
  campaignRows,
  coverageOf,
  currencyRows,
  firstTouchRows,
  labelsFor,
  type ReportScope,
  reasonRows,
  slaRows,
  stageRows,
} from '../../db/queries/reports';
import { otherCurrencies, reportCurrency } from '../../domain/reports/currency';
import { buildReport, type Report } from '../../domain/reports/metrics';
import type { ReportGroup, ReportRange } from '../../domain/reports/query';
import type { ServiceContext } from '../context';

/**
 * The report for a range, grouped as asked: the ledger's rows in the report's currency (the
 * agreement's, else the one most revenue was won in), the labels of the groups, the calendars the
 * first touches were timed by; the metrics are the domain's (`buildReport`).
 */
export async function reportOf({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { range: ReportRange; groupBy: ReportGroup | null };
}): Promise<Report> {
  const { db, workspaceId } = ctx;
  const { range, groupBy } = input;
  const active = await getActiveAgreement(db, workspaceId);
  const base = { workspaceId, from: range.from, to: range.to, groupBy, months: range.months };
  const currencies = await currencyRows(db, base);
  const currency = reportCurrency(active?.content.goals.currency ?? null, currencies);
  const scope: ReportScope = { ...base, currency };
  const [stages, reasons, firstTouches, sla, campaignsTouched, coverage, labels] = await Promise.all([
    stageRows(db, scope),
    reasonRows(db, scope),
    firstTouchRows(db, scope),
    slaRows(db, scope),
    campaignRows(db, scope),
    coverageOf(db, scope),
    labelsFor(db, workspaceId, groupBy),
  ]);
  const campaignKeys = new Set(campaignsTouched.map((c) => c.campaign));
  if (groupBy === 'campaign') for (const r of stages) if (r.key !== null) campaignKeys.add(r.key);
  const records = await campaignRecords(db, workspaceId, [...campaignKeys]);
  if (groupBy === 'campaign') for (const [key, record] of records) labels.set(key, record.name);
  const versions = new Set(
    firstTouches.map((r) => r.agreementVersion).filter((v): v is number => v !== null),
  );
  const calendarOf = await calendarsFor(
    db,
    workspaceId,
    versions,
    active ? { version: active.version, content: active.content } : null,
  );
  return buildReport({
    range,
    groupBy,
    currency,
    rows: { stages, reasons, firstTouches, sla },
    campaigns: campaignsTouched,
    coverage,
    otherCurrencies: otherCurrencies(currencies, currency),
    labels,
    campaignRecords: records,
    calendarOf,
  });
}
