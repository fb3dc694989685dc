/** The big ledgers' span: two years, leads evenly spread (bench/ledger-seed.ts). */
export const SEED_FROM = '2025-01-01T00:00:00.000Z';
export const SEED_UNTIL = '2027-01-01T00:00:00.000Z';

export interface ReportScenario {
  name: string;
  path: string;
  /** The dates the request covers, in the workspace's calendar. */
  range: { from: string; to: string };
  /** The plan also reads the 365 days before its period (the team's own rates). */
  plan?: boolean;
}

/** A report over [from, to] (dates in the workspace's calendar), with more of its query after them. */
const reportOver = (name: string, from: string, to: string, more = ''): ReportScenario => ({
  name,
  path: `/v1/reports?from=${from}&to=${to}${more}`,
  range: { from, to },
});

/** The reports and the plan bench/run.mjs times and the pool meters: one list, so both measure the same calls. */
export const REPORT_SCENARIOS: ReportScenario[] = [
  reportOver('Report, one month', '2026-03-01', '2026-03-31'),
  reportOver('Report, one month by source', '2026-03-01', '2026-03-31', '&groupBy=source'),
  reportOver('Report, one quarter by campaign', '2026-01-01', '2026-03-31', '&groupBy=campaign'),
  reportOver('Report, one year by month', '2026-01-01', '2026-12-31', '&groupBy=month'),
  reportOver('Report, one year by owner, CSV', '2026-01-01', '2026-12-31', '&groupBy=owner&format=csv'),
  {
    name: 'Plan 2026 with actuals and team rates',
    path: '/v1/funnel/plans/2026',
    range: { from: '2026-01-01', to: '2026-12-31' },
    plan: true,
  },
];
