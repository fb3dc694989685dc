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

/** The reports and the plan bench/run.mjs times and the pool meters: one list, so both measure the same calls. */
export const REPORT_SCENARIOS: ReportScenario[] = [
  {
    name: 'Report, one month',
    path: '/v1/reports?from=2026-03-01&to=2026-03-31',
    range: { from: '2026-03-01', to: '2026-03-31' },
  },
  {
    name: 'Report, one month by source',
    path: '/v1/reports?from=2026-03-01&to=2026-03-31&groupBy=source',
    range: { from: '2026-03-01', to: '2026-03-31' },
  },
  {
    name: 'Report, one quarter by campaign',
    path: '/v1/reports?from=2026-01-01&to=2026-03-31&groupBy=campaign',
    range: { from: '2026-01-01', to: '2026-03-31' },
  },
  {
    name: 'Report, one year by month',
    path: '/v1/reports?from=2026-01-01&to=2026-12-31&groupBy=month',
    range: { from: '2026-01-01', to: '2026-12-31' },
  },
  {
    name: 'Report, one year by owner, CSV',
    path: '/v1/reports?from=2026-01-01&to=2026-12-31&groupBy=owner&format=csv',
    range: { from: '2026-01-01', to: '2026-12-31' },
  },
  {
    name: 'Plan 2026 with actuals and team rates',
    path: '/v1/funnel/plans/2026',
    range: { from: '2026-01-01', to: '2026-12-31' },
    plan: true,
  },
];
