import type { Quadrant, TemperatureLevel } from '../agreement/constants';
import type { Language } from '../constants';
import { type Catalogue, catalogueOf } from '../i18n';
import type { LeadStage } from '../ledger/constants';
import type { Profile, SalesProgress } from '../ledger/lead';
import type { DeadlineKind, DeadlineStatus } from '../sla/constants';
import { type CellValue, safeText, sheetSerial } from './cells';
import { type ColumnSpec, columnIndexes } from './columns';
import type { LastAction } from './constants';

/**
 * The `Leads` tab: one row per lead, found by the leftmost lead-id column, every
 * other column found by its header. The add-on's pull and the Worker's live push
 * both render rows with `leadRow`, so a pull after a push changes nothing.
 */
export const LEADS_TAB = 'Leads';

/** Row 1 is the freshness line, row 2 the headers, leads start on row 3 (1-based, as Sheets counts). */
export const LEADS_HEADER_ROW = 2;
export const LEADS_FIRST_DATA_ROW = 3;

/** A Leads column's header, from the catalogue's words of the same key. */
const header =
  (key: keyof Catalogue['sheet']['leadsColumns']) =>
  (language: Language): string =>
    catalogueOf(language).sheet.leadsColumns[key];

export const LEADS_COLUMNS = [
  {
    key: 'lead_id',
    owner: 'system',
    format: 'text',
    width: 150,
    header: header('lead_id'),
  },
  {
    key: 'version',
    owner: 'system',
    format: 'integer',
    width: 70,
    header: header('version'),
  },
  {
    key: 'row_check',
    owner: 'system',
    format: 'text',
    width: 90,
    header: header('row_check'),
  },
  {
    key: 'name',
    owner: 'leadpact',
    format: 'text',
    width: 170,
    header: header('name'),
  },
  {
    key: 'company',
    owner: 'leadpact',
    format: 'text',
    width: 160,
    header: header('company'),
  },
  {
    key: 'email',
    owner: 'leadpact',
    format: 'text',
    width: 200,
    header: header('email'),
  },
  {
    key: 'phone',
    owner: 'leadpact',
    format: 'text',
    width: 130,
    header: header('phone'),
  },
  {
    key: 'source',
    owner: 'leadpact',
    format: 'text',
    width: 130,
    header: header('source'),
  },
  {
    key: 'campaign',
    owner: 'leadpact',
    format: 'text',
    width: 130,
    header: header('campaign'),
  },
  {
    key: 'stage',
    owner: 'leadpact',
    format: 'text',
    width: 110,
    header: header('stage'),
  },
  {
    key: 'owner',
    owner: 'leadpact',
    format: 'text',
    width: 140,
    header: header('owner'),
  },
  {
    key: 'quadrant',
    owner: 'leadpact',
    format: 'text',
    width: 100,
    header: header('quadrant'),
  },
  {
    key: 'temperature',
    owner: 'leadpact',
    format: 'text',
    width: 100,
    header: header('temperature'),
  },
  {
    key: 'next_deadline',
    owner: 'leadpact',
    format: 'text',
    width: 140,
    header: header('next_deadline'),
  },
  {
    key: 'due_at',
    owner: 'leadpact',
    format: 'datetime',
    width: 130,
    header: header('due_at'),
  },
  { key: 'sla_status', owner: 'leadpact', format: 'text', width: 120, header: header('sla_status') },
  {
    key: 'attempts',
    owner: 'leadpact',
    format: 'integer',
    width: 80,
    header: header('attempts'),
  },
  {
    key: 'last_action',
    owner: 'leadpact',
    format: 'text',
    width: 150,
    header: header('last_action'),
  },
  {
    key: 'last_action_at',
    owner: 'leadpact',
    format: 'datetime',
    width: 130,
    header: header('last_action_at'),
  },
  {
    key: 'action',
    owner: 'editable',
    format: 'text',
    width: 130,
    header: header('action'),
  },
  {
    key: 'reason',
    owner: 'editable',
    format: 'text',
    width: 130,
    header: header('reason'),
  },
  {
    key: 'note',
    owner: 'editable',
    format: 'text',
    width: 220,
    header: header('note'),
  },
] as const satisfies readonly ColumnSpec[];

export type LeadColumnKey = (typeof LEADS_COLUMNS)[number]['key'];
/** The columns LeadPact writes (everything but the editable ones). */
export type WrittenLeadColumnKey = Extract<
  (typeof LEADS_COLUMNS)[number],
  { owner: 'leadpact' | 'system' }
>['key'];

/** The cells LeadPact writes in a lead's row, by column. */
export type LeadCells = Record<WrittenLeadColumnKey, CellValue>;

/**
 * What a row needs from a lead: small enough to cross the wire ten thousand at
 * a time. The Worker makes it from its projection with `sheetLeadOf`, for the
 * snapshot and for the live push alike.
 */
export interface SheetLead {
  id: string;
  /** The lead's event count: the row's version, compared by part 2 to refuse edits on a stale row. */
  seq: number;
  stage: LeadStage;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  ownerId: string | null;
  firstSourceId: string | null;
  campaign: string | null;
  quadrant: Quadrant;
  /** Sales' temperature after a call, else marketing's. */
  temperature: TemperatureLevel | null;
  attempts: number;
  lastAction: { action: LastAction; at: string } | null;
}

/** The fields of a lead's projection a sheet row is made of (a `LeadState` has them all). */
export interface SheetLeadSource {
  id: string;
  seq: number;
  stage: LeadStage;
  profile: Pick<Profile, 'email' | 'phone' | 'firstName' | 'lastName' | 'company'>;
  ownerId: string | null;
  firstSourceId: string | null;
  campaign: string | null;
  quadrant: Quadrant;
  marketingTemperature: TemperatureLevel | null;
  salesTemperature: TemperatureLevel | null;
  sales: Pick<
    SalesProgress,
    | 'attempts'
    | 'firstAttemptAt'
    | 'reachedAt'
    | 'acceptedAt'
    | 'sqlAt'
    | 'opportunityAt'
    | 'wonAt'
    | 'closedAt'
  >;
}

function textOf(value: string | number | null): string | null {
  return value === null ? null : String(value);
}

/** A lead's projection as a sheet row needs it. */
export function sheetLeadOf(lead: SheetLeadSource): SheetLead {
  return {
    id: lead.id,
    seq: lead.seq,
    stage: lead.stage,
    email: textOf(lead.profile.email),
    phone: textOf(lead.profile.phone),
    firstName: textOf(lead.profile.firstName),
    lastName: textOf(lead.profile.lastName),
    company: textOf(lead.profile.company),
    ownerId: lead.ownerId,
    firstSourceId: lead.firstSourceId,
    campaign: lead.campaign,
    quadrant: lead.quadrant,
    temperature: lead.salesTemperature ?? lead.marketingTemperature,
    attempts: lead.sales.attempts,
    lastAction: lastActionOf(lead),
  };
}

/** A lead's SLA at a glance (what `summarizeDeadlines` gives). */
export interface SheetLeadSla {
  next: { kind: DeadlineKind; dueAt: string; status: DeadlineStatus } | null;
  worst: DeadlineStatus | null;
}

export interface LeadRowContext {
  language: Language;
  /** The agreement's time zone: dates are shown on its wall clock. */
  timeZone: string;
  /** Member id → display name. */
  memberNames: Readonly<Record<string, string>>;
  /** Source id → name. */
  sourceNames: Readonly<Record<string, string>>;
}

const CLOSING_ACTIONS: Partial<Record<LeadStage, LastAction>> = {
  won: 'won',
  lost: 'lost',
  nurture: 'nurtured',
  disqualified: 'disqualified',
};

/**
 * The latest sales milestone and when it happened, from the lead's projection.
 * Ties go to the later milestone of the journey (an accept logged with the
 * same timestamp as the attempt is the news).
 */
export function lastActionOf(lead: SheetLeadSource): { action: LastAction; at: string } | null {
  const s = lead.sales;
  const closing = CLOSING_ACTIONS[lead.stage];
  const candidates: Array<[LastAction, string | null]> = [
    ['attempt', s.firstAttemptAt],
    ['attempt', s.reachedAt],
    ['accepted', s.acceptedAt],
    ['qualified', s.sqlAt],
    ['opportunity', s.opportunityAt],
    ['won', s.wonAt],
    [closing ?? 'won', closing ? s.closedAt : null],
  ];
  let best: { action: LastAction; at: string } | null = null;
  for (const [action, at] of candidates) {
    if (at === null) continue;
    if (best === null || Date.parse(at) >= Date.parse(best.at)) best = { action, at };
  }
  return best;
}

/** How a person is named in the Name column: first and last name, else the e-mail. */
function personName(lead: SheetLead): string {
  const name = [lead.firstName, lead.lastName].filter((p) => p !== null && p !== '').join(' ');
  return name || (lead.email ?? '');
}

/**
 * One lead as the cells LeadPact writes, keyed by column. Text that came from a
 * form goes through `safeText`, so a lead named `=IMPORTXML(…)` stays text;
 * dates are serial numbers on the agreement's wall clock.
 */
export function leadRow(lead: SheetLead, sla: SheetLeadSla, context: LeadRowContext): LeadCells {
  const t = catalogueOf(context.language).sheet.frame;
  const last = lead.lastAction;
  const cells = {
    lead_id: lead.id,
    version: lead.seq,
    name: safeText(personName(lead)),
    company: safeText(lead.company),
    email: safeText(lead.email),
    phone: safeText(lead.phone),
    source: safeText(lead.firstSourceId ? (context.sourceNames[lead.firstSourceId] ?? '') : ''),
    campaign: safeText(lead.campaign),
    stage: t.stages[lead.stage],
    owner: safeText(lead.ownerId ? (context.memberNames[lead.ownerId] ?? '') : ''),
    quadrant: t.quadrants[lead.quadrant],
    temperature: lead.temperature ? t.temperatures[lead.temperature] : '',
    next_deadline: sla.next ? t.kinds[sla.next.kind] : '',
    due_at: sla.next ? sheetSerial(sla.next.dueAt, context.timeZone) : '',
    sla_status: sla.worst ? t.statuses[sla.worst] : '',
    attempts: lead.attempts,
    last_action: last ? t.lastActions[last.action] : '',
    last_action_at: last ? sheetSerial(last.at, context.timeZone) : '',
  };
  return { ...cells, row_check: rowCheck(Object.values(cells)) };
}

/**
 * A short fingerprint of the cells LeadPact wrote in a row, kept in the row's
 * system column: a writer compares it with the fingerprint it would write now
 * and skips rows that did not change, so a refresh with nothing new writes
 * nothing. FNV-1a (32 bits) over the values: no crypto needed on any host.
 */
export function rowCheck(values: readonly CellValue[]): string {
  let hash = 0x811c9dc5;
  const text = JSON.stringify(values);
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `r${hash.toString(16).padStart(8, '0')}`;
}

/** Column key → 0-based index in the sheet's header row (-1 when missing). */
export function leadColumnIndexes(headerRow: readonly unknown[]): Record<LeadColumnKey, number> {
  return columnIndexes(LEADS_COLUMNS, headerRow);
}

/**
 * Where each lead is: lead id → 0-based index into the data rows (the grid
 * below the header), read from the lead-id column wherever it is. Rows are
 * found by identity, never by position, so sorting or inserting rows is safe.
 * Blank ids are skipped; a duplicated id keeps its first row.
 */
export function leadRowIndex(
  dataRows: readonly (readonly unknown[])[],
  leadIdColumn: number,
): Map<string, number> {
  const rows = new Map<string, number>();
  if (leadIdColumn < 0) return rows;
  dataRows.forEach((row, index) => {
    const id = row[leadIdColumn];
    if (typeof id === 'string' && id.trim() !== '' && !rows.has(id.trim())) rows.set(id.trim(), index);
  });
  return rows;
}
