import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../worker/domain/i18n';
import { csvDialect, reportCsv, toCsv } from '../../worker/domain/reports/csv';
import { otherCurrencies } from '../../worker/domain/reports/currency';
import { buildReport, quantile, type StageRow, timeToFirstTouch } from '../../worker/domain/reports/metrics';
import { monthBucketsOf } from '../../worker/domain/reports/period';
import {
  paceStatus,
  resolveRates,
  TEAM_RATE_MIN_FROM,
  TEAM_RATE_MIN_TO,
  teamRate,
} from '../../worker/domain/reports/plan';
import { ReportQuery, reportRangeOf } from '../../worker/domain/reports/query';
import { monthlyActuals, rangeStageCounts, stageActualsOf } from '../../worker/domain/reports/stage-actuals';

describe('quantile (as the sheet’s MEDIAN and PERCENTILE.INC)', () => {
  it.each([
    [[], 0.5, null],
    [[7], 0.5, 7],
    [[7], 0.9, 7],
    [[1, 2], 0.5, 1.5],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.9, 3.7],
    [[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9, 90],
    [[5, 5, 5], 0.9, 5],
  ])('should find the quantile of %j at p = %d to be %s', (values, p, expected) => {
    const got = quantile(values, p);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 10);
  });
});

describe('paceStatus: ±10% and at least one unit', () => {
  it.each([
    [10, 10, 1, 'on_track'],
    [11, 10, 1, 'ahead'], // exactly 10% and one lead over
    [10.9, 10, 1, 'on_track'],
    [9, 10, 1, 'behind'],
    [9.1, 10, 1, 'on_track'],
    // Early in a period a lead or two is noise: short by less than one unit is on track.
    [0, 0.5, 1, 'on_track'],
    [0, 1, 1, 'behind'],
    [2, 0.5, 1, 'ahead'],
    // Revenue moves in deals: 30,000 behind on a 100,000 pro-rated target with 50,000 deals is on track.
    [70_000, 100_000, 50_000, 'on_track'],
    [40_000, 100_000, 50_000, 'behind'],
    [1_000, 1_000, 50_000, 'on_track'],
  ] as const)(
    'should judge %d actual against %d expected (unit %d) as %s',
    (actual, expected, unit, status) => {
      expect(paceStatus(actual, expected, unit)).toBe(status);
    },
  );
});

describe('team rates replace illustrative ones once the window holds enough', () => {
  const window = (lead: number, mql: number) => ({ lead, mql, sql: 0, opportunity: 0, won: 0 });
  it.each([
    [TEAM_RATE_MIN_FROM, TEAM_RATE_MIN_TO, 0.167],
    [TEAM_RATE_MIN_FROM - 1, TEAM_RATE_MIN_TO, null],
    [TEAM_RATE_MIN_FROM, TEAM_RATE_MIN_TO - 1, null],
    [40, 40, 1],
    [3000, 1, null],
  ])('should turn %i leads and %i MQLs into a lead_mql rate of %s', (lead, mql, rate) => {
    expect(teamRate('lead_mql', window(lead, mql))).toBe(rate);
  });

  it('should never let a measured rate exceed 1 (re-qualified leads count once per stage, but imports may add)', () => {
    expect(teamRate('mql_sql', { lead: 0, mql: 30, sql: 45, opportunity: 0, won: 0 })).toBe(1);
  });

  it('should prefer the plan, then the team, then the illustrative default', () => {
    const rates = resolveRates(
      { mql_sql: 0.33, lead_mql: 'history', sql_opportunity: 'default' },
      window(100, 50),
    );
    expect(rates.mql_sql).toMatchObject({ value: 0.33, basis: 'plan' });
    expect(rates.lead_mql).toMatchObject({ value: 0.5, basis: 'actual', sample: { from: 100, to: 50 } });
    expect(rates.sql_opportunity).toMatchObject({ basis: 'illustrative', illustrative: true });
    expect(resolveRates({ lead_mql: 'default' }, null).lead_mql.basis).toBe('illustrative');
  });
});

describe('months in the workspace’s zone', () => {
  it('should clip months to the span and start each at local midnight, across daylight saving', () => {
    expect(monthBucketsOf({ start: '2026-03-15', end: '2026-04-10' }, 'Europe/Warsaw')).toEqual([
      {
        month: '2026-03',
        start: '2026-03-15',
        end: '2026-03-31',
        from: '2026-03-14T23:00:00.000Z',
        to: '2026-03-31T22:00:00.000Z',
      },
      {
        month: '2026-04',
        start: '2026-04-01',
        end: '2026-04-10',
        from: '2026-03-31T22:00:00.000Z',
        to: '2026-04-10T22:00:00.000Z',
      },
    ]);
  });

  it('should check the report query: both dates or neither, in order, at most 731 days', () => {
    expect(ReportQuery.safeParse({ from: '2026-01-01', to: '2026-12-31' }).success).toBe(true);
    expect(ReportQuery.safeParse({ from: '2025-01-01', to: '2026-12-31' }).success).toBe(true);
    expect(ReportQuery.safeParse({ from: '2025-01-01', to: '2027-01-01' }).success).toBe(true); // 731 days
    expect(ReportQuery.safeParse({ from: '2025-01-01', to: '2027-01-02' }).success).toBe(false);
    expect(ReportQuery.safeParse({ to: '2026-12-31' }).error?.issues[0]?.path).toEqual(['from']);
    expect(ReportQuery.safeParse({ from: '2026-02-01', to: '2026-01-31' }).error?.issues[0]?.path).toEqual([
      'to',
    ]);
    const range = reportRangeOf({}, 'Asia/Tokyo', new Date('2026-02-28T15:30:00Z'));
    expect([range.start, range.end]).toEqual(['2026-03-01', '2026-03-31']);
  });
});

describe('time to first touch', () => {
  const calendar = {
    timezone: 'UTC',
    businessHours: {
      mon: { open: '09:00', close: '17:00' },
      tue: { open: '09:00', close: '17:00' },
      wed: { open: '09:00', close: '17:00' },
      thu: { open: '09:00', close: '17:00' },
      fri: { open: '09:00', close: '17:00' },
      sat: null,
      sun: null,
    },
    holidays: [],
  };

  it('should count an attempt before the clock started as 0 and leave leads without a calendar out of business hours', () => {
    const t = timeToFirstTouch(
      [
        // Friday 16:00 → Monday 10:00: 66 h wall-clock, 2 business hours.
        {
          key: null,
          startedAt: '2026-03-06T16:00:00Z',
          firstTouchAt: '2026-03-09T10:00:00Z',
          agreementVersion: 1,
        },
        {
          key: null,
          startedAt: '2026-03-09T12:00:00Z',
          firstTouchAt: '2026-03-09T11:00:00Z',
          agreementVersion: 1,
        },
        {
          key: null,
          startedAt: '2026-03-09T12:00:00Z',
          firstTouchAt: '2026-03-09T15:00:00Z',
          agreementVersion: null,
        },
        { key: null, startedAt: '2026-03-09T12:00:00Z', firstTouchAt: null, agreementVersion: 1 },
      ],
      (version) => (version === 1 ? calendar : null),
    );
    expect(t).toEqual({
      touched: 3,
      untouched: 1,
      wallClockHours: { median: 3, p90: 53.4 },
      businessHours: { median: 1, p90: 1.8 },
    });
  });
});

describe('buildReport', () => {
  const range = reportRangeOf({ from: '2026-01-01', to: '2026-02-28' }, 'UTC', new Date());
  const row = (key: string | null, metric: StageRow['metric'], leads: number): StageRow => ({
    key,
    metric,
    leads,
    icpMatch: 0,
    owned: 0,
    open: 0,
    revenue: 0,
    marketingRevenue: 0,
  });
  const input = {
    range,
    currency: 'EUR',
    rows: {
      stages: [row('2026-02', 'lead', 4), row('2026-02', 'mql', 3), row('2026-02', 'sql', 0)],
      reasons: [],
      firstTouches: [],
      sla: [],
    },
    campaigns: [],
    coverage: { icpAccounts: 0, covered: 0 },
    otherCurrencies: [],
    labels: new Map<string, string>(),
    campaignRecords: new Map(),
    calendarOf: () => null,
  };

  it('should list every month of the range, empty ones with zeros and null conversions', () => {
    const report = buildReport({ ...input, groupBy: 'month' });
    expect(report.groups.map((g) => [g.key, g.leads, g.conversion.lead_mql, g.conversion.mql_sql])).toEqual([
      ['2026-01', 0, null, null],
      ['2026-02', 4, 0.75, 0],
    ]);
    expect(report.totals.sla.first_touch.compliance).toBeNull();
    expect(report.accountCoverage.share).toBeNull();
  });

  it('should render an empty report as a header and a Total row', () => {
    const csv = reportCsv(
      buildReport({ ...input, groupBy: null, rows: { ...input.rows, stages: [] } }),
      'groups',
    );
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]?.startsWith('"Total",,0,0,')).toBe(true);
    expect(lines[2]).toBe('');
  });

  it.each(['en', 'pl', 'ro', 'ru'] as const)(
    'should head every table with %s words in the Excel dialect and keys in the machine one',
    (language) => {
      const report = buildReport({ ...input, groupBy: 'month' });
      for (const table of ['groups', 'campaigns', 'reasons'] as const) {
        const keys =
          reportCsv(report, table, csvDialect('rfc4180', language)).split('\r\n')[0]?.split(',') ?? [];
        expect(
          keys.every((k) => /^[a-z0-9_]+$/.test(k)),
          keys.join(),
        ).toBe(true);
        const dialect = csvDialect('excel', language);
        const [header = '', ...rows] = reportCsv(report, table, dialect)
          .replace(/^\uFEFF/, '')
          .split('\r\n');
        const words = header.match(/"(?:[^"]|"")*"/g) ?? [];
        // Each key has its own quoted header, none of them empty or left as the key.
        expect(words).toHaveLength(keys.length);
        expect(header).toBe(words.join(dialect.separator));
        expect(new Set(words).size).toBe(words.length);
        for (const word of words) {
          expect(word.length, word).toBeGreaterThan(2);
          expect(keys).not.toContain(word.slice(1, -1));
        }
        if (table === 'groups')
          expect(rows.at(-2)?.startsWith(`"${CATALOGUES[language].csv.total}"`)).toBe(true);
      }
    },
  );

  it('should say the reason kinds and the Total row in the Excel dialect, and keep them as keys otherwise', () => {
    const report = buildReport({
      ...input,
      groupBy: null,
      rows: { ...input.rows, reasons: [{ key: null, kind: 'nurture', reason: 'no_budget', leads: 2 }] },
    });
    expect(reportCsv(report, 'reasons', csvDialect('excel', 'pl'))).toBe(
      '\uFEFF"Grupa";"Rodzaj";"Powód";"Leady"\r\n"Razem";"Dogrzewanie";"no_budget";2\r\n',
    );
    expect(reportCsv(report, 'reasons', csvDialect('excel', 'ru'))).toContain(
      '"Итого";"Взращивание";"no_budget";2',
    );
    expect(reportCsv(report, 'reasons')).toBe(
      'group,kind,reason,leads\r\n"Total","nurture","no_budget",2\r\n',
    );
  });
});

describe('toCsv', () => {
  it('should quote every text cell, keep numbers as numbers, and defuse formulas', () => {
    expect(
      toCsv(
        ['a', 'b', 'c', 'd', 'e', 'f'],
        [
          ['plain', 'with, comma', 'say "hi"', 'two\nlines', -5, null],
          ['=1+1', '+x', '-x', '@x', 0.25, ''],
        ],
      ),
    ).toBe(
      'a,b,c,d,e,f\r\n"plain","with, comma","say ""hi""","two\nlines",-5,\r\n"\'=1+1","\'+x","\'-x","\'@x",0.25,""\r\n',
    );
  });

  it('should keep a name with a semicolon and a formula after it in one inert cell', () => {
    const attack = "x;=cmd|' /C calc'!A0";
    for (const dialect of [
      csvDialect('rfc4180', 'pl'),
      csvDialect('excel', 'pl'),
      csvDialect('excel', 'en'),
    ]) {
      const rows = toCsv(
        ['name', 'n'],
        [
          [attack, 1],
          ['\t=1', 2],
          ['\r@x', 3],
        ],
        dialect,
      )
        .replace(/^\uFEFF/, '')
        .split('\r\n');
      // Split as Excel in a ;-locale (or a ,-locale) would: outside quotes, on either separator.
      const cells = rows[1]?.match(/"(?:[^"]|"")*"|[^;,]+/g);
      expect(cells).toEqual([`"x;=cmd|' /C calc'!A0"`, '1']);
      expect(rows[2]).toBe(`"'\t=1"${dialect.separator}2`);
      expect(rows[3]).toBe(`"'\r@x"${dialect.separator}3`);
    }
  });

  it('should write the Excel dialect with a BOM, and ; with decimal commas for pl, ro and ru', () => {
    const rows = [['Łódź — żółć', 0.25, 1200]];
    for (const language of ['pl', 'ro', 'ru'] as const) {
      expect(toCsv(['miasto', 'rate', 'n'], rows, csvDialect('excel', language))).toBe(
        '\uFEFFmiasto;rate;n\r\n"Łódź — żółć";0,25;1200\r\n',
      );
    }
    expect(toCsv(['miasto', 'rate', 'n'], rows, csvDialect('excel', 'en'))).toBe(
      '\uFEFFmiasto,rate,n\r\n"Łódź — żółć",0.25,1200\r\n',
    );
    expect(toCsv(['miasto', 'rate', 'n'], rows, csvDialect('rfc4180', 'pl'))).toBe(
      'miasto,rate,n\r\n"Łódź — żółć",0.25,1200\r\n',
    );
  });
});

describe('the plan actuals from the ledger stage rows', () => {
  const row = (key: string | null, metric: StageRow['metric'], leads: number, revenue = 0) => ({
    key,
    metric,
    leads,
    revenue,
  });
  const actuals = stageActualsOf([
    row('2026-01', 'lead', 10),
    row('2026-01', 'mql', 4),
    row('2026-01', 'won', 2, 30_000),
    row('2026-01', 'nurture', 3),
    row('2026-02', 'sql', 1),
    row(null, 'lead', 12),
    row(null, 'won', 2, 30_000),
  ]);

  it('should count funnel stages per group, revenue with won, and nothing for other metrics', () => {
    expect(actuals.get('2026-01')).toEqual({
      lead: 10,
      mql: 4,
      sql: 0,
      opportunity: 0,
      won: 2,
      revenue: 30_000,
    });
    expect(actuals.get('2026-02')).toEqual({ lead: 0, mql: 0, sql: 1, opportunity: 0, won: 0, revenue: 0 });
  });

  it('should give the months without the whole range, and the range with every stage present', () => {
    expect([...monthlyActuals(actuals).keys()]).toEqual(['2026-01', '2026-02']);
    expect(rangeStageCounts(actuals)).toMatchObject({ lead: 12, mql: 0, sql: 0, opportunity: 0, won: 2 });
    expect(rangeStageCounts(new Map())).toEqual({ lead: 0, mql: 0, sql: 0, opportunity: 0, won: 0 });
  });
});

describe('revenue in other currencies', () => {
  it('should list every named currency but the report currency, rounded to the cent, never summed in', () => {
    const rows = [
      { currency: 'PLN', won: 3, revenue: 90_000 },
      { currency: 'EUR', won: 1, revenue: 1234.5678 },
      { currency: null, won: 2, revenue: 500 },
    ];
    expect(otherCurrencies(rows, 'PLN')).toEqual([{ currency: 'EUR', won: 1, revenue: 1234.57 }]);
    expect(otherCurrencies(rows, null).map((c) => c.currency)).toEqual(['PLN', 'EUR']);
  });
});
