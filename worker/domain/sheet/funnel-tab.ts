import type { Language } from '../constants';
import {
  FUNNEL_RATES,
  FUNNEL_STAGES,
  type FunnelRate,
  type FunnelStage,
  PACE_TOLERANCE,
} from '../funnel-constants';
import { catalogueOf } from '../i18n';
import { fill } from '../i18n/format';
import type { PlanView, StageActuals } from '../reports/plan';
import { columnLetters } from './a1';
import { type CellValue, safeText, sheetDate } from './cells';
import { OWNER_HEADER_COLOURS } from './columns';
import { moneyNumberFormat } from './tab-grid';

/**
 * The Funnel plan tab as cells: the plan's inputs twice — as LeadPact holds
 * them (grey) and as the manager's what-if (white, named `LeadPact_Plan_*`) —
 * and every output as a live formula over the what-if, so the sheet answers
 * "what if our SQL rate were 40%?" without a round trip, and computes exactly
 * what `computeFunnel` does for the same inputs. Actuals are values from the
 * snapshot; pace and forecast are formulas over NOW(), right between refreshes.
 *
 * Exactness. The Worker divides exact decimals; a sheet divides doubles, where
 * 21 / 0.7 is 30.000000000000004. So the formulas divide whole numbers only:
 * money in cents (ROUND(x*100)), rates in millionths (ROUND(r*10^6)), whose
 * quotients are either exact integers or at least 1/divisor away from one,
 * far beyond a double's error while the dividend stays below 2^53. The sheet
 * therefore equals the Worker for amounts in whole cents up to 90 trillion
 * and rates with at most six decimals (percentages to 0.0001%); a rate with
 * more decimals is taken to six in the sheet.
 */

/** What `GET /v1/sheet/snapshot` sends as its `plan` part (null while no plan exists). */
export type FunnelPlanPart = Omit<PlanView, 'pace' | 'months'> & {
  months: Array<{ month: string; actual: StageActuals | null }>;
};

export const INPUT_KEYS = [
  'revenueTarget',
  'averageDealSize',
  ...FUNNEL_RATES,
  'periodStart',
  'periodEnd',
  'marketingBudget',
] as const;
export type FunnelInputKey = (typeof INPUT_KEYS)[number];

/** The defined names of the what-if inputs, so formulas read as what they compute. */
export const INPUT_NAMES: Record<FunnelInputKey, string> = {
  revenueTarget: 'LeadPact_Plan_RevenueTarget',
  averageDealSize: 'LeadPact_Plan_AverageDealSize',
  lead_mql: 'LeadPact_Plan_LeadToMql',
  mql_sql: 'LeadPact_Plan_MqlToSql',
  sql_opportunity: 'LeadPact_Plan_SqlToOpportunity',
  opportunity_won: 'LeadPact_Plan_OpportunityToWon',
  periodStart: 'LeadPact_Plan_PeriodStart',
  periodEnd: 'LeadPact_Plan_PeriodEnd',
  marketingBudget: 'LeadPact_Plan_MarketingBudget',
};

/** Columns (1-based) and rows of the layout. Row 1 is the freshness line every tab has. */
export const FUNNEL_COLUMNS = { label: 1, plan: 2, whatIf: 3, origin: 4 } as const;
export const FUNNEL_ROWS = {
  title: 2,
  help: 3,
  inputsHeader: 5,
  firstInput: 6,
  elapsed: 6 + INPUT_KEYS.length,
  stagesHeader: 8 + INPUT_KEYS.length,
  firstStage: 9 + INPUT_KEYS.length,
} as const;
const STAGE_KEYS = [...FUNNEL_STAGES, 'revenue'] as const;
type StageKey = (typeof STAGE_KEYS)[number];
const MONTHS_HEADER = FUNNEL_ROWS.firstStage + STAGE_KEYS.length + 1;
const FIRST_MONTH = MONTHS_HEADER + 1;
/** The month table: month, days, plan per stage and revenue, actual per stage and revenue. */
const MONTH_PLAN_COLUMN = 3;
const MONTH_ACTUAL_COLUMN = MONTH_PLAN_COLUMN + STAGE_KEYS.length;
/** The snapshot's actuals by month, looked up by the month table (a what-if period may shift its months). */
const ACTUALS_COLUMN = MONTH_ACTUAL_COLUMN + STAGE_KEYS.length + 1;
export const FUNNEL_WIDTH = ACTUALS_COLUMN + STAGE_KEYS.length;
/** Month rows written at least (blank past the what-if period's end). */
const MIN_MONTH_ROWS = 12;

/** `$C$18`: an absolute reference. */
function abs(row: number, column: number): string {
  return `$${columnLetters(column)}$${row}`;
}

/**
 * The smaller and larger of two expressions. Written with IF because MIN and MAX
 * are missing from the formula engine the tests evaluate with; Sheets reads both.
 */
function least(a: string, b: string): string {
  return `IF(${a}<${b},${a},${b})`;
}
function greatest(a: string, b: string): string {
  return `IF(${a}>${b},${a},${b})`;
}

/** A text inside a formula: `"…"` with quotes doubled. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function inputRow(key: FunnelInputKey): number {
  return FUNNEL_ROWS.firstInput + INPUT_KEYS.indexOf(key);
}

export function stageRow(key: StageKey): number {
  return FUNNEL_ROWS.firstStage + STAGE_KEYS.indexOf(key);
}

/** The plan's value of one input as a cell: amounts and rates as numbers, dates as serials, no budget as blank. */
export function planInputValue(part: FunnelPlanPart, key: FunnelInputKey): CellValue {
  switch (key) {
    case 'revenueTarget':
      return part.inputs.revenueTarget;
    case 'averageDealSize':
      return part.inputs.averageDealSize;
    case 'periodStart':
      return sheetDate(part.period.start);
    case 'periodEnd':
      return sheetDate(part.period.end);
    case 'marketingBudget':
      return part.inputs.marketingBudget ?? '';
    default:
      return part.rates[key].value;
  }
}

const N = INPUT_NAMES;
const TOTAL_DAYS = `(${N.periodEnd}-${N.periodStart}+1)`;

/** The formulas of the what-if needs: won from money in cents, each earlier stage from the next in rate millionths. */
export function neededFormula(stage: StageKey): string {
  if (stage === 'revenue') return `=${N.revenueTarget}`;
  if (stage === 'won') return `=CEILING(ROUND(${N.revenueTarget}*100,0)/ROUND(${N.averageDealSize}*100,0),1)`;
  const next = FUNNEL_STAGES[FUNNEL_STAGES.indexOf(stage) + 1] as FunnelStage;
  const rate = `${stage}_${next}` as FunnelRate;
  return `=CEILING(${abs(stageRow(next), FUNNEL_COLUMNS.whatIf)}*1000000/ROUND(${N[rate]}*1000000,0),1)`;
}

export interface FunnelTabLayout {
  /** Rows from row 1 (the freshness line, left blank here), all FUNNEL_WIDTH wide. */
  grid: CellValue[][];
  numberFormats: string[][];
  backgrounds: string[][];
  bold: boolean[][];
  /** The what-if cells: where each input is and what the plan says it is. */
  inputs: Array<{ key: FunnelInputKey; row: number; planValue: CellValue }>;
  /** The chart's ranges (1-based): stage labels, what-if needs, actuals, headers included. */
  chart: { firstRow: number; numRows: number; columns: number[]; row: number; column: number };
}

/**
 * The tab for a plan (or the no-plan notice), in the team's language. The
 * what-if column holds the plan's values here; the writer keeps the person's
 * own values where the plan did not change.
 */
export function funnelTabLayout(part: FunnelPlanPart | null, language: Language): FunnelTabLayout {
  const t = catalogueOf(language).sheet.funnelTab;
  const grid: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const backgrounds: string[][] = [];
  const bold: boolean[][] = [];
  const put = (row: number, column: number, value: CellValue, format = '', background = '') => {
    while (grid.length < row) {
      grid.push(new Array<CellValue>(FUNNEL_WIDTH).fill(''));
      numberFormats.push(new Array<string>(FUNNEL_WIDTH).fill(''));
      backgrounds.push(new Array<string>(FUNNEL_WIDTH).fill(OWNER_HEADER_COLOURS.editable));
      bold.push(new Array<boolean>(FUNNEL_WIDTH).fill(false));
    }
    (grid[row - 1] as CellValue[])[column - 1] = value;
    (numberFormats[row - 1] as string[])[column - 1] = format;
    if (background) (backgrounds[row - 1] as string[])[column - 1] = background;
  };
  const header = (row: number, labels: Array<[number, string]>) => {
    for (const [column, label] of labels) {
      put(row, column, safeText(label), '', OWNER_HEADER_COLOURS.system);
      (bold[row - 1] as boolean[])[column - 1] = true;
    }
  };
  const grey = OWNER_HEADER_COLOURS.leadpact;
  put(1, 1, '');
  if (!part) {
    put(FUNNEL_ROWS.title, 1, safeText(t.noPlan));
    return { grid, numberFormats, backgrounds, bold, inputs: [], chart: noChart };
  }

  put(FUNNEL_ROWS.title, 1, safeText(fill(t.title, { period: part.period.key })));
  (bold[FUNNEL_ROWS.title - 1] as boolean[])[0] = true;
  put(FUNNEL_ROWS.help, 1, safeText(t.help));
  header(FUNNEL_ROWS.inputsHeader, [
    [FUNNEL_COLUMNS.label, t.inputsHeader.input],
    [FUNNEL_COLUMNS.plan, t.inputsHeader.fromLeadPact],
    [FUNNEL_COLUMNS.whatIf, t.inputsHeader.whatIf],
    [FUNNEL_COLUMNS.origin, t.inputsHeader.origin],
  ]);
  // The plan's amounts are in the currency it names, written as every money cell of the sheet is.
  const money = moneyNumberFormat(language, part.currency);
  const formatOf = (key: FunnelInputKey) =>
    key === 'periodStart' || key === 'periodEnd'
      ? 'yyyy-mm-dd'
      : (FUNNEL_RATES as readonly string[]).includes(key)
        ? '0.0###%'
        : money;
  const inputs: FunnelTabLayout['inputs'] = [];
  for (const key of INPUT_KEYS) {
    const row = inputRow(key);
    const label = (FUNNEL_RATES as readonly string[]).includes(key)
      ? t.rates[key as FunnelRate]
      : t.inputs[key as keyof typeof t.inputs];
    const value = planInputValue(part, key);
    put(row, FUNNEL_COLUMNS.label, safeText(label), '', grey);
    put(row, FUNNEL_COLUMNS.plan, value, formatOf(key), grey);
    put(row, FUNNEL_COLUMNS.whatIf, value, formatOf(key));
    const origin = (FUNNEL_RATES as readonly string[]).includes(key)
      ? safeText(t.origins[part.rates[key as FunnelRate].origin])
      : '';
    put(row, FUNNEL_COLUMNS.origin, origin, '', grey);
    inputs.push({ key, row, planValue: value });
  }
  const elapsed = abs(FUNNEL_ROWS.elapsed, FUNNEL_COLUMNS.whatIf);
  put(FUNNEL_ROWS.elapsed, FUNNEL_COLUMNS.label, safeText(t.inputs.elapsed), '', grey);
  put(FUNNEL_ROWS.elapsed, FUNNEL_COLUMNS.plan, '', '', grey);
  put(FUNNEL_ROWS.elapsed, FUNNEL_COLUMNS.origin, '', '', grey);
  put(
    FUNNEL_ROWS.elapsed,
    FUNNEL_COLUMNS.whatIf,
    `=${least('1', greatest('0', `(NOW()-${N.periodStart})/(${N.periodEnd}+1-${N.periodStart})`))}`,
    '0.0%',
    grey,
  );

  // Stages: needs, actuals, where the plan should be by now, pace, forecast, and the most one may cost.
  const h = t.stagesHeader;
  header(FUNNEL_ROWS.stagesHeader, [
    [1, h.stage],
    [2, h.fromLeadPact],
    [3, h.whatIf],
    [4, h.actual],
    [5, h.expected],
    [6, h.pace],
    [7, h.forecast],
    [8, h.maxCost],
  ]);
  for (const stage of STAGE_KEYS) {
    const row = stageRow(stage);
    const count = stage === 'revenue' ? money : '#,##0';
    const needed = abs(row, 3);
    const actual = `$D${row}`;
    const expected = `$E${row}`;
    const unit = stage === 'revenue' ? N.averageDealSize : '1';
    const margin = greatest(`${expected}*${PACE_TOLERANCE}`, unit);
    put(row, 1, safeText(t.stages[stage]), '', grey);
    put(row, 2, stage === 'revenue' ? part.plan.revenue : part.plan.stages[stage], count, grey);
    put(row, 3, neededFormula(stage), count, grey);
    put(row, 4, stage === 'revenue' ? part.actuals.revenue : part.actuals[stage], count, grey);
    put(row, 5, `=${needed}*${elapsed}`, stage === 'revenue' ? money : '#,##0.0', grey);
    put(
      row,
      6,
      `=IF(NOW()<=${N.periodStart},${quoted(t.pace.not_started)},IF(AND(${actual}<${expected},${expected}-${actual}>=${margin}),${quoted(t.pace.behind)},IF(AND(${actual}>${expected},${actual}-${expected}>=${margin}),${quoted(t.pace.ahead)},${quoted(t.pace.on_track)})))`,
      '',
      grey,
    );
    put(row, 7, `=IF(${elapsed}>0,${actual}/${elapsed},"")`, stage === 'revenue' ? money : '#,##0', grey);
    if (stage !== 'revenue')
      put(
        row,
        8,
        `=IF(ISBLANK(${N.marketingBudget}),"",INT(ROUND(${N.marketingBudget}*100,0)/${needed})/100)`,
        money,
        grey,
      );
  }

  // Months: the what-if period's months, each stage spread by cumulative rounding up as computeFunnel does.
  const m = t.monthsHeader;
  const monthHeader: Array<[number, string]> = [
    [1, m.month],
    [2, m.days],
  ];
  for (const [i, stage] of STAGE_KEYS.entries()) {
    monthHeader.push([MONTH_PLAN_COLUMN + i, `${t.stages[stage]} · ${m.planned}`]);
    monthHeader.push([MONTH_ACTUAL_COLUMN + i, `${t.stages[stage]} · ${m.actual}`]);
  }
  monthHeader.push([ACTUALS_COLUMN, t.actualsHeader]);
  header(MONTHS_HEADER, monthHeader);
  const lastMonthRow = FIRST_MONTH + part.months.length - 1;
  const table = `${abs(FIRST_MONTH, ACTUALS_COLUMN)}:${abs(lastMonthRow, FUNNEL_WIDTH)}`;
  // At least a year of rows, so a longer what-if period than a quarter's or a month's plan still shows its months.
  const monthRows = Math.max(part.months.length, MIN_MONTH_ROWS);
  for (let i = 0; i < monthRows; i++) {
    const month = part.months[i];
    const row = FIRST_MONTH + i;
    const first = `DATE(YEAR(${N.periodStart}),MONTH(${N.periodStart})+${i},1)`;
    const label = `$A${row}`;
    const days = `$B${row}`;
    const upTo = `SUM($B$${FIRST_MONTH}:$B${row})`;
    put(row, 1, `=IF(${first}>${N.periodEnd},"",${first})`, 'yyyy-mm', grey);
    put(
      row,
      2,
      `=IF(${label}="","",${least(`EOMONTH(${label},0)`, N.periodEnd)}-${greatest(label, N.periodStart)}+1)`,
      '0',
      grey,
    );
    for (const [k, stage] of STAGE_KEYS.entries()) {
      const total = abs(stageRow(stage), 3);
      const planCell =
        stage === 'revenue'
          ? `=IF(${label}="","",ROUND(${N.revenueTarget}*${days}/${TOTAL_DAYS},2))`
          : `=IF(${label}="","",CEILING(${total}*${upTo}/${TOTAL_DAYS},1)-CEILING(${total}*(${upTo}-${days})/${TOTAL_DAYS},1))`;
      const format = stage === 'revenue' ? money : '#,##0';
      put(row, MONTH_PLAN_COLUMN + k, planCell, format, grey);
      put(
        row,
        MONTH_ACTUAL_COLUMN + k,
        `=IF(${label}="","",IFERROR(VLOOKUP(${label},${table},${k + 2},FALSE),""))`,
        format,
        grey,
      );
      const actual = month?.actual ? month.actual[stage] : '';
      put(row, ACTUALS_COLUMN + 1 + k, actual, format, grey);
    }
    put(row, ACTUALS_COLUMN, month ? sheetDate(`${month.month}-01`) : '', 'yyyy-mm', grey);
  }

  const firstStage = FUNNEL_ROWS.stagesHeader;
  return {
    grid,
    numberFormats,
    backgrounds,
    bold,
    inputs,
    chart: {
      firstRow: firstStage,
      numRows: FUNNEL_STAGES.length + 1,
      columns: [1, 3, 4],
      row: FUNNEL_ROWS.inputsHeader,
      column: 6,
    },
  };
}

const noChart: FunnelTabLayout['chart'] = { firstRow: 0, numRows: 0, columns: [], row: 0, column: 0 };
