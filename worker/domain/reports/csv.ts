import { LEAD_DEADLINE_KINDS } from '../sla/constants';
import { CONVERSIONS, type Report, type ReportMetrics } from './metrics';
import type { ReportTable } from './query';

/**
 * The report as CSV (RFC 4180: comma-separated, CRLF, fields quoted when they
 * hold a comma, quote or line break), one table per call, for the sheet's
 * report tab and for anyone who prefers a spreadsheet.
 */

type Cell = string | number | null;

/**
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR
 * first) gets a leading apostrophe: a campaign named `=HYPERLINK(...)` stays text.
 * Numbers are written as they are.
 */
function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

const METRIC_COLUMNS = [
  'leads',
  'mqls',
  'mqls_matching_icp',
  'handed_to_sales',
  'accepted',
  'in_progress',
  'hot_leads',
  'sqls',
  'opportunities',
  'won',
  'won_revenue',
  'marketing_sourced_revenue',
  'nurture',
  'disqualified',
  'lost',
  ...CONVERSIONS.map((c) => `conversion_${c}`),
  'first_touch_touched',
  'first_touch_untouched',
  'first_touch_median_hours',
  'first_touch_p90_hours',
  'first_touch_median_business_hours',
  'first_touch_p90_business_hours',
  ...LEAD_DEADLINE_KINDS.flatMap((k) => [
    `sla_${k}_met`,
    `sla_${k}_met_late`,
    `sla_${k}_breached`,
    `sla_${k}_open`,
    `sla_${k}_compliance`,
  ]),
] as const;

function metricCells(m: ReportMetrics): Cell[] {
  const t = m.timeToFirstTouch;
  return [
    m.leads,
    m.mqls,
    m.mqlsMatchingIcp,
    m.handedToSales,
    m.accepted,
    m.inProgress,
    m.hotLeads,
    m.sqls,
    m.opportunities,
    m.won,
    m.wonRevenue,
    m.marketingSourcedRevenue,
    m.nurture.leads,
    m.disqualified.leads,
    m.lost.leads,
    ...CONVERSIONS.map((c) => m.conversion[c]),
    t.touched,
    t.untouched,
    t.wallClockHours.median,
    t.wallClockHours.p90,
    t.businessHours.median,
    t.businessHours.p90,
    ...LEAD_DEADLINE_KINDS.flatMap((k) => {
      const s = m.sla[k];
      return [s.met, s.metLate, s.breached, s.open, s.compliance];
    }),
  ];
}

const TOTAL = 'Total';

/** One table of the report as CSV: `groups` (metrics per group and a Total row), `campaigns` or `reasons`. */
export function reportCsv(report: Report, table: ReportTable): string {
  if (table === 'campaigns') {
    return toCsv(
      ['campaign', 'name', 'channel', 'touched', 'leads', 'mqls', 'sqls', 'opportunities', 'won', 'revenue'],
      report.campaigns.map((c) => [
        c.campaign,
        c.name,
        c.channel,
        c.touched,
        c.leads,
        c.mqls,
        c.sqls,
        c.opportunities,
        c.won,
        c.revenue,
      ]),
    );
  }
  if (table === 'reasons') {
    const rows: Cell[][] = [];
    const add = (group: string, m: ReportMetrics) => {
      for (const [kind, counts] of [
        ['nurture', m.nurture.reasons],
        ['disqualified', m.disqualified.reasons],
        ['lost', m.lost.reasons],
        ['rejected', m.rejectionReasons],
      ] as const) {
        for (const [reason, leads] of Object.entries(counts)) rows.push([group, kind, reason, leads]);
      }
    };
    for (const g of report.groups) add(g.label, g);
    add(TOTAL, report.totals);
    return toCsv(['group', 'kind', 'reason', 'leads'], rows);
  }
  return toCsv(
    ['group', 'key', ...METRIC_COLUMNS],
    [
      ...report.groups.map((g) => [g.label, g.key, ...metricCells(g)]),
      [TOTAL, null, ...metricCells(report.totals)],
    ],
  );
}
