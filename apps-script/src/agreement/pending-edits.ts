import { Agreement } from '../../../worker/domain/agreement/schema';
import type { Cell, Services, SheetLike } from '../services';

/**
 * Where the add-on keeps the agreement it last rendered (the base a push is
 * sent against) and, after a refused push, the person's own edits (mine) for
 * the sidebar's conflict view.
 *
 * Storage contract (read and written only through this module):
 * - a hidden sheet named `_leadpact_base`, not properties: an agreement is
 *   tens of KB and Apps Script keeps 9 KB a property value and 500 KB a store,
 *   while a cell holds 50,000 characters and a sheet is read in one getValues;
 * - row 1 is the base, row 2 the pending edits; column A the record's name
 *   (`base`, `mine`), column B when it was stored (ISO), columns C… its JSON
 *   in chunks of at most 40,000 characters, each written with the quote prefix
 *   so Sheets keeps it as text;
 * - base = `{ content: Agreement, etag, rendered }`: the draft the next push
 *   is sent against, and the ETag to send in If-Match. `rendered: true` when a
 *   refresh wrote exactly this content into the tabs (so tabs that differ from
 *   it hold a person's unsent edits, which no refresh overwrites); saved
 *   without it (a successful push or re-apply: the person's edits were sent),
 *   the next refresh rewrites the tabs from the draft;
 * - mine = `{ mine: Agreement, base: Agreement, baseEtag }`: written when a push
 *   got 412 (someone changed the draft since). `mine` is a whole agreement:
 *   `base` with the sections the tabs own (`GRID_SECTIONS` in
 *   `worker/domain/sheet/agreement-grid/sections.ts`) replaced by what the
 *   person typed. The tabs keep those edits; the conflict view diffs
 *   base → mine and base → the Worker's draft, and once it re-applies mine it
 *   calls `saveAgreementBase` with the new draft and `clearPendingEdits`.
 * Anyone who can edit the sheet can unhide it, so a record is re-validated with
 * the shared schema on every read and a damaged one reads as absent.
 */
export const AGREEMENT_STORE_TAB = '_leadpact_base';

/** The draft the agreement tabs were rendered from. */
export interface AgreementBase {
  content: Agreement;
  etag: string;
  /** True when the tabs were written from exactly this content by a refresh. */
  rendered: boolean;
  storedAt: string;
}

/** A push refused as stale: the person's edits and the base they were made on. */
export interface PendingAgreementEdits {
  mine: Agreement;
  base: Agreement;
  baseEtag: string;
  storedAt: string;
}

const ROWS = { base: 1, mine: 2 } as const;
type RecordName = keyof typeof ROWS;
const CHUNK = 40_000;
const FIRST_CHUNK_COLUMN = 3;

function storeSheet(services: Services, create: boolean): SheetLike | null {
  const spreadsheet = services.spreadsheetApp.getActiveSpreadsheet();
  const found = spreadsheet.getSheetByName(AGREEMENT_STORE_TAB);
  if (found || !create) return found;
  const sheet = spreadsheet.insertSheet(AGREEMENT_STORE_TAB);
  sheet.hideSheet();
  return sheet;
}

/** Whether the store exists at all (one lookup, no read): a refresh asks for the agreement again when it does not. */
export function hasAgreementStore(services: Services): boolean {
  return storeSheet(services, false) !== null;
}

/** Both records' raw JSON, in one read. */
function readRecords(services: Services): Partial<Record<RecordName, unknown>> {
  const sheet = storeSheet(services, false);
  if (!sheet) return {};
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  if (rows < 1 || columns < FIRST_CHUNK_COLUMN) return {};
  const grid = sheet.getRange(1, 1, Math.min(rows, 2), columns).getValues();
  const out: Partial<Record<RecordName, unknown>> = {};
  for (const name of Object.keys(ROWS) as RecordName[]) {
    const row = grid[ROWS[name] - 1];
    if (!row || row[0] !== name) continue;
    const json = row
      .slice(FIRST_CHUNK_COLUMN - 1)
      .map((cell) => (typeof cell === 'string' ? cell : ''))
      .join('');
    try {
      out[name] = { ...(JSON.parse(json) as object), storedAt: String(row[1] ?? '') };
    } catch {
      // A damaged record reads as absent.
    }
  }
  return out;
}

/** One record written in one `setValues`: its row, chunked, blanking what a longer previous record left. */
function writeRecord(services: Services, name: RecordName, value: object | null): void {
  const sheet = storeSheet(services, value !== null);
  if (!sheet) return;
  const json = value === null ? '' : JSON.stringify(value);
  const chunks: Cell[] = [];
  for (let i = 0; i < json.length; i += CHUNK) chunks.push(`'${json.slice(i, i + CHUNK)}`);
  const width = Math.max(sheet.getLastColumn(), FIRST_CHUNK_COLUMN - 1 + chunks.length, FIRST_CHUNK_COLUMN);
  const maxColumns = sheet.getMaxColumns();
  if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  const row: Cell[] = value === null ? [''] : [name, `'${services.now().toISOString()}`];
  while (row.length < FIRST_CHUNK_COLUMN - 1) row.push('');
  row.push(...chunks);
  while (row.length < width) row.push('');
  sheet.getRange(ROWS[name], 1, 1, width).setValues([row]);
}

function agreementOf(value: unknown): Agreement | null {
  const parsed = Agreement.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The draft the tabs were last rendered from, or null (never rendered, or the record is damaged). */
export function readAgreementBase(services: Services): AgreementBase | null {
  const raw = readRecords(services).base as Partial<AgreementBase> | undefined;
  const content = agreementOf(raw?.content);
  if (!raw || !content || typeof raw.etag !== 'string') return null;
  return { content, etag: raw.etag, rendered: raw.rendered === true, storedAt: raw.storedAt ?? '' };
}

export function saveAgreementBase(
  services: Services,
  base: { content: Agreement; etag: string; rendered?: boolean },
): void {
  writeRecord(services, 'base', { content: base.content, etag: base.etag, rendered: base.rendered === true });
}

/** The edits a refused push left for the conflict view, or null. */
export function readPendingEdits(services: Services): PendingAgreementEdits | null {
  const raw = readRecords(services).mine as Partial<PendingAgreementEdits> | undefined;
  const mine = agreementOf(raw?.mine);
  const base = agreementOf(raw?.base);
  if (!raw || !mine || !base || typeof raw.baseEtag !== 'string') return null;
  return { mine, base, baseEtag: raw.baseEtag, storedAt: raw.storedAt ?? '' };
}

export function savePendingEdits(
  services: Services,
  pending: { mine: Agreement; base: Agreement; baseEtag: string },
): void {
  writeRecord(services, 'mine', { mine: pending.mine, base: pending.base, baseEtag: pending.baseEtag });
}

/** Forgets the pending edits (re-applied, or discarded by the person). */
export function clearPendingEdits(services: Services): void {
  writeRecord(services, 'mine', null);
}
