import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../worker/domain/constants';
import {
  computeFunnel,
  FUNNEL_STAGES,
  FunnelInput,
  type FunnelPlan,
  MAX_PERIOD_DAYS,
  MAX_STAGE_COUNT,
} from '../../worker/domain/funnel';
import { PERMISSIONS } from '../../worker/domain/permissions';
import { call, createTestWorkspace, expectProblem, type TestWorkspace } from './harness';

const WORKED_EXAMPLE = {
  revenueTarget: 1_000_000,
  averageDealSize: 20_000,
  rates: { lead_mql: 1, mql_sql: 0.5, sql_opportunity: 1, opportunity_won: 0.5 },
  period: { start: '2026-01-01', end: '2026-12-31' },
};

const YEAR = { start: '2026-01-01', end: '2026-12-31' };

describe('computeFunnel', () => {
  it('should hold the worked example: 50 won, 100 opportunities, 100 SQLs, 200 MQLs, 200 leads', () => {
    const plan = computeFunnel(WORKED_EXAMPLE);
    expect(plan.stages).toEqual({ won: 50, opportunity: 100, sql: 100, mql: 200, lead: 200 });
    expect(plan.rates).toEqual(WORKED_EXAMPLE.rates);
    expect(plan.period).toEqual({ start: '2026-01-01', end: '2026-12-31', days: 365 });
    expect(plan.months.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(plan.maxCost).toBeNull();
  });

  it.each([
    [
      'a target that is not a whole number of deals',
      1_000_001,
      20_000,
      WORKED_EXAMPLE.rates,
      [204, 204, 102, 102, 51],
    ],
    ['a target below one deal', 5_000, 20_000, {}, [1, 1, 1, 1, 1]],
    ['every rate missing (each counts as 1)', 1_000_000, 20_000, {}, [50, 50, 50, 50, 50]],
    ['one rate given', 1_000_000, 20_000, { mql_sql: 0.25 }, [200, 200, 50, 50, 50]],
    [
      'every rate below 1',
      60_000,
      20_000,
      { lead_mql: 0.1, mql_sql: 0.3, sql_opportunity: 0.5, opportunity_won: 0.25 },
      [800, 80, 24, 12, 3],
    ],
    // 21 / 0.7 is 30.000000000000004 in floating point; the plan must not ask for a 31st.
    [
      'a rate that floating point cannot hold exactly',
      105_000,
      5_000,
      { opportunity_won: 0.7 },
      [30, 30, 30, 30, 21],
    ],
    ['money with decimals', 100.5, 0.5, {}, [201, 201, 201, 201, 201]],
    ['a tiny rate', 20_000, 20_000, { lead_mql: 0.01 }, [100, 1, 1, 1, 1]],
    [
      'rounding up at every stage',
      1_000_000,
      30_000,
      { mql_sql: 0.3, opportunity_won: 0.3 },
      [380, 380, 114, 114, 34],
    ],
    [
      'the largest plan allowed',
      MAX_STAGE_COUNT,
      1,
      {},
      [MAX_STAGE_COUNT, MAX_STAGE_COUNT, MAX_STAGE_COUNT, MAX_STAGE_COUNT, MAX_STAGE_COUNT],
    ],
  ])('should compute %s', (_, revenueTarget, averageDealSize, rates, expected) => {
    const plan = computeFunnel({ revenueTarget, averageDealSize, rates, period: YEAR });
    expect(FUNNEL_STAGES.map((s) => plan.stages[s])).toEqual(expected);
  });

  describe('months', () => {
    const plan = (won: number, period: { start: string; end: string }) =>
      computeFunnel({ revenueTarget: won * 1000, averageDealSize: 1000, period });

    it('should give a one-month period the whole plan', () => {
      const { months, stages } = plan(7, { start: '2026-03-01', end: '2026-03-31' });
      expect(months).toEqual([
        { month: '2026-03', start: '2026-03-01', end: '2026-03-31', days: 31, stages },
      ]);
    });

    it('should weigh partial months by their days inside the period', () => {
      // 17 days of January, 28 of February, 10 of March: one deal a day.
      const { months } = plan(55, { start: '2026-01-15', end: '2026-03-10' });
      expect(months.map((m) => [m.month, m.start, m.end, m.days, m.stages.won])).toEqual([
        ['2026-01', '2026-01-15', '2026-01-31', 17, 17],
        ['2026-02', '2026-02-01', '2026-02-28', 28, 28],
        ['2026-03', '2026-03-01', '2026-03-10', 10, 10],
      ]);
    });

    it('should round cumulatively up, so the plan is never behind pro rata and sums exactly', () => {
      // 50 over 365 days: by the end of January ceil(50 × 31 / 365) = 5, of February ceil(50 × 59 / 365) = 9...
      const { months } = computeFunnel(WORKED_EXAMPLE);
      expect(months.map((m) => m.stages.won)).toEqual([5, 4, 4, 4, 4, 4, 5, 4, 4, 4, 4, 4]);
      expect(months.map((m) => m.stages.lead)).toEqual([17, 16, 17, 16, 17, 17, 17, 17, 16, 17, 17, 16]);
    });

    it('should span a year boundary and a leap February', () => {
      const { months } = plan(120, { start: '2027-11-01', end: '2028-02-29' });
      expect(months.map((m) => [m.month, m.days])).toEqual([
        ['2027-11', 30],
        ['2027-12', 31],
        ['2028-01', 31],
        ['2028-02', 29],
      ]);
      expect(months.reduce((sum, m) => sum + m.stages.won, 0)).toBe(120);
    });

    it('should leave quiet months at zero when there is less than one of a stage per month', () => {
      const { months } = plan(2, YEAR);
      expect(months.map((m) => m.stages.won)).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    });

    it('should always sum to the totals, stay within one of each month’s exact share and never fall behind', () => {
      const day = fc.integer({
        min: Date.UTC(2025, 0, 1) / 86_400_000,
        max: Date.UTC(2030, 0, 1) / 86_400_000,
      });
      const isoOf = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 1_000_000 }),
          fc.integer({ min: 1, max: 100_000 }),
          day,
          fc.integer({ min: 1, max: 1500 }),
          fc.record({
            lead_mql: fc.double({ min: 0.05, max: 1, noNaN: true }),
            mql_sql: fc.double({ min: 0.05, max: 1, noNaN: true }),
          }),
          (target, deal, first, length, rates) => {
            const p: FunnelPlan = computeFunnel({
              revenueTarget: target,
              averageDealSize: deal,
              rates,
              period: { start: isoOf(first), end: isoOf(first + length) },
            });
            expect(p.months.reduce((sum, m) => sum + m.days, 0)).toBe(p.period.days);
            for (const stage of FUNNEL_STAGES) {
              let cumulative = 0;
              let elapsed = 0;
              for (const month of p.months) {
                cumulative += month.stages[stage];
                elapsed += month.days;
                const share = (p.stages[stage] * month.days) / p.period.days;
                expect(month.stages[stage]).toBeGreaterThan(share - 1);
                expect(month.stages[stage]).toBeLessThan(share + 1);
                expect(cumulative).toBeGreaterThanOrEqual((p.stages[stage] * elapsed) / p.period.days);
              }
              expect(cumulative).toBe(p.stages[stage]);
            }
          },
        ),
      );
    });
  });

  describe('the most a lead may cost', () => {
    it('should divide the budget by the count at each stage', () => {
      const plan = computeFunnel({ ...WORKED_EXAMPLE, marketingBudget: 100_000 });
      expect(plan.maxCost).toEqual({ lead: 500, mql: 500, sql: 1000, opportunity: 1000, won: 2000 });
    });

    it('should floor to whole cents so the plan never costs more than the budget', () => {
      const plan = computeFunnel({
        revenueTarget: 3,
        averageDealSize: 1,
        period: YEAR,
        marketingBudget: 1000,
      });
      expect(plan.maxCost?.lead).toBe(333.33);
      // 0.29 × 100 is 28.999999999999996 in floating point; the exact answer is 0.29.
      const one = computeFunnel({
        revenueTarget: 1,
        averageDealSize: 1,
        period: YEAR,
        marketingBudget: 0.29,
      });
      expect(one.maxCost?.lead).toBe(0.29);
    });

    it('should allow a zero budget', () => {
      const plan = computeFunnel({ ...WORKED_EXAMPLE, marketingBudget: 0 });
      expect(plan.maxCost).toEqual({ lead: 0, mql: 0, sql: 0, opportunity: 0, won: 0 });
    });
  });

  describe('FunnelInput', () => {
    it.each([
      ['revenueTarget', { revenueTarget: 0 }],
      ['revenueTarget', { revenueTarget: -5 }],
      ['revenueTarget', { revenueTarget: '1000000' }],
      ['averageDealSize', { averageDealSize: 0 }],
      ['rates.mql_sql', { rates: { mql_sql: 0 } }],
      ['rates.opportunity_won', { rates: { opportunity_won: 1.5 } }],
      ['rates.lead_mql', { rates: { lead_mql: -0.5 } }],
      ['rates', { rates: { lead_to_mql: 0.5 } }],
      ['period.end', { period: { start: '2026-06-01', end: '2026-05-31' } }],
      ['period.end', { period: { start: '2026-06-01', end: '2026-06-01' } }],
      ['period.end', { period: { start: '2026-01-01', end: '2036-12-31' } }],
      ['period.start', { period: { start: '2026-02-30', end: '2026-12-31' } }],
      ['period.start', { period: { start: '01/01/2026', end: '2026-12-31' } }],
      ['period', { period: undefined }],
      ['marketingBudget', { marketingBudget: -1 }],
      ['revenueTarget', { revenueTarget: 1e12, averageDealSize: 1, rates: { lead_mql: 0.5 } }],
      ['(root)', { revenue: 5 }],
    ])('should refuse a bad %s and name it', (path, patch) => {
      const result = FunnelInput.safeParse({ ...WORKED_EXAMPLE, ...patch });
      expect(result.success).toBe(false);
      const paths = result.error?.issues.map((i) => i.path.join('.') || '(root)');
      expect(paths).toContain(path);
    });

    it('should name a misspelt rate instead of counting it as 1', () => {
      const result = FunnelInput.safeParse({ ...WORKED_EXAMPLE, rates: { lead_to_mql: 0.5 } });
      expect(result.error?.issues[0]?.message).toContain('lead_to_mql');
    });

    it('should accept the longest period allowed', () => {
      const start = Date.UTC(2026, 0, 1);
      const end = new Date(start + (MAX_PERIOD_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
      expect(computeFunnel({ ...WORKED_EXAMPLE, period: { start: '2026-01-01', end } }).period.days).toBe(
        MAX_PERIOD_DAYS,
      );
    });
  });
});

describe('POST /v1/funnel/compute', () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await createTestWorkspace();
  });

  it('should answer the worked example', async () => {
    const res = await call('POST', '/v1/funnel/compute', {
      token: ws.tokens.manager,
      json: { ...WORKED_EXAMPLE, marketingBudget: 100_000 },
    });
    expect(res.status).toBe(200);
    const plan = (await res.json()) as FunnelPlan;
    expect(plan.stages).toEqual({ lead: 200, mql: 200, sql: 100, opportunity: 100, won: 50 });
    expect(plan.months).toHaveLength(12);
    expect(plan.maxCost).toEqual({ lead: 500, mql: 500, sql: 1000, opportunity: 1000, won: 2000 });
  });

  it('should treat missing rates as 1', async () => {
    const res = await call('POST', '/v1/funnel/compute', {
      token: ws.tokens.sales,
      json: { revenueTarget: 1_000_000, averageDealSize: 20_000, period: YEAR },
    });
    expect(res.status).toBe(200);
    const plan = (await res.json()) as FunnelPlan;
    expect(plan.rates).toEqual({ lead_mql: 1, mql_sql: 1, sql_opportunity: 1, opportunity_won: 1 });
    expect(plan.stages.lead).toBe(50);
    expect(plan.maxCost).toBeNull();
  });

  it.each([
    ['rates.mql_sql', { rates: { mql_sql: 0 } }],
    ['averageDealSize', { averageDealSize: -20_000 }],
    ['period.end', { period: { start: '2026-12-31', end: '2026-01-01' } }],
    ['revenueTarget', { revenueTarget: undefined }],
  ])('should answer 422 naming %s', async (path, patch) => {
    const res = await call('POST', '/v1/funnel/compute', {
      token: ws.tokens.marketing,
      json: { ...WORKED_EXAMPLE, ...patch },
    });
    const problem = await expectProblem(res, 422);
    expect((problem.errors as { path: string }[]).map((e) => e.path)).toContain(path);
  });

  it('should answer 401 without a token', async () => {
    await expectProblem(await call('POST', '/v1/funnel/compute', { json: WORKED_EXAMPLE }), 401);
  });

  describe.each(['admin', 'manager', 'marketing', 'sales', 'viewer', 'intake'] as const)(
    'as %s',
    (role: Role) => {
      const allowed = (PERMISSIONS['funnel:compute'] as readonly Role[]).includes(role);

      it(allowed ? 'should compute' : 'should be forbidden', async () => {
        const res = await call('POST', '/v1/funnel/compute', {
          token: ws.tokens[role],
          json: WORKED_EXAMPLE,
        });
        if (allowed) expect(res.status).toBe(200);
        else await expectProblem(res, 403);
      });
    },
  );

  it('should let every role but intake compute', () => {
    expect(PERMISSIONS['funnel:compute']).toEqual(['admin', 'manager', 'marketing', 'sales', 'viewer']);
  });

  it('should be in the API reference', async () => {
    const doc = (await (await call('GET', '/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.paths['/v1/funnel/compute']).toHaveProperty('post');
  });
});
