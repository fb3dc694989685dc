import { createRoute, z } from '@hono/zod-openapi';
import { DELIVERY_STATUSES } from '../domain/intake/delivery';
import { guard } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { callerContext } from '../http/service-context';
import {
  getIntakeDelivery,
  listIntakeDeliveries,
  REJUDGE_LIMIT,
  rejudgeDelivery,
  rejudgeFailedDeliveries,
} from '../services/intake';
import { BEARER_SECURITY, IdParam, jsonResponse } from './schemas';

const DeliverySchema = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    leadId: z.string().nullable(),
    stage: z.string().nullable(),
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      })
      .nullable(),
    receivedAt: z.string(),
    judgedAt: z.string().nullable(),
    attempts: z.number().int(),
  })
  .openapi('IntakeDelivery');

const DeliveryQuery = z.object({
  status: z.enum(DELIVERY_STATUSES).default('failed'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const get = createRoute({
  security: BEARER_SECURITY,
  ...guard('intake:read'),
  tags: ['Intake'],
  method: 'get',
  path: '/v1/intake/deliveries/{id}',
  summary:
    'Where a delivery stands: stored, judged (with its lead and stage), rejected or failed (with the error)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(DeliverySchema, 'The delivery'), ...problemResponses(401, 403, 404) },
});

const list = createRoute({
  security: BEARER_SECURITY,
  ...guard('intake:manage'),
  tags: ['Intake'],
  method: 'get',
  path: '/v1/intake/deliveries',
  summary:
    "The workspace's deliveries in one status, newest first (default: failed — what an admin re-judges)",
  request: { query: DeliveryQuery },
  responses: {
    200: jsonResponse(z.object({ data: z.array(DeliverySchema) }), 'Deliveries'),
    ...problemResponses(401, 403, 422),
  },
});

const rejudgeOne = createRoute({
  security: BEARER_SECURITY,
  ...guard('intake:manage'),
  tags: ['Intake'],
  method: 'post',
  path: '/v1/intake/deliveries/{id}/rejudge',
  summary:
    'Judges a stored, failed or rejected delivery again now (after a fix); a judged one stays as it is',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(DeliverySchema, 'The delivery after judging'),
    ...problemResponses(401, 403, 404),
  },
});

const rejudgeFailed = createRoute({
  security: BEARER_SECURITY,
  ...guard('intake:manage'),
  tags: ['Intake'],
  method: 'post',
  path: '/v1/intake/deliveries/rejudge',
  summary: `Judges the workspace's failed deliveries again, oldest first, at most ${REJUDGE_LIMIT} per call`,
  responses: {
    200: jsonResponse(
      z.object({
        tried: z.number().int(),
        judged: z.number().int(),
        rejected: z.number().int(),
        failed: z.number().int(),
      }),
      'How the re-judged deliveries ended',
    ),
    ...problemResponses(401, 403),
  },
});

export function registerIntakeDeliveryRoutes(app: App) {
  app.openapi(list, async (c) => {
    const data = await listIntakeDeliveries({ ctx: callerContext(c), input: c.req.valid('query') });
    return c.json({ data }, 200);
  });
  app.openapi(rejudgeFailed, async (c) =>
    c.json(await rejudgeFailedDeliveries({ ctx: callerContext(c) }), 200),
  );
  app.openapi(get, async (c) =>
    c.json(await getIntakeDelivery({ ctx: callerContext(c), input: c.req.valid('param') }), 200),
  );
  app.openapi(rejudgeOne, async (c) =>
    c.json(await rejudgeDelivery({ ctx: callerContext(c), input: c.req.valid('param') }), 200),
  );
}
