import type { Agreement } from '../agreement/schema';
import { addMonths } from '../agreement/versions';
import { type Language, SIDES, type Side } from '../constants';
import type { LeadStage } from '../ledger/constants';
import type { PlanView } from '../reports/plan';
import { addDays, localDateOf, startOfLocalDay } from '../zoned-time';
import { type AgendaInput, type AgendaPace, PACE_STAGES } from './agenda';
import { LEAD_DEADLINE_KINDS, type LeadDeadlineKind } from './constants';
import { leadDisplayName } from './messages';

/**
 * The instant the agenda's pace is pro-rated to: the end of today in the team's
 * time zone, or the meeting if that comes first. A day, not a millisecond, so
 * every reading of the same agenda on the same day says the same thing.
 */
export function paceInstant(meetingAt: Date, now: Date, timeZone: string): Date {
  const endOfToday = startOfLocalDay(addDays(localDateOf(now, timeZone), 1), timeZone);
  return endOfToday < meetingAt ? endOfToday : meetingAt;
}

/** The plan the agenda paces against: the narrowest stored one covering the meeting's day (month, quarter, year). */
export function agendaPlanPeriod(meetingDay: string, stored: ReadonlySet<string>): string | null {
  const [year, month] = meetingDay.split('-') as [string, string];
  const quarter = Math.floor((Number(month) - 1) / 3) + 1;
  return [`${year}-${month}`, `${year}-Q${quarter}`, year].find((k) => stored.has(k)) ?? null;
}

/** The agenda's pace lines from a plan view: counts whole, revenue to the cent. */
export function agendaPaceOf(period: string, view: Pick<PlanView, 'currency' | 'pace'>): AgendaPace {
  return {
    period,
    currency: view.currency,
    stages: PACE_STAGES.map((stage) => {
      const p = view.pace.stages[stage];
      const round = (n: number) => (stage === 'revenue' ? Math.round(n * 100) / 100 : Math.round(n));
      return {
        stage,
        status: p.status,
        actual: p.actual,
        expected: round(p.expectedToDate),
        planned: p.planned,
      };
    }),
  };
}

/** The persona review's next due date: the latest recorded review's, else the agreement's last review + cadence. */
export function personaDueOn(
  latestNextDueOn: string | null | undefined,
  agreement: Agreement,
): string | null {
  if (latestNextDueOn) return latestNextDueOn;
  const last = agreement.persona.lastReviewedOn;
  return last ? addMonths(last, agreement.persona.reviewEveryMonths) : null;
}

/** The proposal collecting signatures, when some required side has not signed it yet. */
export function pendingAgreementOf(
  proposal: { number: number; sides: readonly Side[]; signed: readonly Side[] } | null,
): AgendaInput['pendingAgreement'] {
  if (!proposal) return null;
  const done = new Set(proposal.signed);
  const missingSides = SIDES.filter((side) => proposal.sides.includes(side) && !done.has(side));
  return missingSides.length > 0 ? { version: proposal.number, missingSides } : null;
}

/** What the database says about one agenda week, as read (see db/queries/agenda.ts). */
export interface AgendaFacts {
  mqlEvents: readonly { leadId: string; at: string }[];
  rejectedEvents: readonly { leadId: string; payload: Record<string, unknown> }[];
  nurturedEvents: readonly { leadId: string; payload: Record<string, unknown> }[];
  breaches: readonly { leadId: string | null; kind: string; ownerId: string | null }[];
  people: readonly { id: string; name: string }[];
  /** The leads handed over in the period (their first MQL in it), as they stand now. */
  handed: readonly {
    id: string;
    ownerId: string | null;
    firstName: string | null;
    lastName: string | null;
    company: string | null;
    email: string | null;
  }[];
  /** Of those, the ones sales has worked since (an attempt, or any decision). */
  worked: ReadonlySet<string>;
  /** Leads per campaign active in the period, by where they stand now. */
  campaigns: ReadonlyMap<string, Partial<Record<LeadStage, number>>>;
}

/** Assembles the agenda's input from the week's facts and the agreement's words (reason labels, people's names). */
export function agendaInputOf(input: {
  week: string;
  language: Language;
  agreement: Agreement;
  period: { start: Date; end: Date; meetingAt: Date };
  facts: AgendaFacts;
  pace: AgendaPace | null;
  personaDueOn: string | null;
  pendingAgreement: AgendaInput['pendingAgreement'];
  liveSheet: AgendaInput['liveSheet'];
}): AgendaInput {
  const { agreement, facts } = input;
  const from = input.period.start.toISOString();
  const nameOf = new Map(facts.people.map((p) => [p.id, p.name]));
  const ownerName = (id: string | null) => (id ? (nameOf.get(id) ?? null) : null);
  const mqlAt = new Map<string, string>();
  for (const e of facts.mqlEvents) if (!mqlAt.has(e.leadId)) mqlAt.set(e.leadId, e.at);
  const reasonLabel = new Map(agreement.rejectionReasons.map((r) => [r.code, r.label]));
  return {
    week: input.week,
    language: input.language,
    timeZone: agreement.sla.timezone,
    meetingAt: input.period.meetingAt.toISOString(),
    durationMinutes: agreement.meetings.weekly.durationMinutes,
    period: { start: from, end: input.period.end.toISOString() },
    standingItems: agreement.meetings.weekly.agenda,
    handedOver: facts.handed
      .map((row) => ({
        leadId: row.id,
        name: leadDisplayName(row, input.language),
        ownerId: row.ownerId,
        ownerName: ownerName(row.ownerId),
        mqlAt: mqlAt.get(row.id) ?? from,
        worked: facts.worked.has(row.id),
      }))
      .sort((a, b) => a.mqlAt.localeCompare(b.mqlAt)),
    breaches: facts.breaches
      .filter((b): b is typeof b & { kind: LeadDeadlineKind } =>
        (LEAD_DEADLINE_KINDS as readonly string[]).includes(b.kind),
      )
      .map((b) => ({
        leadId: b.leadId ?? '',
        kind: b.kind,
        ownerId: b.ownerId,
        ownerName: ownerName(b.ownerId),
      })),
    rejections: facts.rejectedEvents.map((e) => ({
      leadId: e.leadId,
      reasons: (Array.isArray(e.payload.reasons) ? e.payload.reasons : [])
        .filter((code): code is string => typeof code === 'string')
        .map((code) => ({ code, label: reasonLabel.get(code) ?? code })),
    })),
    nurtures: facts.nurturedEvents.map((e) => {
      const code = typeof e.payload.reason === 'string' ? e.payload.reason : '';
      return { leadId: e.leadId, code, label: reasonLabel.get(code) ?? code };
    }),
    campaigns: [...facts.campaigns.entries()].map(([campaign, stages]) => ({ campaign, stages })),
    pace: input.pace,
    personaReview: input.personaDueOn
      ? {
          dueOn: input.personaDueOn,
          guardianName: ownerName(agreement.persona.guardianMemberId ?? null),
        }
      : null,
    pendingAgreement: input.pendingAgreement,
    liveSheet: input.liveSheet,
  };
}
