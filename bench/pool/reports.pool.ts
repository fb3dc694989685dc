import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { BASE, call, createTestWorkspace, env } from '../../test/worker/harness';
import { meteredD1 } from '../../test/worker/metered-d1';
import { reportRangeOf } from '../../worker/domain/reports/query';
import worker from '../../worker/index';
import { ledgerSeedSql, seededBetween } from '../ledger-seed';
import { benchScales, report } from './report';
import { REPORT_SCENARIOS, SEED_FROM, SEED_UNTIL } from './scenarios';

/**
 * Reports and the plan over big ledgers: each request goes through the real Worker entry point
 * (auth, routing, the report queries) with a D1 binding that sums D1's own rows_read of every statement,
 * at each scale of the same two years; rows per lead in the requested range is the figure that must not
 * grow with the ledger.
 */
it('reads report and plan rows in proportion to the leads in range', async () => {
  const { reports } = benchScales();
  const ws = await createTestWorkspace({ timezone: 'Europe/Warsaw' });
  const plan = await call('PUT', '/v1/funnel/plans/2026', {
    token: ws.tokens.manager,
    json: { revenueTarget: 2_000_000, averageDealSize: 8_000, rates: { mql_sql: 0.4 } },
  });
  expect([200, 201]).toContain(plan.status);
  let seeded = 0;
  for (const total of reports.leads) {
    const seed = {
      workspaceId: ws.id,
      prefix: `lead_s${total}_`,
      count: total - seeded,
      from: SEED_FROM,
      until: SEED_UNTIL,
      ownerIds: ['mem_0', 'mem_1', 'mem_2', 'mem_3', 'mem_4'],
      sourceIds: ['src_a', 'src_b', 'src_c'],
    };
    for (const statement of ledgerSeedSql(seed)) await env.DB.prepare(statement).run();
    const counts = await env.DB.prepare('select count(*) as n from leads where workspace_id = ?')
      .bind(ws.id)
      .first<{ n: number }>();
    expect(counts?.n).toBe(total);
    const previous = seeded;
    seeded = total;

    for (const scenario of REPORT_SCENARIOS) {
      const metered = meteredD1(env.DB);
      const ctx = createExecutionContext();
      const started = performance.now();
      const res = await worker.fetch(
        new Request(`${BASE}${scenario.path}`, { headers: { authorization: `Bearer ${ws.tokens.viewer}` } }),
        { ...env, DB: metered.binding },
        ctx,
      );
      const body = await res.text();
      await waitOnExecutionContext(ctx);
      const ms = performance.now() - started;
      expect(res.status, body).toBe(200);
      // Leads created in the range the request reads (the plan: its year and, for team rates, the year before).
      const range = reportRangeOf(scenario.range, 'Europe/Warsaw', new Date());
      const from = scenario.plan
        ? reportRangeOf({ from: '2025-01-01', to: '2025-12-31' }, 'Europe/Warsaw', new Date()).from
        : range.from;
      const inRange = (s: typeof seed) => seededBetween(s, from, range.to);
      const leadsInRange = inRange(seed) + (previous ? inRange({ ...seed, count: previous }) : 0);
      report('reports', {
        leads: total,
        scenario: scenario.name,
        path: scenario.path,
        leadsInRange,
        rowsRead: metered.totals.rowsRead,
        statements: metered.totals.statements,
        rowsPerLeadInRange: metered.totals.rowsRead / leadsInRange,
        poolMs: ms,
      });
    }
  }
});
