import { utf8ByteLength } from '../encoding';
import { columnLetters } from '../sheet/a1';
import type { CellValue } from '../sheet/cells';
import { LEADS_TAB } from '../sheet/leads-layout';

export type { CellValue };

/** A lead rendered for the Leads tab: cell values by column key. */
export interface RenderedRow {
  leadId: string;
  cells: Readonly<Record<string, CellValue>>;
}

/** One range of `values.batchUpdate` (the `sheets_v4.Schema$ValueRange` shape). */
export interface ValueRange {
  range: string;
  majorDimension: 'ROWS';
  values: CellValue[][];
}

export interface WritePlan {
  data: ValueRange[];
  /** Leads found in the sheet and rewritten in place. */
  updated: number;
  /** Leads found in the sheet whose row already holds what would be written (same fingerprint). */
  unchanged: number;
  /** Leads not in the sheet yet, written below the last used row. */
  appended: number;
}

/** 0 → A, 25 → Z, 26 → AA: the API's columns by 0-based index. */
export function columnLetter(index: number): string {
  return columnLetters(index + 1);
}

/** A1 notation with the tab name quoted, as the API expects for any tab name. */
export function a1(
  tab: string,
  fromColumn: number,
  toColumn: number,
  fromRow: number,
  toRow = fromRow,
): string {
  return `'${tab.replaceAll("'", "''")}'!${columnLetter(fromColumn)}${fromRow}:${columnLetter(toColumn)}${toRow}`;
}

/** Runs of adjacent column indexes: `[2,3,4,7]` → `[[2,4],[7,7]]`. */
function runsOf(indexes: readonly number[]): [number, number][] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of sorted) {
    const last = runs.at(-1);
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

/**
 * Where each rendered lead goes: the row whose lead-id cell holds its id
 * (never a position, so a sorted or filtered sheet still gets the right rows),
 * else a new row below the last used one. Only `writable` columns found in the
 * header are written — each row as runs of adjacent writable columns, so a
 * column a person owns, or a formula, between two of ours is never touched.
 * The id is written only into new rows.
 */
export function planWrite(input: {
  /** Column key → 0-based column index, from the header. */
  columns: ReadonlyMap<string, number>;
  idKey: string;
  /** Keys LeadPact owns and may write (never person-owned or formula columns). */
  writable: readonly string[];
  /** The lead-id column as read, row 1 first (header rows included). */
  idColumn: readonly (string | undefined)[];
  /** The fingerprint column as read, aligned with `idColumn`, and its key in the rendered cells. */
  check?: { key: string; column: readonly (string | undefined)[] };
  headerRows: number;
  rows: readonly RenderedRow[];
  tab?: string;
}): WritePlan {
  const tab = input.tab ?? LEADS_TAB;
  const idIndex = input.columns.get(input.idKey);
  if (idIndex === undefined) throw new Error(`the header has no ${input.idKey} column`);
  const rowOf = new Map<string, number>();
  let lastUsed = input.headerRows;
  input.idColumn.forEach((value, i) => {
    const row = i + 1;
    if (row <= input.headerRows) return;
    const id = typeof value === 'string' ? value.trim() : '';
    if (id === '') return;
    lastUsed = Math.max(lastUsed, row);
    // A copied row repeats an id: the first one is the lead's.
    if (!rowOf.has(id)) rowOf.set(id, row);
  });

  const writable = input.writable.filter((k) => k !== input.idKey && input.columns.has(k));
  const updateRuns = runsOf(writable.map((k) => input.columns.get(k) as number));
  const appendRuns = runsOf([idIndex, ...writable.map((k) => input.columns.get(k) as number)]);
  const keyAt = new Map([...input.columns].map(([k, i]) => [i, k]));
  const cellsOf = (row: RenderedRow, [from, to]: [number, number]) => {
    const out: CellValue[] = [];
    for (let c = from; c <= to; c++) {
      const key = keyAt.get(c) as string;
      out.push(key === input.idKey ? row.leadId : (row.cells[key] ?? ''));
    }
    return out;
  };

  const data: ValueRange[] = [];
  const fresh: RenderedRow[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const row of input.rows) {
    if (seen.has(row.leadId)) continue;
    seen.add(row.leadId);
    const at = rowOf.get(row.leadId);
    if (at === undefined) {
      fresh.push(row);
      continue;
    }
    const check = input.check;
    if (check && row.cells[check.key] !== undefined && check.column[at - 1] === row.cells[check.key]) {
      unchanged += 1;
      continue;
    }
    for (const run of updateRuns) {
      data.push({ range: a1(tab, run[0], run[1], at), majorDimension: 'ROWS', values: [cellsOf(row, run)] });
    }
  }
  // New leads as one block per run of columns, starting right below the last used row.
  if (fresh.length > 0) {
    const first = lastUsed + 1;
    const last = lastUsed + fresh.length;
    for (const run of appendRuns) {
      data.push({
        range: a1(tab, run[0], run[1], first, last),
        majorDimension: 'ROWS',
        values: fresh.map((row) => cellsOf(row, run)),
      });
    }
  }
  return { data, updated: seen.size - fresh.length - unchanged, unchanged, appended: fresh.length };
}

/** The request body's size in bytes, checked against `MAX_BATCH_BYTES` before sending. */
export function bodyBytes(body: unknown): number {
  return utf8ByteLength(JSON.stringify(body));
}
