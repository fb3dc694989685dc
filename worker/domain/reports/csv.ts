import type { Language } from '../constants';
import { LEAD_DEADLINE_KINDS } from '../sla/constants';
import { CONVERSIONS, type Report, type ReportMetrics } from './metrics';
import type { ReportTable } from './query';

/**
 * The report as CSV, one table per call, for the sheet's report tab and for
 * anyone who prefers a spreadsheet. Two dialects:
 * - `rfc4180` (default): comma-separated, CRLF, `.` decimals — what the sheet and tools read;
 * - `excel`: what Excel opens right in the team's locale — a UTF-8 BOM (else Excel
 *   reads the bytes as the ANSI code page and Polish letters break), and for
 *   pl/ro/ru a `;` separator and `,` decimals, as those locales' list separator is `;`.
 */

type Cell = string | number | null;

export const CSV_DIALECTS = ['rfc4180', 'excel'] as const;
export type CsvDialectName = (typeof CSV_DIALECTS)[number];

export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
  bom: boolean;
}

const RFC4180: CsvDialect = { separator: ',', decimal: '.', bom: false };

/** Locales whose Excel splits on `;` and writes decimals with a comma. */
const SEMICOLON_LANGUAGES: ReadonlySet<Language> = new Set(['pl', 'ro', 'ru']);

/** The dialect a name asks for, for a team of `language`. */
export function csvDialect(name: CsvDialectName, language: Language): CsvDialect {
  if (name === 'rfc4180') return RFC4180;
  return SEMICOLON_LANGUAGES.has(language)
    ? { separator: ';', decimal: ',', bom: true }
    : { separator: ',', decimal: '.', bom: true };
}

/**
 * Every text cell is quoted, so no separator inside it — `,`, or `;` in the
 * locales that split on it — can start a new cell, and text that a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
 * apostrophe: a campaign named `=HYPERLINK(...)` or `x;=cmd|…` stays text.
 * Numbers are written unquoted, with the dialect's decimal mark.
 */
function cell(value: Cell, dialect: CsvDialect): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = String(value);
    return dialect.decimal === '.' ? text : text.replace('.', dialect.decimal);
  }
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Header names are ours (fixed identifiers) and written bare; every data text cell is quoted. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  dialect: CsvDialect = RFC4180,
): string {
  const lines = [
    header.join(dialect.separator),
    ...rows.map((r) => r.map((v) => cell(v, dialect)).join(dialect.separator)),
  ];
  return `${dialect.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
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
export function reportCsv(report: Report, table: ReportTable, dialect: CsvDialect = RFC4180): string {
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
      dialect,
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
    return toCsv(['group', 'kind', 'reason', 'leads'], rows, dialect);
  }
  return toCsv(
    ['group', 'key', ...METRIC_COLUMNS],
    [
      ...report.groups.map((g) => [g.label, g.key, ...metricCells(g)]),
      [TOTAL, null, ...metricCells(report.totals)],
    ],
    dialect,
  );
}
