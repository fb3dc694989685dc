import { wallClockOf } from '../zoned-time';

/**
 * What one cell holds as LeadPact writes it: text, a number (dates are serial
 * numbers with a date format), a boolean, or empty. Written with Apps Script's
 * `setValues` or the Sheets API with `valueInputOption: USER_ENTERED`, which
 * both parse text the way a person typing it would.
 */
export type CellValue = string | number | boolean;

/**
 * Characters that make a typed string anything but text: `=` a formula, `+ - @`
 * a formula or a number in Sheets (and a command in other spreadsheets),
 * control characters that some tools strip before parsing, a leading `'` that
 * Sheets would swallow, and a digit (a phone "0048…" would lose its zeros, an
 * ID "2026-03" would become a date).
 */
const NEEDS_QUOTE = /^[=+\-@'\t\r\n0-9]/;

/**
 * The safe-cell rule: text that came from outside (a form, a person, the API)
 * is written so it can only ever be text. A string Sheets would parse
 * (formula, number, date) gets the quote prefix `'`, which Sheets stores as a
 * flag and does not show: the cell displays exactly the original string, and
 * `getValues` reads it back without the quote (see `displayedText`).
 */
export function safeText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTE.test(text) ? `'${text}` : text;
}

/** What a cell written with `value` shows and reads back: the quote prefix is not part of the text. */
export function displayedText(value: CellValue): CellValue {
  return typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
}

/** True when a value written to a cell would become a formula (what `safeText` prevents for outside text). */
export function isFormula(value: CellValue): boolean {
  return typeof value === 'string' && value.startsWith('=');
}

const DAY = 86_400_000;
/** Days from the spreadsheet epoch (30 December 1899) to the Unix epoch. */
const SERIAL_EPOCH_DAYS = 25_569;

/**
 * An instant as a spreadsheet date-time serial number read on the wall clock
 * of `timeZone` (days since 30 December 1899, the fraction the time of day).
 * A serial carries no zone, so the cell shows the team's local time whatever
 * the reader's locale, and sorts and filters as a date; the column's number
 * format decides how it looks.
 */
export function sheetSerial(at: string | null, timeZone: string): number | '' {
  if (at === null) return '';
  const t = Date.parse(at);
  if (Number.isNaN(t)) return '';
  return wallClockOf(t, timeZone) / DAY + SERIAL_EPOCH_DAYS;
}

/** A local date `YYYY-MM-DD` as a serial number (midnight). */
export function sheetDate(date: string | null): number | '' {
  if (date === null) return '';
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? '' : t / DAY + SERIAL_EPOCH_DAYS;
}
