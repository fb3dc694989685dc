import * as z from 'zod';
import { schemaText } from '../i18n';
import { addDays, localDateOf, startOfLocalDay } from '../zoned-time';

export { localDateOf, startOfLocalDay };

/**
 * Calendar periods in the workspace's time zone. Reports and plans speak in
 * local dates ("March 2026" in Warsaw); the ledger stores UTC instants, so every
 * boundary is turned into the instant at which that local day begins.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `2026` (a year), `2026-Q1` (a quarter) or `2026-03` (a month). */
export const PLAN_PERIOD_PATTERN = /^(20\d{2})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

export const PlanPeriodKey = z.string().regex(PLAN_PERIOD_PATTERN, {
  message: schemaText('reportPeriod'),
});

export type PeriodKind = 'year' | 'quarter' | 'month';

/** A span of local dates; `end` is its last day (inclusive). */
export interface DateSpan {
  start: string;
  end: string;
}

export interface PlanPeriod extends DateSpan {
  key: string;
  kind: PeriodKind;
}

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** The last day of `month` (1–12). */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The dates a period key covers. @throws Error for a key PlanPeriodKey refuses (validate first). */
export function planPeriodOf(key: string): PlanPeriod {
  const match = PLAN_PERIOD_PATTERN.exec(key);
  if (!match?.[1]) throw new Error(`not a period key: ${key}`);
  const year = Number(match[1]);
  if (match[2]) {
    const first = (Number(match[2]) - 1) * 3 + 1;
    return {
      key,
      kind: 'quarter',
      start: isoDate(year, first, 1),
      end: isoDate(year, first + 2, lastDay(year, first + 2)),
    };
  }
  if (match[3]) {
    const month = Number(match[3]);
    return {
      key,
      kind: 'month',
      start: isoDate(year, month, 1),
      end: isoDate(year, month, lastDay(year, month)),
    };
  }
  return { key, kind: 'year', start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
}

/** The day after `iso` (a local date). */
export function nextDate(iso: string): string {
  return addDays(iso, 1);
}

/** Whole days from `a` to `b` (local dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** A local date span as the half-open range of instants `[from, to)` it covers. */
export interface InstantRange {
  from: string;
  to: string;
}

export function instantRangeOf(span: DateSpan, timeZone: string): InstantRange {
  return {
    from: startOfLocalDay(span.start, timeZone).toISOString(),
    to: startOfLocalDay(nextDate(span.end), timeZone).toISOString(),
  };
}

export interface MonthBucket extends InstantRange {
  /** `YYYY-MM`. */
  month: string;
  /** The part of the month inside the span (local dates, inclusive). */
  start: string;
  end: string;
}

/** The calendar months a span touches, each clipped to the span, with its instants. */
export function monthBucketsOf(span: DateSpan, timeZone: string): MonthBucket[] {
  const out: MonthBucket[] = [];
  let start = span.start;
  while (start <= span.end) {
    const year = Number(start.slice(0, 4));
    const month = Number(start.slice(5, 7));
    const monthEnd = isoDate(year, month, lastDay(year, month));
    const end = monthEnd.localeCompare(span.end) < 0 ? monthEnd : span.end;
    out.push({ month: start.slice(0, 7), start, end, ...instantRangeOf({ start, end }, timeZone) });
    start = nextDate(end);
  }
  return out;
}

/** The local calendar month containing `now`. */
export function currentMonthOf(now: Date, timeZone: string): DateSpan {
  const today = localDateOf(now, timeZone);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return { start: isoDate(year, month, 1), end: isoDate(year, month, lastDay(year, month)) };
}
