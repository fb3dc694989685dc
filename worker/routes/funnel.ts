import { createRoute, z } from '@hono/zod-openapi';
import { ComputeFunnelRequest, FUNNEL_RATES } from '../domain/funnel';
import { guard } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { callerContext } from '../http/service-context';
import { computeFunnelPlan } from '../services/funnel/compute-funnel';
import { RateSchema } from './reports';
import { BEARER_SECURITY, jsonBody, jsonResponse } from './schemas';

const Stages = z
  .object({
    lead: z.number(),
    mql: z.number(),
    sql: z.number(),
    opportunity: z.number(),
    won: z.number(),
  })
  .openapi('FunnelStages');

const FunnelPlanSchema = z
  .object({
    rates: z
      .object({
        lead_mql: z.number(),
        mql_sql: z.number(),
        sql_opportunity: z.number(),
        opportunity_won: z.number(),
      })
      .openapi({ description: 'The rates used; a rate left out is passed through (1).' }),
    rateOrigins: z
      .object(
        Object.fromEntries(FUNNEL_RATES.map((r) => [r, RateSchema])) as Record<
          (typeof FUNNEL_RATES)[number],
          typeof RateSchema
        >,
      )
      .openapi({ description: 'Where each rate comes from: given, history, default or passed-through.' }),
    currency: z.string().nullable().openapi({ description: 'The currency of the target, as sent.' }),
    stages: Stages.openapi({ description: 'Counts needed at every stage over the whole period.' }),
    period: z.object({ start: z.string(), end: z.string(), days: z.number().int() }),
    months: z
      .array(
        z.object({
          month: z.string().openapi({ example: '2026-03' }),
          start: z.string(),
          end: z.string(),
          days: z.number().int(),
          stages: Stages,
        }),
      )
      .openapi({
        description:
          'Each month of the period with its share of every stage, in proportion to its days inside the period, rounded so the cumulative plan is never behind the pro-rated target and the months sum exactly to the totals.',
      }),
    maxCost: Stages.nullable().openapi({
      description:
        'The most one lead (MQL, SQL...) may cost for the budget to cover the plan, floored to cents; null without marketingBudget.',
    }),
  })
  .openapi('FunnelPlan');

const compute = createRoute({
  method: 'post',
  path: '/v1/funnel/compute',
  tags: ['Funnel'],
  summary: 'Computes the reverse funnel from a revenue target, without storing it',
  description:
    'Won = ceil(revenueTarget / averageDealSize); each earlier stage = ceil(next stage / its rate). The rate rule is the stored plan’s: a number in (0, 1] is given; "history" asks for the team’s own rate from the ledger (422 naming the rate while there is too little); "default" for an illustrative B2B figure; a rate left out is passed through (1). Each rate’s origin is in `rateOrigins`. `period` (`start`, `end`: its last day) defaults to the current calendar year in the workspace’s time zone; `currency` is echoed as the plan’s.',
  security: BEARER_SECURITY,
  ...guard('funnel:compute'),
  request: { body: jsonBody(ComputeFunnelRequest) },
  responses: {
    200: jsonResponse(FunnelPlanSchema, 'The plan'),
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

export function registerFunnelRoutes(app: App) {
  app.openapi(compute, async (c) =>
    c.json(await computeFunnelPlan({ ctx: callerContext(c), input: c.req.valid('json') }), 200),
  );
}
