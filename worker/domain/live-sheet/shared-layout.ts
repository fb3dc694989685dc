import {
  LEADS_COLUMNS,
  LEADS_FIRST_DATA_ROW,
  LEADS_HEADER_ROW,
  leadColumnIndexes,
  leadRow,
  sheetLeadOf,
} from '../sheet/leads-layout';
import type { LeadsLayout } from './leads-layout';

/**
 * The push writes the add-on's Leads tab (worker/domain/sheet): the same
 * header keys, column owners and `leadRow`, so a pull after a push changes
 * nothing. Rows 1 to the header row are never data; editable columns are
 * never written.
 */
export const LIVE_LEADS_LAYOUT: LeadsLayout = {
  idKey: 'lead_id',
  checkKey: 'row_check',
  headerRows: LEADS_FIRST_DATA_ROW - 1,
  writable: LEADS_COLUMNS.filter((c) => c.owner !== 'editable').map((c) => c.key),
  columnsOf: (header) => {
    const found = leadColumnIndexes(header[LEADS_HEADER_ROW - 1] ?? []);
    return new Map(Object.entries(found).filter(([, index]) => index >= 0));
  },
  render: (f) =>
    leadRow(
      sheetLeadOf(f.lead),
      { next: f.next, worst: f.worst },
      {
        language: f.language,
        timeZone: f.timezone,
        memberNames: f.lead.ownerId && f.ownerName ? { [f.lead.ownerId]: f.ownerName } : {},
        sourceNames: f.lead.firstSourceId && f.sourceName ? { [f.lead.firstSourceId]: f.sourceName } : {},
      },
    ),
};
