/**
 * Wall-clock time in an IANA time zone: the one place that turns instants into
 * local readings and back. Business time, report periods and meeting times all
 * build on it. The reading itself is a `WallClock`: ECMA-402's time-zone
 * `formatToParts` by default (`intlWallClock`), or the host's (the add-on can
 * pass one built on `Utilities.formatDate` should Apps Script's Intl fall short).
 */
import type { WallClock } from './host';
import { remember } from './memo';

const SECOND = 1000;
const DAY = 86_400_000;

const FORMATS = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    FORMATS.set(timeZone, format);
  }
  return format;
}

/**
 * The local wall clock at instant `t` (epoch ms) read with Intl every time: `formatToParts`, about 15 µs
 * a call. `intlWallClock` remembers what it reads; this is what it must always agree with.
 */
export function readWallClock(t: number, timeZone: string): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatFor(timeZone).formatToParts(t)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  const millis = ((t % SECOND) + SECOND) % SECOND;
  return Date.UTC(year, month - 1, day, hour, minute, second) + millis;
}

const HOUR = 3_600_000;
/** Per zone: UTC hour number → the offset that holds through that whole hour, or NaN where it changes within it. */
const HOURLY_OFFSETS = new Map<string, Map<number, number>>();
/** Hours remembered per zone before the memo starts over (a few hundred bytes each; a year is 8,760). */
const MAX_HOURS_HELD = 20_000;

/**
 * The local wall clock at instant `t` (epoch ms), as milliseconds on a UTC axis (Date.UTC of the local
 * fields), read with Intl. A deadline's business-time arithmetic reads the clock dozens of times per
 * lead, so each UTC hour's offset is read once and remembered: an hour whose start and end share an
 * offset keeps it throughout (no zone changes its offset twice within an hour), and an hour that
 * contains a change is read exactly every time.
 */
export const intlWallClock: WallClock = (t, timeZone) => {
  let hours = HOURLY_OFFSETS.get(timeZone);
  if (!hours) {
    hours = new Map();
    HOURLY_OFFSETS.set(timeZone, hours);
  }
  const hour = Math.floor(t / HOUR);
  let offset = hours.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR;
    const end = start + HOUR;
    const atStart = readWallClock(start, timeZone) - start;
    offset = atStart === readWallClock(end, timeZone) - end ? atStart : Number.NaN;
    remember(hours, hour, offset, MAX_HOURS_HELD);
  }
  return Number.isNaN(offset) ? readWallClock(t, timeZone) : t + offset;
};

/** The local wall clock at instant `t` (epoch ms), as milliseconds on a UTC axis (Date.UTC of the local fields). */
export function wallClockOf(t: number, timeZone: string, clock: WallClock = intlWallClock): number {
  return clock(t, timeZone);
}

/** The zone's offset from UTC at instant `t`, in ms. */
export function offsetAt(t: number, timeZone: string, clock: WallClock = intlWallClock): number {
  return clock(t, timeZone) - t;
}

/**
 * The first instant at which the local clock shows `local` (wall-clock ms on a
 * UTC axis) or later: a time repeated when clocks fall back takes its first
 * pass; a time skipped when they spring forward becomes the instant of the
 * jump. Assumes at most one offset change within a day either side, which
 * holds for every zone in the tz database.
 */
export function firstInstantAtOrAfter(
  local: number,
  timeZone: string,
  clock: WallClock = intlWallClock,
): number {
  const before = offsetAt(local - DAY, timeZone, clock);
  const after = offsetAt(local + DAY, timeZone, clock);
  const early = local - Math.max(before, after);
  const late = local - Math.min(before, after);
  if (clock(early, timeZone) === local) return early;
  if (clock(late, timeZone) === local) return late;
  // A skipped time: find the instant of the jump, to the second.
  let lo = Math.floor((local - Math.max(before, after)) / SECOND);
  let hi = Math.ceil((local - Math.min(before, after)) / SECOND);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (clock(mid * SECOND, timeZone) >= local) hi = mid;
    else lo = mid;
  }
  return hi * SECOND;
}

/**
 * The instant at which the wall clock shows `date` `time` (`YYYY-MM-DD`,
 * `HH:MM`), like Temporal's "compatible" disambiguation: a repeated time takes
 * its first occurrence; a skipped time moves forward by the gap (02:30 on a
 * 02:00→03:00 night is 03:30), so a meeting keeps its length.
 */
export function zonedInstant(
  date: string,
  time: string,
  timeZone: string,
  clock: WallClock = intlWallClock,
): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const before = offsetAt(wall - DAY, timeZone, clock);
  const after = offsetAt(wall + DAY, timeZone, clock);
  for (const t of [wall - Math.max(before, after), wall - Math.min(before, after)]) {
    if (clock(t, timeZone) === wall) return new Date(t);
  }
  return new Date(wall - before);
}

/** The local date (`YYYY-MM-DD`) at instant `t`. */
export function localDateOf(t: Date, timeZone: string, clock: WallClock = intlWallClock): string {
  return new Date(clock(t.getTime(), timeZone)).toISOString().slice(0, 10);
}

/** The first instant of local date `iso`: its midnight, or the clock's jump where midnight is skipped. */
export function startOfLocalDay(iso: string, timeZone: string, clock: WallClock = intlWallClock): Date {
  return new Date(firstInstantAtOrAfter(Date.parse(`${iso}T00:00:00Z`), timeZone, clock));
}

/** `YYYY-MM-DD` plus `days` calendar days (local dates, no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
