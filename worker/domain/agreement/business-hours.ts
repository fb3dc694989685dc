import { WEEKDAYS, type Weekday } from './constants';
import { type DayHours, minutesOf, type WeekHours } from './schema';

/** An opening interval in minutes since local midnight; `close` may be 1440 (24:00). */
export interface OpeningInterval {
  open: number;
  close: number;
}

/** One day's opening hours as sorted minute intervals (a closed day: none), whatever form it was written in. */
export function dayIntervals(hours: DayHours | undefined): OpeningInterval[] {
  const list = hours === null || hours === undefined ? [] : Array.isArray(hours) ? hours : [hours];
  return list
    .map((h) => ({ open: minutesOf(h.open), close: minutesOf(h.close) }))
    .sort((a, b) => a.open - b.open);
}

/**
 * The week's opening hours as sorted minute intervals per weekday (closed days
 * are empty), whatever form each day was written in: `null`, `[]`, one
 * `{ open, close }` or a split list. The SLA clock reads this instead of the
 * raw section.
 */
export function openingIntervals(hours: WeekHours): Record<Weekday, OpeningInterval[]> {
  const out = {} as Record<Weekday, OpeningInterval[]>;
  for (const day of WEEKDAYS) out[day] = dayIntervals(hours[day]);
  return out;
}
