import { createRoute, z } from '@hono/zod-openapi';
import { computeFunnel, FunnelInput } from '../domain/funnel';
import { requirePermission } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
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
      .openapi({ description: 'The rates used; a missing rate counts as 1.' }),
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
    'Won = ceil(revenueTarget / averageDealSize); each earlier stage = ceil(next stage / its rate). Rates are in (0, 1]; a missing rate is 1. period.end is the last day of the period.',
  security: BEARER_SECURITY,
  middleware: [requirePermission('funnel:compute')],
  request: { body: jsonBody(FunnelInput) },
  responses: {
    200: jsonResponse(FunnelPlanSchema, 'The plan'),
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

export function registerFunnelRoutes(app: App) {
  app.openapi(compute, (c) => c.json(computeFunnel(c.req.valid('json')), 200));
}
