import type { Language } from '../../worker/domain/constants';
import { LANGUAGES } from '../../worker/domain/constants';
import { catalogueOf, fill, localeOf, type SheetFrameTexts } from '../../worker/domain/i18n';
import type { CellValue } from '../../worker/domain/sheet/cells';
import type { SheetTab } from '../../worker/domain/sheet/constants';
import type { Cell, SheetLike, SpreadsheetLike } from './services';

/** What every tab writer gets: the spreadsheet, the team's language and clock, and where the data came from. */
export interface TabContext {
  spreadsheet: SpreadsheetLike;
  language: Language;
  texts: SheetFrameTexts;
  timeZone: string;
  /** The freshness line for this refresh, written in row 1 of every tab it writes. */
  freshness: string;
}

/** The context of a write made now, on `timeZone`'s clock (the spreadsheet's unless given), from the API at `apiUrl`. */
export function tabContextOf(
  spreadsheet: SpreadsheetLike,
  options: { language: Language; apiUrl: string; now: Date; timeZone?: string },
): TabContext {
  const { language, now } = options;
  const texts = catalogueOf(language).sheet.frame;
  const timeZone = options.timeZone ?? spreadsheet.getSpreadsheetTimeZone();
  const host = options.apiUrl.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  return {
    spreadsheet,
    language,
    texts,
    timeZone,
    freshness: freshnessLine(texts, language, now, timeZone, host),
  };
}

/** A tab by its name in any language (a team may switch language), renamed to nothing: found, or created. */
export function findTab(spreadsheet: SpreadsheetLike, tab: SheetTab): SheetLike | null {
  for (const language of LANGUAGES) {
    const sheet = spreadsheet.getSheetByName(catalogueOf(language).sheet.frame.tabs[tab]);
    if (sheet) return sheet;
  }
  return null;
}

export function ensureTab(context: TabContext, tab: SheetTab): { sheet: SheetLike; created: boolean } {
  const found = findTab(context.spreadsheet, tab);
  if (found) return { sheet: found, created: false };
  return { sheet: context.spreadsheet.insertSheet(context.texts.tabs[tab]), created: true };
}

/**
 * Row 1 back to its own colour, for a writer that has just put the freshness line there: a failed
 * refresh paints row 1 of every tab red (refresh.ts), and whatever writes the line again must undo it.
 */
export function markFresh(sheet: SheetLike): void {
  sheet.getRange(1, 1, 1, 1).setFontColor(null);
}

/** Grows the sheet's grid so rows × columns fit: Sheets refuses ranges outside the grid. */
export function ensureSize(sheet: SheetLike, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Pads every row to `width` with blanks so the grid is rectangular, as setValues requires. */
export function rectangular(rows: readonly (readonly CellValue[])[], width: number): Cell[][] {
  return rows.map((row) => {
    const out: Cell[] = row.slice(0, width);
    while (out.length < width) out.push('');
    return out;
  });
}

/**
 * Writes a whole LeadPact-owned tab in one `setValues`: the grid, padded with
 * blanks over whatever the previous, longer version left below and to the right.
 * Answers the area written, so formats can cover exactly the same cells.
 */
export function writeWholeTab(
  sheet: SheetLike,
  grid: readonly (readonly CellValue[])[],
): { height: number; width: number } {
  const width = Math.max(1, sheet.getLastColumn(), ...grid.map((r) => r.length));
  const height = Math.max(1, sheet.getLastRow(), grid.length);
  ensureSize(sheet, height, width);
  const rows = rectangular(grid, width);
  while (rows.length < height) rows.push(new Array<Cell>(width).fill(''));
  sheet.getRange(1, 1, height, width).setValues(rows);
  return { height, width };
}

/** The freshness line: when and from where, on the team's clock. */
export function freshnessLine(
  texts: SheetFrameTexts,
  language: Language,
  at: Date,
  timeZone: string,
  source: string,
) {
  return fill(texts.freshness, { at: localTime(language, at, timeZone), source });
}

export function localTime(language: Language, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(at);
}
