import { WEEKDAYS, type Weekday } from './constants';
import { type BusinessHours, minutesOf } from './schema';

/** An opening interval in minutes since local midnight; `close` may be 1440 (24:00). */
export interface OpeningInterval {
  open: number;
  close: number;
}

/**
 * The week's opening hours as sorted minute intervals per weekday (closed days
 * are empty), whatever form each day was written in: `null`, one `{ open, close }`
 * or a split list. The SLA clock reads this instead of the raw section.
 */
export function openingIntervals(hours: BusinessHours): Record<Weekday, OpeningInterval[]> {
  const out = {} as Record<Weekday, OpeningInterval[]>;
  for (const day of WEEKDAYS) {
    const value = hours[day];
    const list = value === null ? [] : Array.isArray(value) ? value : [value];
    out[day] = list
      .map((h) => ({ open: minutesOf(h.open), close: minutesOf(h.close) }))
      .sort((a, b) => a.open - b.open);
  }
  return out;
}
