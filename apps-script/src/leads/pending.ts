import { CATALOGUES, catalogueOf } from '../../../worker/domain/i18n';
import {
  LEADS_FIRST_DATA_ROW,
  LEADS_HEADER_ROW,
  type LeadColumnKey,
  leadColumnIndexes,
} from '../../../worker/domain/sheet/leads-layout';
import { inputFingerprint, type RowInput } from '../../../worker/domain/sheet/row-action';
import { MAX_PENDING_ROWS, PENDING_PROPERTY } from '../config';
import type { Cell, Services } from '../services';
import { teamLanguage } from '../state';

/** The colour of an Action cell waiting to be sent by the person who edited it. */
export const PENDING_COLOUR = '#e8f0fe';

/** Lead id → the fingerprint of the input this person typed. */
export type PendingRows = Record<string, string>;

/** What an edit trigger gives: where the edit happened. */
export interface EditEventLike {
  range: {
    getRow(): number;
    getColumn(): number;
    getNumRows(): number;
    getNumColumns(): number;
    getSheet(): { getName(): string };
  };
}

export function readPending(services: Services): PendingRows {
  const raw = services.userProperties.getProperty(PENDING_PROPERTY);
  if (!raw) return {};
  try {
    return JSON.parse(raw) as PendingRows;
  } catch {
    return {};
  }
}

export function savePending(services: Services, pending: PendingRows): void {
  if (Object.keys(pending).length === 0) services.userProperties.deleteProperty(PENDING_PROPERTY);
  else services.userProperties.setProperty(PENDING_PROPERTY, JSON.stringify(pending));
}

const text = (cell: Cell | undefined) => (cell === undefined ? '' : String(cell));

/** A row's own input, read from the columns a person owns. */
export function rowInput(row: readonly Cell[], indexes: Record<LeadColumnKey, number>): RowInput {
  return {
    action: text(row[indexes.action]),
    reason: text(row[indexes.reason]),
    note: text(row[indexes.note]),
  };
}

function isLeadsTab(name: string): boolean {
  return Object.values(CATALOGUES).some((c) => c.sheet.frame.tabs.leads === name);
}

/**
 * The simple `onEdit` trigger: it runs as the person who edited and may not
 * call the network, so it only remembers, in that person's own user
 * properties, which Leads rows they gave an action and what they typed. The
 * person sends them with "Send my pending rows", under their own token;
 * nobody else can send them (their properties are theirs), and a row someone
 * else changed afterwards is not sent under the first person's name.
 * Returns how many rows wait for this person.
 */
export function markPendingEdits(services: Services, event: EditEventLike): number {
  const range = event.range;
  const name = range.getSheet().getName();
  if (!isLeadsTab(name)) return -1;
  const sheet = services.spreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) return -1;
  const lastRowEdited = range.getRow() + range.getNumRows() - 1;
  if (lastRowEdited < LEADS_FIRST_DATA_ROW) return -1;
  const width = sheet.getLastColumn();
  const header = sheet.getRange(LEADS_HEADER_ROW, 1, 1, width).getValues()[0] ?? [];
  const indexes = leadColumnIndexes(header);
  const owned = [indexes.action, indexes.reason, indexes.note].filter((i) => i >= 0);
  const first = range.getColumn() - 1;
  const last = first + range.getNumColumns() - 1;
  if (indexes.lead_id < 0 || indexes.action < 0 || !owned.some((i) => i >= first && i <= last)) return -1;

  const top = Math.max(range.getRow(), LEADS_FIRST_DATA_ROW);
  const rows = sheet.getRange(top, 1, lastRowEdited - top + 1, width).getValues();
  const texts = catalogueOf(teamLanguage(services)).sheet.work;
  const pending = readPending(services);
  rows.forEach((row, i) => {
    const leadId = text(row[indexes.lead_id]).trim();
    if (leadId === '') return;
    const input = rowInput(row, indexes);
    const cell = sheet.getRange(top + i, indexes.action + 1, 1, 1);
    if (input.action.trim() === '') {
      // Clearing the action takes the row back: nothing waits any more.
      if (leadId in pending) {
        delete pending[leadId];
        cell.setNote(null);
        cell.setBackground(null);
      }
      return;
    }
    if (!(leadId in pending) && Object.keys(pending).length >= MAX_PENDING_ROWS) return;
    pending[leadId] = inputFingerprint(input);
    cell.setNote(texts.pending);
    cell.setBackground(PENDING_COLOUR);
  });
  savePending(services, pending);
  return Object.keys(pending).length;
}
