import { QUADRANTS, TEMPERATURE_LEVELS } from '../agreement/constants';
import type { Language, Role } from '../constants';
import { LEAD_STAGES } from '../ledger/constants';
import { DEADLINE_KINDS, DEADLINE_STATUSES } from '../sla/constants';
import { LAST_ACTIONS } from './constants';
import type { SheetLead, SheetLeadSla } from './leads-layout';

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
  /** Campaign keys the rows name by index. */
  campaigns: string[];
}

/**
 * One lead on the wire, a tuple so 10,000 leads stay under 2 MB: id, version,
 * e-mail, phone, first name, last name, company, then small integers — stage,
 * owner (directory index), first source (index), campaign (index), quadrant,
 * temperature, attempts, last action, its time (epoch seconds), next deadline
 * kind, its due time (epoch seconds), its status, worst status. Enums are
 * indexes into the domain's own lists; -1 (or null for times) is "none".
 */
export type LeadTuple = [
  string,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number | null,
  number,
  number | null,
  number,
  number,
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

function indexIn<T>(list: readonly T[], value: T | null): number {
  return value === null ? -1 : list.indexOf(value);
}

function at<T>(list: readonly T[], index: number): T | null {
  return index < 0 ? null : (list[index] ?? null);
}

/** Indexes for a directory: member, source and campaign positions. */
export interface DirectoryIndex {
  members: ReadonlyMap<string, number>;
  sources: ReadonlyMap<string, number>;
  campaigns: Map<string, number>;
  campaignList: string[];
}

export function directoryIndex(directory: Omit<SnapshotDirectory, 'campaigns'>): DirectoryIndex {
  return {
    members: new Map(directory.members.map((m, i) => [m.id, i])),
    sources: new Map(directory.sources.map((s, i) => [s.id, i])),
    campaigns: new Map(),
    campaignList: [],
  };
}

function campaignIndex(index: DirectoryIndex, campaign: string | null): number {
  if (campaign === null) return -1;
  let i = index.campaigns.get(campaign);
  if (i === undefined) {
    i = index.campaignList.length;
    index.campaignList.push(campaign);
    index.campaigns.set(campaign, i);
  }
  return i;
}

/** A lead and its SLA summary as a wire tuple; campaigns met for the first time join `index.campaignList`. */
export function encodeLead(lead: SheetLead, sla: SheetLeadSla, index: DirectoryIndex): LeadTuple {
  return [
    lead.id,
    lead.seq,
    lead.email,
    lead.phone,
    lead.firstName,
    lead.lastName,
    lead.company,
    indexIn(LEAD_STAGES, lead.stage),
    lead.ownerId === null ? -1 : (index.members.get(lead.ownerId) ?? -1),
    lead.firstSourceId === null ? -1 : (index.sources.get(lead.firstSourceId) ?? -1),
    campaignIndex(index, lead.campaign),
    indexIn(QUADRANTS, lead.quadrant),
    indexIn(TEMPERATURE_LEVELS, lead.temperature),
    lead.attempts,
    indexIn(LAST_ACTIONS, lead.lastAction?.action ?? null),
    epochSeconds(lead.lastAction?.at ?? null),
    indexIn(DEADLINE_KINDS, sla.next?.kind ?? null),
    epochSeconds(sla.next?.dueAt ?? null),
    indexIn(DEADLINE_STATUSES, sla.next?.status ?? null),
    indexIn(DEADLINE_STATUSES, sla.worst),
  ];
}

/** The wire tuple back as the lead and SLA summary `leadRow` renders (times to the second). */
export function decodeLead(
  tuple: LeadTuple,
  directory: SnapshotDirectory,
): { lead: SheetLead; sla: SheetLeadSla } {
  const [id, seq, email, phone, firstName, lastName, company, stage, owner, source, campaign] = tuple;
  const [quadrant, temperature, attempts, action, actionAt, kind, dueAt, status, worst] = tuple.slice(
    11,
  ) as number[];
  const lastAt = isoOf(actionAt ?? null);
  const due = isoOf(dueAt ?? null);
  const lastAction = at(LAST_ACTIONS, action ?? -1);
  const nextKind = at(DEADLINE_KINDS, kind ?? -1);
  const nextStatus = at(DEADLINE_STATUSES, status ?? -1);
  return {
    lead: {
      id,
      seq,
      stage: at(LEAD_STAGES, stage) ?? 'lead',
      email,
      phone,
      firstName,
      lastName,
      company,
      ownerId: directory.members[owner]?.id ?? null,
      firstSourceId: directory.sources[source]?.id ?? null,
      campaign: at(directory.campaigns, campaign),
      quadrant: at(QUADRANTS, quadrant ?? -1) ?? 'low',
      temperature: at(TEMPERATURE_LEVELS, temperature ?? -1),
      attempts: attempts ?? 0,
      lastAction: lastAction && lastAt ? { action: lastAction, at: lastAt } : null,
    },
    sla: {
      next: nextKind && due && nextStatus ? { kind: nextKind, dueAt: due, status: nextStatus } : null,
      worst: at(DEADLINE_STATUSES, worst ?? -1),
    },
  };
}

/** The whole answer of `GET /v1/sheet/snapshot` (without `parts=meta`). */
export interface SheetSnapshotResponse extends SnapshotMeta {
  asOf: string;
  directory: SnapshotDirectory;
  leads: SnapshotLeads;
  parts: Partial<Record<SnapshotPartName, SnapshotPart<unknown>>>;
}

/**
 * A part's version: two FNV-1a hashes (different offsets) of its JSON. It only
 * has to tell "changed" from "unchanged" for one workspace's own data, so no
 * cryptographic hash (and no host crypto) is needed.
 */
export function versionOf(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return `v${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** The leads cursor: positions in the ledger and SLA transition logs (`e120.t7`). */
export interface LeadsCursor {
  events: number;
  transitions: number;
}

export const LEADS_CURSOR_PATTERN = /^e(\d{1,15})\.t(\d{1,15})$/;

export function formatLeadsCursor(cursor: LeadsCursor): string {
  return `e${cursor.events}.t${cursor.transitions}`;
}

export function parseLeadsCursor(text: string): LeadsCursor | null {
  const match = LEADS_CURSOR_PATTERN.exec(text);
  return match ? { events: Number(match[1]), transitions: Number(match[2]) } : null;
}
