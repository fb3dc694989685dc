import { OWNER_HEADER_COLOURS } from '../../../worker/domain/sheet/columns';
import type { SheetTab } from '../../../worker/domain/sheet/constants';
import {
  FROZEN_ROWS,
  numberFormatOf,
  type RowStyle,
  type TabGrid,
} from '../../../worker/domain/sheet/tab-grid';
import { ensureTab, markFresh, type TabContext, writeWholeTab } from '../grid';
import type { SheetLike, SpreadsheetLike } from '../services';

const ROW_BACKGROUNDS: Record<RowStyle, string> = {
  plain: '#ffffff',
  title: '#ffffff',
  section: '#ffffff',
  header: OWNER_HEADER_COLOURS.leadpact,
};

/**
 * Writes a read-only tab rendered in `worker/domain/sheet/` (Agreement, Report,
 * Agenda): the freshness line and the grid in one `setValues` over the whole
 * used area (blanking what a longer previous version left), then one call per
 * kind of format over the same area — number formats in the workspace locale,
 * bold titles and headers, grey header backgrounds — the frozen top rows, and
 * the tab's named ranges over the rows just written. Nothing is read first:
 * LeadPact owns every cell of these tabs.
 */
export function writeGridTab(context: TabContext, tab: SheetTab, grid: TabGrid): void {
  const { sheet, created } = ensureTab(context, tab);
  const { height, width } = writeWholeTab(sheet, [[context.freshness], ...grid.rows]);

  const formats: string[][] = [];
  const weights: ('bold' | 'normal')[][] = [];
  const backgrounds: string[][] = [];
  for (let r = 0; r < height; r++) {
    const style: RowStyle = r === 0 ? 'plain' : (grid.styles[r - 1] ?? 'plain');
    const hints = r === 0 ? [] : (grid.formats[r - 1] ?? []);
    formats.push(
      Array.from({ length: width }, (_, c) =>
        numberFormatOf(hints[c] ?? 'text', context.texts, context.language, grid.currency),
      ),
    );
    weights.push(new Array(width).fill(style === 'plain' ? 'normal' : 'bold'));
    backgrounds.push(new Array(width).fill(ROW_BACKGROUNDS[style]));
  }
  const area = sheet.getRange(1, 1, height, width);
  area.setNumberFormats(formats);
  area.setFontWeights(weights);
  area.setBackgrounds(backgrounds);
  markFresh(sheet);
  sheet.setFrozenRows(FROZEN_ROWS);
  if (created) {
    for (const [i, px] of grid.widths.entries()) sheet.setColumnWidths(i + 1, 1, px);
  }
  applyNamedRanges(context.spreadsheet, sheet, grid.named);
}

/**
 * Puts each name over its area: a name the spreadsheet has is moved with
 * `NamedRange.setRange`, a missing one (new, or deleted by a person) is added.
 * One read of the names per tab written.
 */
export function applyNamedRanges(
  spreadsheet: SpreadsheetLike,
  sheet: SheetLike,
  named: TabGrid['named'],
): void {
  const entries = Object.entries(named);
  if (entries.length === 0) return;
  const existing = new Map(spreadsheet.getNamedRanges().map((n) => [n.getName(), n]));
  for (const [name, a] of entries) {
    const range = sheet.getRange(a.row, a.column, a.numRows, a.numColumns);
    const found = existing.get(name);
    if (found) found.setRange(range);
    else spreadsheet.setNamedRange(name, range);
  }
}
