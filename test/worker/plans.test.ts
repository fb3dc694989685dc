import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../worker/db/client';
import type { LedgerEvent } from '../../worker/domain/ledger/lead';
import { planPeriodOf, startOfLocalDay } from '../../worker/domain/reports/period';
import { ILLUSTRATIVE_RATES, type PlanView } from '../../worker/domain/reports/plan';
import { getPlan } from '../../worker/services/plans';
import { call, createTestWorkspace, expectProblem, type TestWorkspace } from './harness';
import { ev, type LeadSpec, seedLeads, testDb } from './report-fixtures';

/**
 * A ledger with a known answer, in Asia/Tokyo (no daylight saving, so the
 * quarter is exactly 90 days of 24 hours). Q1 2026 so far, read at
 * 2026-02-17 00:00 JST (47 of 90 days elapsed):
 *   January:  35 leads, 14 MQLs, 6 SQLs, 5 opportunities, 3 won (10,000 EUR each)
 *   February: 10 leads,  6 MQLs, 2 SQLs, 2 opportunities, 0 won
 * and, before the quarter, 5 leads in December 2025 that all became MQLs.
 */
/** The plan verb at `now` (what GET /v1/funnel/plans/{period} answers), called directly. */
const getPlanView = (db: Database, workspaceId: string, period: string, now: Date) =>
  getPlan({ ctx: { db, workspaceId, now }, input: { period } });

const NOW = new Date('2026-02-16T15:00:00Z');
const Q1 = { revenueTarget: 90_000, averageDealSize: 10_000 };
const FULL_RATES = { lead_mql: 0.5, mql_sql: 0.5, sql_opportunity: 1, opportunity_won: 0.5 };
const ALL_DEFAULT = {
  lead_mql: 'default',
  mql_sql: 'default',
  sql_opportunity: 'default',
  opportunity_won: 'default',
} as const;

function cohort(
  at: string,
  n: number,
  funnel: { mql: number; sql: number; opp: number; won: number },
): LeadSpec[] {
  const t = Date.parse(at);
  const iso = (i: number, hours: number) => new Date(t + i * 60_000 + hours * 3_600_000).toISOString();
  return Array.from({ length: n }, (_, i) => {
    const events: LedgerEvent[] = [];
    if (i < funnel.mql) events.push(ev('mql', iso(i, 1)));
    if (i < funnel.sql) events.push(ev('qualified', iso(i, 2), { sql: true, answers: {}, failed: [] }));
    if (i < funnel.opp) events.push(ev('opportunity', iso(i, 3)));
    if (i < funnel.won) events.push(ev('won', iso(i, 4), { amount: 10_000, currency: 'EUR' }));
    return { at: iso(i, 0), events };
  });
}

async function seededWorkspace(): Promise<TestWorkspace> {
  const ws = await createTestWorkspace({ timezone: 'Asia/Tokyo', country: 'JP' });
  await seedLeads(ws.id, [
    ...cohort('2025-12-20T03:00:00Z', 5, { mql: 5, sql: 0, opp: 0, won: 0 }),
    ...cohort('2026-01-10T03:00:00Z', 35, { mql: 14, sql: 6, opp: 5, won: 3 }),
    ...cohort('2026-02-05T03:00:00Z', 10, { mql: 6, sql: 2, opp: 2, won: 0 }),
  ]);
  return ws;
}

async function putPlan(
  ws: TestWorkspace,
  period: string,
  body: unknown,
  role: 'admin' | 'manager' = 'manager',
) {
  return call('PUT', `/v1/funnel/plans/${period}`, { token: ws.tokens[role], json: body });
}

let ws: TestWorkspace;

beforeAll(async () => {
  ws = await seededWorkspace();
});

describe('plan periods', () => {
  it('should read a year, a quarter and a month', () => {
    expect(planPeriodOf('2026')).toEqual({
      key: '2026',
      kind: 'year',
      start: '2026-01-01',
      end: '2026-12-31',
    });
    expect(planPeriodOf('2026-Q1')).toEqual({
      key: '2026-Q1',
      kind: 'quarter',
      start: '2026-01-01',
      end: '2026-03-31',
    });
    expect(planPeriodOf('2026-Q4')).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
    expect(planPeriodOf('2028-02')).toEqual({
      key: '2028-02',
      kind: 'month',
      start: '2028-02-01',
      end: '2028-02-29',
    });
  });

  it('should start a local day at its midnight, or when the clock jumps past a skipped midnight', () => {
    expect(startOfLocalDay('2026-01-01', 'Asia/Tokyo').toISOString()).toBe('2025-12-31T15:00:00.000Z');
    expect(startOfLocalDay('2026-03-29', 'Europe/Warsaw').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Warsaw').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // Chile springs forward at midnight: 2026-09-06 begins at 01:00 local, 04:00 UTC.
    expect(startOfLocalDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });
});

describe('plan vs actual on a seeded ledger', () => {
  let view: PlanView;

  beforeAll(async () => {
    const res = await putPlan(ws, '2026-Q1', { ...Q1, rates: FULL_RATES, currency: 'EUR' });
    expect(res.status, await res.clone().text()).toBe(201);
    view = await getPlanView(testDb(), ws.id, '2026-Q1', NOW);
  });

  it('should give the reverse funnel of the inputs, per month', () => {
    expect(view.plan.stages).toEqual({ lead: 72, mql: 36, sql: 18, opportunity: 18, won: 9 });
    expect(view.months.map((m) => [m.month, m.plan.lead, m.plan.revenue])).toEqual([
      ['2026-01', 25, 31_000],
      ['2026-02', 23, 28_000],
      ['2026-03', 24, 31_000],
    ]);
    expect(view.rates.lead_mql).toEqual({
      value: 0.5,
      origin: 'given',
      basis: 'plan',
      illustrative: false,
      sample: null,
    });
    expect(view.illustrative).toBe(false);
  });

  it('should count what the ledger reached inside the period, without December', () => {
    expect(view.actuals).toMatchObject({
      lead: 45,
      mql: 20,
      sql: 8,
      opportunity: 7,
      won: 3,
      revenue: 30_000,
    });
    expect(view.actuals.conversion).toEqual({
      lead_mql: { planned: 0.5, actual: 0.4444 },
      mql_sql: { planned: 0.5, actual: 0.4 },
      sql_opportunity: { planned: 1, actual: 0.875 },
      opportunity_won: { planned: 0.5, actual: 0.4286 },
    });
    expect(view.months.map((m) => m.actual?.lead ?? null)).toEqual([35, 10, null]);
  });

  it('should pace against the plan pro-rated to now: ahead, on track, behind', () => {
    expect(view.pace.elapsed).toBe(0.5222); // 47 / 90
    expect(view.pace.stages.lead).toEqual({
      planned: 72,
      expectedToDate: 37.6,
      actual: 45,
      ratio: 1.197,
      status: 'ahead',
      forecast: 86.17,
    });
    expect(view.pace.stages.mql).toMatchObject({ expectedToDate: 18.8, actual: 20, status: 'on_track' });
    expect(view.pace.stages.sql).toMatchObject({
      expectedToDate: 9.4,
      actual: 8,
      status: 'behind',
      ratio: 0.851,
    });
    expect(view.pace.stages.won).toMatchObject({ expectedToDate: 4.7, actual: 3, status: 'behind' });
    expect(view.pace.stages.revenue).toMatchObject({
      planned: 90_000,
      expectedToDate: 47_000,
      actual: 30_000,
      status: 'behind',
      forecast: 57_446.81,
    });
    // The headline is revenue.
    expect(view.pace.status).toBe('behind');
  });

  it('should forecast each month at the run rate so far', () => {
    const [jan, feb, mar] = view.months;
    expect(jan?.forecast).toEqual({ lead: 35, mql: 14, sql: 6, opportunity: 5, won: 3, revenue: 30_000 });
    // February: its 10 leads plus 12 more days at 45 leads per 47 days.
    expect(feb?.forecast?.lead).toBe(21.49);
    expect(feb?.forecast?.revenue).toBe(7659.57);
    expect(mar?.forecast?.lead).toBe(29.68);
    expect(mar?.forecast?.revenue).toBe(19_787.23);
  });

  it('should not pace a period that has not started', async () => {
    await putPlan(ws, '2026-Q2', Q1);
    const future = await getPlanView(testDb(), ws.id, '2026-Q2', NOW);
    expect(future.pace.status).toBe('not_started');
    expect(future.pace.elapsed).toBe(0);
    expect(future.pace.stages.lead).toMatchObject({ actual: 0, ratio: null, forecast: null });
    expect(future.months.every((m) => m.actual === null && m.forecast === null)).toBe(true);
  });

  it('should judge a finished period on all of it', async () => {
    await putPlan(ws, '2025-12', { revenueTarget: 10_000, averageDealSize: 10_000, rates: FULL_RATES });
    const past = await getPlanView(testDb(), ws.id, '2025-12', NOW);
    expect(past.pace.elapsed).toBe(1);
    expect(past.actuals).toMatchObject({ lead: 5, mql: 5, won: 0 });
    // Plan: 1 won, 2 opportunities, 2 SQLs, 4 MQLs, 8 leads.
    expect(past.pace.stages.lead).toMatchObject({ planned: 8, actual: 5, status: 'behind', forecast: 5 });
    expect(past.pace.stages.mql).toMatchObject({ planned: 4, actual: 5, status: 'ahead' });
  });
});

describe('default rates', () => {
  it('should mark illustrative defaults, and replace a rate by the team’s own once the ledger holds enough', async () => {
    const res = await putPlan(ws, '2026-03', {
      ...Q1,
      rates: {
        lead_mql: 'history',
        mql_sql: 'default',
        sql_opportunity: 'default',
        opportunity_won: 'default',
      },
    });
    expect(res.status).toBe(201);
    const view = await getPlanView(testDb(), ws.id, '2026-03', NOW);
    // The 365 days before now: 50 leads, 25 MQLs (>= 30 and >= 5): lead → MQL is the team's 0.5.
    expect(view.rates.lead_mql).toEqual({
      value: 0.5,
      origin: 'history',
      basis: 'actual',
      illustrative: false,
      sample: { from: 50, to: 25 },
    });
    // 25 MQLs are too few to judge MQL → SQL: still illustrative.
    expect(view.rates.mql_sql).toEqual({
      value: ILLUSTRATIVE_RATES.mql_sql,
      origin: 'default',
      basis: 'illustrative',
      illustrative: true,
      sample: null,
    });
    expect(view.rates.opportunity_won.basis).toBe('illustrative');
    expect(view.illustrative).toBe(true);
    // 9 won ÷ 0.25 → 36 opportunities ÷ 0.6 → 60 SQLs ÷ 0.25 → 240 MQLs ÷ 0.5 → 480 leads.
    expect(view.plan.stages).toEqual({ lead: 480, mql: 240, sql: 60, opportunity: 36, won: 9 });
  });

  it('should keep a rate the plan sets over the team’s actual', async () => {
    await putPlan(ws, '2026-03', { ...Q1, rates: { lead_mql: 0.4 } });
    const view = await getPlanView(testDb(), ws.id, '2026-03', NOW);
    expect(view.rates.lead_mql).toMatchObject({ value: 0.4, basis: 'plan' });
  });

  it('should stay illustrative for a new team', async () => {
    const fresh = await createTestWorkspace();
    const res = await putPlan(fresh, '2026', { ...Q1, rates: ALL_DEFAULT });
    const body = (await res.json()) as PlanView;
    expect(Object.values(body.rates).every((r) => r.basis === 'illustrative')).toBe(true);
    expect(body.illustrative).toBe(true);
  });
});

describe('PUT/GET /v1/funnel/plans/{period}', () => {
  it('should create, then replace, keeping when it was created', async () => {
    const fresh = await createTestWorkspace();
    const first = await putPlan(fresh, '2027', { ...Q1, marketingBudget: 9_000 });
    expect(first.status).toBe(201);
    const created = (await first.json()) as PlanView;
    expect(created.inputs).toMatchObject({
      period: '2027',
      revenueTarget: 90_000,
      rates: {},
      marketingBudget: 9_000,
      currency: null,
      updatedBy: fresh.tokenIds.manager,
    });
    expect(created.plan.maxCost).not.toBeNull();
    const second = await putPlan(fresh, '2027', { revenueTarget: 120_000, averageDealSize: 10_000 }, 'admin');
    expect(second.status).toBe(200);
    const replaced = (await second.json()) as PlanView;
    expect(replaced.inputs.revenueTarget).toBe(120_000);
    expect(replaced.inputs.marketingBudget).toBeNull();
    expect(replaced.inputs.createdAt).toBe(created.inputs.createdAt);
    const read = await call('GET', '/v1/funnel/plans/2027', { token: fresh.tokens.viewer });
    expect(read.status).toBe(200);
    expect(((await read.json()) as PlanView).plan.stages.won).toBe(12);
    const list = await call('GET', '/v1/funnel/plans', { token: fresh.tokens.sales });
    expect(((await list.json()) as { data: Array<{ period: string }> }).data.map((p) => p.period)).toEqual([
      '2027',
    ]);
  });

  it('should read the plan against the ledger as of the Worker’s clock: part-way through Q1, then after it', async () => {
    const own = await seededWorkspace();
    const created = await putPlan(own, '2026-Q1', { ...Q1, rates: FULL_RATES, currency: 'EUR' });
    expect(created.status, await created.clone().text()).toBe(201);
    const readAt = async (at: Date) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(at);
      try {
        const res = await call('GET', '/v1/funnel/plans/2026-Q1', { token: own.tokens.sales });
        expect(res.status, await res.clone().text()).toBe(200);
        return (await res.json()) as PlanView;
      } finally {
        vi.useRealTimers();
      }
    };
    const during = await readAt(NOW);
    expect(during.actuals).toMatchObject({ lead: 45, won: 3 });
    expect(during.pace.elapsed).toBe(0.5222); // 47 / 90
    const after = await readAt(new Date('2026-04-01T00:00:00Z')); // Q1 in Tokyo ended 2026-03-31T15:00Z
    expect(after.actuals).toMatchObject({ lead: 45, won: 3 });
    expect(after.pace.elapsed).toBe(1);
  });

  it('should name the fields at fault', async () => {
    const bad = await putPlan(ws, '2026-Q1', {
      revenueTarget: -5,
      averageDealSize: 0,
      rates: { mql_sql: 1.5, lead_sql: 0.5 },
      currency: 'eur',
      marketingBudget: -1,
    });
    const problem = await expectProblem(bad, 422);
    const paths = (problem.errors as Array<{ path: string }>).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'revenueTarget',
        'averageDealSize',
        'rates.mql_sql',
        'rates.lead_sql',
        'currency',
        'marketingBudget',
      ]),
    );
    for (const period of ['2026-Q5', '26', '2026-13', '1999']) {
      const problem = await expectProblem(await putPlan(ws, period, Q1), 422);
      expect((problem.errors as Array<{ path: string }>).map((e) => e.path)).toContain('param.period');
    }
    const huge = await expectProblem(
      await putPlan(ws, '2026', { revenueTarget: 1e15, averageDealSize: 1 }),
      422,
    );
    expect((huge.errors as Array<{ path: string }>).map((e) => e.path)).toContain('revenueTarget');
  });

  it('should answer 404 for a period without a plan, and for another workspace’s plan', async () => {
    await expectProblem(await call('GET', '/v1/funnel/plans/2031', { token: ws.tokens.viewer }), 404);
    const other = await createTestWorkspace();
    await expectProblem(await call('GET', '/v1/funnel/plans/2026-Q1', { token: other.tokens.admin }), 404);
    const list = await call('GET', '/v1/funnel/plans', { token: other.tokens.admin });
    expect(((await list.json()) as { data: unknown[] }).data).toEqual([]);
  });

  describe('with a 2026-Q1 plan in place', () => {
    let planned: TestWorkspace;

    beforeAll(async () => {
      planned = await createTestWorkspace();
      const res = await putPlan(planned, '2026-Q1', { ...Q1, rates: FULL_RATES, currency: 'EUR' });
      expect(res.status, await res.clone().text()).toBe(201);
    });

    it.each([
      ['admin', 200, 200],
      ['manager', 200, 200],
      ['marketing', 403, 200],
      ['sales', 403, 200],
      ['viewer', 403, 200],
      ['intake', 403, 403],
    ] as const)('should let %s write with %i and read with %i', async (role, write, read) => {
      const put = await call('PUT', '/v1/funnel/plans/2026-Q1', {
        token: planned.tokens[role],
        json: { ...Q1, rates: FULL_RATES, currency: 'EUR' },
      });
      if (write === 200) expect(put.status).toBe(200);
      else await expectProblem(put, write);
      const get = await call('GET', '/v1/funnel/plans/2026-Q1', { token: planned.tokens[role] });
      if (read === 200) expect(get.status).toBe(200);
      else await expectProblem(get, read);
    });
  });
});

describe('startOfLocalDay matches the period boundaries the plan uses', () => {
  it('should put Q1 in Tokyo from 2025-12-31T15:00Z to 2026-03-31T15:00Z', async () => {
    const view = await getPlanView(testDb(), ws.id, '2026-Q1', new Date('2025-12-31T15:00:00Z'));
    expect(view.pace.status).toBe('not_started');
    const started = await getPlanView(testDb(), ws.id, '2026-Q1', new Date('2025-12-31T15:00:01Z'));
    expect(started.pace.status).not.toBe('not_started');
  });
});
