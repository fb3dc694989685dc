import { type LeadsLayout, LIVE_LEADS_LAYOUT } from '../../domain/live-sheet';

/** The Leads layout the push writes with: the add-on's, so a pull after a push changes nothing. */
export const SHEET_LAYOUT: LeadsLayout = LIVE_LEADS_LAYOUT;
