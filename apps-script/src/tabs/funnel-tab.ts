import { FUNNEL_RATES, MAX_MONEY } from '../../../worker/domain/funnel-constants';
import { catalogueOf } from '../../../worker/domain/i18n';
import { type CellValue, safeText, sheetSerial } from '../../../worker/domain/sheet/cells';
import {
  FUNNEL_COLUMNS,
  FUNNEL_WIDTH,
  type FunnelInputKey,
  type FunnelPlanPart,
  funnelTabLayout,
  INPUT_NAMES,
} from '../../../worker/domain/sheet/funnel-tab';
import type { SnapshotPart } from '../../../worker/domain/sheet/snapshot';
import { ensureSize, ensureTab, findTab, markFresh, type TabContext } from '../grid';
import type { Cell, DataValidationBuilderLike, Services, SheetLike } from '../services';
import type { SheetState } from '../state';

/** Marks the month rows LeadPact wrote (their Month formula), so a shorter plan clears them and nothing else. */
const MONTH_MARK = `${INPUT_NAMES.periodStart})+`;

/**
 * True when a cell read back holds the plan value LeadPact wrote. Sheets reads a
 * date cell back as a Date at that local midnight of the spreadsheet's zone,
 * which the refresh sets to the workspace's.
 */
export function sameAsWritten(read: Cell, written: CellValue, timeZone: string): boolean {
  if (read instanceof Date) return sheetSerial(read.toISOString(), timeZone) === written;
  return read === written;
}

/** A cell read back as it must be written to stay what it is: a formula as its formula, text as text. */
function asWritten(value: Cell, formula: string): Cell {
  if (formula) return formula;
  return typeof value === 'string' ? safeText(value) : value;
}

/**
 * Writes the Funnel plan tab: one read of the tab (values and formulas), one
 * `setValues`. The person's what-if inputs are kept unless the plan's own
 * value of that input changed in LeadPact since the last refresh (the grey
 * "Plan in LeadPact" column is what the last refresh wrote). Cells the layout
 * leaves blank keep what a person put there, formulas included; only month
 * rows of an earlier, longer plan are cleared. The chart goes in once: when
 * the tab has none.
 */
export function writeFunnelTab(
  services: Services,
  context: TabContext,
  part: FunnelPlanPart | null,
): { written: boolean } {
  const { sheet, created } = ensureTab(context, 'funnel');
  const layout = funnelTabLayout(part, context.language);
  const grid: Cell[][] = layout.grid.map((row) => [...row]);
  const first = grid[0];
  if (first) first[0] = context.freshness;

  const lastRow = created ? 0 : sheet.getLastRow();
  const height = Math.max(grid.length, lastRow);
  ensureSize(sheet, height, FUNNEL_WIDTH);
  if (lastRow > 0) {
    const range = sheet.getRange(1, 1, lastRow, FUNNEL_WIDTH);
    const values = range.getValues();
    const formulas = range.getFormulas();
    for (const input of layout.inputs) {
      const r = input.row - 1;
      const previousPlan = values[r]?.[FUNNEL_COLUMNS.plan - 1] ?? '';
      const mine = values[r]?.[FUNNEL_COLUMNS.whatIf - 1] ?? '';
      const mineFormula = formulas[r]?.[FUNNEL_COLUMNS.whatIf - 1] ?? '';
      const row = grid[r];
      // An input the plan did not change stays the person's, even blank (their what-if); a first fill takes the plan's.
      if (row && previousPlan !== '' && sameAsWritten(previousPlan, input.planValue, context.timeZone))
        row[FUNNEL_COLUMNS.whatIf - 1] = asWritten(mine, mineFormula);
    }
    for (let r = 0; r < lastRow; r++) {
      const ours = (formulas[r]?.[0] ?? '').includes(MONTH_MARK);
      while (grid.length <= r) grid.push(new Array<Cell>(FUNNEL_WIDTH).fill(''));
      const row = grid[r] as Cell[];
      for (let c = 0; c < FUNNEL_WIDTH; c++) {
        if (ours || row[c] !== '' || (r === 0 && c === 0)) continue;
        row[c] = asWritten(values[r]?.[c] ?? '', formulas[r]?.[c] ?? '');
      }
    }
  }
  for (const row of grid) while (row.length < FUNNEL_WIDTH) row.push('');
  sheet.getRange(1, 1, grid.length, FUNNEL_WIDTH).setValues(grid);

  const rows = layout.grid.length;
  const area = sheet.getRange(1, 1, rows, FUNNEL_WIDTH);
  area.setNumberFormats(layout.numberFormats);
  area.setBackgrounds(layout.backgrounds);
  area.setFontWeights(layout.bold.map((row) => row.map((b) => (b ? 'bold' : 'normal'))));
  markFresh(sheet);
  if (!part) return { written: true };

  // Named again on every write: a person who deleted a name gets it back, and formulas read the white cells.
  for (const input of layout.inputs)
    context.spreadsheet.setNamedRange(
      INPUT_NAMES[input.key],
      sheet.getRange(input.row, FUNNEL_COLUMNS.whatIf, 1, 1),
    );
  applyInputValidation(services, sheet, layout.inputs, context);
  sheet.setFrozenRows(1);
  sheet.setColumnWidths(1, 1, 240);
  if (sheet.getCharts().length === 0) insertChart(services, sheet, layout.chart, context);
  return { written: true };
}

/** What each white cell accepts, so a rate typed as 50 (not 50%) is refused with a hint instead of planning 50×. */
function applyInputValidation(
  services: Services,
  sheet: SheetLike,
  inputs: ReturnType<typeof funnelTabLayout>['inputs'],
  context: TabContext,
): void {
  const help = catalogueOf(context.language).sheet.funnelTab.validation;
  const kinds: Array<{
    keys: FunnelInputKey[];
    rule: (b: DataValidationBuilderLike) => DataValidationBuilderLike;
    help: string;
  }> = [
    {
      keys: ['revenueTarget', 'averageDealSize'],
      rule: (b) => b.requireNumberBetween(0.01, MAX_MONEY),
      help: help.amount,
    },
    { keys: [...FUNNEL_RATES], rule: (b) => b.requireNumberBetween(0.000001, 1), help: help.rate },
    { keys: ['periodStart', 'periodEnd'], rule: (b) => b.requireDate(), help: help.date },
    { keys: ['marketingBudget'], rule: (b) => b.requireNumberBetween(0, MAX_MONEY), help: help.budget },
  ];
  for (const kind of kinds) {
    const rows = inputs.filter((i) => kind.keys.includes(i.key)).map((i) => i.row);
    if (rows.length === 0) continue;
    const first = Math.min(...rows);
    const rule = kind
      .rule(services.spreadsheetApp.newDataValidation())
      .setAllowInvalid(false)
      .setHelpText(kind.help)
      .build();
    sheet.getRange(first, FUNNEL_COLUMNS.whatIf, rows.length, 1).setDataValidation(rule);
  }
}

function insertChart(
  services: Services,
  sheet: SheetLike,
  chart: ReturnType<typeof funnelTabLayout>['chart'],
  context: TabContext,
): void {
  let builder = sheet.newChart().setChartType(services.chartTypeBar);
  for (const column of chart.columns)
    builder = builder.addRange(sheet.getRange(chart.firstRow, column, chart.numRows, 1));
  sheet.insertChart(
    builder
      .setPosition(chart.row, chart.column, 0, 0)
      .setOption('title', catalogueOf(context.language).sheet.funnelTab.chartTitle)
      .setOption('useFirstColumnAsDomain', true)
      .setOption('headers', 1)
      .build(),
  );
}

/**
 * The refresh's one call for this tab: writes it when the plan part changed
 * (after a failure the refresh asks for every part again), and remembers the
 * part's version so an unchanged plan costs nothing next time.
 */
export function refreshFunnelTab(
  services: Services,
  context: TabContext,
  part: SnapshotPart<unknown> | undefined,
  state: SheetState,
  written: string[],
): SheetState {
  if (!part) return state;
  if (part.unchanged) {
    const sheet = findTab(context.spreadsheet, 'funnel');
    // A tab someone deleted comes back with the next refresh, which then asks for the plan again.
    return sheet ? state : { ...state, versions: { ...state.versions, plan: undefined } };
  }
  writeFunnelTab(services, context, part.data as FunnelPlanPart | null);
  written.push('funnel');
  return { ...state, versions: { ...state.versions, plan: part.version } };
}
