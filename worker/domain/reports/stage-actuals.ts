import type { StageCounts } from '../funnel';
import type { StageRow } from './metrics';
import type { StageActuals } from './plan';

/**
 * Flow counts per group (a month bucket, or null for the whole range) from the ledger's stage
 * rows: leads reaching each funnel stage, and for won the revenue too. Rows of other metrics
 * (nurture, lost…) are not funnel stages and count nowhere here.
 */
export function stageActualsOf(
  rows: readonly Pick<StageRow, 'key' | 'metric' | 'leads' | 'revenue'>[],
): Map<string | null, StageActuals> {
  const out = new Map<string | null, StageActuals>();
  for (const row of rows) {
    const a = out.get(row.key) ?? { lead: 0, mql: 0, sql: 0, opportunity: 0, won: 0, revenue: 0 };
    if (
      row.metric === 'lead' ||
      row.metric === 'mql' ||
      row.metric === 'sql' ||
      row.metric === 'opportunity'
    ) {
      a[row.metric] += row.leads;
    } else if (row.metric === 'won') {
      a.won += row.leads;
      a.revenue += row.revenue;
    }
    out.set(row.key, a);
  }
  return out;
}

/** The whole range's counts (the null group), every stage present: what the team's own rates are read from. */
export function rangeStageCounts(actuals: ReadonlyMap<string | null, StageActuals>): StageCounts {
  return { lead: 0, mql: 0, sql: 0, opportunity: 0, won: 0, ...actuals.get(null) };
}

/** The month buckets' actuals, keyed by month (the null group is the whole range, not a month). */
export function monthlyActuals(actuals: ReadonlyMap<string | null, StageActuals>): Map<string, StageActuals> {
  const out = new Map<string, StageActuals>();
  for (const [key, value] of actuals) if (key !== null) out.set(key, value);
  return out;
}
