import { type SQL, sql } from 'drizzle-orm';
import type { StageMetric } from '../../../domain/reports/metrics';
import { COVERAGE_MIN_ACTIONS } from '../../../domain/reports/metrics';
import type { MonthBucket } from '../../../domain/reports/period';
import type { ReportGroup } from '../../../domain/reports/query';
import { LEAD_DEADLINE_KINDS } from '../../../domain/sla/constants';

/**
 * The report's and the plan's aggregate queries. Each starts from the ledger's
 * index on (workspace_id, type, occurred_at), so it reads the events of the
 * requested range and the leads they belong to (by primary key), never the
 * whole ledger; the rest is folded by worker/domain/reports.
 *
 * `cross join` is SQLite's way to fix the join order: the range's events are
 * the outer loop. Left to itself the planner may walk every lead of the
 * workspace and look the events up, which reads the whole tenant
 * (test/worker/reports-scale.test.ts checks the plans and rows_read).
 */

/** The events that mark a lead reaching a stage or an outcome. */
const STAGE_EVENT_TYPES = [
  'created',
  'became_lead',
  'mql',
  'accepted',
  'qualified',
  'opportunity',
  'won',
  'lost',
  'nurtured',
  'rejected',
] as const;

/**
 * An imported row carries only its last stage and when it got there
 * (worker/domain/import/constants.ts). A row at `won` went through the stages
 * before it, so it counts for each of them at its `stageAt`: history from a
 * team's old sheet then gives real conversion rates. It became a lead when it
 * was submitted (its `created` event says so), not at `stageAt`.
 */
const IMPLIED_BY_IMPORT: ReadonlyArray<readonly [string, StageMetric]> = [
  ...(['mql', 'sal', 'sql', 'opportunity', 'won'] as const).map((stage) => [stage, 'mql'] as const),
  ...(['sal', 'sql', 'opportunity', 'won'] as const).map((stage) => [stage, 'sal'] as const),
  ...(['sql', 'opportunity', 'won'] as const).map((stage) => [stage, 'sql'] as const),
  ...(['opportunity', 'won'] as const).map((stage) => [stage, 'opportunity'] as const),
  ['won', 'won'],
  ['lost', 'lost'],
  ['nurture', 'nurture'],
  ['disqualified', 'disqualified'],
];

/** A `won` event, or an imported row whose stage is won: both carry `amount` and `currency`. */
const IS_WON = sql`(e.type = 'won' or (e.type = 'imported' and json_extract(e.payload, '$.stage') = 'won'))`;

/** Leads still in sales' hands. */
const OPEN_STAGES = ['mql', 'sal', 'sql', 'opportunity'] as const;

export interface ReportScope {
  workspaceId: string;
  /** Instants `[from, to)`. */
  from: string;
  to: string;
  groupBy: ReportGroup | null;
  /** Needed for `groupBy: 'month'`. */
  months: readonly MonthBucket[];
  /** Won amounts in this currency (or with none) count as revenue. */
  currency: string | null;
}

/**
 * Our own constants (event types, stages) written into the SQL as literals:
 * D1 binds at most 100 parameters per statement, and the month buckets need theirs.
 */
function list(values: readonly string[]): SQL {
  for (const v of values) if (!/^[a-z_]+$/.test(v)) throw new Error(`not a constant: ${v}`);
  return sql.raw(values.map((v) => `'${v}'`).join(', '));
}

/** The group key of a row whose lead is `l` and whose moment is `at`. */
function groupKey(scope: ReportScope, at: SQL): SQL {
  switch (scope.groupBy) {
    case 'source':
      return sql`l.first_source_id`;
    case 'campaign':
      return sql`l.campaign`;
    case 'owner':
      return sql`l.owner_id`;
    case 'month': {
      // Months in the workspace's zone: the first bucket whose end lies after the moment.
      const whens = scope.months.map((m) => sql`when ${at} < ${m.to} then ${m.month}`);
      return sql`(case ${sql.join(whens, sql` `)} end)`;
    }
    default:
      return sql`null`;
  }
}

function inRange(scope: ReportScope, alias = sql`e`): SQL {
  return sql`${alias}.workspace_id = ${scope.workspaceId} and ${alias}.occurred_at >= ${scope.from} and ${alias}.occurred_at < ${scope.to}`;
}

/** Leads reaching each stage inside the range, once per lead and metric, at the first time. */
export function stageQuery(scope: ReportScope): SQL {
  const amount = sql`json_extract(e.payload, '$.amount')`;
  const currency = sql`json_extract(e.payload, '$.currency')`;
  const revenue = sql`case when (${currency} is null or ${currency} = ${scope.currency})
    then coalesce(${amount}, 0) else 0 end`;
  const implied = sql.join(
    IMPLIED_BY_IMPORT.map(([stage, metric]) => sql`(${list([stage])}, ${list([metric])})`),
    sql`, `,
  );
  return sql`
    with marks as (
      select e.lead_id as lead_id,
        case e.type
          when 'created' then case when json_extract(e.payload, '$.createsLead') = 1 then 'lead' end
          when 'became_lead' then 'lead'
          when 'mql' then 'mql'
          when 'accepted' then 'sal'
          when 'qualified' then case when json_extract(e.payload, '$.sql') = 1 then 'sql' end
          when 'opportunity' then 'opportunity'
          when 'won' then 'won'
          when 'lost' then 'lost'
          when 'nurtured' then 'nurture'
          when 'rejected' then
            case when json_extract(e.payload, '$.destination') = 'disqualified' then 'disqualified' else 'nurture' end
        end as metric,
        e.occurred_at as at,
        case when e.type = 'won' then ${revenue} else 0 end as amount
      from lead_events e
      where e.type in (${list(STAGE_EVENT_TYPES)}) and ${inRange(scope)}
      union all
      select e.lead_id, v.column2, e.occurred_at, case when v.column2 = 'won' then ${revenue} else 0 end
      from lead_events e
      join (values ${implied}) v on v.column1 = json_extract(e.payload, '$.stage')
      where e.type = 'imported' and ${inRange(scope)}
      union all
      select e.lead_id, 'hot', e.occurred_at, 0
      from lead_events e
      where e.type = 'qualified' and ${inRange(scope)}
        and json_extract(e.payload, '$.salesTemperature') = 'hot'
    ),
    firsts as (
      select lead_id, metric, min(at) as at, sum(amount) as amount
      from marks where metric is not null group by lead_id, metric
    )
    select ${groupKey(scope, sql`f.at`)} as key, f.metric as metric, count(*) as leads,
      coalesce(sum(l.icp_match), 0) as icpMatch,
      coalesce(sum(l.owner_id is not null), 0) as owned,
      coalesce(sum(l.stage in (${list(OPEN_STAGES)})), 0) as open,
      coalesce(sum(f.amount), 0) as revenue,
      coalesce(sum(case when s.origin = 'marketing' then f.amount else 0 end), 0) as marketingRevenue
    from firsts f
    cross join leads l on l.id = f.lead_id and l.workspace_id = ${scope.workspaceId}
    left join sources s on s.id = l.first_source_id and s.workspace_id = ${scope.workspaceId}
    group by key, f.metric`;
}

/**
 * Leads per reason inside the range, once per lead, kind and reason: every
 * rejection reason (`rejected`), and where leads went with it (`nurture` from a
 * rejection or a nurture action, `disqualified`), and lost deals (`lost`).
 */
export function reasonQuery(scope: ReportScope): SQL {
  return sql`
    with given as (
      select e.lead_id as lead_id, 'rejected' as kind, r.value as reason, e.occurred_at as at
      from lead_events e, json_each(json_extract(e.payload, '$.reasons')) r
      where e.type = 'rejected' and ${inRange(scope)}
      union all
      select e.lead_id,
        case when json_extract(e.payload, '$.destination') = 'disqualified' then 'disqualified' else 'nurture' end,
        r.value, e.occurred_at
      from lead_events e, json_each(json_extract(e.payload, '$.reasons')) r
      where e.type = 'rejected' and ${inRange(scope)}
      union all
      select e.lead_id, case e.type when 'nurtured' then 'nurture' else 'lost' end,
        json_extract(e.payload, '$.reason'), e.occurred_at
      from lead_events e
      where e.type in ('nurtured', 'lost') and ${inRange(scope)}
      union all
      select e.lead_id, json_extract(e.payload, '$.stage'), json_extract(e.payload, '$.reason'), e.occurred_at
      from lead_events e
      where e.type = 'imported' and ${inRange(scope)}
        and json_extract(e.payload, '$.stage') in ('nurture', 'disqualified', 'lost')
    ),
    firsts as (
      select lead_id, kind, reason, min(at) as at from given
      where reason is not null group by lead_id, kind, reason
    )
    select ${groupKey(scope, sql`f.at`)} as key, f.kind as kind, f.reason as reason, count(*) as leads
    from firsts f
    cross join leads l on l.id = f.lead_id and l.workspace_id = ${scope.workspaceId}
    group by key, f.kind, f.reason`;
}

/** Each MQL of the range (its first MQL event in it) with its clock start and first attempt. */
export function firstTouchQuery(scope: ReportScope): SQL {
  return sql`
    with m as (
      select e.lead_id as lead_id, min(e.occurred_at) as at
      from lead_events e
      where e.type = 'mql' and ${inRange(scope)}
      group by e.lead_id
    )
    select ${groupKey(scope, sql`m.at`)} as key, m.at as mqlAt, l.submitted_at as submittedAt,
      l.first_attempt_at as firstTouchAt, l.agreement_version as agreementVersion
    from m
    cross join leads l on l.id = m.lead_id and l.workspace_id = ${scope.workspaceId}`;
}

/**
 * Per campaign, the leads it touched inside the range (any event carrying the
 * campaign: the creating submission or a later touch) and how far each has come
 * by now, counted as "reached at least": a won deal counts as an SQL too.
 */
export function campaignQuery(scope: ReportScope): SQL {
  const reached = (...columns: string[]) =>
    sql.raw(`coalesce(${columns.map((c) => `l.${c}`).join(', ')}) is not null`);
  return sql`
    with cohort as (
      select distinct e.campaign as campaign, e.lead_id as lead_id
      from lead_events e
      where e.type in ('created', 'became_lead', 'touch') and ${inRange(scope)} and e.campaign is not null
    )
    select c.campaign as campaign, count(*) as touched,
      coalesce(sum(${reached('submitted_at', 'mql_at', 'sql_at', 'opportunity_at', 'won_at')}), 0) as leads,
      coalesce(sum(${reached('mql_at', 'sql_at', 'opportunity_at', 'won_at')}), 0) as mqls,
      coalesce(sum(${reached('sql_at', 'opportunity_at', 'won_at')}), 0) as sqls,
      coalesce(sum(${reached('opportunity_at', 'won_at')}), 0) as opportunities,
      coalesce(sum(l.won_at is not null), 0) as won,
      coalesce(sum(case when l.won_at is not null and (l.currency is null or l.currency = ${scope.currency})
        then coalesce(l.won_amount, 0) else 0 end), 0) as revenue
    from cohort c
    cross join leads l on l.id = c.lead_id and l.workspace_id = ${scope.workspaceId}
    group by c.campaign`;
}

/**
 * Account coverage: company domains touched inside the range, ICP accounts
 * among them (a lead of the domain matches every required criterion), and how
 * many of those were touched by at least COVERAGE_MIN_ACTIONS distinct
 * marketing actions (a campaign, or a kind of touch outside any campaign).
 */
export function coverageQuery(scope: ReportScope): SQL {
  return sql`
    with accounts as (
      select l.domain_index as domain, max(l.icp_match) as icp,
        count(distinct coalesce('campaign:' || e.campaign,
          'touch:' || coalesce(json_extract(e.payload, '$.touchType'), 'custom'))) as actions
      from lead_events e
      cross join leads l on l.id = e.lead_id and l.workspace_id = ${scope.workspaceId}
      where e.type = 'touch' and ${inRange(scope)} and l.domain_index is not null
      group by l.domain_index
    )
    select coalesce(sum(icp = 1), 0) as icpAccounts,
      coalesce(sum(icp = 1 and actions >= ${COVERAGE_MIN_ACTIONS}), 0) as covered
    from accounts`;
}

/** Won deals of the range per currency (null: the action named none). */
export function currencyQuery(scope: Omit<ReportScope, 'currency'>): SQL {
  return sql`
    select json_extract(e.payload, '$.currency') as currency, count(distinct e.lead_id) as won,
      coalesce(sum(coalesce(json_extract(e.payload, '$.amount'), 0)), 0) as revenue
    from lead_events e
    where e.type in ('won', 'imported') and ${IS_WON} and ${inRange({ ...scope, currency: null })}
    group by currency`;
}

/**
 * SLA outcomes of the lead deadlines that fell due inside the range, per kind:
 * met, met late, breached, or still open. Served by the SLA clock's index on
 * (workspace_id, status, due_at), one range per status.
 */
export function slaQuery(scope: ReportScope): SQL {
  return sql`
    select ${groupKey(scope, sql`d.due_at`)} as key, d.kind as kind,
      case when d.status in ('pending', 'due_soon') then 'open' else d.status end as outcome,
      count(*) as deadlines
    from sla_deadlines d indexed by sla_deadlines_status_due
    cross join leads l on l.id = d.lead_id and l.workspace_id = ${scope.workspaceId}
    where d.workspace_id = ${scope.workspaceId}
      and d.status in (${list(COUNTED_STATUSES)})
      and d.due_at >= ${scope.from} and d.due_at < ${scope.to}
      and d.kind in (${list(LEAD_DEADLINE_KINDS)})
    group by key, d.kind, outcome`;
}

/** Cancelled deadlines (an erased lead) count neither way. */
const COUNTED_STATUSES = ['pending', 'due_soon', 'breached', 'met', 'met_late'] as const;

/** Every aggregate a report runs, by name (tests read their query plans). */
export function reportQueries(scope: ReportScope): Record<string, SQL> {
  return {
    stages: stageQuery(scope),
    reasons: reasonQuery(scope),
    firstTouches: firstTouchQuery(scope),
    campaigns: campaignQuery(scope),
    coverage: coverageQuery(scope),
    currencies: currencyQuery(scope),
    sla: slaQuery(scope),
  };
}
