/** Enums of the live sheet (issue 14), shared by the schema, the API and the add-on. */

export const SHEET_CONNECTION_STATES = ['active', 'stopped'] as const;
export type SheetConnectionState = (typeof SHEET_CONNECTION_STATES)[number];

/**
 * Why a push failed. The first five stop the sheet's pushes until the team fixes
 * them (the cursor stays); the last two are Google being busy and are retried.
 */
export const SHEET_ERROR_CODES = [
  'credential_rejected',
  'credential_unreadable',
  'sheet_not_shared',
  'sheet_not_found',
  'tab_missing',
  'rate_limited',
  'google_unavailable',
] as const;
export type SheetErrorCode = (typeof SHEET_ERROR_CODES)[number];

export const STOPPING_ERRORS: ReadonlySet<SheetErrorCode> = new Set([
  'credential_rejected',
  'credential_unreadable',
  'sheet_not_shared',
  'sheet_not_found',
  'tab_missing',
]);

/**
 * Google Sheets API quota: 60 write and 60 read requests a minute per user per
 * project, and a service account is one user for every sheet it serves.
 */
export const WRITES_PER_MINUTE = 60;
export const READS_PER_MINUTE = 60;
/** Google's advice for one request's body; we stay under it. */
export const MAX_BATCH_BYTES = 2_000_000;
/** A stopped sheet is probed again this long after it stopped (a re-shared sheet resumes without a click). */
export const STOPPED_PROBE_MS = 60 * 60_000;
