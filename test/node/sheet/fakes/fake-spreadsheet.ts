import type {
  Cell,
  ChartBuilderLike,
  ConditionalFormatRuleBuilderLike,
  DataValidationBuilderLike,
  NamedRangeLike,
  ProtectionLike,
  RangeLike,
  SheetLike,
  SpreadsheetAppLike,
  SpreadsheetLike,
} from '../../../../apps-script/src/services';
import { offsetAt, wallClockOf } from '../../../../worker/domain/zoned-time';

/**
 * An in-memory Google Sheet, faithful where LeadPact depends on it (the
 * apps-script-oauth2 style of hand-written mock):
 * - `setValues` parses strings as Sheets does: `=…` becomes a formula, a
 *   leading `'` marks text (not shown, not read back), numbers and TRUE/FALSE
 *   become numbers and booleans;
 * - ranges outside the sheet's grid throw, as Sheets does (a new sheet is
 *   1000 × 26), and value arrays must match the range;
 * - every service call is counted (`calls`), so a test can say "one read and
 *   one write per tab".
 */

export interface FakeCell {
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  background: string;
  fontWeight: string;
  fontColor: string;
  validation: FakeValidation | null;
  note: string;
}

export interface FakeValidation {
  values: string[];
  allowInvalid: boolean;
  /** requireNumberBetween's bounds (inclusive), or null. */
  between: [number, number] | null;
  date: boolean;
  helpText: string;
}

/** Whether Sheets would take `value` into a cell with `rule` (a blank always passes). */
export function validationAccepts(rule: FakeValidation, value: string | number | boolean): boolean {
  if (value === '') return true;
  if (rule.between) return typeof value === 'number' && value >= rule.between[0] && value <= rule.between[1];
  // A date cell holds a serial number; text that Sheets cannot read as a date stays text.
  if (rule.date) return typeof value === 'number';
  if (rule.values.length > 0) return typeof value === 'string' && rule.values.includes(value);
  return true;
}

export interface FakeRule {
  formula: string;
  background: string | null;
  fontColor: string | null;
  ranges: string[];
}

export interface FakeChart {
  type: unknown;
  ranges: string[];
  options: Record<string, unknown>;
  /** Anchor cell (1-based) and pixel offsets, as setPosition gives them. */
  position: { row: number; column: number; offsetX: number; offsetY: number } | null;
}

/** Calls that change the spreadsheet (values, formats, rules, structure). */
export const WRITE_CALLS = new Set([
  'Range.setValues',
  'Range.setNumberFormat',
  'Range.setNumberFormats',
  'Range.setBackground',
  'Range.setBackgrounds',
  'Range.setFontWeight',
  'Range.setFontWeights',
  'Range.setFontColor',
  'Range.setWrap',
  'Range.setDataValidation',
  'Range.setNote',
  'Range.protect',
  'Sheet.insertRowsAfter',
  'Sheet.insertColumnsAfter',
  'Sheet.setFrozenRows',
  'Sheet.setFrozenColumns',
  'Sheet.setColumnWidths',
  'Sheet.setConditionalFormatRules',
  'Sheet.insertChart',
  'Sheet.setTabColor',
  'Sheet.hideSheet',
  'Spreadsheet.insertSheet',
  'Spreadsheet.setSpreadsheetTimeZone',
  'Spreadsheet.setSpreadsheetLocale',
  'Spreadsheet.setNamedRange',
  'NamedRange.setRange',
  'NamedRange.remove',
]);

export class CallLog {
  readonly counts = new Map<string, number>();
  /** Calls per sheet name: `Leads:Range.setValues`. */
  readonly bySheet = new Map<string, number>();
  cellsWritten = 0;

  record(name: string, sheet?: string) {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (sheet) this.bySheet.set(`${sheet}:${name}`, (this.bySheet.get(`${sheet}:${name}`) ?? 0) + 1);
  }

  count(name: string, sheet?: string): number {
    return (sheet ? this.bySheet.get(`${sheet}:${name}`) : this.counts.get(name)) ?? 0;
  }

  writes(): number {
    let n = 0;
    for (const [name, count] of this.counts) if (WRITE_CALLS.has(name)) n += count;
    return n;
  }

  reset() {
    this.counts.clear();
    this.bySheet.clear();
    this.cellsWritten = 0;
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const DAY = 86_400_000;
const SERIAL_EPOCH_DAYS = 25_569;

/** A date-time serial number as Sheets stores it: the wall clock of the spreadsheet's time zone. */
function serialOf(date: Date, timeZone: string): number {
  return wallClockOf(date.getTime(), timeZone) / DAY + SERIAL_EPOCH_DAYS;
}

/** What `getValues` gives for a serial in a date or time cell: the instant the spreadsheet's clock shows it. */
function dateOfSerial(serial: number, timeZone: string): Date {
  const wall = (serial - SERIAL_EPOCH_DAYS) * DAY;
  return new Date(wall - offsetAt(wall - offsetAt(wall, timeZone), timeZone));
}

/** A number format that shows a date or a time (quoted text and [colours] aside). */
export function isDateFormat(format: string): boolean {
  return /[yd]|h+:m/i.test(format.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
}

/**
 * What Sheets stores when a person (or setValues) enters `input`: a `Date`, or
 * text such as `9:30` or `2026-12-24` typed into a cell not formatted as plain
 * text, becomes a serial number with a date or time format, so `getValues`
 * hands it back as a `Date`, as real Sheets does.
 */
export function parseEntered(
  input: Cell,
  timeZone = 'UTC',
  format = '',
): { value: string | number | boolean; formula: string | null; format?: string } {
  if (input instanceof Date)
    return { value: serialOf(input, timeZone), formula: null, format: 'yyyy-mm-dd hh:mm:ss' };
  if (typeof input !== 'string') return { value: input, formula: null };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null };
  if (input.startsWith('=') && input.length > 1) return { value: '', formula: input };
  const trimmed = input.trim();
  if (format !== '@') {
    const time = /^(\d{1,2}):(\d{2})$/.exec(trimmed);
    if (time && Number(time[1]) < 24 && Number(time[2]) < 60)
      return { value: (Number(time[1]) * 60 + Number(time[2])) / 1440, formula: null, format: 'h:mm' };
    if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed) && !Number.isNaN(Date.parse(`${trimmed}T00:00:00Z`)))
      return {
        value: Date.parse(`${trimmed}T00:00:00Z`) / DAY + SERIAL_EPOCH_DAYS,
        formula: null,
        format: 'yyyy-mm-dd',
      };
  }
  if (NUMBER.test(trimmed)) return { value: Number(trimmed), formula: null };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: null };
  // Sheets would also parse "+A1" and "-A1" as formulas, and "2026-03" as a date: text that reaches this point
  // starting with + or - that is not a number is kept as a formula to be safe, as Sheets does for "+A1".
  if (/^[+-]/.test(input) && input.length > 1) return { value: '', formula: `=${input}` };
  return { value: input, formula: null };
}

function blankCell(): FakeCell {
  return {
    value: '',
    formula: null,
    numberFormat: '',
    background: '#ffffff',
    fontWeight: 'normal',
    fontColor: '#000000',
    validation: null,
    note: '',
  };
}

function columnLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `${columnLetters(column)}${row}`;
  return numRows === 1 && numColumns === 1
    ? start
    : `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

class FakeProtection implements ProtectionLike {
  warningOnly = false;
  description = '';
  constructor(
    readonly sheet: FakeSheet,
    readonly range: string,
  ) {}
  setWarningOnly(warningOnly: boolean) {
    this.warningOnly = warningOnly;
    return this;
  }
  setDescription(description: string) {
    this.description = description;
    return this;
  }
  getDescription() {
    return this.description;
  }
  remove() {
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
}

export class FakeRange implements RangeLike {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private log(name: string) {
    this.sheet.log.record(`Range.${name}`, this.sheet.name);
  }

  private each(fn: (cell: FakeCell, r: number, c: number) => void) {
    for (let r = 0; r < this.numRows; r++)
      for (let c = 0; c < this.numColumns; c++) fn(this.sheet.cell(this.row + r, this.column + c), r, c);
  }

  private checkShape(values: readonly unknown[][], what: string) {
    if (values.length !== this.numRows)
      throw new Error(
        `The number of rows in the ${what} does not match the number of rows in the range. The ${what} has ${values.length} but the range has ${this.numRows}.`,
      );
    for (const row of values)
      if (row.length !== this.numColumns)
        throw new Error(
          `The number of columns in the ${what} does not match the number of columns in the range. The ${what} has ${row.length} but the range has ${this.numColumns}.`,
        );
  }

  getValues(): Cell[][] {
    this.log('getValues');
    const out: Cell[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const row: Cell[] = [];
      for (let c = 0; c < this.numColumns; c++) {
        const cell = this.sheet.peek(this.row + r, this.column + c);
        const value = cell?.value ?? '';
        row.push(
          typeof value === 'number' && cell && isDateFormat(cell.numberFormat)
            ? dateOfSerial(value, this.sheet.zone())
            : value,
        );
      }
      out.push(row);
    }
    return out;
  }

  getFormulas(): string[][] {
    this.log('getFormulas');
    const out: string[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const row: string[] = [];
      for (let c = 0; c < this.numColumns; c++)
        row.push(this.sheet.peek(this.row + r, this.column + c)?.formula ?? '');
      out.push(row);
    }
    return out;
  }

  setValues(values: Cell[][]) {
    this.log('setValues');
    this.checkShape(values, 'data');
    this.each((cell, r, c) => {
      const entered = parseEntered(values[r]?.[c] ?? '', this.sheet.zone(), cell.numberFormat);
      cell.value = entered.value;
      cell.formula = entered.formula;
      if (entered.format && cell.numberFormat === '') cell.numberFormat = entered.format;
    });
    this.sheet.log.cellsWritten += this.numRows * this.numColumns;
    return this;
  }

  setNumberFormat(format: string) {
    this.log('setNumberFormat');
    this.each((cell) => {
      cell.numberFormat = format;
    });
    return this;
  }

  setNumberFormats(formats: string[][]) {
    this.log('setNumberFormats');
    this.checkShape(formats, 'data');
    this.each((cell, r, c) => {
      cell.numberFormat = formats[r]?.[c] ?? '';
    });
    return this;
  }

  setBackground(colour: string | null) {
    this.log('setBackground');
    this.each((cell) => {
      cell.background = colour ?? '#ffffff';
    });
    return this;
  }

  setBackgrounds(colours: string[][]) {
    this.log('setBackgrounds');
    this.checkShape(colours, 'data');
    this.each((cell, r, c) => {
      cell.background = colours[r]?.[c] ?? '#ffffff';
    });
    return this;
  }

  setFontWeight(weight: 'bold' | 'normal' | null) {
    this.log('setFontWeight');
    this.each((cell) => {
      cell.fontWeight = weight ?? 'normal';
    });
    return this;
  }

  setFontWeights(weights: ('bold' | 'normal' | null)[][]) {
    this.log('setFontWeights');
    this.checkShape(weights, 'data');
    this.each((cell, r, c) => {
      cell.fontWeight = weights[r]?.[c] ?? 'normal';
    });
    return this;
  }

  setFontColor(colour: string | null) {
    this.log('setFontColor');
    this.each((cell) => {
      cell.fontColor = colour ?? '#000000';
    });
    return this;
  }

  setWrap(_wrap: boolean) {
    this.log('setWrap');
    return this;
  }

  setDataValidation(rule: object | null) {
    this.log('setDataValidation');
    this.each((cell) => {
      cell.validation = rule ? { ...(rule as FakeValidation) } : null;
    });
    return this;
  }

  setNote(note: string | null) {
    this.log('setNote');
    this.each((cell) => {
      cell.note = note ?? '';
    });
    return this;
  }

  getSheet() {
    return this.sheet;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.column;
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numColumns;
  }
  getA1Notation() {
    return a1(this.row, this.column, this.numRows, this.numColumns);
  }

  protect() {
    this.log('protect');
    const protection = new FakeProtection(this.sheet, this.getA1Notation());
    this.sheet.protections.push(protection);
    return protection;
  }
}

export class FakeSheet implements SheetLike {
  readonly cells = new Map<string, FakeCell>();
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  hidden = false;
  readonly widths = new Map<number, number>();
  rules: FakeRule[] = [];
  protections: FakeProtection[] = [];
  readonly charts: FakeChart[] = [];

  constructor(
    public name: string,
    readonly log: CallLog,
    readonly chartTypes: { BAR: unknown },
    /** The spreadsheet's time zone, which date and time cells are read on. */
    readonly zone: () => string = () => 'UTC',
  ) {}

  peek(row: number, column: number): FakeCell | undefined {
    return this.cells.get(`${row}:${column}`);
  }

  cell(row: number, column: number): FakeCell {
    const key = `${row}:${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = blankCell();
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Test helper (not a service call): what a person sees, values and formulas, as a grid. */
  dump(): Array<Array<string | number | boolean>> {
    const rows = this.lastContentRow();
    const columns = this.lastContentColumn();
    const out: Array<Array<string | number | boolean>> = [];
    for (let r = 1; r <= rows; r++) {
      const row: Array<string | number | boolean> = [];
      for (let c = 1; c <= columns; c++) {
        const cell = this.peek(r, c);
        row.push(cell?.formula ?? cell?.value ?? '');
      }
      out.push(row);
    }
    return out;
  }

  private lastContentRow(): number {
    let last = 0;
    for (const [key, cell] of this.cells)
      if (cell.value !== '' || cell.formula) last = Math.max(last, Number(key.split(':')[0]));
    return last;
  }

  private lastContentColumn(): number {
    let last = 0;
    for (const [key, cell] of this.cells)
      if (cell.value !== '' || cell.formula) last = Math.max(last, Number(key.split(':')[1]));
    return last;
  }

  /**
   * Test helper: a person types into a cell whose validation Sheets enforces: a
   * refused entry leaves the cell as it was and shows the rule's help text.
   */
  typeChecked(row: number, column: number, input: Cell): { accepted: boolean; message: string } {
    const cell = this.cell(row, column);
    const entered = parseEntered(input);
    if (cell.validation && !cell.validation.allowInvalid && !entered.formula)
      if (!validationAccepts(cell.validation, entered.value))
        return { accepted: false, message: cell.validation.helpText || 'Invalid input.' };
    this.type(row, column, input);
    return { accepted: true, message: '' };
  }

  /** Test helper: a person types into a cell (no call counted). */
  type(row: number, column: number, input: Cell) {
    const cell = this.cell(row, column);
    const entered = parseEntered(input, this.zone(), cell.numberFormat);
    cell.value = entered.value;
    cell.formula = entered.formula;
    if (entered.format && cell.numberFormat === '') cell.numberFormat = entered.format;
  }

  private record(name: string) {
    this.log.record(`Sheet.${name}`, this.name);
  }

  getName() {
    return this.name;
  }

  hideSheet() {
    this.record('hideSheet');
    this.hidden = true;
    return this;
  }

  getRange(row: number, column: number, numRows: number, numColumns: number) {
    this.record('getRange');
    if (row < 1 || column < 1 || numRows < 1 || numColumns < 1)
      throw new Error('The starting row, column and size of the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns)
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    return new FakeRange(this, row, column, numRows, numColumns);
  }

  getLastRow() {
    this.record('getLastRow');
    return this.lastContentRow();
  }

  getLastColumn() {
    this.record('getLastColumn');
    return this.lastContentColumn();
  }

  getMaxRows() {
    this.record('getMaxRows');
    return this.maxRows;
  }

  getMaxColumns() {
    this.record('getMaxColumns');
    return this.maxColumns;
  }

  insertRowsAfter(_after: number, howMany: number) {
    this.record('insertRowsAfter');
    this.maxRows += howMany;
    return this;
  }

  insertColumnsAfter(_after: number, howMany: number) {
    this.record('insertColumnsAfter');
    this.maxColumns += howMany;
    return this;
  }

  setFrozenRows(rows: number) {
    this.record('setFrozenRows');
    this.frozenRows = rows;
  }

  setFrozenColumns(columns: number) {
    this.record('setFrozenColumns');
    this.frozenColumns = columns;
  }

  setColumnWidths(start: number, count: number, width: number) {
    this.record('setColumnWidths');
    for (let c = start; c < start + count; c++) this.widths.set(c, width);
    return this;
  }

  getConditionalFormatRules() {
    this.record('getConditionalFormatRules');
    return this.rules.map((r) => ({ ...r }));
  }

  setConditionalFormatRules(rules: object[]) {
    this.record('setConditionalFormatRules');
    this.rules = rules.map((r) => ({ ...(r as FakeRule) }));
  }

  getProtections(_type: unknown) {
    this.record('getProtections');
    return [...this.protections];
  }

  getCharts() {
    this.record('getCharts');
    return [...this.charts];
  }

  /** Like Sheets: the builder makes nothing until `insertChart(builder.build())`; only a built chart of this sheet's ranges may be inserted. */
  newChart(): ChartBuilderLike {
    this.record('newChart');
    const chart: FakeChart = { type: null, ranges: [], options: {}, position: null };
    const builder: ChartBuilderLike = {
      setChartType: (type) => {
        chart.type = type;
        return builder;
      },
      addRange: (range) => {
        const fake = range as FakeRange;
        if (fake.sheet !== this) throw new Error('A chart may only show ranges of its own sheet here.');
        chart.ranges.push(range.getA1Notation());
        return builder;
      },
      setPosition: (row, column, offsetX, offsetY) => {
        if (row < 1 || column < 1) throw new Error('The chart position must be a cell of the sheet.');
        chart.position = { row, column, offsetX, offsetY };
        return builder;
      },
      setOption: (option, value) => {
        chart.options[option] = value;
        return builder;
      },
      build: () => chart,
    };
    return builder;
  }

  insertChart(chart: object) {
    this.record('insertChart');
    const built = chart as FakeChart;
    if (built.type === null || built.ranges.length === 0)
      throw new Error('A chart needs a type and at least one range before it is inserted.');
    this.charts.push({ ...built, ranges: [...built.ranges], options: { ...built.options } });
  }

  setTabColor(colour: string | null) {
    this.record('setTabColor');
    this.tabColor = colour;
    return this;
  }
}

export class FakeSpreadsheet implements SpreadsheetLike {
  readonly sheets: FakeSheet[] = [];
  readonly namedRanges = new Map<string, string>();
  readonly toasts: string[] = [];
  timeZone = 'America/Los_Angeles';
  locale = 'en_US';

  constructor(
    readonly log: CallLog,
    readonly chartTypes: { BAR: unknown },
    readonly id = '1FakeSpreadsheetIdOfLeadPactTests_0123456789',
  ) {
    // A blank Google Sheet has one tab.
    this.sheets.push(new FakeSheet('Sheet1', log, chartTypes, () => this.timeZone));
  }

  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no tab ${name}`);
    return found;
  }

  getId() {
    return this.id;
  }

  getSheetByName(name: string) {
    this.log.record('Spreadsheet.getSheetByName');
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  insertSheet(name: string) {
    this.log.record('Spreadsheet.insertSheet');
    if (this.sheets.some((s) => s.name === name))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(name, this.log, this.chartTypes, () => this.timeZone);
    this.sheets.push(sheet);
    return sheet;
  }

  /** The person's selection: a test selects a cell as a person clicks one. */
  private selection: { sheet: FakeSheet; row: number; column: number } | null = null;

  select(name: string, row: number, column = 1) {
    this.selection = { sheet: this.sheet(name), row, column };
  }

  getActiveSheet() {
    this.log.record('Spreadsheet.getActiveSheet');
    return this.selection?.sheet ?? this.sheets[0] ?? this.insertSheet('Sheet1');
  }

  getActiveRange() {
    this.log.record('Spreadsheet.getActiveRange');
    const s = this.selection;
    return s ? s.sheet.getRange(s.row, s.column, 1, 1) : null;
  }

  getSpreadsheetTimeZone() {
    this.log.record('Spreadsheet.getSpreadsheetTimeZone');
    return this.timeZone;
  }

  setSpreadsheetTimeZone(timeZone: string) {
    this.log.record('Spreadsheet.setSpreadsheetTimeZone');
    this.timeZone = timeZone;
  }

  getSpreadsheetLocale() {
    this.log.record('Spreadsheet.getSpreadsheetLocale');
    return this.locale;
  }

  setSpreadsheetLocale(locale: string) {
    this.log.record('Spreadsheet.setSpreadsheetLocale');
    this.locale = locale;
  }

  /** Every named range, as objects whose `setRange` moves the name (what Sheets' NamedRange does). */
  getNamedRanges(): NamedRangeLike[] {
    this.log.record('Spreadsheet.getNamedRanges');
    return [...this.namedRanges.keys()].map((name) => {
      const named: NamedRangeLike = {
        getName: () => name,
        setRange: (range) => {
          this.log.record('NamedRange.setRange');
          this.namedRanges.set(name, `${(range as FakeRange).sheet.name}!${range.getA1Notation()}`);
          return named;
        },
        remove: () => {
          this.log.record('NamedRange.remove');
          this.namedRanges.delete(name);
        },
      };
      return named;
    });
  }

  setNamedRange(name: string, range: RangeLike) {
    this.log.record('Spreadsheet.setNamedRange');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Invalid named range name: ${name}`);
    this.namedRanges.set(name, `${(range as FakeRange).sheet.name}!${range.getA1Notation()}`);
  }

  toast(message: string) {
    this.toasts.push(message);
  }
}

/** `SpreadsheetApp` for one fake spreadsheet. */
export function fakeSpreadsheetApp(log = new CallLog()): SpreadsheetAppLike & {
  spreadsheet: FakeSpreadsheet;
  log: CallLog;
} {
  const chartTypes = { BAR: 'BAR' };
  const spreadsheet = new FakeSpreadsheet(log, chartTypes);
  return {
    spreadsheet,
    log,
    getActiveSpreadsheet: () => spreadsheet,
    newConditionalFormatRule: () => {
      const rule: FakeRule = { formula: '', background: null, fontColor: null, ranges: [] };
      const builder: ConditionalFormatRuleBuilderLike = {
        whenFormulaSatisfied: (formula) => {
          rule.formula = formula;
          return builder;
        },
        setBackground: (colour) => {
          rule.background = colour;
          return builder;
        },
        setFontColor: (colour) => {
          rule.fontColor = colour;
          return builder;
        },
        setRanges: (ranges) => {
          rule.ranges = ranges.map((r) => `${(r as FakeRange).sheet.name}!${r.getA1Notation()}`);
          return builder;
        },
        build: () => ({ ...rule }),
      };
      return builder;
    },
    newDataValidation: () => {
      const rule: FakeValidation = {
        values: [],
        allowInvalid: true,
        between: null,
        date: false,
        helpText: '',
      };
      const builder: DataValidationBuilderLike = {
        requireValueInList: (values) => {
          rule.values = [...values];
          return builder;
        },
        requireNumberBetween: (start, end) => {
          rule.between = [start, end];
          return builder;
        },
        requireDate: () => {
          rule.date = true;
          return builder;
        },
        setHelpText: (helpText) => {
          rule.helpText = helpText;
          return builder;
        },
        setAllowInvalid: (allow) => {
          rule.allowInvalid = allow;
          return builder;
        },
        build: () => ({ ...rule }),
      };
      return builder;
    },
    ProtectionType: { RANGE: 'RANGE' },
  };
}
