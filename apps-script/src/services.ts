/**
 * The parts of Google's services the add-on uses, as small interfaces with
 * Apps Script's own method names and signatures: the real services satisfy
 * them (google-services.ts checks it at compile time), and the tests pass
 * in-memory fakes that count calls. Modules never touch a global service.
 */

export type Cell = string | number | boolean | Date;

export interface RangeLike {
  getValues(): Cell[][];
  /** A1 formulas, '' where a cell holds a value: what a person wrote that getValues would show as its result. */
  getFormulas(): string[][];
  setValues(values: Cell[][]): RangeLike;
  setNumberFormat(format: string): RangeLike;
  setNumberFormats(formats: string[][]): RangeLike;
  setBackground(colour: string | null): RangeLike;
  setBackgrounds(colours: string[][]): RangeLike;
  setFontWeight(weight: 'bold' | 'normal' | null): RangeLike;
  setFontWeights(weights: ('bold' | 'normal' | null)[][]): RangeLike;
  setFontColor(colour: string | null): RangeLike;
  setWrap(wrap: boolean): RangeLike;
  setDataValidation(rule: DataValidationLike | null): RangeLike;
  setNote(note: string | null): RangeLike;
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getA1Notation(): string;
  protect(): ProtectionLike;
}

export interface ProtectionLike {
  setWarningOnly(warningOnly: boolean): ProtectionLike;
  setDescription(description: string): ProtectionLike;
  getDescription(): string;
  remove(): void;
}

// Opaque objects made by the builders and handed back to the service.
export type DataValidationLike = object;
export type ConditionalFormatRuleLike = object;
export type ChartLike = object;

export interface ConditionalFormatRuleBuilderLike {
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilderLike;
  setBackground(colour: string): ConditionalFormatRuleBuilderLike;
  setFontColor(colour: string): ConditionalFormatRuleBuilderLike;
  setRanges(ranges: RangeLike[]): ConditionalFormatRuleBuilderLike;
  build(): ConditionalFormatRuleLike;
}

export interface DataValidationBuilderLike {
  requireValueInList(values: string[], showDropdown: boolean): DataValidationBuilderLike;
  requireNumberBetween(start: number, end: number): DataValidationBuilderLike;
  requireDate(): DataValidationBuilderLike;
  setAllowInvalid(allow: boolean): DataValidationBuilderLike;
  setHelpText(helpText: string): DataValidationBuilderLike;
  build(): DataValidationLike;
}

export interface ChartBuilderLike {
  setChartType(type: unknown): ChartBuilderLike;
  addRange(range: RangeLike): ChartBuilderLike;
  setPosition(row: number, column: number, offsetX: number, offsetY: number): ChartBuilderLike;
  setOption(option: string, value: unknown): ChartBuilderLike;
  build(): ChartLike;
}

export interface SheetLike {
  getName(): string;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangeLike;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): SheetLike;
  insertColumnsAfter(afterPosition: number, howMany: number): SheetLike;
  setFrozenRows(rows: number): void;
  setFrozenColumns(columns: number): void;
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetLike;
  getConditionalFormatRules(): ConditionalFormatRuleLike[];
  setConditionalFormatRules(rules: ConditionalFormatRuleLike[]): void;
  getProtections(type: unknown): ProtectionLike[];
  getCharts(): ChartLike[];
  newChart(): ChartBuilderLike;
  insertChart(chart: ChartLike): void;
  setTabColor(colour: string | null): SheetLike;
  hideSheet(): SheetLike;
}

export interface NamedRangeLike {
  getName(): string;
  setRange(range: RangeLike): NamedRangeLike;
  remove(): void;
}

export interface SpreadsheetLike {
  getId(): string;
  getSheetByName(name: string): SheetLike | null;
  insertSheet(name: string): SheetLike;
  /** The tab and cells the person has selected (the sidebar's calls run as them, with their selection). */
  getActiveSheet(): SheetLike;
  getActiveRange(): RangeLike | null;
  getSpreadsheetTimeZone(): string;
  setSpreadsheetTimeZone(timeZone: string): void;
  getSpreadsheetLocale(): string;
  setSpreadsheetLocale(locale: string): void;
  getNamedRanges(): NamedRangeLike[];
  setNamedRange(name: string, range: RangeLike): void;
  toast(message: string, title?: string, timeoutSeconds?: number): void;
}

/** The builders and enums `SpreadsheetApp` offers besides the active spreadsheet. */
export interface SpreadsheetAppLike {
  getActiveSpreadsheet(): SpreadsheetLike;
  newConditionalFormatRule(): ConditionalFormatRuleBuilderLike;
  newDataValidation(): DataValidationBuilderLike;
  ProtectionType: { RANGE: unknown };
}

export interface PropertiesLike {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): PropertiesLike;
  deleteProperty(key: string): PropertiesLike;
}

export interface HttpResponseLike {
  getResponseCode(): number;
  getContentText(): string;
  getHeaders(): object;
}

export interface FetchOptions {
  method?: 'get' | 'post' | 'put' | 'patch' | 'delete';
  headers?: Record<string, string>;
  payload?: string;
  contentType?: string;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
}

export interface LockLike {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}

export interface UiLike {
  createMenu(caption: string): MenuLike;
  showSidebar(html: unknown): void;
  alert(message: string): unknown;
}

export interface MenuLike {
  addItem(caption: string, functionName: string): MenuLike;
  addSeparator(): MenuLike;
  addToUi(): void;
}

export interface HtmlOutputLike {
  setTitle(title: string): HtmlOutputLike;
}

export interface TriggerLike {
  getHandlerFunction(): string;
}

/** Everything the add-on's modules may reach, passed in by `index.ts`. */
export interface Services {
  spreadsheetApp: SpreadsheetAppLike;
  documentProperties: PropertiesLike;
  userProperties: PropertiesLike;
  fetch(url: string, options: FetchOptions): HttpResponseLike;
  documentLock(): LockLike | null;
  /** Null where Apps Script gives no UI (time triggers). */
  ui(): UiLike | null;
  htmlOutput(html: string): HtmlOutputLike;
  /** Installs a time trigger for `handler` every `minutes` unless one exists; throws when Google refuses the rate. */
  ensureTimeTrigger(handler: string, minutes: number): void;
  /** Installs an on-open trigger for `handler` unless one exists (simple triggers may not call the network). */
  ensureOpenTrigger(handler: string): void;
  /** Installs an on-form-submit trigger for `handler` unless one exists (a Google Form linked to this sheet). */
  ensureFormSubmitTrigger(handler: string): void;
  /** HMAC-SHA256 of `message` (UTF-8) under `key` (UTF-8), as lower-case hex: `Utilities` on Apps Script. */
  hmacSha256Hex(key: string, message: string): string;
  chartTypeBar: unknown;
  now(): Date;
  /** The person's Google language (`Session.getActiveUserLocale()`: "pl", "en_GB", or "" where unknown); needs no scope. */
  userLocale(): string;
}
