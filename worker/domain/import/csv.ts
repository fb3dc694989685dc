// The browser build: the same parser without Node's Buffer, so the domain loads outside the Worker.
import { CsvError, parse } from 'csv-parse/browser/esm/sync';
import { fieldIssue, InvalidError } from '../errors';
import { say } from '../i18n';

/** A list as columns and rows of cells; a cell is text, a number, a boolean or empty. */
export interface ImportTable {
  columns: string[];
  rows: Record<string, string | number | boolean | null>[];
}

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * The delimiter of a header line: the candidate that occurs most outside quotes. Spreadsheets in
 * Polish, Romanian and Russian locales save CSV with `;`, since `,` is their decimal mark.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as CsvDelimiter))
      counts.set(char as CsvDelimiter, (counts.get(char as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const [delimiter, n] of counts) if (n > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** Header cells as column names: trimmed, blanks named by position, repeats numbered (`Email (2)`). */
function columnNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((cell, i) => {
    const name = cell.trim() === '' ? `Column ${i + 1}` : cell.trim();
    const n = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

/**
 * Reads a CSV file (RFC 4180 quoting, UTF-8 with or without a BOM) whose first line names the
 * columns. Blank lines are skipped; missing cells are empty. A file the parser cannot read (an
 * unterminated quote) is refused whole, naming the line, since no row after it can be trusted.
 */
export function readCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): ImportTable {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      // csv-parse explains in English; its code (CSV_QUOTE_NOT_CLOSED…) is said the same in every language.
      throw new InvalidError(say('csvUnreadable'), [
        fieldIssue('body', say('csvBroken', { code: error.code }), error.message),
      ]);
    }
    throw error;
  }
  const [header, ...data] = records;
  if (!header) {
    throw new InvalidError(say('csvEmpty'), [fieldIssue('body', say('csvHeader'))]);
  }
  const columns = columnNames(header);
  const rows = data.map((cells) => {
    const row: Record<string, string | null> = {};
    columns.forEach((column, i) => {
      const cell = cells[i];
      row[column] = cell === undefined || cell === '' ? null : cell;
    });
    return row;
  });
  return { columns, rows };
}
