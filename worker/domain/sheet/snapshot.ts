import type { Quadrant, TemperatureLevel } from '../agreement/constants';
import type { Language, Role } from '../constants';
import type { LeadStage } from '../ledger/constants';
import type { DeadlineKind, DeadlineStatus } from '../sla/constants';
import type { SheetLead, SheetLeadSla } from './leads-layout';
import type { LastAction } from './texts';

/**
 * `GET /v1/sheet/snapshot`: everything the tabs show, in one answer. Each part
 * carries a version; the add-on sends the versions it holds (`known`) and gets
 * `unchanged` instead of the data for parts that did not change. Leads are
 * incremental: `since` is the cursor of the last answer, and only leads whose
 * row would change since then come back.
 */
export const SNAPSHOT_PARTS = ['agreement', 'plan', 'report', 'agenda'] as const;
export type SnapshotPartName = (typeof SNAPSHOT_PARTS)[number];

export interface SnapshotMeta {
  workspace: { id: string; name: string; language: Language; timeZone: string };
  caller: { role: Role; memberId: string | null; memberName: string | null };
}

export type SnapshotPart<T> =
  | { version: string; unchanged: true }
  | { version: string; unchanged: false; data: T };

/** Members and sources by position: lead rows name them by index, so ten thousand rows stay small. */
export interface SnapshotDirectory {
  members: Array<{ id: string; name: string }>;
  sources: Array<{ id: string; name: string }>;
}

/**
 * One lead on the wire, a tuple so 10,000 leads stay under 2 MB: id, version,
 * stage, e-mail, phone, first name, last name, company, owner (directory
 * index or -1), first source (index or -1), campaign, quadrant, temperature,
 * attempts, last action, its time (epoch seconds), next deadline kind, its due
 * time (epoch seconds), its status, worst status.
 */
export type LeadTuple = [
  string,
  number,
  LeadStage,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
  number,
  string | null,
  Quadrant,
  TemperatureLevel | null,
  number,
  LastAction | null,
  number | null,
  DeadlineKind | null,
  number | null,
  DeadlineStatus | null,
  DeadlineStatus | null,
];

export interface SnapshotLeads {
  /** Pass as `since` next time. */
  cursor: string;
  /** True when `rows` holds every lead (no `since`, or the cursor was too old to trust). */
  full: boolean;
  rows: LeadTuple[];
}

function epochSeconds(at: string | null): number | null {
  return at === null ? null : Math.round(Date.parse(at) / 1000);
}

function isoOf(seconds: number | null): string | null {
  return seconds === null ? null : new Date(seconds * 1000).toISOString();
}

/** A lead and its SLA summary as a wire tuple, naming owner and source by their directory index. */
export function encodeLead(
  lead: SheetLead,
  sla: SheetLeadSla,
  memberIndex: ReadonlyMap<string, number>,
  sourceIndex: ReadonlyMap<string, number>,
): LeadTuple {
  return [
    lead.id,
    lead.seq,
    lead.stage,
    lead.email,
    lead.phone,
    lead.firstName,
    lead.lastName,
    lead.company,
    lead.ownerId === null ? -1 : (memberIndex.get(lead.ownerId) ?? -1),
    lead.firstSourceId === null ? -1 : (sourceIndex.get(lead.firstSourceId) ?? -1),
    lead.campaign,
    lead.quadrant,
    lead.temperature,
    lead.attempts,
    lead.lastAction?.action ?? null,
    epochSeconds(lead.lastAction?.at ?? null),
    sla.next?.kind ?? null,
    epochSeconds(sla.next?.dueAt ?? null),
    sla.next?.status ?? null,
    sla.worst,
  ];
}

/** The wire tuple back as the lead and SLA summary `leadRow` renders (times to the second). */
export function decodeLead(
  tuple: LeadTuple,
  directory: SnapshotDirectory,
): { lead: SheetLead; sla: SheetLeadSla } {
  const [id, seq, stage, email, phone, firstName, lastName, company, owner, source, campaign, quadrant] =
    tuple;
  const [temperature, attempts, action, actionAt, kind, dueAt, status, worst] = tuple.slice(12) as [
    TemperatureLevel | null,
    number,
    LastAction | null,
    number | null,
    DeadlineKind | null,
    number | null,
    DeadlineStatus | null,
    DeadlineStatus | null,
  ];
  const lastAt = isoOf(actionAt);
  const due = isoOf(dueAt);
  return {
    lead: {
      id,
      seq,
      stage,
      email,
      phone,
      firstName,
      lastName,
      company,
      ownerId: directory.members[owner]?.id ?? null,
      firstSourceId: directory.sources[source]?.id ?? null,
      campaign,
      quadrant,
      temperature,
      attempts,
      lastAction: action && lastAt ? { action, at: lastAt } : null,
    },
    sla: { next: kind && due && status ? { kind, dueAt: due, status } : null, worst },
  };
}

/** The whole answer of `GET /v1/sheet/snapshot` (without `parts=meta`). */
export interface SheetSnapshotResponse extends SnapshotMeta {
  asOf: string;
  directory: SnapshotDirectory;
  leads: SnapshotLeads;
  parts: Partial<Record<SnapshotPartName, SnapshotPart<unknown>>>;
}
