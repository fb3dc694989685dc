/**
 * Bulk SQL for the bench's big ledgers: the same statements seed the vitest pool's D1 (where D1's
 * rows_read is metered) and the local D1 file behind wrangler dev (where requests are timed, through
 * `wrangler d1 execute --local --file`), so both measure one shape of data. Values are inlined as SQL
 * literals: every one is the bench's own (ids it made, counts, dates), never text from outside.
 */

const lit = (value: string | number) =>
  typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;

export const MINUTES_PER_DAY = 1440;

export interface LedgerSeed {
  workspaceId: string;
  /** Lead ids are `${prefix}${i}`: a second seed with another prefix adds leads beside the first. */
  prefix: string;
  count: number;
  /** The first lead's creation; the rest follow evenly until `until`. */
  from: string;
  until: string;
  /** Owners the MQLs are dealt to (member ids of the workspace). */
  ownerIds: readonly string[];
  sourceIds: readonly string[];
}

/**
 * `count` leads spread evenly over [from, until) with their ledger events, the shape intake and the
 * sales actions write: every lead created and touched; every 2nd an MQL (owned), every 4th attempted,
 * every 8th an SQL (hot), every 16th an opportunity, every 32nd won (1,000 EUR). Eight statements (the leads, then one per event type).
 */
export function ledgerSeedSql(seed: LedgerSeed): string[] {
  const { workspaceId, prefix, count } = seed;
  const stepMinutes = (Date.parse(seed.until) - Date.parse(seed.from)) / 60_000 / count;
  const owner = (i: string) =>
    `case ${seed.ownerIds.map((id, k) => `when ${i} % ${seed.ownerIds.length} = ${k} then ${lit(id)}`).join(' ')} end`;
  const source = (i: string) =>
    `case ${seed.sourceIds.map((id, k) => `when ${i} % ${seed.sourceIds.length} = ${k} then ${lit(id)}`).join(' ')} end`;
  const leads = `
    insert into leads (id, workspace_id, seq, stage, domain_index, consent, owner_id, first_source_id, campaign,
      fit, engagement, quadrant, icp_match, touch_counts, submitted_at, mql_at, agreement_version,
      first_attempt_at, sql_at, sales_temperature, opportunity_at, won_at, won_amount, currency,
      created_at, updated_at)
    with recursive n(i) as (select 0 union all select i + 1 from n where i < ${count - 1}),
    t as (select i, strftime('%Y-%m-%dT%H:%M:%fZ', ${lit(seed.from)},
      '+' || cast(i * ${stepMinutes} as integer) || ' minutes') as at from n)
    select ${lit(prefix)} || i, ${lit(workspaceId)}, 7,
      case when i % 32 = 0 then 'won' when i % 16 = 0 then 'opportunity' when i % 8 = 0 then 'sql'
        when i % 2 = 0 then 'mql' else 'lead' end,
      'd' || (i % 700) || '.example', 1,
      case when i % 2 = 0 then ${owner('(i / 2)')} end,
      ${source('i')}, 'campaign-' || (i % 20),
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
  const events: Array<[number, string, string, string]> = [
    [1, 'created', 'created_at', `'{"createsLead":true}'`],
    [2, 'touch', 'created_at', `'{"touchType":"page_view"}'`],
    [3, 'mql', 'mql_at', `'{}'`],
    [4, 'attempt', 'first_attempt_at', `'{"channel":"phone","outcome":"connected"}'`],
    [5, 'qualified', 'sql_at', `'{"sql":true,"salesTemperature":"hot"}'`],
    [6, 'opportunity', 'opportunity_at', `'{}'`],
    [7, 'won', 'won_at', `json_object('amount', won_amount, 'currency', currency)`],
  ];
  return [
    leads,
    ...events.map(
      ([seq, type, column, payload]) => `
      insert into lead_events (id, workspace_id, lead_id, seq, type, occurred_at, recorded_at, actor_type,
        source_id, campaign, payload)
      select id || ':${seq}', workspace_id, id, ${seq}, '${type}', ${column}, ${column}, 'system',
        case when ${seq} <= 2 then first_source_id end, case when ${seq} <= 2 then campaign end, ${payload}
      from leads where workspace_id = ${lit(workspaceId)} and id like ${lit(`${prefix}%`)} and ${column} is not null`,
    ),
  ];
}

/** How many of a seed's leads were created in [from, to): worked out from its cadence, not read back. */
export function seededBetween(seed: Pick<LedgerSeed, 'count' | 'from' | 'until'>, from: string, to: string) {
  // Lead i is created at from + trunc(i · step) minutes, as the SQL computes it.
  const stepMinutes = (Date.parse(seed.until) - Date.parse(seed.from)) / 60_000 / seed.count;
  const t0 = Date.parse(seed.from);
  const lo = Date.parse(from);
  const hi = Date.parse(to);
  let n = 0;
  for (let i = 0; i < seed.count; i++) {
    const at = t0 + Math.trunc(i * stepMinutes) * 60_000;
    if (at >= lo && at < hi) n += 1;
  }
  return n;
}

export interface OpenLeadsSeed {
  workspaceId: string;
  prefix: string;
  /** Open MQLs, three pending deadlines each (first touch, attempts, decision). */
  count: number;
  /** The first `due` leads' first touch came due before `now`; every other deadline is weeks away. */
  due: number;
  ownerId: string;
  agreementVersion: number;
}

/** Open leads with their SLA deadlines, as `test/worker/sla-scale.test.ts` seeds them, in four statements. */
export function openLeadsSql(seed: OpenLeadsSeed): string[] {
  const { workspaceId, prefix, count, due, ownerId, agreementVersion } = seed;
  const leads = `
    insert into leads (id, workspace_id, seq, stage, consent, fit, engagement, quadrant, icp_match, touch_counts,
      owner_id, agreement_version, created_at, updated_at)
    with recursive n(i) as (select 0 union all select i + 1 from n where i < ${count - 1})
    select ${lit(prefix)} || i, ${lit(workspaceId)}, 3, 'mql', 1, 10, 10, 'perfect', 1, '{}', ${lit(ownerId)},
      ${agreementVersion}, '2026-11-20T08:00:00.000Z', '2026-11-20T08:00:00.000Z'
    from n`;
  return [
    leads,
    ...['first_touch', 'attempts', 'decision'].map((kind) => {
      const isDue = kind === 'first_touch' ? `i < ${due}` : '0';
      return `
      insert into sla_deadlines (id, workspace_id, key, lead_id, kind, status, agreement_version, owner_id,
        started_at, due_soon_at, due_at, escalate_at, next_at, created_at, updated_at)
      with recursive n(i) as (select 0 union all select i + 1 from n where i < ${count - 1})
      select 'sla_' || ${lit(prefix)} || '${kind}_' || i, ${lit(workspaceId)}, ${lit(prefix)} || i || ':${kind}:3',
        ${lit(prefix)} || i, '${kind}', 'pending', ${agreementVersion}, ${lit(ownerId)}, '2026-11-20T08:00:00.000Z',
        case when ${isDue} then '2026-11-23T10:45:00.000Z' else '2026-12-29T11:00:00.000Z' end,
        case when ${isDue} then '2026-11-23T11:00:00.000Z' else '2026-12-30T11:00:00.000Z' end,
        '2027-01-30T11:00:00.000Z',
        case when ${isDue} then '2026-11-23T10:45:00.000Z' else '2026-12-29T11:00:00.000Z' end,
        '2026-11-20T08:00:00.000Z', '2026-11-20T08:00:00.000Z'
      from n`;
    }),
  ];
}
