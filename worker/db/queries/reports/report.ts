import { reportCurrency } from '../../../domain/reports/currency';
import type { CurrencyRow, MetricRows, Report } from '../../../domain/reports/metrics';
import { buildReport } from '../../../domain/reports/metrics';
import type { ReportGroup, ReportRange } from '../../../domain/reports/query';
import type { Database } from '../../client';
import { getActiveAgreement } from '../agreement';
import {
  calendarsFor,
  campaignRecords,
  campaignRows,
  currencyRows,
  firstTouchRows,
  labelsFor,
  n,
  type Raw,
  reasonRows,
  slaRows,
  stageRows,
} from './report-rows';
import { coverageQuery, type ReportScope } from './report-sql';
/** The report for a range, grouped as asked. */
export async function getReport(
  db: Database,
  workspaceId: string,
  range: ReportRange,
  groupBy: ReportGroup | null,
): Promise<Report> {
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
    db.get<Raw>(coverageQuery(scope)),
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
  const rows: MetricRows = { stages, reasons, firstTouches, sla };
  const otherCurrencies: CurrencyRow[] = currencies
    .filter((c): c is CurrencyRow => c.currency !== null && c.currency !== currency)
    .map((c) => ({ currency: c.currency, won: c.won, revenue: Math.round(c.revenue * 100) / 100 }));
  return buildReport({
    range,
    groupBy,
    currency,
    rows,
    campaigns: campaignsTouched,
    coverage: { icpAccounts: n(coverage?.icpAccounts), covered: n(coverage?.covered) },
    otherCurrencies,
    labels,
    campaignRecords: records,
    calendarOf,
  });
}
