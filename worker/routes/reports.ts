import { createRoute, z } from '@hono/zod-openapi';
import { FUNNEL_RATES, FUNNEL_STAGES, RATE_REQUESTS } from '../domain/funnel';
import { csvDialect, reportCsv } from '../domain/reports/csv';
import { CONVERSIONS, REASON_KINDS } from '../domain/reports/metrics';
import { PlanPeriodKey } from '../domain/reports/period';
import { PACE_STATUSES, PlanInput, RATE_BASES, RATE_ORIGINS } from '../domain/reports/plan';
import { REPORT_GROUPS, ReportQuery } from '../domain/reports/query';
import { LEAD_DEADLINE_KINDS } from '../domain/sla/constants';
import { guard } from '../http/auth';
import type { App } from '../http/context';
import { requestLanguage } from '../http/language';
import { problemResponses } from '../http/problem';
import { callerContext } from '../http/service-context';
import { getPlan, listPlans, savePlan } from '../services/plans';
import { getReport } from '../services/reports';
import { BEARER_SECURITY, jsonBody, jsonResponse } from './schemas';

// ————— Schemas (documentation of the answers; the domain builds them) —————

const record = <K extends string, T extends z.ZodType>(keys: readonly K[], value: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as { [P in K]: T });

const Stages = record(FUNNEL_STAGES, z.number());
const StagesAndRevenue = Stages.extend({ revenue: z.number() });

const PeriodParam = z.object({
  period: PlanPeriodKey.openapi({ param: { name: 'period', in: 'path' }, example: '2026-Q1' }),
});

export const RateSchema = z
  .object({
    value: z.number(),
    origin: z.enum(RATE_ORIGINS).openapi({
      description:
        '`given`: a number the team sent; `history`: the team’s own rate from the ledger (asked for with "history"; enough history in the 365 days before); `default`: an illustrative B2B figure (asked for with "default"); `passed-through`: left out, or "history" without enough of it: 1, the stage adds no loss.',
    }),
    basis: z.enum(RATE_BASES).openapi({
      description: 'The older name of `origin`: `plan`, `actual`, `illustrative` or `passed-through`.',
    }),
    illustrative: z.boolean().openapi({ description: 'True for `default`.' }),
    sample: z
      .object({ from: z.number(), to: z.number() })
      .nullable()
      .openapi({ description: 'For a rate asked as "history": the counts of the 365-day window.' }),
  })
  .openapi('FunnelRate');

const StoredPlanSchema = z
  .object({
    period: z.string(),
    revenueTarget: z.number(),
    averageDealSize: z.number(),
    rates: z
      .record(z.string(), z.union([z.number(), z.enum(RATE_REQUESTS)]))
      .openapi({ description: 'The rates as the plan asks for them; one left out is passed through.' }),
    marketingBudget: z.number().nullable(),
    currency: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .openapi('FunnelPlanInputs');

const StagePaceSchema = z.object({
  planned: z.number(),
  expectedToDate: z.number(),
  actual: z.number(),
  ratio: z.number().nullable(),
  status: z.enum(PACE_STATUSES),
  forecast: z.number().nullable(),
});

const PlanViewSchema = z
  .object({
    period: z.object({
      key: z.string(),
      kind: z.enum(['year', 'quarter', 'month']),
      start: z.string(),
      end: z.string(),
      days: z.number(),
      timezone: z.string(),
    }),
    inputs: StoredPlanSchema,
    currency: z.string().nullable(),
    rates: record(FUNNEL_RATES, RateSchema),
    illustrative: z.boolean().openapi({ description: 'True while any rate is an illustrative default.' }),
    plan: z.object({
      rates: record(FUNNEL_RATES, z.number()),
      stages: Stages,
      revenue: z.number(),
      period: z.object({ start: z.string(), end: z.string(), days: z.number() }),
      months: z.array(
        z.object({ month: z.string(), start: z.string(), end: z.string(), days: z.number(), stages: Stages }),
      ),
      maxCost: Stages.nullable(),
    }),
    actuals: StagesAndRevenue.extend({
      conversion: record(FUNNEL_RATES, z.object({ planned: z.number(), actual: z.number().nullable() })),
    }),
    pace: z.object({
      asOf: z.string(),
      elapsed: z.number(),
      status: z
        .enum(PACE_STATUSES)
        .openapi({ description: 'Won revenue against the target pro-rated to asOf.' }),
      stages: record([...FUNNEL_STAGES, 'revenue'], StagePaceSchema),
    }),
    months: z.array(
      z.object({
        month: z.string(),
        start: z.string(),
        end: z.string(),
        plan: StagesAndRevenue,
        actual: StagesAndRevenue.nullable(),
        forecast: StagesAndRevenue.nullable(),
      }),
    ),
  })
  .openapi('FunnelPlanWithActuals');

const Quantiles = z.object({ median: z.number().nullable(), p90: z.number().nullable() });
const ReasonCounts = z.object({ leads: z.number(), reasons: z.record(z.string(), z.number()) });

const MetricsSchema = z
  .object({
    leads: z.number(),
    mqls: z.number(),
    mqlsMatchingIcp: z.number(),
    handedToSales: z.number(),
    accepted: z.number(),
    inProgress: z.number(),
    hotLeads: z.number(),
    sqls: z.number(),
    opportunities: z.number(),
    won: z.number(),
    wonRevenue: z.number(),
    marketingSourcedRevenue: z.number(),
    nurture: ReasonCounts,
    disqualified: ReasonCounts,
    lost: ReasonCounts,
    rejectionReasons: z.record(z.string(), z.number()),
    conversion: record(CONVERSIONS, z.number().nullable()),
    timeToFirstTouch: z.object({
      touched: z.number(),
      untouched: z.number(),
      wallClockHours: Quantiles,
      businessHours: Quantiles,
    }),
    sla: record(
      LEAD_DEADLINE_KINDS,
      z.object({
        met: z.number(),
        metLate: z.number(),
        breached: z.number(),
        open: z.number(),
        compliance: z.number().nullable(),
      }),
    ),
  })
  .openapi('ReportMetrics');

const ReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    timezone: z.string(),
    groupBy: z.enum(REPORT_GROUPS).nullable(),
    currency: z.string().nullable(),
    totals: MetricsSchema,
    groups: z.array(MetricsSchema.extend({ key: z.string().nullable(), label: z.string() })),
    campaigns: z.array(
      z.object({
        campaign: z.string(),
        campaignId: z.string().nullable(),
        name: z.string().nullable(),
        channel: z.string().nullable(),
        touched: z.number(),
        leads: z.number(),
        mqls: z.number(),
        sqls: z.number(),
        opportunities: z.number(),
        won: z.number(),
        revenue: z.number(),
      }),
    ),
    accountCoverage: z.object({
      minActions: z.number(),
      icpAccounts: z.number(),
      covered: z.number(),
      share: z.number().nullable(),
    }),
    otherCurrencies: z.array(z.object({ currency: z.string(), won: z.number(), revenue: z.number() })),
  })
  .openapi('Report');

// ————— Routes —————

const planTags = ['Funnel'];

const putPlanRoute = createRoute({
  method: 'put',
  path: '/v1/funnel/plans/{period}',
  tags: planTags,
  summary: 'Stores the funnel plan of a year, quarter or month and answers it beside the actuals',
  description:
    'Replaces the inputs as a whole. The rates follow the rule of `POST /v1/funnel/compute`: a number is given; "history" asks for the team’s own rate (422 naming the rate while the ledger holds too little); "default" for an illustrative figure; a rate left out is passed through (1). Each rate’s `origin` is in the answer. Periods: `2026`, `2026-Q1`, `2026-03`, in the workspace’s time zone.',
  security: BEARER_SECURITY,
  ...guard('funnel:plan'),
  request: { params: PeriodParam, body: jsonBody(PlanInput) },
  responses: {
    200: jsonResponse(PlanViewSchema, 'Replaced'),
    201: jsonResponse(PlanViewSchema, 'Created'),
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

const getPlanRoute = createRoute({
  method: 'get',
  path: '/v1/funnel/plans/{period}',
  tags: planTags,
  summary:
    'The plan beside the actuals: stages reached, conversion, pace to date, run-rate forecast per month',
  security: BEARER_SECURITY,
  ...guard('funnel:read'),
  request: { params: PeriodParam },
  responses: { 200: jsonResponse(PlanViewSchema, 'The plan'), ...problemResponses(401, 403, 404, 422) },
});

const listPlansRoute = createRoute({
  method: 'get',
  path: '/v1/funnel/plans',
  tags: planTags,
  summary: 'Lists the stored plans (inputs only)',
  security: BEARER_SECURITY,
  ...guard('funnel:read'),
  responses: {
    200: jsonResponse(z.object({ data: z.array(StoredPlanSchema) }), 'Plans'),
    ...problemResponses(401, 403),
  },
});

const reportRoute = createRoute({
  method: 'get',
  path: '/v1/reports',
  tags: ['Reports'],
  summary:
    'The marketing–sales report for a span of dates, in total and per source, campaign, owner or month',
  description:
    'Dates are local to the workspace; `to` is the last day included (default: this month). Each lead counts once per metric, at the first time inside the span it reached it. CSV with `Accept: text/csv` or `format=csv`; `table` picks `groups` (default), `campaigns` or `reasons`; `dialect=excel` is for a person: a UTF-8 BOM, headers (and the Total row, the reason kinds) in the request’s language (`Accept-Language`, else the workspace’s) and, for pl/ro/ru, `;` separators and `,` decimals, as Excel in those locales expects; the default `rfc4180` keeps the stable English column keys that scripts and the sheet read. ' +
    `Reason kinds: ${REASON_KINDS.join(', ')}.`,
  security: BEARER_SECURITY,
  ...guard('reports:read'),
  request: { query: ReportQuery },
  responses: {
    200: {
      description: 'The report',
      content: {
        'application/json': { schema: ReportSchema },
        'text/csv': { schema: z.string().openapi({ description: 'One table of the report.' }) },
      },
    },
    ...problemResponses(401, 403, 422),
  },
});

function wantsCsv(format: string | undefined, accept: string | undefined): boolean {
  if (format) return format === 'csv';
  return (accept ?? '').split(',').some((part) => part.split(';')[0]?.trim().toLowerCase() === 'text/csv');
}

export function registerReportRoutes(app: App) {
  app.openapi(putPlanRoute, async (c) => {
    const input = { period: c.req.valid('param').period, plan: c.req.valid('json') };
    const { view, created } = await savePlan({ ctx: callerContext(c), input });
    return created ? c.json(view, 201) : c.json(view, 200);
  });

  app.openapi(getPlanRoute, async (c) =>
    c.json(await getPlan({ ctx: callerContext(c), input: c.req.valid('param') }), 200),
  );

  app.openapi(listPlansRoute, async (c) => c.json({ data: await listPlans({ ctx: callerContext(c) }) }, 200));

  app.openapi(reportRoute, async (c) => {
    const query = c.req.valid('query');
    const ctx = callerContext(c);
    const { report: result, range } = await getReport({ ctx, input: query });
    if (wantsCsv(query.format, c.req.header('accept'))) {
      const table = query.table ?? 'groups';
      const name = `leadpact-report-${range.start}-${range.end}${query.groupBy ? `-by-${query.groupBy}` : ''}-${table}.csv`;
      return c.body(
        // Excel's dialect is for the person asking: their language (Accept-Language, else the workspace's).
        reportCsv(result, table, csvDialect(query.dialect ?? 'rfc4180', requestLanguage(c))),
        200,
        {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${name}"`,
        },
      );
    }
    return c.json(result, 200);
  });
}
