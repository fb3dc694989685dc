/** Where the add-on keeps its settings: in properties, never in a cell (a cell is readable by everyone with the sheet). */

/** Document property: the LeadPact API's base URL, shared by everyone using the sheet. */
export const API_URL_PROPERTY = 'LEADPACT_API_URL';
/** User property: each person's own token, so whatever the sheet sends is sent as the person who did it. */
export const TOKEN_PROPERTY = 'LEADPACT_TOKEN';
/** Document property: what the last refresh wrote (part versions, the leads cursor), to skip unchanged tabs. */
export const STATE_PROPERTY = 'LEADPACT_SHEET_STATE';

/** A bound script may run every 5 minutes; an editor add-on at most hourly (the live push covers the gap). */
export const REFRESH_MINUTES = { bound: 5, addon: 60 } as const;

/** How long a refresh waits for another one to finish before giving up (it runs again on the next timer). */
export const LOCK_WAIT_MS = 30_000;

/** User property: the Leads rows this person edited and has not sent yet (lead id → their input's fingerprint). */
export const PENDING_PROPERTY = 'LEADPACT_PENDING';
/** At most this many rows wait per person: the property stays well under Apps Script's 9 KB a value. */
export const MAX_PENDING_ROWS = 100;

/** Document property: the cells the last agreement push noted and highlighted, cleared by the next push. */
export const AGREEMENT_MARKS_PROPERTY = 'LEADPACT_AGREEMENT_MARKS';
/** At most this many cells are noted per push (the property stays small); the alert still counts them all. */
export const MAX_AGREEMENT_MARKS = 100;
