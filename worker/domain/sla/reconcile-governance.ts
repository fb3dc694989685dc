import type { Agreement } from '../agreement/schema';
import type { DeadlineStatus } from './constants';
import { settledStatus } from './deadlines';
import {
  agreementReviewPlan,
  firstPersonaReviewDue,
  type GovernancePlan,
  nextWeeklyMeeting,
  personaReviewPlan,
  shiftIsoWeek,
  weeklyReportPlan,
} from './governance';

/** The signed agreement the team deadlines follow. */
export interface GoverningAgreement {
  version: number;
  activatedAt: string;
  content: Agreement;
}

/** An open team deadline as stored. */
export interface OpenGovernanceDeadline {
  id: string;
  key: string;
  kind: string;
  status: DeadlineStatus;
  dueAt: string;
  dueSoonAt: string;
  ownerId: string | null;
}

/** What to change so the stored team deadlines match the agreement. */
export type GovernanceChange =
  /** Same deadline; a new guardian, or (while pending) times the agreement moved. */
  | { change: 'update'; row: OpenGovernanceDeadline; ownerId: string | null; moveTo: GovernancePlan | null }
  /** A review was recorded or a new version signed: the old deadline is met (or met late). */
  | { change: 'settle'; row: OpenGovernanceDeadline; status: DeadlineStatus; settledAt: string }
  | { change: 'insert'; plan: GovernancePlan; ownerId: string | null };

/**
 * Brings a workspace's team deadlines in line with its signed agreement: the
 * persona review (from the latest review, else the agreement), the agreement
 * review (the active version's activation + cadence) and the next weekly agenda.
 * A persona review recorded or a new version signed settles the old deadline
 * (met, or met late) and opens the next.
 */
export function reconcileGovernance(
  active: GoverningAgreement,
  latestReview: { nextDueOn: string; createdAt: string } | undefined,
  open: readonly OpenGovernanceDeadline[],
  now: Date,
): GovernanceChange[] {
  const { content } = active;
  const timeZone = content.sla.timezone;
  const personaDue =
    latestReview?.nextDueOn ??
    firstPersonaReviewDue(
      content.persona.lastReviewedOn,
      active.activatedAt,
      content.persona.reviewEveryMonths,
      timeZone,
    );
  const plans: { plan: GovernancePlan; ownerId: string | null; settledAt: string }[] = [
    {
      plan: personaReviewPlan(personaDue, timeZone, latestReview?.createdAt ?? active.activatedAt),
      ownerId: content.persona.guardianMemberId,
      settledAt: latestReview?.createdAt ?? now.toISOString(),
    },
    {
      plan: agreementReviewPlan(
        active.version,
        active.activatedAt,
        content.meetings.agreementReviewEveryMonths,
        timeZone,
      ),
      ownerId: null,
      settledAt: active.activatedAt,
    },
  ];
  if (content.reporting.weeklyAgenda) {
    const next = nextWeeklyMeeting(content.meetings.weekly, timeZone, now);
    plans.push({
      plan: weeklyReportPlan(content.meetings.weekly, timeZone, next.week),
      ownerId: null,
      settledAt: '',
    });
  }
  const changes: GovernanceChange[] = [];
  for (const { plan, ownerId, settledAt } of plans) {
    for (const row of open.filter((r) => r.kind === plan.kind)) {
      if (row.key === plan.key) {
        const moved =
          row.status === 'pending' && (row.dueAt !== plan.dueAt || row.dueSoonAt !== plan.dueSoonAt);
        if (moved || row.ownerId !== ownerId)
          changes.push({ change: 'update', row, ownerId, moveTo: moved ? plan : null });
      } else if (plan.kind !== 'weekly_report') {
        changes.push({ change: 'settle', row, status: settledStatus(row.dueAt, settledAt), settledAt });
      }
    }
    if (!open.some((r) => r.key === plan.key)) changes.push({ change: 'insert', plan, ownerId });
  }
  return changes;
}

/** Once a week's agenda is posted, the next week's report deadline (when the agreement asks for agendas). */
export function nextWeeklyReport(active: GoverningAgreement | null, week: string): GovernancePlan | null {
  if (!active?.content.reporting.weeklyAgenda) return null;
  const { weekly } = active.content.meetings;
  return weeklyReportPlan(weekly, active.content.sla.timezone, shiftIsoWeek(week, 1));
}
