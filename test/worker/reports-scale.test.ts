import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerSeedSql, seededBetween as seededFromCadence } from '../../bench/ledger-seed';
import type { Database } from '../../worker/db/client';
import { type ReportScope, reportQueries } from '../../worker/db/queries/reports';
import * as schema from '../../worker/db/schema';
import type { ReportGroup, ReportRange } from '../../worker/domain/reports/query';
import { reportRangeOf } from '../../worker/domain/reports/query';
import { getPlan } from '../../worker/services/plans';
import { reportOf } from '../../worker/services/reports/report-of';
import { call, createTestWorkspace, env, type TestWorkspace } from './harness';
import { meteredD1 } from './metered-d1';

/** The plan verb at `now` (what GET /v1/funnel/plans/{period} answers), called directly. */
const getPlanView = (db: Database, workspaceId: string, period: string, now: Date) =>
  getPlan({ ctx: { db, workspaceId, now }, input: { period } });
/** The report verb for a range, called directly (the clock plays no part in it). */
const getReport = (db: Database, workspaceId: string, range: ReportRange, groupBy: ReportGroup | null) =>
  reportOf({ ctx: { db, workspaceId, now: new Date() }, input: { range, groupBy } });

/**
 * Tens of thousands of leads and events, written straight into the ledger
 * tables in bulk SQL (the shape intake and the sales actions write), to check
 * that reports read the requested range through indexes and never the whole
 * ledger. No timing here: only query plans and D1's own rows_read.
 */

const MINUTES_BETWEEN_LEADS = 52;

/**
 * `count` leads, one every 52 minutes from `start`, with their events, in the bench's bulk SQL
 * (bench/ledger-seed.ts): both measure one shape of data.
 */
function ledgerOf(workspaceId: string, prefix: string, start: string, count: number) {
  return {
    workspaceId,
    prefix,
    count,
    from: start,
    until: new Date(Date.parse(start) + count * MINUTES_BETWEEN_LEADS * 60_000).toISOString(),
    ownerIds: ['mem_0', 'mem_1', 'mem_2', 'mem_3', 'mem_4'],
    sourceIds: [0, 1, 2].map((k) => `src_${prefix}${k}`),
  };
}

async function bulkSeed(workspaceId: string, prefix: string, start: string, count: number): Promise<void> {
  await env.DB.batch(
    ledgerSeedSql(ledgerOf(workspaceId, prefix, start, count)).map((s) => env.DB.prepare(s)),
  );
}

/**
 * How many of the `count` leads `bulkSeed` wrote from `start` were created in [from, to): worked out from
 * the seeding cadence (lead i at start + 52·i minutes), not read back from the database.
 */
function seededBetween(start: string, count: number, from: string, to: string): number {
  return seededFromCadence(ledgerOf('', '', start, count), from, to);
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
