import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessHours,
  type BusinessCalendar,
  businessHoursBetween,
  type DayHours,
  isWithinBusinessHours,
  NoBusinessTimeError,
  nextOpening,
  WEEKDAYS,
} from '../../worker/domain/business-time';
import { InvalidError } from '../../worker/domain/errors';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

function week(
  weekday: DayHours,
  overrides: Partial<Record<(typeof WEEKDAYS)[number], DayHours>> = {},
): BusinessCalendar['businessHours'] {
  return {
    mon: weekday,
    tue: weekday,
    wed: weekday,
    thu: weekday,
    fri: weekday,
    sat: null,
    sun: null,
    ...overrides,
  };
}

const NINE_TO_FIVE = { open: '09:00', close: '17:00' };

/** Polish public holidays that fall in the tests' range (24 December is one since 2025). */
const PL_HOLIDAYS = [
  '2026-01-01',
  '2026-01-06',
  '2026-04-05',
  '2026-04-06',
  '2026-05-01',
  '2026-05-03',
  '2026-06-04',
  '2026-08-15',
  '2026-11-01',
  '2026-11-11',
  '2026-12-24',
  '2026-12-25',
  '2026-12-26',
  '2027-01-01',
  '2027-01-06',
];

const WARSAW: BusinessCalendar = {
  timezone: 'Europe/Warsaw',
  businessHours: week(NINE_TO_FIVE),
  holidays: PL_HOLIDAYS,
};
const NEW_YORK: BusinessCalendar = {
  timezone: 'America/New_York',
  businessHours: week(NINE_TO_FIVE),
  holidays: ['2026-11-26', '2026-12-25'],
};
/** Lunch break every day, and short Fridays. */
const SPLIT: BusinessCalendar = {
  timezone: 'Europe/Warsaw',
  businessHours: week(
    [
      { open: '09:00', close: '12:00' },
      { open: '13:00', close: '17:00' },
    ],
    { fri: { open: '09:00', close: '14:00' } },
  ),
  holidays: [],
};
const KOLKATA: BusinessCalendar = {
  timezone: 'Asia/Kolkata',
  businessHours: week({ open: '09:30', close: '18:00' }),
  holidays: ['2026-10-02'],
};

function sundayOnly(timezone: string, sun: DayHours): BusinessCalendar {
  return { timezone, businessHours: week(null, { sun }), holidays: [] };
}

describe('isWithinBusinessHours and nextOpening', () => {
  it('should count the opening instant in and the closing instant out', () => {
    expect(isWithinBusinessHours(at('2026-06-10T09:00:00+02:00'), WARSAW)).toBe(true);
    expect(isWithinBusinessHours(at('2026-06-10T08:59:59.999+02:00'), WARSAW)).toBe(false);
    expect(isWithinBusinessHours(at('2026-06-10T16:59:59.999+02:00'), WARSAW)).toBe(true);
    expect(isWithinBusinessHours(at('2026-06-10T17:00:00+02:00'), WARSAW)).toBe(false);
  });

  it('should start the clock at the arrival when it arrives within hours', () => {
    expect(iso(nextOpening(at('2026-06-10T11:17:00+02:00'), WARSAW))).toBe(
      iso(at('2026-06-10T11:17:00+02:00')),
    );
  });

  it.each([
    ['before opening', '2026-06-10T07:12:00+02:00', '2026-06-10T09:00:00+02:00'],
    ['exactly at the close', '2026-06-10T17:00:00+02:00', '2026-06-11T09:00:00+02:00'],
    ['on Friday evening', '2026-06-12T18:30:00+02:00', '2026-06-15T09:00:00+02:00'],
    ['on Saturday', '2026-06-13T14:00:00+02:00', '2026-06-15T09:00:00+02:00'],
    ['on a holiday (Easter Monday)', '2026-04-06T10:00:00+02:00', '2026-04-07T09:00:00+02:00'],
    ['before a long weekend (Christmas)', '2026-12-23T17:30:00+01:00', '2026-12-28T09:00:00+01:00'],
  ])('should start the clock at the next opening for an arrival %s', (_, arrival, opening) => {
    expect(iso(nextOpening(at(arrival), WARSAW))).toBe(iso(at(opening)));
    expect(isWithinBusinessHours(at(arrival), WARSAW)).toBe(false);
  });

  it('should wait out a lunch break in split hours', () => {
    expect(isWithinBusinessHours(at('2026-06-10T12:30:00+02:00'), SPLIT)).toBe(false);
    expect(iso(nextOpening(at('2026-06-10T12:30:00+02:00'), SPLIT))).toBe(
      iso(at('2026-06-10T13:00:00+02:00')),
    );
  });

  it('should read opening hours in Kolkata at its half-hour offset', () => {
    expect(isWithinBusinessHours(at('2026-06-10T04:00:00Z'), KOLKATA)).toBe(true); // 09:30 IST
    expect(isWithinBusinessHours(at('2026-06-10T03:59:59Z'), KOLKATA)).toBe(false);
    expect(isWithinBusinessHours(at('2026-06-10T12:29:59Z'), KOLKATA)).toBe(true); // 17:59:59 IST
    expect(iso(nextOpening(at('2026-06-10T12:30:00Z'), KOLKATA))).toBe('2026-06-11T04:00:00.000Z');
  });

  it('should open at the jump when the opening time is skipped by the clocks springing forward', () => {
    // 02:30 does not exist on these nights: the clock goes from 02:00 straight to 03:00.
    const warsaw = sundayOnly('Europe/Warsaw', { open: '02:30', close: '05:00' });
    expect(iso(nextOpening(at('2026-03-28T12:00:00Z'), warsaw))).toBe(iso(at('2026-03-29T03:00:00+02:00')));
    const newYork = sundayOnly('America/New_York', { open: '02:30', close: '05:00' });
    expect(iso(nextOpening(at('2026-03-07T12:00:00Z'), newYork))).toBe(iso(at('2026-03-08T03:00:00-04:00')));
  });

  it('should open at the first occurrence of a time repeated by the clocks falling back', () => {
    const warsaw = sundayOnly('Europe/Warsaw', { open: '02:30', close: '05:00' });
    expect(iso(nextOpening(at('2026-10-24T12:00:00Z'), warsaw))).toBe(iso(at('2026-10-25T02:30:00+02:00')));
    expect(businessHoursBetween(at('2026-10-24T12:00:00Z'), at('2026-10-26T00:00:00Z'), warsaw)).toBe(3.5);
  });
});

describe('addBusinessHours', () => {
  it.each([
    ['within the same day', '2026-06-10T10:00:00+02:00', 1, '2026-06-10T11:00:00+02:00'],
    [
      'exactly to the close, not to the next opening',
      '2026-06-10T16:00:00+02:00',
      1,
      '2026-06-10T17:00:00+02:00',
    ],
    ['over the night', '2026-06-10T16:00:00+02:00', 2, '2026-06-11T10:00:00+02:00'],
    ['over the weekend', '2026-06-12T16:00:00+02:00', 2, '2026-06-15T10:00:00+02:00'],
    [
      'over several days (24 h = three working days)',
      '2026-06-08T10:00:00+02:00',
      24,
      '2026-06-11T10:00:00+02:00',
    ],
    ['from a Saturday arrival', '2026-06-13T14:00:00+02:00', 1, '2026-06-15T10:00:00+02:00'],
    ['from an early-morning arrival', '2026-06-10T07:00:00+02:00', 1, '2026-06-10T10:00:00+02:00'],
    ['from an arrival exactly at the close', '2026-06-10T17:00:00+02:00', 1, '2026-06-11T10:00:00+02:00'],
    ['in fractions of an hour', '2026-06-10T16:45:00+02:00', 0.5, '2026-06-11T09:15:00+02:00'],
    [
      'over Christmas (24th and 25th are holidays)',
      '2026-12-23T16:00:00+01:00',
      2,
      '2026-12-28T10:00:00+01:00',
    ],
    ['over Corpus Christi and a weekend', '2026-06-03T16:00:00+02:00', 2, '2026-06-05T10:00:00+02:00'],
  ])('should add business hours %s', (_, start, hours, due) => {
    expect(iso(addBusinessHours(at(start), hours, WARSAW))).toBe(iso(at(due)));
  });

  it('should move a zero-hour deadline to the next business instant but keep one resting on a close', () => {
    expect(iso(addBusinessHours(at('2026-06-13T14:00:00+02:00'), 0, WARSAW))).toBe(
      iso(at('2026-06-15T09:00:00+02:00')),
    );
    expect(iso(addBusinessHours(at('2026-06-10T17:00:00+02:00'), 0, WARSAW))).toBe(
      iso(at('2026-06-10T17:00:00+02:00')),
    );
    expect(iso(addBusinessHours(at('2026-06-10T11:00:00+02:00'), 0, WARSAW))).toBe(
      iso(at('2026-06-10T11:00:00+02:00')),
    );
  });

  it.each([
    ['skip the lunch break', '2026-06-10T11:30:00+02:00', 1, '2026-06-10T13:30:00+02:00'],
    ['rest on the lunch close', '2026-06-10T11:30:00+02:00', 0.5, '2026-06-10T12:00:00+02:00'],
    ['honour a short Friday', '2026-06-12T13:30:00+02:00', 1, '2026-06-15T09:30:00+02:00'],
    ['count a whole split day as 7 hours', '2026-06-10T09:00:00+02:00', 7, '2026-06-10T17:00:00+02:00'],
  ])('should %s with split hours', (_, start, hours, due) => {
    expect(iso(addBusinessHours(at(start), hours, SPLIT))).toBe(iso(at(due)));
  });

  it.each([
    [
      'Europe/Warsaw, clocks forward on 2026-03-29',
      WARSAW,
      '2026-03-27T16:00:00+01:00',
      '2026-03-30T10:00:00+02:00',
    ],
    [
      'Europe/Warsaw, clocks back on 2026-10-25',
      WARSAW,
      '2026-10-23T16:00:00+02:00',
      '2026-10-26T10:00:00+01:00',
    ],
    [
      'America/New_York, clocks forward on 2026-03-08',
      NEW_YORK,
      '2026-03-06T16:00:00-05:00',
      '2026-03-09T10:00:00-04:00',
    ],
    [
      'America/New_York, clocks back on 2026-11-01',
      NEW_YORK,
      '2026-10-30T16:00:00-04:00',
      '2026-11-02T10:00:00-05:00',
    ],
  ])('should keep local opening hours across a DST weekend in %s', (_, calendar, start, due) => {
    expect(iso(addBusinessHours(at(start), 2, calendar))).toBe(iso(at(due)));
    expect(businessHoursBetween(at(start), at(due), calendar)).toBe(2);
  });

  it('should count real hours on a night when the clocks change', () => {
    // Open 01:00–04:00 on Sundays: 2 real hours on the short night, 4 on the long one.
    const warsaw = sundayOnly('Europe/Warsaw', { open: '01:00', close: '04:00' });
    expect(businessHoursBetween(at('2026-03-28T12:00:00Z'), at('2026-03-30T00:00:00Z'), warsaw)).toBe(2);
    expect(businessHoursBetween(at('2026-10-24T12:00:00Z'), at('2026-10-26T00:00:00Z'), warsaw)).toBe(4);
    expect(iso(addBusinessHours(at('2026-03-29T01:00:00+01:00'), 1.5, warsaw))).toBe(
      iso(at('2026-03-29T03:30:00+02:00')),
    );
    expect(iso(addBusinessHours(at('2026-03-29T01:00:00+01:00'), 2.5, warsaw))).toBe(
      iso(at('2026-04-05T01:30:00+02:00')),
    );
    expect(iso(addBusinessHours(at('2026-10-25T01:00:00+02:00'), 3, warsaw))).toBe(
      iso(at('2026-10-25T03:00:00+01:00')),
    );
  });

  it.each([
    ['Europe/Warsaw', '2026-03-28T12:00:00Z', 23, '2026-10-24T12:00:00Z', 25],
    ['America/New_York', '2026-03-07T12:00:00Z', 23, '2026-10-31T12:00:00Z', 25],
  ])(
    'should give a round-the-clock Sunday in %s its real length',
    (timezone, spring, short, autumn, long) => {
      const calendar = sundayOnly(timezone, { open: '00:00', close: '24:00' });
      const twoDaysFrom = (t: string) => new Date(at(t).getTime() + 2 * DAY);
      expect(businessHoursBetween(at(spring), twoDaysFrom(spring), calendar)).toBe(short);
      expect(businessHoursBetween(at(autumn), twoDaysFrom(autumn), calendar)).toBe(long);
    },
  );

  it('should add business hours in Kolkata (UTC+05:30)', () => {
    // Friday 17:30 IST plus one hour: half an hour on Friday, half an hour from Monday's 09:30 opening.
    expect(iso(addBusinessHours(at('2026-06-05T12:00:00Z'), 1, KOLKATA))).toBe('2026-06-08T04:30:00.000Z');
    // Thursday 17:30 IST, then Gandhi Jayanti (Friday 2 October) is skipped.
    expect(iso(addBusinessHours(at('2026-10-01T12:00:00Z'), 1, KOLKATA))).toBe('2026-10-05T04:30:00.000Z');
  });

  it('should skip days with no hours at all', () => {
    const wednesdays: BusinessCalendar = {
      timezone: 'Europe/Warsaw',
      businessHours: week(null, { wed: NINE_TO_FIVE }),
    };
    expect(iso(addBusinessHours(at('2026-06-11T10:00:00+02:00'), 3, wednesdays))).toBe(
      iso(at('2026-06-17T12:00:00+02:00')),
    );
    const emptyList: BusinessCalendar = { ...wednesdays, businessHours: week([], { wed: NINE_TO_FIVE }) };
    expect(iso(addBusinessHours(at('2026-06-11T10:00:00+02:00'), 3, emptyList))).toBe(
      iso(at('2026-06-17T12:00:00+02:00')),
    );
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['to the same time two days later', '2026-06-08T10:00:00+02:00', 2, '2026-06-10T10:00:00+02:00'],
    ['over a weekend', '2026-06-12T10:00:00+02:00', 1, '2026-06-15T10:00:00+02:00'],
    ['over a holiday', '2026-04-02T10:00:00+02:00', 2, '2026-04-07T10:00:00+02:00'],
    [
      'from a Saturday arrival, counting from the Monday opening',
      '2026-06-13T14:00:00+02:00',
      1,
      '2026-06-16T09:00:00+02:00',
    ],
    ['from an arrival after the close', '2026-06-08T18:00:00+02:00', 1, '2026-06-10T09:00:00+02:00'],
    ['from an arrival exactly at the close', '2026-06-08T17:00:00+02:00', 1, '2026-06-10T09:00:00+02:00'],
    ['zero days as the clock start', '2026-06-13T14:00:00+02:00', 0, '2026-06-15T09:00:00+02:00'],
    ['across the clocks going forward', '2026-03-27T10:00:00+01:00', 1, '2026-03-30T10:00:00+02:00'],
    ['across the clocks going back', '2026-10-23T10:00:00+02:00', 1, '2026-10-26T10:00:00+01:00'],
    // 22, 23, 28, 29, 30, 31 Dec, 4, 5, 7, 8 Jan: 24–26 Dec, 1 and 6 Jan are holidays.
    ['ten days over Christmas and New Year', '2026-12-21T10:00:00+01:00', 10, '2027-01-08T10:00:00+01:00'],
  ])('should add business days %s', (_, start, days, due) => {
    expect(iso(addBusinessDays(at(start), days, WARSAW))).toBe(iso(at(due)));
  });

  it('should keep the local time of day across DST in New York', () => {
    expect(iso(addBusinessDays(at('2026-03-06T15:00:00-05:00'), 1, NEW_YORK))).toBe(
      iso(at('2026-03-09T15:00:00-04:00')),
    );
    expect(iso(addBusinessDays(at('2026-10-30T15:00:00-04:00'), 1, NEW_YORK))).toBe(
      iso(at('2026-11-02T15:00:00-05:00')),
    );
  });

  it('should clamp to the last close of a shorter target day rather than spill into the next', () => {
    expect(iso(addBusinessDays(at('2026-06-11T16:30:00+02:00'), 1, SPLIT))).toBe(
      iso(at('2026-06-12T14:00:00+02:00')),
    );
  });

  it('should move a time of day in the target day’s break or before its opening to its next opening', () => {
    const calendar: BusinessCalendar = {
      timezone: 'Europe/Warsaw',
      businessHours: week(NINE_TO_FIVE, {
        tue: [
          { open: '09:00', close: '12:00' },
          { open: '13:00', close: '17:00' },
        ],
        wed: { open: '10:00', close: '17:00' },
      }),
    };
    expect(iso(addBusinessDays(at('2026-06-08T12:30:00+02:00'), 1, calendar))).toBe(
      iso(at('2026-06-09T13:00:00+02:00')),
    );
    expect(iso(addBusinessDays(at('2026-06-09T09:30:00+02:00'), 1, calendar))).toBe(
      iso(at('2026-06-10T10:00:00+02:00')),
    );
  });

  it('should treat an arrival in the hour repeated when clocks fall back as arriving at its end', () => {
    const allWeek: BusinessCalendar = {
      timezone: 'Europe/Warsaw',
      businessHours: week(
        { open: '00:00', close: '24:00' },
        { sat: { open: '00:00', close: '24:00' }, sun: { open: '00:00', close: '24:00' } },
      ),
    };
    // 02:15 happens twice on 2026-10-25; the second time, 03:00 has already been shown once.
    expect(iso(addBusinessDays(at('2026-10-25T02:15:00+02:00'), 1, allWeek))).toBe(
      iso(at('2026-10-26T02:15:00+01:00')),
    );
    expect(iso(addBusinessDays(at('2026-10-25T02:15:00+01:00'), 1, allWeek))).toBe(
      iso(at('2026-10-26T03:00:00+01:00')),
    );
  });

  it('should count business days in Kolkata', () => {
    // Friday 10:00 IST + 1 business day = Monday 10:00 IST.
    expect(iso(addBusinessDays(at('2026-06-05T04:30:00Z'), 1, KOLKATA))).toBe('2026-06-08T04:30:00.000Z');
  });
});

describe('businessHoursBetween', () => {
  it.each([
    [
      'a Friday afternoon to Monday morning',
      '2026-06-12T16:00:00+02:00',
      '2026-06-15T10:00:00+02:00',
      WARSAW,
      2,
    ],
    ['across the Warsaw DST weekend', '2026-03-27T16:00:00+01:00', '2026-03-30T10:00:00+02:00', WARSAW, 2],
    ['a whole holiday', '2026-11-11T00:00:00+01:00', '2026-11-12T00:00:00+01:00', WARSAW, 0],
    ['a span outside hours', '2026-06-10T17:00:00+02:00', '2026-06-11T09:00:00+02:00', WARSAW, 0],
    ['a split day around lunch', '2026-06-10T11:00:00+02:00', '2026-06-10T14:00:00+02:00', SPLIT, 2],
    // 261 weekdays in 2026, 8 of them Polish holidays: 253 × 8 h.
    ['the whole of 2026 in Warsaw', '2026-01-01T00:00:00+01:00', '2027-01-01T00:00:00+01:00', WARSAW, 2024],
    ['a week in Kolkata', '2026-06-08T00:00:00+05:30', '2026-06-15T00:00:00+05:30', KOLKATA, 42.5],
  ])('should measure %s', (_, a, b, calendar, hours) => {
    expect(businessHoursBetween(at(a), at(b), calendar)).toBe(hours);
  });

  it('should be zero for an empty span and negative for a reversed one', () => {
    const a = at('2026-06-10T10:00:00+02:00');
    expect(businessHoursBetween(a, a, WARSAW)).toBe(0);
    expect(businessHoursBetween(at('2026-06-11T10:00:00+02:00'), a, WARSAW)).toBe(-8);
  });
});

describe('guards', () => {
  const closed: BusinessCalendar = { timezone: 'Europe/Warsaw', businessHours: week(null), holidays: [] };

  it.each([
    ['addBusinessHours', () => addBusinessHours(at('2026-06-10T10:00:00Z'), 1, closed)],
    ['addBusinessDays', () => addBusinessDays(at('2026-06-10T10:00:00Z'), 1, closed)],
    ['nextOpening', () => nextOpening(at('2026-06-10T10:00:00Z'), closed)],
    [
      'businessHoursBetween',
      () => businessHoursBetween(at('2026-06-10T10:00:00Z'), at('2026-06-11T10:00:00Z'), closed),
    ],
    ['isWithinBusinessHours', () => isWithinBusinessHours(at('2026-06-10T10:00:00Z'), closed)],
  ])('should refuse a calendar with no business hours at all in %s', (_, run) => {
    expect(run).toThrow(NoBusinessTimeError);
    expect(run).toThrow(/no business hours on any day/);
  });

  it('should stop, not loop, when holidays cover every open day for a decade', () => {
    const holidays: string[] = [];
    for (let day = Date.UTC(2026, 5, 3); day < Date.UTC(2037, 0, 1); day += 7 * DAY) {
      holidays.push(new Date(day).toISOString().slice(0, 10)); // every Wednesday
    }
    const calendar: BusinessCalendar = {
      timezone: 'Europe/Warsaw',
      businessHours: week(null, { wed: NINE_TO_FIVE }),
      holidays,
    };
    expect(() => addBusinessHours(at('2026-06-01T10:00:00Z'), 1, calendar)).toThrow(NoBusinessTimeError);
    expect(() => addBusinessDays(at('2026-06-01T10:00:00Z'), 1, calendar)).toThrow(NoBusinessTimeError);
  });

  it.each([
    ['timezone', { ...WARSAW, timezone: 'Mars/Olympus' }],
    [
      'businessHours.mon.close',
      { ...WARSAW, businessHours: week(NINE_TO_FIVE, { mon: { open: '17:00', close: '09:00' } }) },
    ],
    [
      'businessHours.mon.open',
      { ...WARSAW, businessHours: week(NINE_TO_FIVE, { mon: { open: '9:00', close: '17:00' } }) },
    ],
    [
      'businessHours.tue[1]',
      {
        ...WARSAW,
        businessHours: week(NINE_TO_FIVE, {
          tue: [
            { open: '09:00', close: '13:00' },
            { open: '12:00', close: '17:00' },
          ],
        }),
      },
    ],
    ['holidays[0]', { ...WARSAW, holidays: ['2026-02-30'] }],
  ])('should refuse an invalid calendar naming %s', (path, calendar) => {
    let error: unknown;
    try {
      addBusinessHours(at('2026-06-10T10:00:00Z'), 1, calendar);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).issues.map((i) => i.path)).toContain(path);
  });

  it.each([
    ['hours', () => addBusinessHours(at('2026-06-10T10:00:00Z'), -1, WARSAW)],
    ['hours', () => addBusinessHours(at('2026-06-10T10:00:00Z'), Number.NaN, WARSAW)],
    ['hours', () => addBusinessHours(at('2026-06-10T10:00:00Z'), Number.POSITIVE_INFINITY, WARSAW)],
    ['days', () => addBusinessDays(at('2026-06-10T10:00:00Z'), 1.5, WARSAW)],
    ['days', () => addBusinessDays(at('2026-06-10T10:00:00Z'), -2, WARSAW)],
    ['start', () => addBusinessHours(new Date('not a date'), 1, WARSAW)],
  ])('should refuse bad %s', (path, run) => {
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).issues[0]?.path).toBe(path);
  });

  it('should accept the whole agreement sla section as a calendar', () => {
    const sla = {
      ...WARSAW,
      firstTouchHours: { perfect: 1, engaged: 4, fit: 8, low: 24 },
      minAttempts: 3,
      decisionDays: 10,
    };
    expect(iso(addBusinessHours(at('2026-06-10T16:00:00+02:00'), 1, sla))).toBe(
      iso(at('2026-06-10T17:00:00+02:00')),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Properties, over random calendars in zones with DST, half- and quarter-hour offsets and
// midnight transitions. Boundaries are on the quarter hour, like every offset in these zones.

const ZONES = [
  'Europe/Warsaw',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'America/Santiago',
  'America/St_Johns',
  'Pacific/Chatham',
  'UTC',
];
const QUARTER = 15 * 60_000;
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2027, 0, 1);

function clock(quarters: number): string {
  return `${String(Math.floor(quarters / 4)).padStart(2, '0')}:${String((quarters % 4) * 15).padStart(2, '0')}`;
}

/** A day: closed, or up to three intervals of at least `minQuarters` quarter hours. */
function dayHours(minQuarters: number): fc.Arbitrary<DayHours> {
  return fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 6 }).map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const intervals: { open: string; close: string }[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      const open = sorted[i] ?? 0;
      const close = sorted[i + 1] ?? 0;
      if (close - open >= minQuarters) intervals.push({ open: clock(open), close: clock(close) });
    }
    return intervals.length === 0 ? null : intervals.length === 1 ? (intervals[0] ?? null) : intervals;
  });
}

function calendarArb(minQuarters = 1): fc.Arbitrary<BusinessCalendar> {
  const day = dayHours(minQuarters);
  return fc
    .record({
      timezone: fc.constantFrom(...ZONES),
      businessHours: fc.record({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }),
      holidays: fc.uniqueArray(
        fc
          .integer({ min: FROM / DAY - 10, max: TO / DAY + 60 })
          .map((d) => new Date(d * DAY).toISOString().slice(0, 10)),
        { maxLength: 30 },
      ),
    })
    .filter((c) => WEEKDAYS.some((d) => c.businessHours[d] !== null));
}

const TRANSITIONS = new Map<string, number[]>();

/** Hours of 2026 in which the zone's offset changes, found by reading its offset hour by hour. */
function transitionsOf(timezone: string): number[] {
  const cached = TRANSITIONS.get(timezone);
  if (cached) return cached;
  const format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' });
  const offset = (t: number) => format.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value;
  const found: number[] = [];
  for (let t = FROM; t < TO; t += HOUR) if (offset(t) !== offset(t + HOUR)) found.push(t);
  TRANSITIONS.set(timezone, found);
  return found;
}

/** Instants anywhere in 2026, or (half the time) within a day and a half of one of the zone's DST changes. */
function instantIn(timezone: string, aligned: boolean): fc.Arbitrary<Date> {
  const transitions = transitionsOf(timezone);
  const anywhere = fc.integer({ min: FROM, max: TO });
  const near =
    transitions.length === 0
      ? anywhere
      : fc.constantFrom(...transitions).chain((t) => fc.integer({ min: t - 36 * HOUR, max: t + 36 * HOUR }));
  return fc.oneof(anywhere, near).map((t) => new Date(aligned ? Math.round(t / QUARTER) * QUARTER : t));
}

/** A random calendar with `count` instants suited to its zone. */
function scenario(count: number, options: { minQuarters?: number; aligned?: boolean } = {}) {
  return calendarArb(options.minQuarters).chain((calendar) =>
    fc.tuple(
      fc.constant(calendar),
      fc.array(instantIn(calendar.timezone, options.aligned ?? false), {
        minLength: count,
        maxLength: count,
      }),
    ),
  );
}

function pick(times: Date[], i: number): Date {
  const t = times[i];
  if (!t) throw new Error(`scenario has no instant ${i}`);
  return t;
}
/** Whole minutes, so sums of hours stay exact in milliseconds. */
const hours = fc.integer({ min: 0, max: 120 * 60 }).map((m) => m / 60);

/** Within hours, or exactly on a close (the instant just before is within). */
function inClosedHours(t: Date, calendar: BusinessCalendar): boolean {
  return isWithinBusinessHours(t, calendar) || isWithinBusinessHours(new Date(t.getTime() - 1), calendar);
}

describe('business time properties', () => {
  it('should land deadlines within business hours or exactly on a close, never before the start', () => {
    fc.assert(
      fc.property(scenario(1), hours, ([calendar, times], h) => {
        const t = pick(times, 0);
        const due = addBusinessHours(t, h, calendar);
        expect(due.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(inClosedHours(due, calendar)).toBe(true);
      }),
    );
  });

  it('should measure back exactly the hours added', () => {
    fc.assert(
      fc.property(scenario(1), hours, ([calendar, times], h) => {
        const t = pick(times, 0);
        expect(businessHoursBetween(t, addBusinessHours(t, h, calendar), calendar)).toBe(h);
      }),
    );
  });

  it('should add additively: add(add(t, a), b) = add(t, a + b)', () => {
    fc.assert(
      fc.property(scenario(1), hours, hours, ([calendar, times], a, b) => {
        const t = pick(times, 0);
        expect(iso(addBusinessHours(addBusinessHours(t, a, calendar), b, calendar))).toBe(
          iso(addBusinessHours(t, a + b, calendar)),
        );
      }),
    );
  });

  it('should add monotonically in the start and in the hours', () => {
    fc.assert(
      fc.property(scenario(2), hours, hours, ([calendar, times], a, b) => {
        const [t1, t2] = [pick(times, 0), pick(times, 1)];
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const [less, more] = a <= b ? [a, b] : [b, a];
        expect(addBusinessHours(early, less, calendar).getTime()).toBeLessThanOrEqual(
          addBusinessHours(late, less, calendar).getTime(),
        );
        expect(addBusinessHours(early, less, calendar).getTime()).toBeLessThanOrEqual(
          addBusinessHours(early, more, calendar).getTime(),
        );
      }),
    );
  });

  it('should measure additively over a split point and antisymmetrically', () => {
    fc.assert(
      fc.property(scenario(3), ([calendar, times]) => {
        const [a, b, c] = [...times].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const ms = (p: Date, q: Date) => Math.round(businessHoursBetween(p, q, calendar) * HOUR);
        expect(ms(a, b) + ms(b, c)).toBe(ms(a, c));
        expect(businessHoursBetween(c, a, calendar) + businessHoursBetween(a, c, calendar)).toBe(0);
      }),
    );
  });

  it('should open at or after the arrival, with no business time in between', () => {
    fc.assert(
      fc.property(scenario(1), ([calendar, times]) => {
        const t = pick(times, 0);
        const opening = nextOpening(t, calendar);
        expect(opening.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(isWithinBusinessHours(opening, calendar)).toBe(true);
        expect(businessHoursBetween(t, opening, calendar)).toBe(0);
        if (isWithinBusinessHours(t, calendar)) expect(opening.getTime()).toBe(t.getTime());
      }),
    );
  });

  it('should agree with a wall-clock reading away from DST changes', () => {
    const read = (timezone: string, t: Date) => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', {
          timeZone: timezone,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
          weekday: 'short',
          timeZoneName: 'longOffset',
        })
          .formatToParts(t)
          .map((p) => [p.type, p.value]),
      );
      return parts as Record<
        'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'weekday' | 'timeZoneName',
        string
      >;
    };
    fc.assert(
      fc.property(scenario(1), ([calendar, times]) => {
        const t = pick(times, 0);
        const now = read(calendar.timezone, t);
        const before = read(calendar.timezone, new Date(t.getTime() - DAY)).timeZoneName;
        const after = read(calendar.timezone, new Date(t.getTime() + DAY)).timeZoneName;
        fc.pre(before === now.timeZoneName && after === now.timeZoneName);
        const date = `${now.year}-${now.month}-${now.day}`;
        const weekday = now.weekday.toLowerCase().slice(0, 3) as (typeof WEEKDAYS)[number];
        const seconds = Number(now.hour) * 3600 + Number(now.minute) * 60 + Number(now.second);
        const spec = calendar.businessHours[weekday];
        const intervals = spec === null || spec === undefined ? [] : Array.isArray(spec) ? spec : [spec];
        const toSeconds = (c: string) => Number(c.slice(0, 2)) * 3600 + Number(c.slice(3)) * 60;
        const expected =
          !(calendar.holidays ?? []).includes(date) &&
          intervals.some((i) => toSeconds(i.open) <= seconds && seconds < toSeconds(i.close));
        expect(isWithinBusinessHours(t, calendar)).toBe(expected);
      }),
    );
  });

  it('should measure the same as counting open quarter hours one by one', () => {
    fc.assert(
      fc.property(
        scenario(1, { aligned: true }),
        fc.integer({ min: 0, max: 4 * 24 * 3 }),
        ([calendar, times], quarters) => {
          const a = pick(times, 0);
          const b = new Date(a.getTime() + quarters * QUARTER);
          let open = 0;
          for (let q = 0; q < quarters; q++) {
            if (isWithinBusinessHours(new Date(a.getTime() + q * QUARTER), calendar)) open += 1;
          }
          expect(businessHoursBetween(a, b, calendar)).toBe(open / 4);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('should add business days onto a business day, inside its hours, monotonically', () => {
    const localDate = (timezone: string, t: Date) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: timezone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(t);
    fc.assert(
      fc.property(
        scenario(2, { minQuarters: 5 }),
        fc.integer({ min: 0, max: 30 }),
        ([calendar, times], n) => {
          const [t1, t2] = [pick(times, 0), pick(times, 1)];
          const due = addBusinessDays(t1, n, calendar);
          expect(inClosedHours(due, calendar)).toBe(true);
          // Exactly n business days lie after the clock start's date, up to and including the due date.
          const dueDate = localDate(
            calendar.timezone,
            isWithinBusinessHours(due, calendar) ? due : new Date(due.getTime() - 1),
          );
          const startDate = localDate(calendar.timezone, nextOpening(t1, calendar));
          let count = 0;
          for (let d = Date.parse(startDate) + DAY; d <= Date.parse(dueDate); d += DAY) {
            const date = new Date(d).toISOString().slice(0, 10);
            const weekday = WEEKDAYS[(new Date(d).getUTCDay() + 6) % 7] ?? 'mon';
            if (calendar.businessHours[weekday] !== null && !(calendar.holidays ?? []).includes(date))
              count += 1;
          }
          expect(count).toBe(n);
          const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
          expect(addBusinessDays(early, n, calendar).getTime()).toBeLessThanOrEqual(
            addBusinessDays(late, n, calendar).getTime(),
          );
        },
      ),
    );
  });
});
