import { describe, expect, it } from 'vitest';
import { ILLUSTRATIVE_RATES } from '../../worker/domain/reports/plan';
import { call, createTestWorkspace, expectProblem, type TestWorkspace } from './harness';

/** The seed's worked example, as a manager types it: two rates, a currency. */
const WORKED = {
  revenueTarget: 1_000_000,
  averageDealSize: 20_000,
  rates: { mql_sql: 0.5, opportunity_won: 0.5 },
  currency: 'EUR',
};

interface Rate {
  value: number;
  origin: string;
}

async function compute(ws: TestWorkspace, body: unknown) {
  return call('POST', '/v1/funnel/compute', { token: ws.tokens.manager, json: body });
}

async function put(ws: TestWorkspace, period: string, body: unknown) {
  return call('PUT', `/v1/funnel/plans/${period}`, { token: ws.tokens.manager, json: body });
}

describe('one rate rule for compute and the stored plan', () => {
  it('should give the worked example in both: 50 customers, 100 SQLs, 200 MQLs, each rate with its origin', async () => {
    const ws = await createTestWorkspace();
    const computed = await compute(ws, WORKED);
    expect(computed.status, await computed.clone().text()).toBe(200);
    const c = (await computed.json()) as {
      stages: Record<string, number>;
      rateOrigins: Record<string, Rate>;
      currency: string;
      period: { start: string; end: string };
      months: unknown[];
    };
    const stored = await put(ws, '2026', WORKED);
    expect(stored.status, await stored.clone().text()).toBe(201);
    const p = (await stored.json()) as {
      plan: { stages: Record<string, number> };
      rates: Record<string, Rate>;
      currency: string;
      illustrative: boolean;
    };
    const expected = { won: 50, opportunity: 100, sql: 100, mql: 200, lead: 200 };
    expect(c.stages).toEqual(expected);
    expect(p.plan.stages).toEqual(expected);
    const origins = (rates: Record<string, Rate>) =>
      Object.fromEntries(Object.entries(rates).map(([k, r]) => [k, [r.origin, r.value]]));
    const expectedOrigins = {
      lead_mql: ['passed-through', 1],
      mql_sql: ['given', 0.5],
      sql_opportunity: ['passed-through', 1],
      opportunity_won: ['given', 0.5],
    };
    expect(origins(c.rateOrigins)).toEqual(expectedOrigins);
    expect(origins(p.rates)).toEqual(expectedOrigins);
    expect(p.illustrative).toBe(false);
    expect(c.currency).toBe('EUR');
    expect(p.currency).toBe('EUR');
    // Without a period, compute plans the current calendar year in the workspace's zone.
    expect(c.period.start.slice(5)).toBe('01-01');
    expect(c.period.end.slice(5)).toBe('12-31');
    expect(c.months).toHaveLength(12);
  });

  it('should use an illustrative default only where the team asks for one by name, in both', async () => {
    const ws = await createTestWorkspace();
    const body = { ...WORKED, rates: { ...WORKED.rates, lead_mql: 'default' } };
    const c = (await (await compute(ws, body)).json()) as {
      stages: Record<string, number>;
      rateOrigins: Record<string, Rate>;
    };
    const p = (await (await put(ws, '2026-Q1', body)).json()) as {
      plan: { stages: Record<string, number> };
      rates: Record<string, Rate>;
      illustrative: boolean;
    };
    expect(c.rateOrigins.lead_mql).toMatchObject({ origin: 'default', value: ILLUSTRATIVE_RATES.lead_mql });
    expect(p.rates.lead_mql).toMatchObject({ origin: 'default', value: ILLUSTRATIVE_RATES.lead_mql });
    expect(c.stages.lead).toBe(Math.ceil(200 / ILLUSTRATIVE_RATES.lead_mql));
    expect(p.plan.stages).toEqual(c.stages);
    expect(p.illustrative).toBe(true);
  });

  it('should refuse a rate asked from history the ledger does not hold, naming it, and store nothing', async () => {
    const ws = await createTestWorkspace();
    const body = { ...WORKED, rates: { ...WORKED.rates, lead_mql: 'history' } };
    for (const res of [await compute(ws, body), await put(ws, '2026', body)]) {
      const problem = await expectProblem(res, 422);
      expect(problem.errors).toEqual([
        { path: 'rates.lead_mql', message: expect.stringContaining('0 leads') },
      ]);
    }
    await expectProblem(await call('GET', '/v1/funnel/plans/2026', { token: ws.tokens.viewer }), 404);
  });

  it('should refuse a rate that is neither a number, "history" nor "default"', async () => {
    const ws = await createTestWorkspace();
    const problem = await expectProblem(await compute(ws, { ...WORKED, rates: { mql_sql: 'typical' } }), 422);
    expect((problem.errors as { path: string }[]).map((e) => e.path)).toEqual(['rates.mql_sql']);
  });
});
