import type * as z from 'zod';
import { LANGUAGES, type Language } from '../../constants';
import { type AgreementGridTexts, catalogueOf } from '../../i18n';
import { fill } from '../../i18n/format';
import { sayZodIssue, type ZodIssueFacts } from '../../i18n/zod-issues';
import { wallClockOf } from '../../zoned-time';
import { type CellValue, safeText } from '../cells';
import type { ColumnOwner } from '../columns';
import type { AgreementGridTab } from './sections';

/**
 * The shared machinery of the agreement tabs. A tab is a column of tables
 * ("blocks"): a title row, a header row, data rows, a blank row. Parsing finds
 * each block by its title in column A and each column by its header, in any
 * starter language (a team may switch), so people may add rows anywhere in a
 * block, reorder rows and move columns; blank rows are skipped.
 */

/** What `getValues` hands back: real Sheets gives a `Date` for a date or time cell. */
export type GridCell = string | number | boolean | Date;
export type Grid = readonly (readonly GridCell[])[];

/** A cell that must change before the agreement can be sent, 1-based, with the reason in the team's language. */
export interface GridProblem {
  tab: AgreementGridTab;
  row: number;
  column: number;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: GridProblem[] };

export interface ParseOptions {
  language: Language;
  /** The spreadsheet's time zone: a `Date` from a date or time cell is read on its wall clock. */
  timeZone: string;
}

/** A rendered tab: its cells, and what the add-on applies around them. */
export interface RenderedTab {
  tab: AgreementGridTab;
  /** Row 1 is left for the freshness line; texts already carry the safe-cell quote. */
  rows: CellValue[][];
  width: number;
  /** 1-based rows holding a block's title. */
  titleRows: number[];
  /** 1-based header rows and who owns each of their columns (white editable, blue system). */
  headers: Array<{ row: number; owners: ColumnOwner[] }>;
  /** Dropdowns: 1-based first row and column, how many rows, the offered values. */
  dropdowns: Array<{ row: number; column: number; rows: number; values: string[] }>;
}

export type Texts = AgreementGridTexts;

export interface ColumnDef<K extends string = string> {
  key: K;
  header: (texts: Texts) => string;
  /** `system` for the setting labels a row is found by; everything else is the team's to edit. */
  owner?: ColumnOwner;
}

/**
 * A block's columns, each headed by the catalogue's column text of the same key;
 * `system` names the ones LeadPact owns (labels a row is found by).
 */
export function columnsOf<K extends keyof Texts['columns']>(
  keys: readonly K[],
  system: readonly K[] = [],
): ColumnDef<K>[] {
  return keys.map((key) => ({
    key,
    header: (t: Texts) => t.columns[key],
    ...(system.includes(key) ? { owner: 'system' as const } : {}),
  }));
}

export type SettingColumn = 'setting' | 'value';

/** A block of settings: a label the row is found by (blue, LeadPact's) and the team's value. */
export function settingsBlock(key: string, title: (texts: Texts) => string): BlockDef<SettingColumn> {
  return {
    key,
    title,
    columns: columnsOf(['setting', 'value'], ['setting']),
  };
}

export interface BlockDef<K extends string = string> {
  key: string;
  title: (texts: Texts) => string;
  columns: readonly ColumnDef<K>[];
}

const normalised = (value: unknown) =>
  typeof value === 'string' ? value.trim().toLowerCase().replace(/\s+/g, ' ') : '';

/** Builds a tab top-down: the hint, then one block after another. */
export class TabWriter {
  readonly texts: Texts;
  readonly rows: CellValue[][];
  readonly titleRows: number[] = [];
  readonly headers: RenderedTab['headers'] = [];
  readonly dropdowns: RenderedTab['dropdowns'] = [];

  constructor(
    readonly tab: AgreementGridTab,
    readonly language: Language,
  ) {
    this.texts = catalogueOf(language).sheet.agreementGrid;
    this.rows = [[''], [safeText(this.texts.hint)], ['']];
  }

  /**
   * One block. `rows` hold cell values by column key (texts are quoted here);
   * `dropdowns` lists the values offered in a column of its data rows.
   */
  block<K extends string>(
    def: BlockDef<K>,
    rows: ReadonlyArray<Partial<Record<K, CellValue>>>,
    dropdowns: Partial<Record<K, string[]>> = {},
  ): void {
    this.titleRows.push(this.rows.length + 1);
    this.rows.push([safeText(def.title(this.texts))]);
    this.headers.push({ row: this.rows.length + 1, owners: def.columns.map((c) => c.owner ?? 'editable') });
    this.rows.push(def.columns.map((c) => safeText(c.header(this.texts))));
    const first = this.rows.length + 1;
    for (const row of rows) {
      this.rows.push(
        def.columns.map((c) => {
          const value = row[c.key];
          return typeof value === 'string' ? safeText(value) : (value ?? '');
        }),
      );
    }
    // One spare row under every table (and a dropdown on it) so a new item can be typed without inserting a row.
    this.rows.push(def.columns.map(() => ''));
    def.columns.forEach((c, index) => {
      const values = dropdowns[c.key];
      if (values && values.length > 0)
        this.dropdowns.push({ row: first, column: index + 1, rows: rows.length + 1, values });
    });
    this.rows.push(['']);
  }

  /** A settings block: one row per setting, its label (found by in any language) and its value. */
  settings<S extends keyof Texts['settings']>(
    def: BlockDef<SettingColumn>,
    entries: ReadonlyArray<readonly [S, CellValue]>,
    dropdowns: Partial<Record<S, string[]>> = {},
  ): void {
    const first = this.rows.length + 3;
    this.block(
      def,
      entries.map(([key, value]) => ({ setting: this.texts.settings[key], value })),
    );
    entries.forEach(([key], index) => {
      const values = dropdowns[key];
      if (values) this.dropdowns.push({ row: first + index, column: 2, rows: 1, values });
    });
  }

  done(): RenderedTab {
    return {
      tab: this.tab,
      rows: this.rows,
      width: Math.max(...this.rows.map((r) => r.length)),
      titleRows: this.titleRows,
      headers: this.headers,
      dropdowns: this.dropdowns,
    };
  }
}

/** One data row of a block as read. */
export interface RowRead<K extends string> {
  /** 1-based sheet row. */
  row: number;
  /** 1-based column of `key`. */
  column(key: K): number;
  get(key: K): GridCell;
}

export interface BlockRead<K extends string> {
  titleRow: number;
  rows: RowRead<K>[];
}

export interface CellAt {
  row: number;
  column: number;
}

const DAY = 86_400_000;
const SERIAL_EPOCH_DAYS = 25_569;

/**
 * The parse of one tab: the cells' readers, the problems found so far, and
 * where each agreement path came from, so the shared schema's issues land on
 * the cell that caused them.
 */
export class TabReader {
  readonly texts: Texts;
  readonly problems: GridProblem[] = [];
  private readonly flagged = new Set<string>();
  private readonly paths = new Map<string, CellAt>();

  constructor(
    readonly tab: AgreementGridTab,
    readonly grid: Grid,
    readonly options: ParseOptions,
  ) {
    this.texts = catalogueOf(options.language).sheet.agreementGrid;
  }

  /** A problem on a cell; the first problem of a cell wins. */
  problem(at: CellAt, message: string): void {
    const key = `${at.row}:${at.column}`;
    if (this.flagged.has(key)) return;
    this.flagged.add(key);
    this.problems.push({ tab: this.tab, row: at.row, column: at.column, message });
  }

  say(template: string, params: Record<string, string | number> = {}): string {
    return fill(template, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])));
  }

  /** Remembers that agreement path `path` was read from `at` (dot-joined: `sla.businessHours.mon.0.close`). */
  mark(path: readonly PropertyKey[], at: CellAt): void {
    this.paths.set(path.map(String).join('.'), at);
  }

  /** Every block of `defs`, found by title; a missing block or column is a problem and reads as undefined. */
  blocks<D extends Record<string, BlockDef>>(
    defs: D,
  ): { [P in keyof D]: D[P] extends BlockDef<infer K> ? BlockRead<K> | undefined : never } {
    // Titles match exactly (trimmed): codes in column A are lower-case, so a term keyed `terms` is no title.
    // The row under a title must hold the block's first header, in any language.
    const titles = new Map<string, string>();
    for (const [name, def] of Object.entries(defs)) {
      for (const language of LANGUAGES)
        titles.set(def.title(catalogueOf(language).sheet.agreementGrid).trim(), name);
    }
    const starts: Array<{ name: string; index: number }> = [];
    this.grid.forEach((row, index) => {
      const name = typeof row[0] === 'string' ? titles.get(row[0].trim()) : undefined;
      const def = name === undefined ? undefined : defs[name];
      if (name === undefined || !def || starts.some((s) => s.name === name)) return;
      const first = def.columns[0];
      const header = normalised(this.grid[index + 1]?.[0]);
      if (first && headerNames(first).has(header)) starts.push({ name, index });
    });
    const out: Record<string, BlockRead<string> | undefined> = {};
    for (const [name, def] of Object.entries(defs)) {
      const start = starts.find((s) => s.name === name);
      if (!start) {
        this.problem(
          { row: 1, column: 1 },
          this.say(this.texts.problems.missingBlock, { title: def.title(this.texts) }),
        );
        out[name] = undefined;
        continue;
      }
      const end = Math.min(
        ...starts.filter((s) => s.index > start.index).map((s) => s.index),
        this.grid.length,
      );
      const header = this.grid[start.index + 1] ?? [];
      const columns = new Map<string, number>();
      for (const column of def.columns) {
        const names = headerNames(column);
        const index = header.findIndex((cell) => names.has(normalised(cell)));
        if (index < 0) {
          this.problem(
            { row: start.index + 2, column: 1 },
            this.say(this.texts.problems.missingColumn, {
              header: column.header(this.texts),
              title: def.title(this.texts),
            }),
          );
        } else columns.set(column.key, index);
      }
      if (columns.size < def.columns.length) {
        out[name] = undefined;
        continue;
      }
      const rows: RowRead<string>[] = [];
      for (let index = start.index + 2; index < end; index++) {
        const cells = this.grid[index] ?? [];
        const get = (key: string) => cells[columns.get(key) ?? -1] ?? '';
        if (def.columns.every((c) => isBlank(get(c.key)))) continue;
        rows.push({ row: index + 1, column: (key) => (columns.get(key) ?? 0) + 1, get });
      }
      out[name] = { titleRow: start.index + 1, rows };
    }
    return out as never;
  }

  // -------------------------------------------------------------------------
  // Cell readers: each marks the path it fills and reports what it cannot read.

  private at<K extends string>(row: RowRead<K>, key: K): CellAt {
    return { row: row.row, column: row.column(key) };
  }

  /** Text, trimmed; '' when blank. */
  text<K extends string>(row: RowRead<K>, key: K, path: readonly PropertyKey[]): string {
    this.mark(path, this.at(row, key));
    return textOf(row.get(key), this.options.timeZone);
  }

  /** A cell's text without marking a path (for checks across rows). */
  peek<K extends string>(row: RowRead<K>, key: K): string {
    return textOf(row.get(key), this.options.timeZone);
  }

  /** Text, or undefined when blank (optional fields). */
  optionalText<K extends string>(row: RowRead<K>, key: K, path: readonly PropertyKey[]): string | undefined {
    const text = this.text(row, key, path);
    return text === '' ? undefined : text;
  }

  /** Items of a list cell: one per line (texts) or separated by `;` (codes and values). */
  list<K extends string>(
    row: RowRead<K>,
    key: K,
    path: readonly PropertyKey[],
    separator: 'line' | ';',
  ): string[] {
    const text = this.text(row, key, path);
    if (text === '') return [];
    return text
      .split(separator === 'line' ? /\r?\n/ : ';')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  /** A number; null when blank; NaN (and a problem) when the cell holds words. */
  number<K extends string>(row: RowRead<K>, key: K, path: readonly PropertyKey[]): number | null {
    const at = this.at(row, key);
    this.mark(path, at);
    const cell = row.get(key);
    if (isBlank(cell)) return null;
    const value = numberOf(cell);
    if (value === null) {
      this.problem(
        at,
        this.say(this.texts.problems.notNumber, { value: textOf(cell, this.options.timeZone) }),
      );
      return Number.NaN;
    }
    return value;
  }

  /** One of `choices` (by code, or its label in any language); undefined and a problem otherwise. */
  choice<K extends string, T extends string>(
    row: RowRead<K>,
    key: K,
    path: readonly PropertyKey[],
    choices: readonly T[],
    labels: Labels<T> = (_, c) => c,
  ): T | undefined {
    const text = this.text(row, key, path);
    if (text === '') return undefined;
    const found = choiceOf(text, choices, labels);
    if (found === undefined) {
      this.problem(
        this.at(row, key),
        this.say(this.texts.problems.unknownChoice, {
          value: text,
          choices: choices.map((c) => labels(this.options.language, c)).join(', '),
        }),
      );
    }
    return found;
  }

  /** Yes or no, in any language, or a checkbox; a problem otherwise. */
  yesNo<K extends string>(row: RowRead<K>, key: K, path: readonly PropertyKey[]): boolean {
    const at = this.at(row, key);
    this.mark(path, at);
    const cell = row.get(key);
    if (typeof cell === 'boolean') return cell;
    const text = normalised(textOf(cell, this.options.timeZone));
    for (const language of LANGUAGES) {
      const texts = catalogueOf(language).sheet.agreementGrid;
      if (text === texts.yes) return true;
      if (text === texts.no) return false;
    }
    if (text === 'true') return true;
    if (text === 'false') return false;
    this.problem(
      at,
      this.say(this.texts.problems.notYesNo, {
        value: textOf(cell, this.options.timeZone),
        yes: this.texts.yes,
        no: this.texts.no,
      }),
    );
    return false;
  }

  /** A wall-clock time `HH:MM` ('' when blank); `24:00` when `closing`. A problem when unreadable. */
  time<K extends string>(row: RowRead<K>, key: K, path: readonly PropertyKey[], closing: boolean): string {
    const at = this.at(row, key);
    this.mark(path, at);
    const cell = row.get(key);
    if (isBlank(cell)) return '';
    const minutes = minutesOfCell(cell, this.options.timeZone);
    if (minutes === null || minutes > (closing ? 1440 : 1439)) {
      this.problem(at, this.say(this.texts.problems.notTime, { value: textOf(cell, this.options.timeZone) }));
      return '';
    }
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }

  /** A date `YYYY-MM-DD` ('' when blank); a problem when unreadable. */
  date<K extends string>(row: RowRead<K>, key: K, path: readonly PropertyKey[]): string {
    const at = this.at(row, key);
    this.mark(path, at);
    const cell = row.get(key);
    if (isBlank(cell)) return '';
    const date = dateOfCell(cell, this.options.timeZone);
    if (date === null) {
      this.problem(at, this.say(this.texts.problems.notDate, { value: textOf(cell, this.options.timeZone) }));
      return '';
    }
    return date;
  }

  /** The rows of a settings block by setting; an unknown label is a problem, a missing setting reads blank. */
  settings<S extends keyof Texts['settings']>(
    block: BlockRead<SettingColumn>,
    keys: readonly S[],
  ): Record<S, RowRead<SettingColumn>> {
    const out: Partial<Record<S, RowRead<SettingColumn>>> = {};
    for (const row of block.rows) {
      const text = this.peek(row, 'setting');
      const key = choiceOf(text, keys, (l, k) => catalogueOf(l).sheet.agreementGrid.settings[k]);
      if (key === undefined) {
        this.problem(
          { row: row.row, column: row.column('setting') },
          this.say(this.texts.problems.unknownSetting, { value: text }),
        );
      } else if (!out[key]) out[key] = row;
    }
    for (const key of keys) {
      // A deleted setting row reads as blank on the block's title, so the schema's "required" lands there.
      out[key] ??= { row: block.titleRow, column: () => 1, get: () => '' };
    }
    return out as Record<S, RowRead<SettingColumn>>;
  }

  /** Flags every repeat of a key in a block, naming the row of its first use. */
  unique<K extends string>(rows: readonly RowRead<K>[], key: K, keyOf: (row: RowRead<K>) => string): void {
    const seen = new Map<string, number>();
    for (const row of rows) {
      const value = keyOf(row);
      if (value === '') continue;
      const first = seen.get(value);
      if (first === undefined) seen.set(value, row.row);
      else this.problem(this.at(row, key), this.say(this.texts.problems.duplicate, { value, row: first }));
    }
  }

  /**
   * Checks `value` with the shared schema; each issue lands on the cell its
   * path was read from (or the nearest block above it), in the team's language.
   */
  validate<S extends z.ZodType>(
    schema: S,
    value: unknown,
    prefix: readonly PropertyKey[],
  ): z.output<S> | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues)
      this.issue([...prefix, ...issue.path], issue as unknown as ZodIssueFacts);
    return undefined;
  }

  /** One schema issue at an agreement path. */
  issue(path: readonly PropertyKey[], facts: ZodIssueFacts): void {
    const parts = path.map(String);
    for (let n = parts.length; n >= 0; n--) {
      const at = this.paths.get(parts.slice(0, n).join('.'));
      if (at) {
        this.problem(at, sayZodIssue(facts)(this.options.language));
        return;
      }
    }
    this.problem({ row: 1, column: 1 }, sayZodIssue(facts)(this.options.language));
  }

  result<T>(value: T): ParseResult<T> {
    return this.problems.length > 0
      ? { ok: false, problems: [...this.problems].sort((a, b) => a.row - b.row || a.column - b.column) }
      : { ok: true, value };
  }
}

function headerNames(column: ColumnDef): Set<string> {
  return new Set([
    column.key.toLowerCase(),
    ...LANGUAGES.map((l) => normalised(column.header(catalogueOf(l).sheet.agreementGrid))),
  ]);
}

/**
 * A `Date`, from this realm or another: Sheets' values may be made where the
 * script's own `Date` is not the constructor (a test's fakes, another context).
 */
export function isDate(cell: unknown): cell is Date {
  return Object.prototype.toString.call(cell) === '[object Date]';
}

export function isBlank(cell: GridCell | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** What a cell says as text: a `Date` as its local date (and time, when it has one). */
export function textOf(cell: GridCell | undefined, timeZone: string): string {
  if (cell === undefined || cell === null) return '';
  if (isDate(cell)) {
    const wall = new Date(wallClockOf(cell.getTime(), timeZone)).toISOString();
    return wall.slice(11, 16) === '00:00' ? wall.slice(0, 10) : `${wall.slice(0, 10)} ${wall.slice(11, 16)}`;
  }
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return String(cell).trim();
}

/** A number from a number cell or from text such as `1,5`, `1 000` or ` 20 `; null for words. */
export function numberOf(cell: GridCell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  let text = cell.trim().replace(/(\d)[\s\u00a0\u202f](?=\d{3}\b)/g, '$1');
  if (/^-?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  return Number(text);
}

/** How a choice is shown in a language (its code when it has no words). */
export type Labels<T extends string> = (language: Language, choice: T) => string;

/** The choice a cell names, by its code or its label in any language. */
export function choiceOf<T extends string>(
  text: string,
  choices: readonly T[],
  labels: Labels<T> = (_, c) => c,
): T | undefined {
  const wanted = normalised(text);
  return choices.find(
    (c) => normalised(c) === wanted || LANGUAGES.some((l) => normalised(labels(l, c)) === wanted),
  );
}

/** Minutes since midnight in a time cell: `9:00`, a day fraction, or a `Date` read on the zone's clock. */
function minutesOfCell(cell: GridCell, timeZone: string): number | null {
  if (isDate(cell)) {
    const wall = wallClockOf(cell.getTime(), timeZone);
    return Math.round((((wall % DAY) + DAY) % DAY) / 60_000) % 1440;
  }
  if (typeof cell === 'number') {
    if (cell < 0) return null;
    if (cell === 1) return 1440;
    return Math.round((cell - Math.floor(cell)) * 1440) % 1440;
  }
  if (typeof cell !== 'string') return null;
  const match = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(cell.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** A local date in a date cell: `YYYY-MM-DD` text, a serial number, or a `Date` read on the zone's clock. */
function dateOfCell(cell: GridCell, timeZone: string): string | null {
  if (isDate(cell)) return new Date(wallClockOf(cell.getTime(), timeZone)).toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1) return null;
    return new Date((Math.floor(cell) - SERIAL_EPOCH_DAYS) * DAY).toISOString().slice(0, 10);
  }
  if (typeof cell !== 'string') return null;
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cell.trim());
  if (!match) return null;
  const iso = `${match[1]}-${match[2]?.padStart(2, '0')}-${match[3]?.padStart(2, '0')}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso ? null : iso;
}

/** Numbers and booleans of a matcher's values as a cell shows them: `20; 1000`. */
export function joinValues(values: readonly (string | number | boolean)[]): string {
  return values.map((v) => String(v)).join('; ');
}
