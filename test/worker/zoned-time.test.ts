import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { intlWallClock, readWallClock } from '../../worker/domain/zoned-time';

// Zones whose rules are odd: half-hour and 45-minute offsets, a 30-minute DST (Lord Howe), a two-hour DST
// (Troll), negative DST (Dublin), a skipped calendar day (Apia, 2011), Ramadan suspensions (Casablanca),
// and the local mean times of the 19th century, offsets in seconds.
const ZONES = [
  'Europe/Warsaw',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Antarctica/Troll',
  'Europe/Dublin',
  'Pacific/Apia',
  'Pacific/Chatham',
  'Africa/Casablanca',
  'UTC',
];
const HOUR = 3_600_000;

describe('intlWallClock', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('should read the same wall clock as Intl at any instant from 1880 to 2100, in every kind of zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1880, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (zone, t) => {
          expect(intlWallClock(t, zone)).toBe(readWallClock(t, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('should agree with Intl minute by minute around every offset change of 2026 and 2027', () => {
    let checked = 0;
    const offset = (t: number, zone: string) => readWallClock(t, zone) - t;
    for (const zone of ZONES) {
      for (let hour = Date.UTC(2026, 0, 1) / HOUR; hour < Date.UTC(2028, 0, 1) / HOUR; hour++) {
        const t = hour * HOUR;
        // Six hours at a time until the offset moves, then hour by hour.
        if (hour % 6 === 0 && offset(t, zone) === offset(t + 6 * HOUR, zone)) {
          hour += 5;
          continue;
        }
        if (offset(t, zone) === offset(t + HOUR, zone)) continue;
        // An hour with a change: every minute (and a second either side of each) from an hour before to an hour after.
        for (let m = t - HOUR; m <= t + 2 * HOUR; m += 60_000) {
          for (const at of [m - 1000, m, m + 1000]) {
            expect(intlWallClock(at, zone), `${zone} ${new Date(at).toISOString()}`).toBe(
              readWallClock(at, zone),
            );
            checked++;
          }
        }
      }
    }
    // Eight of the zones change twice a year (Casablanca's Ramadan too): over 20 hours with a change.
    expect(checked).toBeGreaterThan(20 * 3 * 180);
  });

  it('should read Intl about twice per hour of the clock, not once per reading', () => {
    const formatToParts = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const start = Date.UTC(2091, 4, 7, 10);
    for (let i = 0; i < 1000; i++) intlWallClock(start + i * 3_000, 'Asia/Kathmandu');
    // 1,000 readings over 50 minutes of one hour: its start and its end.
    expect(formatToParts).toHaveBeenCalledTimes(2);
  });
});
