import type { Cell, Services, SheetLike } from '../services';

/**
 * The relay's outbox: a hidden sheet, not properties (Apps Script keeps 9 KB a
 * value and 500 KB in all; a busy form outgrows that in a day). Every form
 * response is written here before it is posted, so nothing is lost when the
 * post fails or the script is stopped midway; its status says what became of it.
 */
export const OUTBOX_TAB = 'LeadPact outbox';
export const OUTBOX_HEADER = [
  'Delivery key',
  'Received',
  'Attempts',
  'Next attempt',
  'Status',
  'Reason',
  'Body',
];
/** Columns 3–6 (Attempts … Reason) change after a post; key, time and body never do. */
const STATUS_FIRST_COLUMN = 3;
const STATUS_WIDTH = 4;

export type OutboxStatus = 'waiting' | 'delivered' | 'refused';

export interface OutboxEntry {
  /** 1-based row in the outbox sheet. */
  row: number;
  key: string;
  receivedAt: string;
  attempts: number;
  /** ISO time of the next try (waiting entries only). */
  nextAttemptAt: string;
  status: OutboxStatus;
  reason: string;
  body: string;
}

/** The longest any response waits between two tries. */
export const MAX_BACKOFF_MS = 6 * 3_600_000;

/** The first retry waits a minute, then each waits twice as long, never more than six hours. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

export function outboxSheet(services: Services): SheetLike {
  const spreadsheet = services.spreadsheetApp.getActiveSpreadsheet();
  const found = spreadsheet.getSheetByName(OUTBOX_TAB);
  if (found) return found;
  const sheet = spreadsheet.insertSheet(OUTBOX_TAB);
  sheet.getRange(1, 1, 1, OUTBOX_HEADER.length).setValues([OUTBOX_HEADER]);
  sheet.hideSheet();
  return sheet;
}

const text = (cell: Cell | undefined) => (cell === undefined ? '' : String(cell));

/** Every entry, in one read. */
export function readOutbox(sheet: SheetLike): OutboxEntry[] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  return sheet
    .getRange(2, 1, last - 1, OUTBOX_HEADER.length)
    .getValues()
    .map((row, i) => ({
      row: i + 2,
      key: text(row[0]),
      receivedAt: text(row[1]),
      attempts: Number(row[2]) || 0,
      nextAttemptAt: text(row[3]),
      status: (text(row[4]) || 'waiting') as OutboxStatus,
      reason: text(row[5]),
      body: text(row[6]),
    }));
}

/** A new entry below the last row, in one write (never `appendRow`'s guess). Text is kept as text. */
export function addEntry(sheet: SheetLike, entry: Omit<OutboxEntry, 'row'>): OutboxEntry {
  const row = Math.max(sheet.getLastRow(), 1) + 1;
  if (row > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), row - sheet.getMaxRows());
  sheet
    .getRange(row, 1, 1, OUTBOX_HEADER.length)
    .setValues([
      [
        `'${entry.key}`,
        `'${entry.receivedAt}`,
        entry.attempts,
        `'${entry.nextAttemptAt}`,
        entry.status,
        `'${entry.reason}`,
        `'${entry.body}`,
      ],
    ]);
  return { ...entry, row };
}

/** Writes the status columns of the given entries: one write spanning them. */
export function writeStatuses(sheet: SheetLike, entries: readonly OutboxEntry[]): void {
  if (entries.length === 0) return;
  const all = readOutbox(sheet);
  const changed = new Map(entries.map((e) => [e.row, e]));
  const top = Math.min(...entries.map((e) => e.row));
  const bottom = Math.max(...entries.map((e) => e.row));
  const values: Cell[][] = [];
  for (let row = top; row <= bottom; row++) {
    const e = changed.get(row) ?? all.find((a) => a.row === row);
    if (!e) throw new Error(`outbox row ${row} vanished`);
    values.push([e.attempts, `'${e.nextAttemptAt}`, e.status, `'${e.reason}`]);
  }
  sheet.getRange(top, STATUS_FIRST_COLUMN, values.length, STATUS_WIDTH).setValues(values);
}
