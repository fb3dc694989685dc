import { type BusinessCalendar, businessHoursBetween } from '../business-time';
import { LEAD_DEADLINE_KINDS, type LeadDeadlineKind } from '../sla/constants';
import type { ReportGroup, ReportRange } from './query';

/**
 * The report (DOMAIN.md, "The report"): pure folding of the rows the aggregate
 * queries return (worker/db/queries/reports.ts) into metrics per group and in total.
 *
 * Counting rule. A lead counts once per metric in a report: at the first time
 * inside the range it reached that stage. Grouped by month, it counts in that
 * month; grouped by source, campaign or owner, in its lead's group. So the
 * groups always add up to the totals.
 */

/** Stages and outcomes a lead reaches, each counted by the event that marks it. */
export const STAGE_METRICS = [
  'lead',
  'mql',
  'sal',
  'sql',
  'hot',
  'opportunity',
  'won',
  'nurture',
  'disqualified',
  'lost',
] as const;
export type StageMetric = (typeof STAGE_METRICS)[number];

/** One (group, metric) count, with what the report breaks it down by. */
export interface StageRow {
  key: string | null;
  metric: StageMetric;
  leads: number;
  /** Among them, leads that match every required ICP criterion. */
  icpMatch: number;
  /** Among them, leads with an owner (in sales' hands). */
  owned: number;
  /** Among them, leads still being worked now (stage mql, sal, sql or opportunity). */
  open: number;
  /** Won amounts in the report currency (or without a currency). */
  revenue: number;
  /** The same, for leads whose first source has origin `marketing`. */
  marketingRevenue: number;
}

export const REASON_KINDS = ['nurture', 'disqualified', 'lost', 'rejected'] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

/** Leads per reason code: `rejected` counts every rejection, `nurture`/`disqualified` where they went, `lost` lost deals. */
export interface ReasonRow {
  key: string | null;
  kind: ReasonKind;
  reason: string;
  leads: number;
}

/** One MQL of the range: when its SLA clock started and when sales first tried to reach it. */
export interface FirstTouchRow {
  key: string | null;
  startedAt: string;
  firstTouchAt: string | null;
  agreementVersion: number | null;
}

export const SLA_OUTCOMES = ['met', 'met_late', 'breached', 'open'] as const;
export type SlaOutcome = (typeof SLA_OUTCOMES)[number];

export interface SlaRow {
  key: string | null;
  kind: LeadDeadlineKind;
  outcome: SlaOutcome;
  deadlines: number;
}

/** A campaign's cohort: leads it touched inside the range, and how far they have come by now. */
export interface CampaignRow {
  campaign: string;
  touched: number;
  leads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  won: number;
  revenue: number;
}

/** ICP accounts (company domains) touched inside the range, and those touched by enough distinct actions. */
export interface CoverageCounts {
  icpAccounts: number;
  covered: number;
}

export interface CurrencyRow {
  currency: string;
  won: number;
  revenue: number;
}

export interface Quantiles {
  median: number | null;
  p90: number | null;
}

export interface TimeToFirstTouch {
  /** MQLs of the range that sales has tried to reach. */
  touched: number;
  /** MQLs of the range nobody has tried to reach yet. */
  untouched: number;
  wallClockHours: Quantiles;
  /** In the agreement's business hours (the version the lead's clock started under). */
  businessHours: Quantiles;
}

export interface SlaCompliance {
  met: number;
  metLate: number;
  breached: number;
  /** Still running (pending or due soon): not yet counted either way. */
  open: number;
  /** met / (met + metLate + breached); null before any deadline was decided. */
  compliance: number | null;
}

export const CONVERSIONS = ['lead_mql', 'mql_sal', 'mql_sql', 'sql_opportunity', 'opportunity_won'] as const;
export type Conversion = (typeof CONVERSIONS)[number];

export interface ReasonCounts {
  leads: number;
  reasons: Record<string, number>;
}

export interface ReportMetrics {
  leads: number;
  mqls: number;
  mqlsMatchingIcp: number;
  handedToSales: number;
  /** Accepted by sales (SAL). */
  accepted: number;
  /** MQLs of the range still being worked. */
  inProgress: number;
  /** Qualified with a sales temperature of hot (buying soon, by the agreement's horizon). */
  hotLeads: number;
  sqls: number;
  opportunities: number;
  won: number;
  wonRevenue: number;
  marketingSourcedRevenue: number;
  nurture: ReasonCounts;
  disqualified: ReasonCounts;
  lost: ReasonCounts;
  rejectionReasons: Record<string, number>;
  /** Later stage ÷ earlier stage in the same range; null when the earlier stage is 0. */
  conversion: Record<Conversion, number | null>;
  timeToFirstTouch: TimeToFirstTouch;
  sla: Record<LeadDeadlineKind, SlaCompliance>;
}

export interface ReportGroupRow extends ReportMetrics {
  key: string | null;
  label: string;
}

export interface CampaignFunnel extends CampaignRow {
  /** The campaign record with this key, when marketing registered one. */
  campaignId: string | null;
  name: string | null;
  channel: string | null;
}

export interface AccountCoverage {
  /** An account counts as covered at this many distinct marketing actions. */
  minActions: number;
  /** ICP accounts (company domains with a lead matching every required criterion) touched in the range. */
  icpAccounts: number;
  covered: number;
  share: number | null;
}

export interface Report {
  from: string;
  to: string;
  timezone: string;
  groupBy: ReportGroup | null;
  currency: string | null;
  totals: ReportMetrics;
  groups: ReportGroupRow[];
  campaigns: CampaignFunnel[];
  accountCoverage: AccountCoverage;
  /** Won deals in other currencies: counted in `won`, never added to revenue. */
  otherCurrencies: CurrencyRow[];
}

/** The marketing KPI practitioners recommend: ICP accounts touched by at least three different actions. */
export const COVERAGE_MIN_ACTIONS = 3;

const HOUR = 3_600_000;

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * The p-quantile by linear interpolation between closest ranks, as spreadsheets'
 * PERCENTILE.INC and MEDIAN compute it, so a manager checking in the sheet gets
 * the same number. Null for no values.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (rank - lo);
}

function quantilesOf(values: number[]): Quantiles {
  const sorted = [...values].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const p90 = quantile(sorted, 0.9);
  return { median: median === null ? null : round(median, 2), p90: p90 === null ? null : round(p90, 2) };
}

/**
 * Time from the SLA clock's start to the first attempt, wall-clock and in
 * business hours. An attempt logged before the clock started counts as 0.
 * Business hours use the calendar of the agreement version the lead's clock
 * started under; leads without one (no signed agreement) are left out of them.
 */
export function timeToFirstTouch(
  rows: readonly FirstTouchRow[],
  calendarOf: (version: number | null) => BusinessCalendar | null,
): TimeToFirstTouch {
  const wall: number[] = [];
  const business: number[] = [];
  let untouched = 0;
  for (const row of rows) {
    if (!row.firstTouchAt) {
      untouched += 1;
      continue;
    }
    const start = new Date(row.startedAt);
    const touch = new Date(row.firstTouchAt);
    wall.push(Math.max(0, touch.getTime() - start.getTime()) / HOUR);
    const calendar = calendarOf(row.agreementVersion);
    if (calendar) business.push(Math.max(0, businessHoursBetween(start, touch, calendar)));
  }
  return {
    touched: wall.length,
    untouched,
    wallClockHours: quantilesOf(wall),
    businessHours: quantilesOf(business),
  };
}

function ratio(later: number, earlier: number): number | null {
  return earlier === 0 ? null : round(later / earlier, 4);
}

function emptyStageTotals(): Record<StageMetric, Omit<StageRow, 'key' | 'metric'>> {
  const zero = { leads: 0, icpMatch: 0, owned: 0, open: 0, revenue: 0, marketingRevenue: 0 };
  return Object.fromEntries(STAGE_METRICS.map((m) => [m, { ...zero }])) as Record<
    StageMetric,
    Omit<StageRow, 'key' | 'metric'>
  >;
}

function slaOf(rows: readonly SlaRow[]): Record<LeadDeadlineKind, SlaCompliance> {
  const out = {} as Record<LeadDeadlineKind, SlaCompliance>;
  for (const kind of LEAD_DEADLINE_KINDS) {
    const count = (outcome: SlaOutcome) =>
      rows.filter((r) => r.kind === kind && r.outcome === outcome).reduce((n, r) => n + r.deadlines, 0);
    const met = count('met');
    const metLate = count('met_late');
    const breached = count('breached');
    out[kind] = {
      met,
      metLate,
      breached,
      open: count('open'),
      compliance: ratio(met, met + metLate + breached),
    };
  }
  return out;
}

function reasonCounts(rows: readonly ReasonRow[], kind: ReasonKind, leads: number): ReasonCounts {
  const reasons: Record<string, number> = {};
  for (const row of rows) if (row.kind === kind) reasons[row.reason] = (reasons[row.reason] ?? 0) + row.leads;
  return { leads, reasons: sortedRecord(reasons) };
}

/** Most frequent first, then by code, so the report reads top-down. */
function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(record).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)),
  );
}

export interface MetricRows {
  stages: readonly StageRow[];
  reasons: readonly ReasonRow[];
  firstTouches: readonly FirstTouchRow[];
  sla: readonly SlaRow[];
}

/** Every metric of one group (or of the whole report) from its rows. */
export function metricsOf(
  rows: MetricRows,
  calendarOf: (version: number | null) => BusinessCalendar | null,
): ReportMetrics {
  const s = emptyStageTotals();
  for (const row of rows.stages) {
    const t = s[row.metric];
    t.leads += row.leads;
    t.icpMatch += row.icpMatch;
    t.owned += row.owned;
    t.open += row.open;
    t.revenue += row.revenue;
    t.marketingRevenue += row.marketingRevenue;
  }
  const rejectionReasons = reasonCounts(rows.reasons, 'rejected', 0).reasons;
  return {
    leads: s.lead.leads,
    mqls: s.mql.leads,
    mqlsMatchingIcp: s.mql.icpMatch,
    handedToSales: s.mql.owned,
    accepted: s.sal.leads,
    inProgress: s.mql.open,
    hotLeads: s.hot.leads,
    sqls: s.sql.leads,
    opportunities: s.opportunity.leads,
    won: s.won.leads,
    wonRevenue: round(s.won.revenue, 2),
    marketingSourcedRevenue: round(s.won.marketingRevenue, 2),
    nurture: reasonCounts(rows.reasons, 'nurture', s.nurture.leads),
    disqualified: reasonCounts(rows.reasons, 'disqualified', s.disqualified.leads),
    lost: reasonCounts(rows.reasons, 'lost', s.lost.leads),
    rejectionReasons,
    conversion: {
      lead_mql: ratio(s.mql.leads, s.lead.leads),
      mql_sal: ratio(s.sal.leads, s.mql.leads),
      mql_sql: ratio(s.sql.leads, s.mql.leads),
      sql_opportunity: ratio(s.opportunity.leads, s.sql.leads),
      opportunity_won: ratio(s.won.leads, s.opportunity.leads),
    },
    timeToFirstTouch: timeToFirstTouch(rows.firstTouches, calendarOf),
    sla: slaOf(rows.sla),
  };
}

export interface ReportInput {
  range: ReportRange;
  groupBy: ReportGroup | null;
  currency: string | null;
  rows: MetricRows;
  campaigns: readonly CampaignRow[];
  coverage: CoverageCounts;
  otherCurrencies: readonly CurrencyRow[];
  /** Display names of group keys (source names, member names, campaign names). */
  labels: ReadonlyMap<string, string>;
  /** Registered campaigns by their key (the value the ledger records as `campaign`). */
  campaignRecords: ReadonlyMap<string, { id: string; name: string; channel: string }>;
  calendarOf: (version: number | null) => BusinessCalendar | null;
}

const NO_GROUP_LABEL: Record<ReportGroup, string> = {
  source: '(no source)',
  campaign: '(no campaign)',
  owner: '(unassigned)',
  month: '(none)',
};

/** Splits the rows by group key in one pass. */
function byKey(rows: MetricRows): Map<string | null, MetricRows> {
  const out = new Map<
    string | null,
    { stages: StageRow[]; reasons: ReasonRow[]; firstTouches: FirstTouchRow[]; sla: SlaRow[] }
  >();
  const bucket = (key: string | null) => {
    let b = out.get(key);
    if (!b) {
      b = { stages: [], reasons: [], firstTouches: [], sla: [] };
      out.set(key, b);
    }
    return b;
  };
  for (const r of rows.stages) bucket(r.key).stages.push(r);
  for (const r of rows.reasons) bucket(r.key).reasons.push(r);
  for (const r of rows.firstTouches) bucket(r.key).firstTouches.push(r);
  for (const r of rows.sla) bucket(r.key).sla.push(r);
  return out;
}

const NO_ROWS: MetricRows = { stages: [], reasons: [], firstTouches: [], sla: [] };

/** Assembles the report: totals, one row per group (every month of the range for `month`), campaigns, coverage. */
export function buildReport(input: ReportInput): Report {
  const { range, groupBy, rows } = input;
  const buckets = byKey(rows);
  let groups: ReportGroupRow[] = [];
  if (groupBy === 'month') {
    groups = range.months.map((m) => ({
      key: m.month,
      label: m.month,
      ...metricsOf(buckets.get(m.month) ?? NO_ROWS, input.calendarOf),
    }));
  } else if (groupBy) {
    groups = [...buckets.entries()]
      .map(([key, bucket]) => ({
        key,
        label: key === null ? NO_GROUP_LABEL[groupBy] : (input.labels.get(key) ?? key),
        ...metricsOf(bucket, input.calendarOf),
      }))
      .sort((a, b) => b.leads - a.leads || b.mqls - a.mqls || a.label.localeCompare(b.label));
  }

  const campaigns = input.campaigns
    .map((c) => {
      const record = input.campaignRecords.get(c.campaign);
      return {
        ...c,
        revenue: round(c.revenue, 2),
        campaignId: record?.id ?? null,
        name: record?.name ?? null,
        channel: record?.channel ?? null,
      };
    })
    .sort((a, b) => b.touched - a.touched || a.campaign.localeCompare(b.campaign));

  const { icpAccounts, covered } = input.coverage;

  return {
    from: range.start,
    to: range.end,
    timezone: range.timezone,
    groupBy,
    currency: input.currency,
    totals: metricsOf(rows, input.calendarOf),
    groups,
    campaigns,
    accountCoverage: {
      minActions: COVERAGE_MIN_ACTIONS,
      icpAccounts,
      covered,
      share: ratio(covered, icpAccounts),
    },
    otherCurrencies: [...input.otherCurrencies].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
