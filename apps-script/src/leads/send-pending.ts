import type { Language } from '../../../worker/domain/constants';
import { catalogueOf, counted, type SheetWorkTexts } from '../../../worker/domain/i18n';
import { fill } from '../../../worker/domain/i18n/format';
import { displayedText } from '../../../worker/domain/sheet/cells';
import {
  LEADS_COLUMNS,
  LEADS_FIRST_DATA_ROW,
  LEADS_HEADER_ROW,
  type LeadCells,
  type LeadColumnKey,
  leadColumnIndexes,
  leadRowIndex,
} from '../../../worker/domain/sheet/leads-layout';
import { inputFingerprint, rowAction, rowIdempotencyKey } from '../../../worker/domain/sheet/row-action';
import { ApiFailure, notConnectedText, savedConnection } from '../api';
import { LOCK_WAIT_MS } from '../config';
import { findTab } from '../grid';
import type { Cell, Services, SheetLike } from '../services';
import { teamLanguage } from '../state';
import { freshRow, loadContext, postLeadAction, writeRows } from './lead-rows';
import { type PendingRows, readPending, rowInput, savePending } from './pending';

export { pullLeadRows } from './lead-rows';

/** A refused row's Action cell. */
export const REFUSED_COLOUR = '#fce8e6';
/** A row refused because the lead changed since it was read. */
export const STALE_COLOUR = '#fef7e0';

export interface SendResult {
  ok: boolean;
  message: string;
  sent: string[];
  refused: string[];
  stale: string[];
  waiting: string[];
}

/** What changed in a row's visible LeadPact columns, for the stale note: `Stage: MQL → SAL`. */
function changesOf(
  before: readonly Cell[],
  after: LeadCells,
  indexes: Record<LeadColumnKey, number>,
  language: Language,
  texts: SheetWorkTexts,
): string {
  const lines: string[] = [];
  for (const column of LEADS_COLUMNS) {
    if (column.owner !== 'leadpact') continue;
    const key = column.key as keyof LeadCells;
    const was = indexes[column.key] >= 0 ? String(before[indexes[column.key]] ?? '') : '';
    const now = String(displayedText(after[key]));
    if (column.format === 'datetime' || was === now) continue;
    lines.push(
      fill(texts.change, { column: column.header(language), before: was || '—', after: now || '—' }),
    );
  }
  return lines.length > 0 ? lines.join('; ') : texts.nothingVisible;
}

function mark(sheet: SheetLike, row: number, column: number, note: string | null, colour: string | null) {
  const cell = sheet.getRange(row, column, 1, 1);
  cell.setNote(note);
  cell.setBackground(colour);
}

/**
 * "Send my pending rows": the rows this person edited go to the Worker under
 * their own token, one action each with `If-Match` (the row's Version) and an
 * `Idempotency-Key` stable for the row and its input, so sending twice lands
 * once. Sent rows are rewritten through the shared Leads layout and their
 * Action and Reason emptied; a refused row keeps the person's input and says
 * why in a note; a row whose lead changed since it was read is refreshed and
 * says what changed; an unreachable Worker leaves the row waiting.
 */
export function sendPendingRows(services: Services): SendResult {
  const language = teamLanguage(services);
  const texts = catalogueOf(language).sheet.work;
  const result: SendResult = { ok: true, message: '', sent: [], refused: [], stale: [], waiting: [] };
  const connection = savedConnection(services);
  if (!connection) {
    return { ...result, ok: false, message: notConnectedText(services) };
  }
  const pending: PendingRows = readPending(services);
  const ids = Object.keys(pending);
  if (ids.length === 0) return { ...result, message: texts.nothingPending };
  const lock = services.documentLock();
  if (!lock?.tryLock(LOCK_WAIT_MS)) {
    return { ...result, ok: false, message: catalogueOf(language).sheet.connection.sendBusy };
  }
  try {
    const spreadsheet = services.spreadsheetApp.getActiveSpreadsheet();
    const sheet = findTab(spreadsheet, 'leads');
    if (!sheet) {
      savePending(services, {});
      return { ...result, message: texts.nothingPending };
    }
    const width = sheet.getLastColumn();
    const lastRow = sheet.getLastRow();
    const grid = sheet.getRange(1, 1, Math.max(lastRow, LEADS_HEADER_ROW), width).getValues();
    const indexes = leadColumnIndexes(grid[LEADS_HEADER_ROW - 1] ?? []);
    const data = grid.slice(LEADS_FIRST_DATA_ROW - 1);
    const rows = leadRowIndex(data, indexes.lead_id);
    const timeZone = spreadsheet.getSpreadsheetTimeZone();

    let context: ReturnType<typeof loadContext>;
    try {
      context = loadContext(services, connection);
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      return { ...result, ok: false, message: error.message, waiting: ids };
    }

    const rewrite: LeadCells[] = [];
    for (const leadId of ids) {
      const at = rows.get(leadId);
      const row = at === undefined ? undefined : data[at];
      if (at === undefined || !row) {
        delete pending[leadId];
        continue;
      }
      const sheetRow = LEADS_FIRST_DATA_ROW + at;
      const actionColumn = indexes.action + 1;
      const input = rowInput(row, indexes);
      const parsed = rowAction(input, context.terms, language);
      if (parsed.kind === 'blank') {
        delete pending[leadId];
        continue;
      }
      if (inputFingerprint(input) !== pending[leadId]) {
        // Someone else typed over this person's input: it is not theirs to send.
        mark(sheet, sheetRow, actionColumn, texts.notYours, REFUSED_COLOUR);
        delete pending[leadId];
        result.refused.push(leadId);
        continue;
      }
      if (parsed.kind === 'invalid') {
        mark(sheet, sheetRow, actionColumn, fill(texts.refused, { reason: parsed.message }), REFUSED_COLOUR);
        delete pending[leadId];
        result.refused.push(leadId);
        continue;
      }
      const version = Number(row[indexes.version]) || 0;
      const sent = postLeadAction(services, connection, {
        leadId,
        version,
        action: parsed.action,
        idempotencyKey: rowIdempotencyKey(leadId, version, input),
      });
      if (sent.kind === 'sent') {
        sheet.getRange(sheetRow, actionColumn, 1, 1).setValues([['']]);
        if (indexes.reason >= 0) sheet.getRange(sheetRow, indexes.reason + 1, 1, 1).setValues([['']]);
        mark(sheet, sheetRow, actionColumn, null, null);
        delete pending[leadId];
        result.sent.push(leadId);
        rewrite.push(freshRow(services, connection, leadId, context.directory, language, timeZone));
      } else if (sent.kind === 'stale') {
        // The lead moved on: show the row as it is now and what changed; the input stays, still pending.
        const cells = freshRow(services, connection, leadId, context.directory, language, timeZone);
        rewrite.push(cells);
        mark(
          sheet,
          sheetRow,
          actionColumn,
          fill(texts.stale, { changes: changesOf(row, cells, indexes, language, texts) }),
          STALE_COLOUR,
        );
        result.stale.push(leadId);
      } else if (sent.kind === 'waiting') {
        mark(sheet, sheetRow, actionColumn, fill(texts.unreachable, { reason: sent.reason }), null);
        result.waiting.push(leadId);
      } else {
        mark(sheet, sheetRow, actionColumn, fill(texts.refused, { reason: sent.reason }), REFUSED_COLOUR);
        delete pending[leadId];
        result.refused.push(leadId);
      }
    }
    savePending(services, pending);

    if (rewrite.length > 0) writeRows(services, connection, language, rewrite);
    return {
      ...result,
      message: counted(language, texts.sent, result.sent.length, {
        refused: result.refused.length + result.stale.length,
        waiting: result.waiting.length,
      }),
    };
  } finally {
    lock.releaseLock();
  }
}
