import { WEEKDAYS } from '../agreement/constants';
import type { Meetings } from '../agreement/schema';
import { addMonths } from '../agreement/versions';
import { fieldIssue, InvalidError } from '../errors';
import { say } from '../i18n';
import { addDays, localDateOf, zonedInstant } from '../zoned-time';
import { AGENDA_LEAD_MINUTES, GOVERNANCE_DUE_SOON_DAYS, type GovernanceDeadlineKind } from './constants';

export { addDays, zonedInstant };

const MINUTE = 60_000;
const DAY = 86_400_000;

const WEEK = /^(\d{4})-W(\d{2})$/;

/** The Monday (YYYY-MM-DD) of an ISO week such as `2026-W48`. */
export function mondayOfIsoWeek(week: string): string {
  const match = WEEK.exec(week);
  const year = Number(match?.[1]);
  const number = Number(match?.[2]);
  // Week 1 is the week with the year's first Thursday, i.e. the one containing 4 January.
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  const monday = jan4 - jan4Weekday * DAY + (number - 1) * 7 * DAY;
  if (!match || number < 1 || isoWeekOf(new Date(monday).toISOString().slice(0, 10)) !== week) {
    throw new InvalidError(say('notIsoWeek'), [fieldIssue('week', say('isoWeekExists'))]);
  }
  return new Date(monday).toISOString().slice(0, 10);
}

/** The ISO week (`2026-W48`) a local date belongs to. */
export function isoWeekOf(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  const thursday = new Date(t + (3 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / DAY / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week before or after `week`. */
export function shiftIsoWeek(week: string, by: number): string {
  return isoWeekOf(addDays(mondayOfIsoWeek(week), 7 * by));
}

/** When the weekly joint meeting of ISO week `week` starts, in the agreement's time zone. */
export function weeklyMeetingAt(weekly: Meetings['weekly'], timeZone: string, week: string): Date {
  const date = addDays(mondayOfIsoWeek(week), WEEKDAYS.indexOf(weekly.day));
  return zonedInstant(date, weekly.time, timeZone);
}

/** The first weekly meeting that starts after `now`, with its ISO week. */
export function nextWeeklyMeeting(
  weekly: Meetings['weekly'],
  timeZone: string,
  now: Date,
): { week: string; at: Date } {
  let week = isoWeekOf(localDateOf(now, timeZone));
  for (let i = 0; i < 3; i++) {
    const at = weeklyMeetingAt(weekly, timeZone, week);
    if (at.getTime() > now.getTime()) return { week, at };
    week = shiftIsoWeek(week, 1);
  }
  return { week, at: weeklyMeetingAt(weekly, timeZone, week) };
}

/**
 * What the weekly agenda of `week` covers: the seven days that lead up to that
 * week's meeting (from the previous meeting to this one), so every meeting talks
 * about what happened since the last.
 */
export function agendaPeriod(
  weekly: Meetings['weekly'],
  timeZone: string,
  week: string,
): { start: Date; end: Date; meetingAt: Date } {
  const meetingAt = weeklyMeetingAt(weekly, timeZone, week);
  return { start: weeklyMeetingAt(weekly, timeZone, shiftIsoWeek(week, -1)), end: meetingAt, meetingAt };
}

/** A governance deadline as the sweep stores it; `key` makes it unique in the workspace. */
export interface GovernancePlan {
  kind: GovernanceDeadlineKind;
  key: string;
  startedAt: string;
  dueAt: string;
  dueSoonAt: string;
}

/** A date-based deadline is due at the end of its local day and warns a week ahead. */
function dueByEndOf(date: string, timeZone: string): { dueAt: Date; dueSoonAt: Date } {
  const dueAt = zonedInstant(addDays(date, 1), '00:00', timeZone);
  return { dueAt, dueSoonAt: zonedInstant(addDays(date, 1 - GOVERNANCE_DUE_SOON_DAYS), '00:00', timeZone) };
}

/** The persona review due on `dueOn` (from the latest review, or the agreement's `lastReviewedOn` + cadence). */
export function personaReviewPlan(dueOn: string, timeZone: string, since: string): GovernancePlan {
  const { dueAt, dueSoonAt } = dueByEndOf(dueOn, timeZone);
  return {
    kind: 'persona_review',
    key: `persona_review:${dueOn}`,
    startedAt: since,
    dueAt: dueAt.toISOString(),
    dueSoonAt: dueSoonAt.toISOString(),
  };
}

/** Both sides re-read and re-sign the agreement every `everyMonths` after the version became active. */
export function agreementReviewPlan(
  version: number,
  activatedAt: string,
  everyMonths: number,
  timeZone: string,
): GovernancePlan {
  const dueOn = addMonths(localDateOf(new Date(activatedAt), timeZone), everyMonths);
  const { dueAt, dueSoonAt } = dueByEndOf(dueOn, timeZone);
  return {
    kind: 'agreement_review',
    key: `agreement_review:v${version}`,
    startedAt: activatedAt,
    dueAt: dueAt.toISOString(),
    dueSoonAt: dueSoonAt.toISOString(),
  };
}

/** The weekly agenda of `week`: due when the meeting starts, posted AGENDA_LEAD_MINUTES before. */
export function weeklyReportPlan(weekly: Meetings['weekly'], timeZone: string, week: string): GovernancePlan {
  const { start, meetingAt } = agendaPeriod(weekly, timeZone, week);
  return {
    kind: 'weekly_report',
    key: `weekly_report:${week}`,
    startedAt: start.toISOString(),
    dueAt: meetingAt.toISOString(),
    dueSoonAt: new Date(meetingAt.getTime() - AGENDA_LEAD_MINUTES * MINUTE).toISOString(),
  };
}

/** The persona review's due date when no review was recorded yet: the agreement's last review + cadence, else activation + cadence. */
export function firstPersonaReviewDue(
  lastReviewedOn: string | null,
  activatedAt: string,
  everyMonths: number,
  timeZone: string,
): string {
  return addMonths(lastReviewedOn ?? localDateOf(new Date(activatedAt), timeZone), everyMonths);
}
