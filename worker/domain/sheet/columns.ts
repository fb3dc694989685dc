import { LANGUAGES, type Language } from '../constants';

/**
 * Who may write a column. `editable`: a person types there and LeadPact never
 * writes it (white header). `leadpact`: LeadPact writes it on every refresh or
 * push (grey header). `system`: identity and versions LeadPact reads back to
 * find rows; people leave it alone (blue header, warning-only protection).
 */
export const COLUMN_OWNERS = ['editable', 'leadpact', 'system'] as const;
export type ColumnOwner = (typeof COLUMN_OWNERS)[number];

/** How the column's cells are formatted: the number format comes from the workspace locale (sheet texts). */
export const COLUMN_FORMATS = ['text', 'integer', 'decimal', 'money', 'percent', 'date', 'datetime'] as const;
export type ColumnFormat = (typeof COLUMN_FORMATS)[number];

export interface ColumnSpec<K extends string = string> {
  key: K;
  owner: ColumnOwner;
  format: ColumnFormat;
  /** Header text in a language (the catalogue's words). */
  header: (language: Language) => string;
  /** Width in pixels, so a fresh tab reads well. */
  width: number;
}

/** The header background per owner, so people see at a glance where they may type. */
export const OWNER_HEADER_COLOURS: Record<ColumnOwner, string> = {
  editable: '#ffffff',
  leadpact: '#e8eaed',
  system: '#c9daf8',
};

function normalised(text: unknown): string {
  return typeof text === 'string' ? text.trim().toLowerCase() : '';
}

/**
 * Where each column of a layout is in a header row the sheet holds now: columns
 * are found by their header (in any starter language, or the bare key), never by
 * position, so people may move, insert or delete columns. A missing column maps
 * to -1; when a header appears twice the leftmost wins.
 */
export function columnIndexes<K extends string>(
  columns: readonly ColumnSpec<K>[],
  headerRow: readonly unknown[],
): Record<K, number> {
  const byText = new Map<string, K>();
  for (const column of columns) {
    byText.set(column.key, column.key);
    for (const language of LANGUAGES) byText.set(normalised(column.header(language)), column.key);
  }
  const found = Object.fromEntries(columns.map((c) => [c.key, -1])) as Record<K, number>;
  headerRow.forEach((cell, index) => {
    const key = byText.get(normalised(cell));
    if (key !== undefined && found[key] === -1) found[key] = index;
  });
  return found;
}

/** The header row of a layout in a language. */
export function headerRow(columns: readonly ColumnSpec[], language: Language): string[] {
  return columns.map((c) => c.header(language));
}

/**
 * The columns a writer may fill, grouped into runs of adjacent sheet columns
 * (0-based start, keys in sheet order): one write per run, normally one run.
 * Editable columns and columns the sheet lacks are never part of a run.
 */
export function writableRuns<K extends string>(
  columns: readonly ColumnSpec<K>[],
  indexes: Record<K, number>,
): Array<{ start: number; keys: K[] }> {
  const placed = columns
    .filter((c) => c.owner !== 'editable' && indexes[c.key] >= 0)
    .map((c) => ({ key: c.key, index: indexes[c.key] }))
    .sort((a, b) => a.index - b.index);
  const runs: Array<{ start: number; keys: K[] }> = [];
  for (const { key, index } of placed) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.keys.length === index) last.keys.push(key);
    else runs.push({ start: index, keys: [key] });
  }
  return runs;
}
