import { catalogueOf } from '../../../worker/domain/i18n';
import { columnLetters } from '../../../worker/domain/sheet/a1';
import { safeText } from '../../../worker/domain/sheet/cells';
import { OWNER_HEADER_COLOURS, writableRuns } from '../../../worker/domain/sheet/columns';
import { SHEET_ACTIONS } from '../../../worker/domain/sheet/constants';
import {
  LEADS_COLUMNS,
  LEADS_FIRST_DATA_ROW,
  LEADS_HEADER_ROW,
  type LeadCells,
  type LeadColumnKey,
  leadColumnIndexes,
  leadRowIndex,
} from '../../../worker/domain/sheet/leads-layout';
import { NAMED_RANGES } from '../../../worker/domain/sheet/named-ranges';
import { ensureSize, ensureTab, markFresh, type TabContext } from '../grid';
import type { Cell, SheetLike, SpreadsheetAppLike } from '../services';
import { applyNamedRanges } from './grid-tab';

/** Marks LeadPact's own conditional-format rules (N of a text is 0), so a person's rules are kept. */
export const RULE_MARK = 'N("leadpact")=0';
/** Marks LeadPact's own protections. */
export const PROTECTION_MARK = 'LeadPact: identity column';

export const SLA_COLOURS = {
  breached: '#f4c7c3',
  due_soon: '#fce8b2',
  met: '#b7e1cd',
} as const;

export interface LeadsUpdate {
  /** Rows rendered with `leadRow`, one per lead that changed (or every lead on a full refresh). */
  rows: LeadCells[];
  /** Labels of the agreement's rejection reasons, for the Reason dropdown. */
  reasons: string[];
  /** Re-apply formats, validation and rules even when no value changed (a manual refresh). */
  force: boolean;
}

export interface LeadsResult {
  written: boolean;
  changedRows: number;
  newRows: number;
}

type Grid = Cell[][];

/** A header cell written back: a person's own header text stays text. */
function headerCell(value: Cell | undefined): Cell {
  return typeof value === 'string' ? safeText(value) : (value ?? '');
}

/**
 * Merges changed leads into the Leads tab: one read of the tab, rows found by
 * lead id and columns by header, then one `setValues` per run of adjacent
 * LeadPact columns (normally one). Rows whose sync check did not change are
 * not written; a person's columns (Action, Reason, Note, and any they added)
 * are never written. New leads go below the last row.
 */
export function writeLeadsTab(
  app: SpreadsheetAppLike,
  context: TabContext,
  update: LeadsUpdate,
): LeadsResult {
  const { sheet, created } = ensureTab(context, 'leads');
  // Nothing new for an existing tab: not even a read.
  if (!created && !update.force && update.rows.length === 0)
    return { written: false, changedRows: 0, newRows: 0 };
  const lastRow = sheet.getLastRow();
  const lastColumn = Math.max(sheet.getLastColumn(), LEADS_COLUMNS.length);
  const grid: Grid = lastRow > 0 ? sheet.getRange(1, 1, lastRow, lastColumn).getValues() : [];

  // Columns by header; a missing column (new tab, or a person deleted one) is added on the right.
  const headerIndex = LEADS_HEADER_ROW - 1;
  const header: Cell[] = [...(grid[headerIndex] ?? [])];
  while (header.length < lastColumn) header.push('');
  const indexes = leadColumnIndexes(header);
  let width = lastColumn;
  let headerChanged = false;
  const blankHeader = header.every((c) => c === '');
  for (const [position, column] of LEADS_COLUMNS.entries()) {
    if (indexes[column.key] >= 0) continue;
    const at = blankHeader ? position : width++;
    indexes[column.key] = at;
    header[at] = column.header(context.language);
    headerChanged = true;
  }
  for (const column of LEADS_COLUMNS) {
    // A header left in another language after a team switched language is renamed in place.
    const at = indexes[column.key];
    if (header[at] !== column.header(context.language)) {
      header[at] = column.header(context.language);
      headerChanged = true;
    }
  }

  const dataStart = LEADS_FIRST_DATA_ROW - 1;
  const data: Grid = grid.slice(dataStart).map((row) => {
    const copy = [...row];
    while (copy.length < width) copy.push('');
    return copy;
  });
  const rowsById = leadRowIndex(data, indexes.lead_id);
  const runs = writableRuns(LEADS_COLUMNS, indexes);
  const touched = new Set<number>();
  const fresh = new Map<number, LeadCells>();
  let newRows = 0;
  for (const cells of update.rows) {
    const id = String(cells.lead_id);
    let at = rowsById.get(id);
    if (at === undefined) {
      at = data.length;
      data.push(new Array<Cell>(width).fill(''));
      rowsById.set(id, at);
      newRows += 1;
    } else if (data[at]?.[indexes.row_check] === cells.row_check) {
      continue;
    }
    touched.add(at);
    fresh.set(at, cells);
  }

  const mustWrite = touched.size > 0 || headerChanged || created || update.force;
  if (!mustWrite) return { written: false, changedRows: 0, newRows: 0 };

  // One write per run, from row 1 (freshness, headers) down to the last changed row. A new tab has no
  // person's column yet, so it is written whole in one call.
  const lastTouched = touched.size > 0 ? Math.max(...touched) : -1;
  const height = dataStart + lastTouched + 1;
  ensureSize(sheet, Math.max(height, LEADS_FIRST_DATA_ROW), width);
  const blocks = created ? [{ start: 0, keys: null }] : runs;
  for (const [n, block] of blocks.entries()) {
    const positions = block.keys ? block.keys.map((key) => indexes[key]) : [...Array(width).keys()];
    const keyAt = new Map(LEADS_COLUMNS.map((c) => [indexes[c.key], c.key] as const));
    const values: Cell[][] = [];
    values.push(positions.map((_, i) => (n === 0 && i === 0 ? context.freshness : '')));
    values.push(positions.map((p) => headerCell(header[p])));
    for (let r = 0; r <= lastTouched; r++) {
      const cells = fresh.get(r);
      const row = data[r] ?? [];
      values.push(
        positions.map((p) => {
          const key = keyAt.get(p);
          if (cells && key && key in cells) return cells[key as keyof LeadCells];
          // An unchanged row is written back as read; text gets the safe-cell rule again.
          const read = row[p] ?? '';
          return typeof read === 'string' ? safeText(read) : read;
        }),
      );
    }
    sheet.getRange(1, (positions[0] ?? 0) + 1, values.length, positions.length).setValues(values);
  }
  if (!created && headerChanged) {
    // Columns a person deleted come back on the right: their headers are the only cells written there.
    sheet.getRange(LEADS_HEADER_ROW, 1, 1, width).setValues([header.slice(0, width).map(headerCell)]);
  }

  applyLeadsFormats(app, sheet, context, indexes, width, Math.max(height, lastRow), update.reasons);
  markFresh(sheet);
  // Every lead row, however many there are now: what other tabs' formulas count.
  applyNamedRanges(context.spreadsheet, sheet, {
    [NAMED_RANGES.leads]: {
      row: LEADS_FIRST_DATA_ROW,
      column: 1,
      numRows: Math.max(data.length, 1),
      numColumns: width,
    },
  });
  return {
    written: true,
    changedRows: [...touched].filter((r) => r < data.length - newRows).length,
    newRows,
  };
}

/**
 * What drifts when people paste or insert rows, put back by every refresh
 * that writes: header colours by owner, frozen header and id column, number
 * formats, the SLA colours, the dropdowns, and a warning on the id columns.
 */
function applyLeadsFormats(
  app: SpreadsheetAppLike,
  sheet: SheetLike,
  context: TabContext,
  indexes: Record<LeadColumnKey, number>,
  width: number,
  height: number,
  reasons: string[],
): void {
  const rows = Math.max(height - LEADS_HEADER_ROW, 1);
  const headerColours: string[][] = [new Array<string>(width).fill('#ffffff')];
  for (const column of LEADS_COLUMNS) {
    const row = headerColours[0];
    if (row) row[indexes[column.key]] = OWNER_HEADER_COLOURS[column.owner];
  }
  const headerRange = sheet.getRange(LEADS_HEADER_ROW, 1, 1, width);
  headerRange.setBackgrounds(headerColours);
  headerRange.setFontWeight('bold');
  sheet.setFrozenRows(LEADS_HEADER_ROW);
  sheet.setFrozenColumns(1);
  const formats: string[][] = [];
  for (let r = 0; r < rows; r++) formats.push(new Array<string>(width).fill('@'));
  for (const column of LEADS_COLUMNS) {
    const format =
      column.format === 'datetime' ? context.texts.dateTimeFormat : column.format === 'integer' ? '0' : '@';
    for (const row of formats) row[indexes[column.key]] = format;
  }
  sheet.getRange(LEADS_FIRST_DATA_ROW, 1, rows, width).setNumberFormats(formats);

  const status = columnLetters(indexes.sla_status + 1);
  const dataRange = sheet.getRange(LEADS_FIRST_DATA_ROW, 1, rows, width);
  const rule = (label: string, colour: string) =>
    app
      .newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND($${status}${LEADS_FIRST_DATA_ROW}="${label}",${RULE_MARK})`)
      .setBackground(colour)
      .setRanges([dataRange])
      .build();
  const statuses = context.texts.statuses;
  const ours = [
    rule(statuses.breached, SLA_COLOURS.breached),
    rule(statuses.due_soon, SLA_COLOURS.due_soon),
    rule(statuses.met, SLA_COLOURS.met),
  ];
  const theirs = sheet
    .getConditionalFormatRules()
    .filter((r) => !JSON.stringify(describeRule(r)).includes(RULE_MARK.replace(/"/g, '\\"')));
  sheet.setConditionalFormatRules([...ours, ...theirs]);

  const actions = SHEET_ACTIONS.map((a) => context.texts.actions[a]);
  sheet
    .getRange(LEADS_FIRST_DATA_ROW, indexes.action + 1, rows, 1)
    .setDataValidation(
      app.newDataValidation().requireValueInList(actions, true).setAllowInvalid(false).build(),
    );
  if (reasons.length > 0) {
    // An attempt's outcome goes in the Reason column too (worker/domain/sheet/row-action.ts).
    const outcomes = Object.values(catalogueOf(context.language).sheet.work.outcomes);
    sheet.getRange(LEADS_FIRST_DATA_ROW, indexes.reason + 1, rows, 1).setDataValidation(
      app
        .newDataValidation()
        .requireValueInList([...reasons, ...outcomes], true)
        .setAllowInvalid(false)
        .build(),
    );
  }

  if (!sheet.getProtections(app.ProtectionType.RANGE).some((p) => p.getDescription() === PROTECTION_MARK)) {
    sheet
      .getRange(1, indexes.lead_id + 1, Math.max(height, LEADS_FIRST_DATA_ROW), 1)
      .protect()
      .setDescription(PROTECTION_MARK)
      .setWarningOnly(true);
  }
}

/**
 * A conditional-format rule's formula, read the way both Google's rule objects
 * (getBooleanCondition().getCriteriaValues()) and plain test objects expose it.
 */
function describeRule(rule: object): unknown {
  const google = rule as { getBooleanCondition?: () => { getCriteriaValues(): unknown[] } | null };
  if (typeof google.getBooleanCondition === 'function')
    return google.getBooleanCondition()?.getCriteriaValues();
  return rule;
}
