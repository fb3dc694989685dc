import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../../worker/domain/agreement/constants';
import { BusinessHours } from '../../worker/domain/agreement/schema';
import { addBusinessHours, type BusinessCalendar } from '../../worker/domain/business-time';
import { InvalidError } from '../../worker/domain/errors';

/**
 * One schema for opening hours: a week of business hours the agreement accepts
 * is one the SLA clock computes with, and a week the agreement refuses is one
 * the clock refuses too — over generated weeks, valid and not.
 */

/** Times near the edges that matter: valid clock times, 24:00, and a few that are not times at all. */
const time = fc.oneof(
  fc
    .record({ h: fc.integer({ min: 0, max: 23 }), m: fc.constantFrom(0, 15, 30, 45, 59) })
    .map(({ h, m }) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  fc.constantFrom('24:00', '00:00', '9:00', '25:00', '12:60', '', 'noon'),
);
const quarter = (q: number) =>
  q === 96
    ? '24:00'
    : `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
/** Mostly well-formed intervals (open before close), so valid weeks are common. */
const goodInterval = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 2 })
  .map(([x = 0, y = 1]) => ({ open: quarter(Math.min(x, y)), close: quarter(Math.max(x, y)) }));
const interval = fc.oneof(
  { weight: 12, arbitrary: goodInterval },
  { weight: 3, arbitrary: fc.record({ open: time, close: time }) },
  { weight: 1, arbitrary: fc.record({ open: time, close: time, note: fc.constant('lunch') }) },
  { weight: 1, arbitrary: fc.record({ open: time }) },
);
const day = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: interval },
  { weight: 4, arbitrary: fc.array(interval, { minLength: 0, maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, 'closed', 9) },
);
const week = fc
  .record({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day })
  .map((w) => Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined)));

/** The agreement's verdict on a week of hours. */
const agreementAccepts = (hours: unknown) => BusinessHours.safeParse(hours).success;

/** The clock's verdict: it computes a deadline with the week, or refuses it as invalid (never anything else). */
function clockAccepts(hours: unknown): boolean {
  const calendar = { timezone: 'Europe/Warsaw', businessHours: hours, holidays: [] } as BusinessCalendar;
  try {
    addBusinessHours(new Date('2026-06-10T10:00:00Z'), 1, calendar);
    return true;
  } catch (error) {
    if (error instanceof InvalidError) return false;
    throw error;
  }
}

describe('one schema for business hours, shared by the agreement and the SLA clock', () => {
  it('should give the same verdict in both on every generated week', () => {
    let accepted = 0;
    fc.assert(
      fc.property(week, (hours) => {
        const verdict = agreementAccepts(hours);
        if (verdict) accepted += 1;
        expect(clockAccepts(hours)).toBe(verdict);
      }),
      { numRuns: 2000 },
    );
    // Both kinds of week were really tried.
    expect(accepted).toBeGreaterThan(20);
    expect(accepted).toBeLessThan(2000);
  });

  it.each([
    [
      'a closed day as an empty list',
      { ...closedWeek(), mon: [], tue: { open: '09:00', close: '17:00' } },
      true,
    ],
    [
      'split hours that touch',
      {
        ...closedWeek(),
        mon: [
          { open: '13:00', close: '24:00' },
          { open: '08:00', close: '13:00' },
        ],
      },
      true,
    ],
    [
      'overlapping hours',
      {
        ...closedWeek(),
        mon: [
          { open: '09:00', close: '13:00' },
          { open: '12:00', close: '17:00' },
        ],
      },
      false,
    ],
    [
      'five intervals in a day',
      { ...closedWeek(), mon: [0, 2, 4, 6, 8].map((h) => ({ open: `1${h}:00`, close: `1${h}:30` })) },
      false,
    ],
    ['a close before the open', { ...closedWeek(), mon: { open: '17:00', close: '09:00' } }, false],
    [
      'an unknown field on an interval',
      { ...closedWeek(), mon: { open: '09:00', close: '17:00', lunch: true } },
      false,
    ],
    ['every day closed', closedWeek(), false],
  ])('should agree on %s', (_name, hours, expected) => {
    expect(agreementAccepts(hours)).toBe(expected);
    expect(clockAccepts(hours)).toBe(expected);
  });
});

function closedWeek(): Record<string, unknown> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, null]));
}
