import type { Quadrant } from '../agreement/constants';
import type { Sla } from '../agreement/schema';
import {
  addBusinessDays,
  addBusinessHours,
  type BusinessCalendar,
  businessHoursBetween,
  nextOpening,
} from '../business-time';
import {
  type DeadlineKind,
  type DeadlineStatus,
  DUE_SOON_FRACTION,
  DUE_SOON_MAX_HOURS,
  type LeadDeadlineKind,
  OPEN_DEADLINE_STATUSES,
  type OpenDeadlineStatus,
  type TransitionStep,
} from './constants';

/**
 * One deadline as the `mql` event carries it: computed once, in pure code, when
 * the lead becomes an MQL, under the agreement version of that event. Every
 * writer stores exactly these instants; nothing recomputes them later.
 */
export interface DeadlinePlan {
  kind: LeadDeadlineKind;
  /** When the clock started: the later of the form's submission and the MQL, moved to the next opening. */
  startedAt: string;
  dueAt: string;
  /** When the deadline turns `due_soon` (see `dueSoonAt`). */
  dueSoonAt: string;
  /** When a deadline still breached goes to the manager: the same business-time span again after `dueAt`. */
  escalateAt: string;
  /** The rule that set `dueAt`: business hours (first touch) or business days (attempts, decision). */
  businessHours?: number;
  businessDays?: number;
  /** For `attempts`: what must be logged to meet it. */
  minAttempts?: number;
  minChannels?: number;
}

/** What the SLA clock needs to know about a lead at the moment it becomes an MQL. */
export interface MqlMoment {
  quadrant: Quadrant;
  /** The first lead-creating form submission (null for leads that arrived another way). */
  submittedAt: string | null;
  /** When the lead became an MQL. */
  mqlAt: string;
}

const iso = (d: Date) => d.toISOString();

/** The agreement's `sla` section is a business calendar as it stands. */
function calendarOf(sla: Sla): BusinessCalendar {
  return { timezone: sla.timezone, businessHours: sla.businessHours, holidays: sla.holidays };
}

/**
 * When the clock starts: the form's `submittedAt`, or the MQL time when that is
 * later (a lead that became an MQL days after its form counts from the MQL),
 * moved to the next opening when it falls outside business hours.
 */
export function clockStart(sla: Sla, moment: Pick<MqlMoment, 'submittedAt' | 'mqlAt'>): Date {
  const mql = Date.parse(moment.mqlAt);
  const submitted = moment.submittedAt ? Date.parse(moment.submittedAt) : Number.NaN;
  const from = Number.isFinite(submitted) && submitted > mql ? submitted : mql;
  return nextOpening(new Date(from), calendarOf(sla));
}

/**
 * The instant a deadline turns due soon: when a quarter of its business-time
 * span remains, but no earlier than DUE_SOON_MAX_HOURS business hours before it
 * is due (a 1-hour first touch warns at 45 minutes, a 10-day decision a
 * business day ahead).
 */
export function dueSoonAt(sla: Sla, startedAt: Date, dueAt: Date): Date {
  const calendar = calendarOf(sla);
  const span = businessHoursBetween(startedAt, dueAt, calendar);
  const warning = Math.min(span * DUE_SOON_FRACTION, DUE_SOON_MAX_HOURS);
  return addBusinessHours(startedAt, Math.max(0, span - warning), calendar);
}

/** "Still breached after the same span again": `dueAt` plus the deadline's own business-time span. */
export function escalationAt(sla: Sla, startedAt: Date, dueAt: Date): Date {
  const calendar = calendarOf(sla);
  return addBusinessHours(dueAt, businessHoursBetween(startedAt, dueAt, calendar), calendar);
}

/**
 * The three deadlines of a new MQL (DOMAIN.md, "Handoff SLA"): first touch
 * within the quadrant's business hours, the attempt rule within
 * `attemptWindowDays` business days, a decision within `decisionDays`.
 */
export function planLeadDeadlines(sla: Sla, moment: MqlMoment): DeadlinePlan[] {
  const calendar = calendarOf(sla);
  const start = clockStart(sla, moment);
  const plan = (kind: LeadDeadlineKind, due: Date, rule: Partial<DeadlinePlan>): DeadlinePlan => ({
    kind,
    startedAt: iso(start),
    dueAt: iso(due),
    dueSoonAt: iso(dueSoonAt(sla, start, due)),
    escalateAt: iso(escalationAt(sla, start, due)),
    ...rule,
  });
  const hours = sla.firstTouchHours[moment.quadrant];
  return [
    plan('first_touch', addBusinessHours(start, hours, calendar), { businessHours: hours }),
    plan('attempts', addBusinessDays(start, sla.attemptWindowDays, calendar), {
      businessDays: sla.attemptWindowDays,
      minAttempts: sla.minAttempts,
      minChannels: sla.minChannels,
    }),
    plan('decision', addBusinessDays(start, sla.decisionDays, calendar), { businessDays: sla.decisionDays }),
  ];
}

/** Met on time or late, by when the action happened (not when it was logged). */
export function settledStatus(dueAt: string, at: string): 'met' | 'met_late' {
  return Date.parse(at) <= Date.parse(dueAt) ? 'met' : 'met_late';
}

export function isOpen(status: DeadlineStatus): status is OpenDeadlineStatus {
  return (OPEN_DEADLINE_STATUSES as readonly string[]).includes(status);
}

/** A deadline as the sweep sees it. */
export interface SweepableDeadline {
  kind: DeadlineKind;
  status: DeadlineStatus;
  dueSoonAt: string;
  dueAt: string;
  /** Null for deadlines that never escalate (governance). */
  escalateAt: string | null;
  escalatedAt: string | null;
}

export interface SweepOutcome {
  /** What to record, in order; each at most once per deadline. */
  steps: TransitionStep[];
  status: DeadlineStatus;
  /** When the sweep must look at this deadline again; null once nothing more can happen by time alone. */
  nextAt: string | null;
}

/** When time alone next changes this deadline, given its status. */
export function nextCheckAt(d: Omit<SweepableDeadline, 'status'>, status: DeadlineStatus): string | null {
  if (d.kind === 'weekly_report') return status === 'pending' ? d.dueSoonAt : null;
  switch (status) {
    case 'pending':
      return d.dueSoonAt;
    case 'due_soon':
      return d.dueAt;
    case 'breached':
      return d.escalateAt && !d.escalatedAt ? d.escalateAt : null;
    default:
      return null;
  }
}

/**
 * What the sweep records for a deadline at `now`. A sweep that ran late (missed
 * runs, an outage) records only what is true now: a deadline already past due
 * goes straight to `breached` without a stale "due soon", and one already past
 * its escalation time is breached and escalated in the same run. Returns null
 * when nothing changes.
 *
 * The weekly meeting's agenda is a deadline of its own kind: at its posting time
 * the sweep posts the agenda and settles it (met, or met late when the sweep
 * was down past the meeting's start).
 */
export function sweepDeadline(d: SweepableDeadline, now: Date): SweepOutcome | null {
  const t = now.getTime();
  const reached = (instant: string | null) => instant !== null && Date.parse(instant) <= t;
  if (d.kind === 'weekly_report') {
    if (d.status !== 'pending' || !reached(d.dueSoonAt)) return null;
    return { steps: ['settled'], status: settledStatus(d.dueAt, now.toISOString()), nextAt: null };
  }
  const steps: TransitionStep[] = [];
  let status = d.status;
  if ((status === 'pending' || status === 'due_soon') && reached(d.dueAt)) {
    steps.push('breached');
    status = 'breached';
  } else if (status === 'pending' && reached(d.dueSoonAt)) {
    steps.push('due_soon');
    status = 'due_soon';
  }
  let escalatedAt = d.escalatedAt;
  if (status === 'breached' && !escalatedAt && reached(d.escalateAt)) {
    steps.push('escalated');
    escalatedAt = now.toISOString();
  }
  if (steps.length === 0) return null;
  return { steps, status, nextAt: nextCheckAt({ ...d, escalatedAt }, status) };
}

/** Worst first: what colours a lead's SLA cell. An open breach outranks everything. */
const SEVERITY: Record<DeadlineStatus, number> = {
  breached: 5,
  due_soon: 4,
  met_late: 3,
  pending: 2,
  met: 1,
  cancelled: 0,
};

export function worstStatus(statuses: readonly DeadlineStatus[]): DeadlineStatus | null {
  let worst: DeadlineStatus | null = null;
  for (const s of statuses) if (worst === null || SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

export interface DeadlineSummaryInput {
  kind: DeadlineKind;
  status: DeadlineStatus;
  dueAt: string;
}

/** A lead's SLA at a glance: the open deadline due first, and the worst status of all of them. */
export function summarizeDeadlines<T extends DeadlineSummaryInput>(
  deadlines: readonly T[],
): { next: T | null; worst: DeadlineStatus | null } {
  let next: T | null = null;
  for (const d of deadlines) {
    if (!isOpen(d.status)) continue;
    if (next === null || Date.parse(d.dueAt) < Date.parse(next.dueAt)) next = d;
  }
  return { next, worst: worstStatus(deadlines.map((d) => d.status)) };
}

/** How a ledger event settles a lead's open deadlines. */
export type Settlement =
  /** Met (or met late) by this event: `first_touch` by any attempt. */
  | { type: 'meet'; kinds: readonly LeadDeadlineKind[] }
  /** Met once the lead's attempts so far reach the deadline's minimum attempts over minimum channels. */
  | { type: 'meet_attempt_rule' }
  /** A decision settles every deadline still open: the lead has been handled. */
  | { type: 'meet_all' }
  /** The lead was erased: its clocks stop without a verdict. */
  | { type: 'cancel_all' };

const DECISIONS: ReadonlySet<string> = new Set(['rejected', 'nurtured', 'opportunity', 'won', 'lost']);
const IMPORTED_DECISIONS: ReadonlySet<string> = new Set([
  'sql',
  'opportunity',
  'won',
  'lost',
  'nurture',
  'disqualified',
]);

/**
 * The SLA reading of a sales event (issue 5's payloads, worker/domain/ledger/events.ts):
 * an attempt on any channel is the first touch and counts towards the attempt
 * rule; a qualification that made an SQL, a rejection or a nurture return is the
 * decision (opportunity, won and lost imply one).
 */
export function settlementsOf(event: { type: string; payload: Record<string, unknown> }): Settlement[] {
  if (event.type === 'attempt')
    return [{ type: 'meet', kinds: ['first_touch'] }, { type: 'meet_attempt_rule' }];
  if (event.type === 'qualified') return event.payload.sql === true ? [{ type: 'meet_all' }] : [];
  if (DECISIONS.has(event.type)) return [{ type: 'meet_all' }];
  if (event.type === 'erased') return [{ type: 'cancel_all' }];
  // An imported list that moves a live MQL to a decided stage carries the decision (dated at its stageAt).
  if (event.type === 'imported' && IMPORTED_DECISIONS.has(String(event.payload.stage)))
    return [{ type: 'meet_all' }];
  return [];
}
