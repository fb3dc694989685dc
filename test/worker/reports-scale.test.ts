import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPlanView, getReport, type ReportScope, reportQueries } from '../../worker/db/queries/reports';
import * as schema from '../../worker/db/schema';
import { reportRangeOf } from '../../worker/domain/reports/query';
import { call, createTestWorkspace, env, type TestWorkspace } from './harness';
import { meteredD1 } from './metered-d1';

/**
 * Tens of thousands of leads and events, written straight into the ledger
 * tables in bulk SQL (the shape intake and the sales actions write), to check
 * that reports read the requested range through indexes and never the whole
 * ledger. No timing here: only query plans and D1's own rows_read.
 */

const MINUTES_BETWEEN_LEADS = 52;

/**
 * `count` leads, one every 52 minutes from `start`, with their events: every
 * lead is created and touched; every 2nd becomes an MQL (owned), every 4th is
 * attempted, every 8th an SQL (hot), every 16th an opportunity, every 32nd won.
 */
async function bulkSeed(workspaceId: string, prefix: string, start: string, count: number): Promise<void> {
  const leadsSql = `
    insert into leads (id, workspace_id, seq, stage, domain_index, consent, owner_id, first_source_id, campaign,
      fit, engagement, quadrant, icp_match, touch_counts, submitted_at, mql_at, agreement_version,
      first_attempt_at, sql_at, sales_temperature, opportunity_at, won_at, won_amount, currency, created_at, updated_at)
    with recursive n(i) as (select 0 union all select i + 1 from n where i < ?3 - 1),
    t as (select i, strftime('%Y-%m-%dT%H:%M:%fZ', ?4, '+' || (i * ${MINUTES_BETWEEN_LEADS}) || ' minutes') as at from n)
    select ?2 || i, ?1, 7,
      case when i % 32 = 0 then 'won' when i % 16 = 0 then 'opportunity' when i % 8 = 0 then 'sql'
        when i % 2 = 0 then 'mql' else 'lead' end,
      'd' || (i % 700) || '.test', 1,
      case when i % 2 = 0 then 'mem_' || (i % 5) end,
      'src_' || ?2 || (i % 3), 'campaign-' || (i % 20),
      0, 0, 'low', i % 3 = 0, '{}', at,
      case when i % 2 = 0 then strftime('%Y-%m-%dT%H:%M:%fZ', at, '+1 hours') end, null,
      case when i % 4 = 0 then strftime('%Y-%m-%dT%H:%M:%fZ', at, '+2 hours') end,
      case when i % 8 = 0 then strftime('%Y-%m-%dT%H:%M:%fZ', at, '+1 days') end,
      case when i % 8 = 0 then 'hot' end,
      case when i % 16 = 0 then strftime('%Y-%m-%dT%H:%M:%fZ', at, '+2 days') end,
      case when i % 32 = 0 then strftime('%Y-%m-%dT%H:%M:%fZ', at, '+3 days') end,
      case when i % 32 = 0 then 1000 end,
      case when i % 32 = 0 then 'EUR' end,
      at, at
    from t`;
  await env.DB.prepare(leadsSql).bind(workspaceId, prefix, count, start).run();
  const events: Array<[number, string, string, string]> = [
    [1, 'created', 'created_at', `'{"createsLead":true}'`],
    [2, 'touch', 'created_at', `'{"touchType":"page_view"}'`],
    [3, 'mql', 'mql_at', `'{}'`],
    [4, 'attempt', 'first_attempt_at', `'{"channel":"phone","outcome":"connected"}'`],
    [5, 'qualified', 'sql_at', `'{"sql":true,"salesTemperature":"hot"}'`],
    [6, 'opportunity', 'opportunity_at', `'{}'`],
    [7, 'won', 'won_at', `json_object('amount', won_amount, 'currency', currency)`],
  ];
  await env.DB.batch(
    events.map(([seq, type, column, payload]) =>
      env.DB.prepare(
        `insert into lead_events (id, workspace_id, lead_id, seq, type, occurred_at, recorded_at, actor_type,
           source_id, campaign, payload)
         select id || ':${seq}', workspace_id, id, ${seq}, '${type}', ${column}, ${column}, 'system',
           case when ${seq} <= 2 then first_source_id end, case when ${seq} <= 2 then campaign end, ${payload}
         from leads where workspace_id = ?1 and id like ?2 || '%' and ${column} is not null`,
      ).bind(workspaceId, prefix),
    ),
  );
}

/**
 * How many of the `count` leads `bulkSeed` wrote from `start` were created in [from, to): worked out from
 * the seeding cadence (lead i at start + 52·i minutes), not read back from the database.
 */
function seededBetween(start: string, count: number, from: string, to: string): number {
  const step = MINUTES_BETWEEN_LEADS * 60_000;
  const t0 = Date.parse(start);
  const firstIn = Math.max(0, Math.ceil((Date.parse(from) - t0) / step));
  const firstAfter = Math.min(count, Math.max(0, Math.ceil((Date.parse(to) - t0) / step)));
  return Math.max(0, firstAfter - firstIn);
}

/** March 2026 in Warsaw: from midnight CET on the 1st to midnight CEST after the 31st. */
const MARCH_FROM = '2026-02-28T23:00:00.000Z';
const MARCH_TO = '2026-03-31T22:00:00.000Z';
const BIG_START = '2025-01-01T00:00:00.000Z';
const OTHER_START = '2025-07-01T00:00:00.000Z';

async function count(query: string, ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(query)
    .bind(...params)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

const RANGE_BY_TYPE =
  'USING INDEX lead_events_workspace_type (workspace_id=? AND type=? AND occurred_at>? AND occurred_at<?)';
const RANGE_BY_DUE =
  'USING INDEX sla_deadlines_status_due (workspace_id=? AND status=? AND due_at>? AND due_at<?)';

let big: TestWorkspace;
let other: TestWorkspace;

beforeAll(async () => {
  big = await createTestWorkspace({ timezone: 'Europe/Warsaw' });
  other = await createTestWorkspace({ timezone: 'Europe/Warsaw' });
  // 20,000 leads over two years (2025–2026), ~74,000 events; another tenant with 10,000 from mid-2025 to mid-2026.
  await bulkSeed(big.id, 'lead_big_', BIG_START, 20_000);
  await bulkSeed(other.id, 'lead_oth_', OTHER_START, 10_000);
}, 120_000);

function scopeOf(groupBy: ReportScope['groupBy'], from = '2026-03-01', to = '2026-03-31'): ReportScope {
  const range = reportRangeOf({ from, to }, 'Europe/Warsaw', new Date());
  return {
    workspaceId: big.id,
    from: range.from,
    to: range.to,
    groupBy,
    months: range.months,
    currency: 'EUR',
  };
}

describe('report queries at scale', () => {
  it('should hold tens of thousands of leads and events', async () => {
    expect(await count('select count(*) as n from leads where workspace_id = ?', big.id)).toBe(20_000);
    expect(
      await count('select count(*) as n from lead_events where workspace_id = ?', big.id),
    ).toBeGreaterThan(55_000);
  });

  it.each(['month', 'source', 'campaign', 'owner', null] as const)(
    'should read the ledger only through indexes (groupBy %s)',
    async (groupBy) => {
      const db = drizzle(env.DB, { schema });
      for (const [name, query] of Object.entries(reportQueries(scopeOf(groupBy)))) {
        const plan = await db.all<{ detail: string }>(sql`explain query plan ${query}`);
        const details = plan.map((p) => p.detail);
        const why = `${name}: ${details.join(' | ')}`;
        // No full scan of a ledger table, and no walk over a tenant's leads or events: events by type and
        // time range, deadlines by status and due time, leads and sources by primary key.
        for (const d of details) {
          expect(
            /^SCAN (e|l|s|d)\b/.test(d) || /^SCAN (lead_events|leads|sources|sla_deadlines)\b/.test(d),
            why,
          ).toBe(false);
          if (/^SEARCH e\b/.test(d)) expect(d, why).toContain(RANGE_BY_TYPE);
          if (/^SEARCH d\b/.test(d)) expect(d, why).toContain(RANGE_BY_DUE);
          if (/^SEARCH (l|s)\b/.test(d))
            expect(d, why).toMatch(/USING INDEX sqlite_autoindex_(leads|sources)_1 \(id=\?\)/);
        }
        expect(
          details.some((d) => d.includes(name === 'sla' ? RANGE_BY_DUE : RANGE_BY_TYPE)),
          why,
        ).toBe(true);
      }
    },
  );

  it('should read rows in proportion to the leads of the range, not the ledger', async () => {
    const metered = meteredD1(env.DB);
    const db = drizzle(metered.binding, { schema });
    const range = reportRangeOf({ from: '2026-03-01', to: '2026-03-31' }, 'Europe/Warsaw', new Date());
    expect([range.from, range.to]).toEqual([MARCH_FROM, MARCH_TO]);
    const leadsInRange = seededBetween(BIG_START, 20_000, MARCH_FROM, MARCH_TO);
    const events = await count('select count(*) as n from lead_events where workspace_id = ?', big.id);
    expect(leadsInRange).toBe(857); // 44,580 minutes of March (an hour short: summer time), one lead in 52

    metered.reset();
    const report = await getReport(db, big.id, range, 'month');
    const month = metered.totals.rowsRead;
    expect(report.totals.leads).toBe(leadsInRange);
    // About 18 per lead (its ~3 events, their lead by key, the temporary groupings): a constant per lead.
    expect(month).toBeLessThan(20 * leadsInRange);
    expect(month).toBeLessThan(events / 2);

    // Twice the ledger outside the range (2023–2024): the same report reads exactly as many rows.
    await bulkSeed(big.id, 'lead_old_', '2023-01-01T00:00:00.000Z', 20_000);
    metered.reset();
    const again = await getReport(db, big.id, range, 'month');
    expect(again.totals).toEqual(report.totals);
    expect(metered.totals.rowsRead).toBe(month);
    await env.DB.prepare("delete from lead_events where workspace_id = ? and lead_id like 'lead_old_%'")
      .bind(big.id)
      .run();
    await env.DB.prepare("delete from leads where workspace_id = ? and id like 'lead_old_%'")
      .bind(big.id)
      .run();
  }, 120_000);

  it('should read a year in proportion to that year, grouped by source, owner and campaign alike', async () => {
    const metered = meteredD1(env.DB);
    const db = drizzle(metered.binding, { schema });
    const range = reportRangeOf({ from: '2026-01-01', to: '2026-12-31' }, 'Europe/Warsaw', new Date());
    expect([range.from, range.to]).toEqual(['2025-12-31T23:00:00.000Z', '2026-12-31T23:00:00.000Z']);
    const leadsInYear = seededBetween(BIG_START, 20_000, range.from, range.to);
    for (const groupBy of ['source', 'owner', 'campaign'] as const) {
      metered.reset();
      const report = await getReport(db, big.id, range, groupBy);
      expect(report.groups.reduce((n, g) => n + g.leads, 0)).toBe(leadsInYear);
      expect(metered.totals.rowsRead, groupBy).toBeLessThan(20 * leadsInYear);
    }
  }, 120_000);

  it('should read a plan’s actuals in proportion to its period (and the year before, for team rates)', async () => {
    const metered = meteredD1(env.DB);
    const db = drizzle(metered.binding, { schema });
    const put = await call('PUT', '/v1/funnel/plans/2026-03', {
      token: big.tokens.manager,
      json: {
        revenueTarget: 100_000,
        averageDealSize: 1_000,
        rates: { lead_mql: 0.5, mql_sql: 0.25, sql_opportunity: 0.5, opportunity_won: 0.5 },
      },
    });
    expect(put.status).toBe(201);
    const now = new Date('2026-03-16T12:00:00Z');
    const leadsBetween = (from: string, to: string) =>
      count(
        'select count(*) as n from leads where workspace_id = ? and created_at >= ? and created_at < ?',
        big.id,
        from,
        to,
      );
    metered.reset();
    const view = await getPlanView(db, big.id, '2026-03', now);
    expect(view.actuals.lead).toBe(seededBetween(BIG_START, 20_000, MARCH_FROM, MARCH_TO));
    expect(metered.totals.rowsRead).toBeLessThan(10 * view.actuals.lead);

    // Rates asked as history come from the 365 days before now: about 10,000 leads, never all 20,000.
    await call('PUT', '/v1/funnel/plans/2026-03', {
      token: big.tokens.manager,
      json: {
        revenueTarget: 100_000,
        averageDealSize: 1_000,
        rates: {
          lead_mql: 'history',
          mql_sql: 'history',
          sql_opportunity: 'history',
          opportunity_won: 'history',
        },
      },
    });
    metered.reset();
    const withTeamRates = await getPlanView(db, big.id, '2026-03', new Date('2026-03-16T12:00:00Z'));
    expect(withTeamRates.rates.lead_mql).toMatchObject({ basis: 'actual', value: 0.5 });
    expect(withTeamRates.rates.opportunity_won).toMatchObject({ basis: 'actual', value: 0.5 });
    const yearBefore = await leadsBetween(
      new Date(now.getTime() - 365 * 86_400_000).toISOString(),
      now.toISOString(),
    );
    expect(yearBefore).toBeLessThan(11_000);
    expect(metered.totals.rowsRead).toBeLessThan(10 * (yearBefore + view.actuals.lead));
  }, 120_000);

  it('should keep the other tenant’s rows out of the count', async () => {
    const range = reportRangeOf({ from: '2026-03-01', to: '2026-03-31' }, 'Europe/Warsaw', new Date());
    expect([range.from, range.to]).toEqual([MARCH_FROM, MARCH_TO]);
    const db = drizzle(env.DB, { schema });
    const theirs = await getReport(db, other.id, range, null);
    expect(theirs.totals.leads).toBe(seededBetween(OTHER_START, 10_000, MARCH_FROM, MARCH_TO));
    expect((await getReport(db, big.id, range, null)).totals.leads).toBe(
      seededBetween(BIG_START, 20_000, MARCH_FROM, MARCH_TO),
    );
  });
});
