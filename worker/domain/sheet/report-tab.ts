import { catalogueOf, fill, formatDate } from '../i18n';
import { CONVERSIONS, REASON_KINDS, type ReportMetrics } from '../reports/metrics';
import { LEAD_DEADLINE_KINDS } from '../sla/constants';
import type { TabInput } from './agreement-tab';
import { NAMED_RANGES } from './named-ranges';
import type { ReportPart } from './snapshot-parts';
import { GridBuilder, type GridCell, num, type TabGrid, text } from './tab-grid';

/**
 * The Report tab: the period's metrics (the Worker's report for the current
 * month, grouped by source), totals first, then by source and by campaign,
 * then the reasons given. Counts, money and rates are numbers with number
 * formats (money in the report's currency, rates as percentages), never
 * strings, so people can sum and chart them; the tables are named ranges.
 */
export function renderReportTab({ part, language }: TabInput<ReportPart>): TabGrid {
  const t = catalogueOf(language).sheet.reportTab;
  const kinds = catalogueOf(language).sheet.frame.kinds;
  const g = new GridBuilder();
  g.row('title', [
    fill(t.title, { from: formatDate(language, part.from), to: formatDate(language, part.to) }),
  ]);
  if (part.currency) g.row('plain', [t.currency, text(part.currency)]);

  g.blank();
  g.row('section', [t.totals]);
  g.row('header', [t.metric, t.value]);
  const totals = part.totals;
  const m = t.metrics;
  const lines: Array<[string, GridCell]> = [
    [m.leads, num(totals.leads)],
    [m.mqls, num(totals.mqls)],
    [m.mqlsMatchingIcp, num(totals.mqlsMatchingIcp)],
    [m.handedToSales, num(totals.handedToSales)],
    [m.accepted, num(totals.accepted)],
    [m.inProgress, num(totals.inProgress)],
    [m.hotLeads, num(totals.hotLeads)],
    [m.sqls, num(totals.sqls)],
    [m.opportunities, num(totals.opportunities)],
    [m.won, num(totals.won)],
    [m.wonRevenue, num(totals.wonRevenue, 'money')],
    [m.marketingSourcedRevenue, num(totals.marketingSourcedRevenue, 'money')],
    [m.nurture, num(totals.nurture.leads)],
    [m.disqualified, num(totals.disqualified.leads)],
    [m.lost, num(totals.lost.leads)],
    ...CONVERSIONS.map((c): [string, GridCell] => [t.conversions[c], num(totals.conversion[c], 'percent')]),
    ...LEAD_DEADLINE_KINDS.map((kind): [string, GridCell] => [
      fill(t.slaMet, { kind: kinds[kind] }),
      num(totals.sla[kind].compliance, 'percent'),
    ]),
    [m.untouched, num(totals.timeToFirstTouch.untouched)],
    [m.firstTouchMedian, num(totals.timeToFirstTouch.businessHours.median, 'decimal')],
    [m.firstTouchP90, num(totals.timeToFirstTouch.businessHours.p90, 'decimal')],
    [m.coverage, num(part.accountCoverage.share, 'percent')],
  ];
  const first = g.nextRow;
  for (const [label, cell] of lines) g.row('plain', [label, cell]);
  g.name(NAMED_RANGES.reportTotals, { row: first, column: 1, numRows: lines.length, numColumns: 2 });

  g.blank();
  g.row('section', [t.bySource]);
  const sourceHeader = [
    t.source,
    m.leads,
    m.mqls,
    m.sqls,
    m.opportunities,
    m.won,
    m.wonRevenue,
    m.marketingSourcedRevenue,
    t.conversions.lead_mql,
    t.conversions.mql_sql,
    fill(t.slaMet, { kind: kinds.first_touch }),
  ];
  const sourceRows = part.groups.map((group) => [
    text(group.key === null ? t.noSource : group.label),
    ...groupCells(group),
  ]);
  table(g, NAMED_RANGES.reportBySource, sourceHeader, sourceRows, t.noRows);

  g.blank();
  g.row('section', [t.byCampaign]);
  const campaignHeader = [
    t.campaign,
    t.campaignName,
    t.channel,
    t.touched,
    m.leads,
    m.mqls,
    m.sqls,
    m.opportunities,
    m.won,
    m.wonRevenue,
  ];
  const campaignRows = part.campaigns.map((c) => [
    text(c.campaign),
    text(c.name),
    text(c.channel),
    num(c.touched),
    num(c.leads),
    num(c.mqls),
    num(c.sqls),
    num(c.opportunities),
    num(c.won),
    num(c.revenue, 'money'),
  ]);
  table(g, NAMED_RANGES.reportByCampaign, campaignHeader, campaignRows, t.noRows);

  g.blank();
  g.row('section', [t.reasons]);
  const reasons = REASON_ORDER.flatMap((kind) =>
    Object.entries(kind === 'rejected' ? totals.rejectionReasons : totals[kind].reasons).map(
      ([code, count]) => [text(t.reasonKinds[kind]), text(part.reasonLabels?.[code] ?? code), num(count)],
    ),
  );
  if (reasons.length === 0) g.row('plain', [t.noReasons]);
  else {
    g.row('header', [t.kind, t.reason, t.count]);
    for (const row of reasons) g.row('plain', row);
  }

  if (part.otherCurrencies.length > 0) {
    g.blank();
    g.row('section', [t.otherCurrencies]);
    g.row('header', [t.currency, m.won, m.wonRevenue]);
    // Written as plain amounts: the tab's money format carries the report's own currency.
    for (const other of part.otherCurrencies)
      g.row('plain', [text(other.currency), num(other.won), num(other.revenue, 'decimal')]);
  }
  return g.build([330, 110, 100, 100, 110, 90, 130, 150, 110, 110, 150], part.currency);
}

/** Sales' rejections first: they are what the meeting discusses. */
const REASON_ORDER = ['rejected', ...REASON_KINDS.filter((k) => k !== 'rejected')] as const;

function groupCells(group: ReportMetrics): GridCell[] {
  return [
    num(group.leads),
    num(group.mqls),
    num(group.sqls),
    num(group.opportunities),
    num(group.won),
    num(group.wonRevenue, 'money'),
    num(group.marketingSourcedRevenue, 'money'),
    num(group.conversion.lead_mql, 'percent'),
    num(group.conversion.mql_sql, 'percent'),
    num(group.sla.first_touch.compliance, 'percent'),
  ];
}

/** A header and its rows, named from the header down so a chart picks up every row; a line when empty. */
function table(g: GridBuilder, name: string, header: string[], rows: GridCell[][], empty: string): void {
  const at = g.row('header', header);
  for (const row of rows) g.row('plain', row);
  g.name(name, { row: at, column: 1, numRows: rows.length + 1, numColumns: header.length });
  if (rows.length === 0) g.row('plain', [empty]);
}
