import type { LeadsLayout } from './leads-layout';

/**
 * Stand-in for the shared Leads layout of the add-on (issue 12,
 * `worker/domain/sheet/`) until it lands: row 1 holds the column keys, and text
 * from forms is prefixed with `'` so Sheets keeps it as text.
 */
const KEYS = [
  'lead_id',
  'name',
  'company',
  'source',
  'campaign',
  'stage',
  'owner',
  'quadrant',
  'temperature',
  'next_deadline',
  'sla_status',
  'last_action',
] as const;

const safe = (text: string | number | null | undefined): string => {
  const t = text === null || text === undefined ? '' : String(text);
  return /^[=+\-@]/.test(t) ? `'${t}` : t;
};

export const INTERIM_LEADS_LAYOUT: LeadsLayout = {
  idKey: 'lead_id',
  headerRows: 1,
  writable: KEYS,
  columnsOf: (header) => {
    const out = new Map<string, number>();
    (header[0] ?? []).forEach((cell, i) => {
      const key = String(cell ?? '').trim();
      if ((KEYS as readonly string[]).includes(key) && !out.has(key)) out.set(key, i);
    });
    return out;
  },
  render: (f) => ({
    name: safe([f.lead.profile.firstName, f.lead.profile.lastName].filter(Boolean).join(' ')),
    company: safe(f.lead.profile.company),
    source: safe(f.sourceName),
    campaign: safe(f.lead.campaign),
    stage: f.lead.stage,
    owner: safe(f.ownerName),
    quadrant: f.lead.quadrant,
    temperature: f.lead.salesTemperature ?? f.lead.marketingTemperature ?? '',
    next_deadline: f.next ? f.next.dueAt : '',
    sla_status: f.worst ?? '',
    last_action: f.lastAction ? `${f.lastAction.type} ${f.lastAction.at}` : '',
  }),
};
