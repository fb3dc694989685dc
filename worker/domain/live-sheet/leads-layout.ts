import type { Language } from '../constants';
import type { LeadState } from '../ledger/lead';
import type { DeadlineKind, DeadlineStatus } from '../sla/constants';
import type { CellValue } from './plan-write';

/** What a Leads row shows of a lead, loaded once per push for the leads that changed. */
export interface LeadSheetFacts {
  lead: LeadState;
  ownerName: string | null;
  sourceName: string | null;
  next: { kind: DeadlineKind; dueAt: string; status: DeadlineStatus } | null;
  worst: DeadlineStatus | null;
  language: Language;
  timezone: string;
}

/**
 * How the push finds and fills the Leads tab: the header rows, the column keys
 * found in them, which columns LeadPact owns, and one lead rendered as cells.
 * The add-on renders the same tab with the same layout, so a pull after a push
 * changes nothing.
 */
export interface LeadsLayout {
  idKey: string;
  headerRows: number;
  /** Keys of columns LeadPact writes (grey and system); person-owned and formula columns are never listed. */
  writable: readonly string[];
  /** A column holding a fingerprint of the row's written cells: a row whose fingerprint matches is not rewritten. */
  checkKey?: string;
  /** Column key → 0-based column index, from the header rows as read. */
  columnsOf(header: readonly (readonly unknown[])[]): Map<string, number>;
  render(facts: LeadSheetFacts): Record<string, CellValue>;
}
