import type { Language } from '../constants';
import { type Catalogue, catalogueOf } from '../i18n/catalogue';
import { fill } from '../i18n/format';
import { LEAD_DEADLINE_KINDS } from '../sla/constants';
import { CONVERSIONS, type Report, type ReportMetrics } from './metrics';
import type { ReportTable } from './query';

/**
 * The report as CSV, one table per call, for the sheet's report tab and for
 * anyone who prefers a spreadsheet. Two dialects:
 * - `rfc4180` (default): comma-separated, CRLF, `.` decimals — what the sheet and tools read;
 * - `excel`: what Excel opens right in the team's locale — a UTF-8 BOM (else Excel
 *   reads the bytes as the ANSI code page and Polish letters break), for
 *   pl/ro/ru a `;` separator and `,` decimals, as those locales' list separator is `;`,
 *   and headers (and the Total row, the reason kinds) in the language, since a person reads it.
 * The machine dialect keeps the English column keys: scripts and the sheet find
 * columns by them, whatever the team's language.
 */

type Cell = string | number | null;

export const CSV_DIALECTS = ['rfc4180', 'excel'] as const;
export type CsvDialectName = (typeof CSV_DIALECTS)[number];

export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
  bom: boolean;
  /** The language headers and labels are written in; null: the stable English keys. */
  words: Language | null;
}

const RFC4180: CsvDialect = { separator: ',', decimal: '.', bom: false, words: null };

/** Locales whose Excel splits on `;` and writes decimals with a comma. */
const SEMICOLON_LANGUAGES: ReadonlySet<Language> = new Set(['pl', 'ro', 'ru']);

/** The dialect a name asks for, for a team of `language`. */
export function csvDialect(name: CsvDialectName, language: Language): CsvDialect {
  if (name === 'rfc4180') return RFC4180;
  return SEMICOLON_LANGUAGES.has(language)
    ? { separator: ';', decimal: ',', bom: true, words: language }
    : { separator: ',', decimal: '.', bom: true, words: language };
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

/** Column keys (`won_revenue`) are written bare; translated headers and every data text cell are quoted. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  dialect: CsvDialect = RFC4180,
): string {
  const lines = [
    header.map((h) => (/^[a-z0-9_]+$/.test(h) ? h : cell(h, dialect))).join(dialect.separator),
    ...rows.map((r) => r.map((v) => cell(v, dialect)).join(dialect.separator)),
  ];
  return `${dialect.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

type CsvWords = Catalogue['csv'];

/** A column: its stable key (the machine dialect's header) and its header for a person. */
interface Column {
  key: string;
  header: (words: CsvWords) => string;
}

const column = (key: keyof CsvWords['columns']): Column => ({ key, header: (words) => words.columns[key] });

const SLA_OUTCOMES = ['met', 'met_late', 'breached', 'open', 'compliance'] as const;

const METRIC_COLUMNS: readonly Column[] = [
  column('leads'),
  column('mqls'),
  column('mqls_matching_icp'),
  column('handed_to_sales'),
  column('accepted'),
  column('in_progress'),
  column('hot_leads'),
  column('sqls'),
  column('opportunities'),
  column('won'),
  column('won_revenue'),
  column('marketing_sourced_revenue'),
  column('nurture'),
  column('disqualified'),
  column('lost'),
  ...CONVERSIONS.map((c) => ({ key: `conversion_${c}`, header: (words: CsvWords) => words.conversions[c] })),
  column('first_touch_touched'),
  column('first_touch_untouched'),
  column('first_touch_median_hours'),
  column('first_touch_p90_hours'),
  column('first_touch_median_business_hours'),
  column('first_touch_p90_business_hours'),
  ...LEAD_DEADLINE_KINDS.flatMap((k) =>
    SLA_OUTCOMES.map((outcome) => ({
      key: `sla_${k}_${outcome}`,
      header: (words: CsvWords) =>
        fill(words.sla, { deadline: words.deadlines[k], outcome: words.outcomes[outcome] }),
    })),
  ),
];

const CAMPAIGN_COLUMNS = (
  [
    'campaign',
    'name',
    'channel',
    'touched',
    'leads',
    'mqls',
    'sqls',
    'opportunities',
    'won',
    'revenue',
  ] as const
).map(column);
const REASON_COLUMNS = (['group', 'kind', 'reason', 'leads'] as const).map(column);
const GROUP_COLUMNS = [column('group'), column('key'), ...METRIC_COLUMNS];

/** The header row: the keys, or the words of the dialect's language. */
function headerOf(columns: readonly Column[], dialect: CsvDialect): string[] {
  const words = dialect.words === null ? null : catalogueOf(dialect.words).csv;
  return columns.map((c) => (words === null ? c.key : c.header(words)));
}

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

/** One table of the report as CSV: `groups` (metrics per group and a Total row), `campaigns` or `reasons`. */
export function reportCsv(report: Report, table: ReportTable, dialect: CsvDialect = RFC4180): string {
  const words = dialect.words === null ? null : catalogueOf(dialect.words).csv;
  // The Total row and the reason kinds are words too; the machine dialect keeps them as keys.
  const total = words?.total ?? 'Total';
  if (table === 'campaigns') {
    return toCsv(
      headerOf(CAMPAIGN_COLUMNS, dialect),
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
        const said = words?.kinds[kind] ?? kind;
        for (const [reason, leads] of Object.entries(counts)) rows.push([group, said, reason, leads]);
      }
    };
    for (const g of report.groups) add(g.label, g);
    add(total, report.totals);
    return toCsv(headerOf(REASON_COLUMNS, dialect), rows, dialect);
  }
  return toCsv(
    headerOf(GROUP_COLUMNS, dialect),
    [
      ...report.groups.map((g) => [g.label, g.key, ...metricCells(g)]),
      [total, null, ...metricCells(report.totals)],
    ],
    dialect,
  );
}
