import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameAsWritten } from '../../../apps-script/src/tabs/funnel-tab';
import type { Language } from '../../../worker/domain/constants';
import { computeFunnel, FUNNEL_RATES, FUNNEL_STAGES, type FunnelRates } from '../../../worker/domain/funnel';
import { catalogueOf } from '../../../worker/domain/i18n';
import { planPeriodOf } from '../../../worker/domain/reports/period';
import { buildPlanView, resolveRates, type StageActuals } from '../../../worker/domain/reports/plan';
import { sheetDate } from '../../../worker/domain/sheet/cells';
import {
  FUNNEL_ROWS,
  type FunnelInputKey,
  INPUT_NAMES,
  inputRow,
  stageRow,
} from '../../../worker/domain/sheet/funnel-tab';
import { evaluateSpreadsheet } from './fakes/formula-engine';
import { planPart, tabOf } from './funnel-plan-part';

/**
 * The Funnel tab's formulas evaluated by a real formula engine
 * (fast-formula-parser) must give what the Worker's `computeFunnel` gives for
 * the same inputs: every expected number below is computed by the domain in
 * the same test, never written down.
 */

const FIRST_MONTH_ROW = stageRow('revenue') + 3;
const WHAT_IF = 3;

/** A serial number for an instant read in UTC (the tests' spreadsheet zone). */
function serialOf(at: Date): number {
  return at.getTime() / 86_400_000 + 25_569;
}

interface WhatIf {
  revenueTarget: number;
  averageDealSize: number;
  rates: FunnelRates;
  start: string;
  end: string;
  marketingBudget: number | null;
}

/** Types the what-if into the white cells as a person would, then evaluates the whole tab. */
function evaluateWhatIf(whatIf: WhatIf, planKey = '2026', now = new Date('2026-02-15T12:00:00Z')) {
  const part = planPart(
    { revenueTarget: 1000, averageDealSize: 10, rates: {}, marketingBudget: null },
    planKey,
    now,
  );
  const { fake, sheet, name } = tabOf(part);
  const typed: Record<FunnelInputKey, number | string> = {
    revenueTarget: whatIf.revenueTarget,
    averageDealSize: whatIf.averageDealSize,
    ...whatIf.rates,
    periodStart: sheetDate(whatIf.start),
    periodEnd: sheetDate(whatIf.end),
    marketingBudget: whatIf.marketingBudget ?? '',
  };
  for (const [key, value] of Object.entries(typed))
    sheet.type(inputRow(key as FunnelInputKey), WHAT_IF, value);
  const engine = evaluateSpreadsheet(fake.app.spreadsheet, { now: serialOf(now) });
  return { value: (row: number, column: number) => engine.value(name, row, column), part };
}

function expectSheetEqualsDomain(whatIf: WhatIf, planKey = '2026') {
  const { value, part } = evaluateWhatIf(whatIf, planKey);
  const plan = computeFunnel({
    revenueTarget: whatIf.revenueTarget,
    averageDealSize: whatIf.averageDealSize,
    rates: whatIf.rates,
    period: { start: whatIf.start, end: whatIf.end },
    ...(whatIf.marketingBudget === null ? {} : { marketingBudget: whatIf.marketingBudget }),
  });
  for (const stage of FUNNEL_STAGES) {
    expect(value(stageRow(stage), WHAT_IF), stage).toBe(plan.stages[stage]);
    expect(value(stageRow(stage), 8), `max cost ${stage}`).toBe(plan.maxCost ? plan.maxCost[stage] : '');
  }
  for (const [i, month] of plan.months.entries()) {
    const row = FIRST_MONTH_ROW + i;
    expect(value(row, 1)).toBe(sheetDate(`${month.month}-01`));
    expect(value(row, 2)).toBe(month.days);
    for (const [k, stage] of FUNNEL_STAGES.entries())
      expect(value(row, 3 + k), `${month.month} ${stage}`).toBe(month.stages[stage]);
  }
  // Month rows past the what-if period are blank.
  for (let i = plan.months.length; i < part.months.length; i++)
    expect(value(FIRST_MONTH_ROW + i, 1)).toBe('');
  return { plan, value };
}

const ALL = (r: number): FunnelRates => ({ lead_mql: r, mql_sql: r, sql_opportunity: r, opportunity_won: r });

describe('the Funnel tab formulas against computeFunnel', () => {
  it.each<[string, WhatIf]>([
    [
      'the README example: 1,000,000 at 20,000, MQL→SQL and opportunity→won 50%',
      {
        revenueTarget: 1_000_000,
        averageDealSize: 20_000,
        rates: { lead_mql: 1, mql_sql: 0.5, sql_opportunity: 1, opportunity_won: 0.5 },
        start: '2026-01-01',
        end: '2026-12-31',
        marketingBudget: 120_000,
      },
    ],
    [
      'DOMAIN.md: half of SQLs close and sales accepts half of the MQLs',
      {
        revenueTarget: 1_000_000,
        averageDealSize: 20_000,
        rates: { lead_mql: 1, mql_sql: 0.5, sql_opportunity: 0.5, opportunity_won: 1 },
        start: '2026-01-01',
        end: '2026-03-31',
        marketingBudget: null,
      },
    ],
    [
      '21 won at 70%: exactly 30 opportunities where doubles say 30.000000000000004',
      {
        revenueTarget: 420_000,
        averageDealSize: 20_000,
        rates: { lead_mql: 0.7, mql_sql: 0.7, sql_opportunity: 0.7, opportunity_won: 0.7 },
        start: '2026-01-15',
        end: '2026-06-30',
        marketingBudget: 99_999.99,
      },
    ],
    [
      '2.1 over 0.7 in money: 3 deals, not 4',
      {
        revenueTarget: 2.1,
        averageDealSize: 0.7,
        rates: ALL(1),
        start: '2026-02-01',
        end: '2026-02-28',
        marketingBudget: 0.01,
      },
    ],
    [
      'a rate just under 1: 3 ÷ 0.999999 is 3.000003, so 4',
      {
        revenueTarget: 60_000,
        averageDealSize: 20_000,
        rates: ALL(0.999999),
        start: '2026-01-01',
        end: '2026-12-31',
        marketingBudget: null,
      },
    ],
    [
      'every rate 100%: each stage passes through',
      {
        revenueTarget: 999_999,
        averageDealSize: 1000,
        rates: ALL(1),
        start: '2026-03-10',
        end: '2026-04-09',
        marketingBudget: 1,
      },
    ],
    [
      'tiny rates: one deal needs a million leads',
      {
        revenueTarget: 1,
        averageDealSize: 1,
        rates: { lead_mql: 0.001, mql_sql: 0.01, sql_opportunity: 0.1, opportunity_won: 1 },
        start: '2026-01-01',
        end: '2026-12-31',
        marketingBudget: 1_000_000,
      },
    ],
    [
      'the illustrative defaults with cents in the money',
      {
        revenueTarget: 1_234_567.89,
        averageDealSize: 12_345.67,
        rates: { lead_mql: 0.3, mql_sql: 0.25, sql_opportunity: 0.6, opportunity_won: 0.25 },
        start: '2026-01-01',
        end: '2026-12-31',
        marketingBudget: 50_000,
      },
    ],
  ])('%s', (_name, whatIf) => {
    const { plan } = expectSheetEqualsDomain(whatIf);
    // The case is not vacuous: the plan needs something at every stage.
    expect(plan.stages.won).toBeGreaterThan(0);
  });

  it('should show every month of a year-long what-if on a quarter’s plan', () => {
    const { plan } = expectSheetEqualsDomain(
      {
        revenueTarget: 2_000_000,
        averageDealSize: 15_000,
        rates: { lead_mql: 0.35, mql_sql: 0.4, sql_opportunity: 0.55, opportunity_won: 0.3 },
        start: '2026-01-01',
        end: '2026-12-31',
        marketingBudget: null,
      },
      '2026-Q2',
    );
    expect(plan.months).toHaveLength(12);
  });

  it('should take a rate with more than six decimals to six, and say so here', () => {
    // The documented boundary: 1/3 as 0.3333333 (seven decimals) counts in the sheet as 0.333333.
    const whatIf: WhatIf = {
      revenueTarget: 1_000_000,
      averageDealSize: 1,
      rates: { lead_mql: 1, mql_sql: 1, sql_opportunity: 1, opportunity_won: 0.3333333 },
      start: '2026-01-01',
      end: '2026-12-31',
      marketingBudget: null,
    };
    const { value } = evaluateWhatIf(whatIf);
    const period = { start: whatIf.start, end: whatIf.end };
    const base = { revenueTarget: whatIf.revenueTarget, averageDealSize: whatIf.averageDealSize, period };
    const exact = computeFunnel({ ...base, rates: whatIf.rates });
    const sixDecimals = computeFunnel({ ...base, rates: { ...whatIf.rates, opportunity_won: 0.333333 } });
    expect(exact.stages.opportunity).not.toBe(sixDecimals.stages.opportunity);
    expect(value(stageRow('opportunity'), WHAT_IF)).toBe(sixDecimals.stages.opportunity);
  });

  it('should equal computeFunnel for random plans in whole cents and rates to six decimals', () => {
    const rate = fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 1_000_000);
    const cents = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 100);
    const day = fc
      .integer({ min: 0, max: 364 })
      .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        cents(100, 100_000_000_00),
        cents(100, 10_000_000),
        fc.tuple(rate, rate, rate, rate),
        day,
        fc.integer({ min: 0, max: 300 }),
        fc.option(cents(0, 10_000_000_00)),
        (revenueTarget, averageDealSize, [a, b, c, d], start, length, marketingBudget) => {
          const rates = { lead_mql: a, mql_sql: b, sql_opportunity: c, opportunity_won: d };
          const end = new Date(Date.parse(`${start}T00:00:00Z`) + (length + 1) * 86_400_000)
            .toISOString()
            .slice(0, 10);
          if (end > '2026-12-31') return;
          // Plans the Worker refuses (more than a billion leads) are not plans.
          try {
            computeFunnel({ revenueTarget, averageDealSize, rates, period: { start, end } });
          } catch {
            return;
          }
          expectSheetEqualsDomain({ revenueTarget, averageDealSize, rates, start, end, marketingBudget });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the Funnel tab as LeadPact writes it', () => {
  const now = new Date('2026-05-20T06:00:00Z');
  const inputs = {
    revenueTarget: 1_000_000,
    averageDealSize: 20_000,
    rates: { mql_sql: 0.5, opportunity_won: 0.5 },
    marketingBudget: 80_000,
  };
  const actualByMonth = new Map<string, StageActuals>([
    ['2026-01', { lead: 30, mql: 20, sql: 9, opportunity: 8, won: 4, revenue: 80_000 }],
    ['2026-02', { lead: 25, mql: 18, sql: 8, opportunity: 9, won: 3, revenue: 65_000 }],
    ['2026-03', { lead: 40, mql: 15, sql: 10, opportunity: 5, won: 6, revenue: 120_000 }],
    ['2026-04', { lead: 10, mql: 9, sql: 3, opportunity: 2, won: 1, revenue: 20_000 }],
    ['2026-05', { lead: 5, mql: 3, sql: 1, opportunity: 1, won: 0, revenue: 0 }],
  ]);

  it('should show the Worker’s plan, and formulas that compute the same from the untouched what-if', () => {
    const part = planPart(inputs, '2026', now, actualByMonth);
    const { fake, sheet, name } = tabOf(part);
    const engine = evaluateSpreadsheet(fake.app.spreadsheet, { now: serialOf(now) });
    const value = (row: number, column: number) => engine.value(name, row, column);
    for (const stage of FUNNEL_STAGES) {
      const row = stageRow(stage);
      expect(sheet.peek(row, 2)?.value).toBe(part.plan.stages[stage]);
      expect(sheet.peek(row, WHAT_IF)?.formula).toMatch(/^=CEILING\(/);
      expect(value(row, WHAT_IF)).toBe(part.plan.stages[stage]);
      expect(value(row, 4)).toBe(part.actuals[stage]);
      expect(value(row, 8)).toBe(part.plan.maxCost?.[stage]);
    }
    expect(part.plan.stages).toMatchObject({ won: 50, opportunity: 100, sql: 100, mql: 200, lead: 200 });
    // Inputs are named, and the formulas use the names.
    expect(fake.app.spreadsheet.namedRanges.get(INPUT_NAMES.revenueTarget)).toBe(
      `Funnel plan!C${inputRow('revenueTarget')}`,
    );
    expect(sheet.peek(stageRow('won'), WHAT_IF)?.formula).toContain(INPUT_NAMES.averageDealSize);
    expect(sheet.peek(inputRow('revenueTarget'), WHAT_IF)?.background).toBe('#ffffff');
    expect(sheet.peek(inputRow('revenueTarget'), 2)?.background).toBe('#e8eaed');
    expect(sheet.peek(inputRow('lead_mql'), WHAT_IF)?.numberFormat).toBe('0.0###%');
    expect(sheet.peek(inputRow('revenueTarget'), WHAT_IF)?.numberFormat).toBe('[$€]#,##0.00');
    // Months: the Worker's revenue split and the actuals looked up by month.
    const view = buildPlanView({
      stored: { ...inputs, currency: 'EUR', period: '2026', createdAt: '', updatedAt: '', updatedBy: null },
      period: planPeriodOf('2026'),
      timezone: 'UTC',
      currency: 'EUR',
      rates: resolveRates(inputs.rates, null),
      actualByMonth,
      now,
    });
    for (const [i, month] of view.months.entries()) {
      const row = FIRST_MONTH_ROW + i;
      expect(value(row, 8), `${month.month} revenue`).toBe(month.plan.revenue);
      for (const [k, stage] of [...FUNNEL_STAGES, 'revenue' as const].entries())
        expect(value(row, 9 + k), `${month.month} actual ${stage}`).toBe(
          month.actual ? month.actual[stage] : '',
        );
    }
  });

  it.each<[string, Date]>([
    ['before the period', new Date('2025-12-31T23:00:00Z')],
    ['at the refresh', now],
    ['eleven days later, no refresh between', new Date('2026-05-31T18:30:00Z')],
    ['after the period', new Date('2027-02-01T00:00:00Z')],
  ])('should give the Worker’s pace %s with NOW() moving between refreshes', (_name, at) => {
    // The tab is written once, in May; the sheet is read at `at` without a refresh.
    const part = planPart(inputs, '2026', now, actualByMonth);
    const { fake, name } = tabOf(part);
    const engine = evaluateSpreadsheet(fake.app.spreadsheet, { now: serialOf(at) });
    const view = buildPlanView({
      stored: { ...inputs, currency: 'EUR', period: '2026', createdAt: '', updatedAt: '', updatedBy: null },
      period: planPeriodOf('2026'),
      timezone: 'UTC',
      currency: 'EUR',
      rates: resolveRates(inputs.rates, null),
      actualByMonth,
      now: at,
    });
    const labels = catalogueOf('en').sheet.funnelTab.pace;
    const elapsed = engine.value(name, FUNNEL_ROWS.elapsed, WHAT_IF) as number;
    expect(elapsed).toBeCloseTo(view.pace.elapsed, 4);
    for (const stage of [...FUNNEL_STAGES, 'revenue' as const]) {
      const row = stageRow(stage);
      const pace = view.pace.stages[stage];
      // No month after May has actuals, so the Worker read at `at` counts what the May snapshot wrote.
      if (at > now) expect(view.actuals[stage]).toBe(part.actuals[stage]);
      const expected = engine.value(name, row, 5) as number;
      expect(expected).toBeCloseTo(pace.expectedToDate, 1);
      expect(engine.value(name, row, 6), stage).toBe(labels[pace.status]);
      const forecast = engine.value(name, row, 7);
      if (pace.forecast === null) expect(forecast).toBe('');
      else expect(forecast as number).toBeCloseTo(pace.forecast, 1);
    }
  });

  it.each<Language>(['en', 'pl', 'ro', 'ru'])(
    'should write its words in %s, formulas unchanged',
    (language) => {
      const part = planPart(inputs, '2026-Q2', now, actualByMonth);
      const { fake, sheet, name } = tabOf(part, language);
      const t = catalogueOf(language).sheet.funnelTab;
      expect(sheet.peek(FUNNEL_ROWS.title, 1)?.value).toBe(t.title.replace('{period}', '2026-Q2'));
      expect(sheet.peek(stageRow('sql'), 1)?.value).toBe(t.stages.sql);
      const engine = evaluateSpreadsheet(fake.app.spreadsheet, { now: serialOf(now) });
      expect(Object.values(t.pace)).toContain(engine.value(name, stageRow('won'), 6));
      expect(engine.value(name, stageRow('lead'), WHAT_IF)).toBe(part.plan.stages.lead);
      expect(FUNNEL_RATES.every((rate) => sheet.peek(inputRow(rate), 4)?.value !== '')).toBe(true);
    },
  );
});

describe('a plan value read back from Sheets', () => {
  it('should match the serial LeadPact wrote when Sheets answers a Date at the zone’s midnight', () => {
    const written = sheetDate('2026-01-01');
    expect(sameAsWritten(new Date('2025-12-31T23:00:00Z'), written, 'Europe/Warsaw')).toBe(true);
    expect(sameAsWritten(new Date('2026-01-01T00:00:00Z'), written, 'Europe/Warsaw')).toBe(false);
    expect(sameAsWritten(new Date('2026-01-01T05:00:00Z'), written, 'America/New_York')).toBe(true);
    expect(sameAsWritten(0.5, 0.5, 'UTC')).toBe(true);
    expect(sameAsWritten('', 0.5, 'UTC')).toBe(false);
  });
});

describe('rewriting the tab', () => {
  it('should clear month rows of a longer earlier layout and keep what a person wrote around the tab', () => {
    const now = new Date('2026-02-15T12:00:00Z');
    const part = planPart(
      { revenueTarget: 1000, averageDealSize: 10, rates: {}, marketingBudget: null },
      '2026',
      now,
    );
    const longer = {
      ...part,
      months: [...part.months, { month: '2027-01', actual: null }, { month: '2027-02', actual: null }],
    };
    const { fake, sheet, name, write } = tabOf(longer);
    const lastLonger = FIRST_MONTH_ROW + 13;
    expect(sheet.peek(lastLonger, 1)?.formula).toContain(INPUT_NAMES.periodStart);
    sheet.type(lastLonger + 3, 1, '=SUM(C18:C22)');
    sheet.type(lastLonger + 3, 2, 'my note');
    sheet.type(FUNNEL_ROWS.help, 6, '=C6*2');
    write(part);
    expect(sheet.peek(lastLonger, 1)?.formula ?? null).toBeNull();
    expect(sheet.peek(lastLonger, 3)?.formula ?? null).toBeNull();
    expect(sheet.peek(FIRST_MONTH_ROW + 11, 1)?.formula).toContain(INPUT_NAMES.periodStart);
    expect(sheet.peek(lastLonger + 3, 1)?.formula).toBe('=SUM(C18:C22)');
    expect(sheet.peek(lastLonger + 3, 2)?.value).toBe('my note');
    expect(sheet.peek(FUNNEL_ROWS.help, 6)?.formula).toBe('=C6*2');
    const engine = evaluateSpreadsheet(fake.app.spreadsheet, { now: serialOf(now) });
    const needs = FUNNEL_STAGES.map((stage) => engine.value(name, stageRow(stage), 3) as number);
    expect(engine.value(name, lastLonger + 3, 1)).toBe(needs.reduce((a, b) => a + b, 0));
  });
});

describe('the what-if cells refuse what the Worker would refuse', () => {
  it.each<Language>(['en', 'ru'])('should refuse a rate typed as 50 and say why in %s', (language) => {
    const part = planPart(
      { revenueTarget: 1_000_000, averageDealSize: 20_000, rates: { mql_sql: 0.5 }, marketingBudget: null },
      '2026',
      new Date('2026-02-15T12:00:00Z'),
    );
    const { sheet } = tabOf(part, language);
    const help = catalogueOf(language).sheet.funnelTab.validation;
    const rate = inputRow('mql_sql');
    expect(sheet.typeChecked(rate, WHAT_IF, 50)).toEqual({ accepted: false, message: help.rate });
    expect(sheet.peek(rate, WHAT_IF)?.value).toBe(0.5);
    expect(sheet.typeChecked(rate, WHAT_IF, 0)).toEqual({ accepted: false, message: help.rate });
    expect(sheet.typeChecked(rate, WHAT_IF, 0.45).accepted).toBe(true);
    expect(sheet.peek(rate, WHAT_IF)?.value).toBe(0.45);
    expect(sheet.typeChecked(inputRow('revenueTarget'), WHAT_IF, -5)).toEqual({
      accepted: false,
      message: help.amount,
    });
    expect(sheet.typeChecked(inputRow('periodEnd'), WHAT_IF, 'next year')).toEqual({
      accepted: false,
      message: help.date,
    });
    // An empty budget means no budget; a negative one is refused.
    expect(sheet.typeChecked(inputRow('marketingBudget'), WHAT_IF, '').accepted).toBe(true);
    expect(sheet.typeChecked(inputRow('marketingBudget'), WHAT_IF, -1).message).toBe(help.budget);
    // The grey plan column is not an input: no rule there.
    expect(sheet.peek(rate, 2)?.validation).toBeNull();
  });
});
