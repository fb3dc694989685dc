import type { Language } from '../constants';
import type { SheetFrameTexts } from '../i18n';
import { localeOf } from '../i18n/locales';
import { type CellValue, safeText, sheetSerial } from './cells';
import type { ColumnFormat } from './columns';

/**
 * A read-only tab as its renderer leaves it: the cells from row 2 down (row 1
 * is the freshness line, written by the add-on), a format hint per cell, a
 * style per row, and the named ranges others read. Pure data: the add-on
 * writes it with one `setValues` and one call per kind of format.
 */
export interface TabGrid {
  /** Rows from sheet row 2 (`FIRST_GRID_ROW`) down, ragged: the writer pads them. */
  rows: CellValue[][];
  formats: ColumnFormat[][];
  styles: RowStyle[];
  /** Named range → area in sheet coordinates (1-based, as Sheets counts). */
  named: Record<string, GridArea>;
  /** Column widths in pixels, for a fresh tab. */
  widths: number[];
  /** The currency money cells are written in (the agreement's or the report's), null for a plain number. */
  currency: string | null;
}

export const ROW_STYLES = ['plain', 'title', 'section', 'header'] as const;
export type RowStyle = (typeof ROW_STYLES)[number];

export interface GridArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** The freshness line is row 1; a renderer's first row is row 2. */
export const FIRST_GRID_ROW = 2;
/** Row 1 (freshness) and row 2 (the tab's title) stay in view while scrolling. */
export const FROZEN_ROWS = 2;

export interface GridCell {
  value: CellValue;
  format: ColumnFormat;
}

/** Text from anywhere (a name, a campaign key, a label): the safe-cell rule, so it can only ever be text. */
export function text(value: string | number | null | undefined): GridCell {
  return { value: safeText(value), format: 'text' };
}

/** A number shown with `format`; null is an empty cell (a rate with nothing to divide by). */
export function num(value: number | null | undefined, format: ColumnFormat = 'integer'): GridCell {
  return { value: value ?? '', format };
}

/** An instant as a date-time serial on the team's clock. */
export function instant(at: string | null | undefined, timeZone: string): GridCell {
  return { value: sheetSerial(at ?? null, timeZone), format: 'datetime' };
}

export const BLANK: GridCell = { value: '', format: 'text' };

/** Collects rows and remembers where they landed, so named ranges follow the rows as they grow. */
export class GridBuilder {
  readonly rows: CellValue[][] = [];
  readonly formats: ColumnFormat[][] = [];
  readonly styles: RowStyle[] = [];
  readonly named: Record<string, GridArea> = {};

  /** Adds a row; returns its sheet row number. */
  row(style: RowStyle, cells: readonly (GridCell | string)[]): number {
    const full = cells.map((c) => (typeof c === 'string' ? text(c) : c));
    this.rows.push(full.map((c) => c.value));
    this.formats.push(full.map((c) => c.format));
    this.styles.push(style);
    return this.rows.length - 1 + FIRST_GRID_ROW;
  }

  blank(): number {
    return this.row('plain', []);
  }

  /** The sheet row the next `row` lands on. */
  get nextRow(): number {
    return this.rows.length + FIRST_GRID_ROW;
  }

  name(name: string, area: GridArea): void {
    this.named[name] = area;
  }

  build(widths: number[], currency: string | null): TabGrid {
    return {
      rows: this.rows,
      formats: this.formats,
      styles: this.styles,
      named: this.named,
      widths,
      currency,
    };
  }
}

/**
 * The Sheets number format for a hint, in the workspace's locale: dates as the
 * sheet texts write them, money with the currency's sign where people of
 * `language` put it (`€1,234.50`, `1 234,50 zł`), rates as percentages (the
 * cell holds 0.25, so it charts and sums as a number). Separators follow the
 * spreadsheet's locale, which the refresh sets to the workspace's.
 */
export function numberFormatOf(
  format: ColumnFormat,
  texts: Pick<SheetFrameTexts, 'dateFormat' | 'dateTimeFormat'>,
  language: Language,
  currency: string | null,
): string {
  switch (format) {
    case 'integer':
      return '#,##0';
    case 'decimal':
      return '#,##0.0';
    case 'percent':
      return '0.0%';
    case 'date':
      return texts.dateFormat;
    case 'datetime':
      return texts.dateTimeFormat;
    case 'money':
      return moneyNumberFormat(language, currency);
    default:
      return '@';
  }
}

/** The sheet's one money format: the currency's sign where people of `language` put it (every tab uses this). */
export function moneyNumberFormat(language: Language, currency: string | null): string {
  const amount = '#,##0.00';
  if (!currency) return amount;
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(localeOf(language), { style: 'currency', currency }).formatToParts(1);
  } catch {
    // A code Intl does not know: the code itself after the amount.
    return `${amount} [$${currency}]`;
  }
  const at = parts.findIndex((p) => p.type === 'currency');
  const sign = (parts[at]?.value ?? currency).replace(/[\]"]/g, '');
  const before = at >= 0 && at < parts.findIndex((p) => p.type === 'integer');
  return before ? `[$${sign}]${amount}` : `${amount} [$${sign}]`;
}
