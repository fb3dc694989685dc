import * as z from 'zod';
import { openingIntervals } from './agreement/business-hours';
import { WEEKDAYS, type Weekday } from './agreement/constants';
import { DayHours, OpeningHours, WeekHours } from './agreement/schema';
import { fieldIssue, InvalidError, issuesOfZod } from './errors';
import type { WallClock } from './host';
import { type Said, say, schemaText, verbatim } from './i18n';
import { remember } from './memo';
import { TimeZone } from './workspace';
import { firstInstantAtOrAfter, intlWallClock, offsetAt } from './zoned-time';

/**
 * Business time: deadlines that run only while the team is at work, in the
 * agreement's IANA time zone, with weekly opening hours and holidays.
 *
 * Model. Each local date has zero or more opening intervals `[open, close)`
 * taken from the weekday's hours (none on holidays). Every computation walks
 * these intervals day by day and intersects them with the span it measures, so
 * the cost grows with the number of days, never with minutes.
 *
 * Wall clock to instant. A boundary such as "09:00 on 2026-03-29" becomes the
 * first instant at which the local clock on that date shows 09:00 or later:
 * a time skipped when clocks spring forward becomes the instant of the jump
 * (an office opening at 02:30 on that night opens at 03:00), and a time that
 * occurs twice when clocks fall back takes its first occurrence. This mapping
 * never runs backwards, so intervals stay ordered on every day of the year.
 *
 * Closing boundary. Business time runs on `[open, close)`: an instant exactly at
 * a close is not "within" business hours, but a deadline may fall exactly on it
 * ("due today at 17:00" rather than "tomorrow at 09:00"). Deadlines therefore
 * always fall in the closed interval `[open, close]`.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Wide enough to contain every UTC offset in the tz database (−12:00 … +14:00). */
const OFFSET_BOUND = 14 * HOUR;

/** A search that finds no business time in this many consecutive days stops with an error. */
export const MAX_EMPTY_DAYS = 3660;
/** Upper bounds on what one call may add; SLA numbers are far below them. */
export const MAX_BUSINESS_HOURS = 87_600;
export const MAX_BUSINESS_DAYS = 3660;

// One list of weekdays for the agreement and the clock (agreement/constants.ts), re-exported for the clock's callers.
// One schema for a day's hours, the agreement's (agreement/schema.ts): a calendar the clock accepts is one the
// agreement accepts (test/node/business-hours-schema.test.ts checks it over generated weeks).
export { DayHours, OpeningHours, WEEKDAYS, type Weekday };

/** The calendar part of the agreement's `sla` section; the whole `sla` object may be passed as is. */
export const BusinessCalendar = z.object({
  timezone: TimeZone,
  businessHours: WeekHours,
  /** Local dates (YYYY-MM-DD) with no business hours. */
  holidays: z.array(z.iso.date({ message: schemaText('isoDateShort') })).default([]),
});
export type BusinessCalendar = z.input<typeof BusinessCalendar>;

/** Thrown when a calendar (or a stretch of it) has no business time at all, so no deadline could ever fall due. */
export class NoBusinessTimeError extends InvalidError {
  constructor(message: Said) {
    super(message, [fieldIssue('businessHours', message)]);
    this.name = 'NoBusinessTimeError';
  }
}

interface Compiled {
  readonly timeZone: string;
  /** The reading of the zone's wall clock this call uses (not part of the cached calendar). */
  readonly clock: WallClock;
  /** Indexed like `Date#getUTCDay()` (0 = Sunday): `[openMinute, closeMinute]` pairs, sorted. */
  readonly week: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Holidays as day numbers (days since 1970-01-01). */
  readonly holidays: ReadonlySet<number>;
}

/** An opening interval as instants (epoch ms), with the local day it belongs to. */
type Interval = readonly [start: number, end: number, day: number];

const COMPILED = new Map<string, Compiled>();
const COMPILED_CAP = 64;

const SUNDAY_FIRST: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Validates and prepares a calendar. Keyed by content rather than identity, so a
 * calendar object changed between calls is never served stale.
 */
function compile(calendar: BusinessCalendar, clock: WallClock): Compiled {
  const key = JSON.stringify(calendar);
  const cached = COMPILED.get(key);
  if (cached) return cached.clock === clock ? cached : { ...cached, clock };
  const parsed = BusinessCalendar.safeParse(calendar);
  if (!parsed.success) {
    throw new InvalidError(say('calendarInvalid'), issuesOfZod(parsed.error));
  }
  const { timezone, businessHours, holidays } = parsed.data;
  const byDay = openingIntervals(businessHours);
  const week = SUNDAY_FIRST.map((day) => byDay[day].map(({ open, close }) => [open, close] as const));
  if (week.every((day) => day.length === 0)) {
    throw new NoBusinessTimeError(say('calendarNeverOpen'));
  }
  const compiled: Compiled = {
    timeZone: timezone,
    clock,
    week,
    holidays: new Set(holidays.map((iso) => Date.parse(`${iso}T00:00:00Z`) / DAY)),
  };
  return remember(COMPILED, key, compiled, COMPILED_CAP);
}

/** The local wall clock at instant `t`, as milliseconds on a UTC axis. */
function localOf(c: Compiled, t: number): number {
  return c.clock(t, c.timeZone);
}

function localDayOf(c: Compiled, t: number): number {
  return Math.floor(localOf(c, t) / DAY);
}

function dayIntervals(c: Compiled, day: number): Interval[] {
  if (c.holidays.has(day)) return [];
  const hours = c.week[(((day + 4) % 7) + 7) % 7] ?? [];
  if (hours.length === 0) return [];
  const start = day * DAY;
  const before = offsetAt(start - OFFSET_BOUND, c.timeZone, c.clock);
  const after = offsetAt(start + DAY + OFFSET_BOUND, c.timeZone, c.clock);
  // Most days have one offset throughout; only DST days need the careful mapping.
  const toInstant =
    before === after
      ? (local: number) => local - before
      : (local: number) => firstInstantAtOrAfter(local, c.timeZone, c.clock);
  const out: Interval[] = [];
  for (const [open, close] of hours) {
    const s = toInstant(start + open * MINUTE);
    const e = toInstant(start + close * MINUTE);
    if (e > s) out.push([s, e, day]);
  }
  return out;
}

/**
 * Opening intervals in time order whose end is at or after `t` (an interval
 * ending exactly at `t` is included, so a deadline can rest on a close).
 * Stops after `lastDay` when given; otherwise throws after MAX_EMPTY_DAYS
 * consecutive days without business time.
 */
function* intervalsFrom(c: Compiled, t: number, lastDay = Number.POSITIVE_INFINITY): Generator<Interval> {
  let empty = 0;
  for (let day = localDayOf(c, t) - 1; day <= lastDay; day++) {
    const list = dayIntervals(c, day);
    if (list.length === 0) {
      empty += 1;
      if (empty > MAX_EMPTY_DAYS) {
        throw new NoBusinessTimeError(say('calendarGap', { count: MAX_EMPTY_DAYS }));
      }
      continue;
    }
    empty = 0;
    for (const interval of list) if (interval[1] >= t) yield interval;
  }
}

function instantOf(date: Date, path: string): number {
  const t = date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(t))
    throw new InvalidError(say('instantInvalid'), [fieldIssue(path, say('mustBeValidDate'))]);
  return t;
}

function amountOf(value: number, path: string, max: number, integer: boolean): number {
  const ok = Number.isFinite(value) && value >= 0 && value <= max && (!integer || Number.isInteger(value));
  if (!ok) {
    const message = say(integer ? 'wholeFromZero' : 'numberFromZero', { max });
    throw new InvalidError(say('amountOutOfRange', { what: verbatim(path) }), [fieldIssue(path, message)]);
  }
  return value;
}

/**
 * The latest wall-clock time shown by instant `t` (local ms on a UTC axis): the
 * wall clock itself, except during the second pass of an hour repeated when
 * clocks fall back, where it is the end of that hour. It never runs backwards,
 * which keeps addBusinessDays monotonic on those nights.
 */
function wallTimeReached(c: Compiled, t: number): number {
  const local = localOf(c, t);
  const earlier = t - DAY;
  const before = offsetAt(earlier, c.timeZone, c.clock);
  if (offsetAt(t, c.timeZone, c.clock) >= before) return local;
  let lo = Math.floor(earlier / SECOND);
  let hi = Math.ceil(t / SECOND);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid * SECOND, c.timeZone, c.clock) === before) lo = mid;
    else hi = mid;
  }
  return Math.max(local, hi * SECOND + before);
}

/** The first instant at or after `t` within business hours `[open, close)`, with the local day it belongs to. */
function openingAtOrAfter(c: Compiled, t: number): { instant: number; day: number } {
  for (const [s, e, day] of intervalsFrom(c, t)) if (e > t) return { instant: Math.max(s, t), day };
  throw new NoBusinessTimeError(say('calendarNoTimeAfter'));
}

/**
 * The deadline `hours` business hours after `start`: the earliest instant by
 * which that much business time has elapsed since `start`. A start outside
 * business hours begins counting at the next opening. The result always lies
 * within business hours or exactly on a close (a 1-hour deadline set at 16:00
 * on a 09:00–17:00 day is 17:00 that day, not 09:00 the next day); with
 * `hours = 0` it is `start` moved forward to the next business instant.
 *
 * Precise to the millisecond; adding is monotonic and additive:
 * `add(add(t, a), b)` equals `add(t, a + b)`.
 *
 * @throws InvalidError for an invalid calendar or date, or `hours` outside 0 … MAX_BUSINESS_HOURS.
 * @throws NoBusinessTimeError when the calendar has no business hours at all.
 */
export function addBusinessHours(
  start: Date,
  hours: number,
  calendar: BusinessCalendar,
  clock: WallClock = intlWallClock,
): Date {
  const c = compile(calendar, clock);
  const t = instantOf(start, 'start');
  let remaining = Math.round(amountOf(hours, 'hours', MAX_BUSINESS_HOURS, false) * HOUR);
  for (const [s, e] of intervalsFrom(c, t)) {
    const from = Math.max(s, t);
    if (remaining <= e - from) return new Date(from + remaining);
    remaining -= e - from;
  }
  throw new NoBusinessTimeError(say('calendarNoTimeAfter'));
}

/**
 * The deadline `days` business days after `start`, as a sales team reads
 * "within N business days": the same local time of day, N business days later.
 *
 * - A business day is a local date with business hours that is not a holiday.
 * - The clock starts at `nextOpening(start)` (a lead arriving on Saturday, or
 *   exactly at a close, counts from the next opening; a deadline set on Monday
 *   at 10:00 with N = 2 falls on Wednesday at 10:00).
 * - On the target day the time of day is clamped into that day's hours: to the
 *   next opening of the same day when it falls before an opening or in a
 *   midday break, and to the day's last close when it falls after it (Thursday
 *   16:30 + 1 day on a Friday closing at 14:00 is Friday 14:00, never the
 *   following Monday).
 * - `days = 0` returns the clock start.
 *
 * Because of that clamping, business days are monotonic but not additive.
 *
 * @throws InvalidError for an invalid calendar or date, or `days` not a whole number in 0 … MAX_BUSINESS_DAYS.
 * @throws NoBusinessTimeError when the calendar has no business hours at all.
 */
export function addBusinessDays(
  start: Date,
  days: number,
  calendar: BusinessCalendar,
  clock: WallClock = intlWallClock,
): Date {
  const c = compile(calendar, clock);
  const t = instantOf(start, 'start');
  amountOf(days, 'days', MAX_BUSINESS_DAYS, true);
  const origin = openingAtOrAfter(c, t);
  if (days === 0) return new Date(origin.instant);
  const timeOfDay = wallTimeReached(c, origin.instant) - origin.day * DAY;
  let day = origin.day;
  let intervals: Interval[] = [];
  let counted = 0;
  let empty = 0;
  while (counted < days) {
    day += 1;
    intervals = dayIntervals(c, day);
    if (intervals.length > 0) {
      counted += 1;
      empty = 0;
    } else if (++empty > MAX_EMPTY_DAYS) {
      throw new NoBusinessTimeError(say('calendarGapDays', { count: MAX_EMPTY_DAYS }));
    }
  }
  const target = firstInstantAtOrAfter(day * DAY + timeOfDay, c.timeZone, c.clock);
  for (const [s, e] of intervals) if (target <= e) return new Date(Math.max(s, target));
  const last = intervals[intervals.length - 1];
  if (!last) throw new NoBusinessTimeError(say('calendarNoTimeOnDay'));
  return new Date(last[1]);
}

/**
 * Elapsed business time between two instants, in hours (exact to the
 * millisecond), by intersecting `[a, b)` with the opening intervals day by day.
 * Antisymmetric: when `b` is before `a` the result is negative.
 *
 * @throws InvalidError for an invalid calendar or date.
 */
export function businessHoursBetween(
  a: Date,
  b: Date,
  calendar: BusinessCalendar,
  clock: WallClock = intlWallClock,
): number {
  const c = compile(calendar, clock);
  const from = instantOf(a, 'a');
  const to = instantOf(b, 'b');
  if (to < from) {
    const back = businessHoursBetween(b, a, calendar, clock);
    return back === 0 ? 0 : -back;
  }
  let total = 0;
  for (const [s, e] of intervalsFrom(c, from, localDayOf(c, to) + 1)) {
    if (s >= to) break;
    total += Math.max(0, Math.min(e, to) - Math.max(s, from));
  }
  return total / HOUR;
}

/**
 * When the clock starts for something arriving at `t`: `t` itself when it is
 * within business hours, otherwise the next opening (at the opening time, not
 * at the arrival's time of day). An arrival exactly at a close waits for the
 * next opening.
 *
 * @throws InvalidError for an invalid calendar or date; NoBusinessTimeError for a calendar without business hours.
 */
export function nextOpening(t: Date, calendar: BusinessCalendar, clock: WallClock = intlWallClock): Date {
  const c = compile(calendar, clock);
  return new Date(openingAtOrAfter(c, instantOf(t, 't')).instant);
}

/**
 * True when `t` falls inside an opening interval `[open, close)` of its local
 * day (so an opening instant is within and a closing instant is not).
 *
 * @throws InvalidError for an invalid calendar or date.
 */
export function isWithinBusinessHours(
  t: Date,
  calendar: BusinessCalendar,
  clock: WallClock = intlWallClock,
): boolean {
  const c = compile(calendar, clock);
  const at = instantOf(t, 't');
  const day = localDayOf(c, at);
  for (let d = day - 1; d <= day + 1; d++) {
    for (const [s, e] of dayIntervals(c, d)) if (s <= at && at < e) return true;
  }
  return false;
}
