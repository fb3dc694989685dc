import { INTERIM_LEADS_LAYOUT, type LeadsLayout } from '../../domain/live-sheet';

/** The Leads layout the push writes with: the add-on's, so a pull after a push changes nothing. */
export const SHEET_LAYOUT: LeadsLayout = INTERIM_LEADS_LAYOUT;
