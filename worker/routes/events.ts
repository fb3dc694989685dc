import { createRoute, z } from '@hono/zod-openapi';
import { StoredAnswer } from '../domain/idempotency';
import { LEAD_STAGES } from '../domain/ledger/constants';
import { TouchBatch } from '../domain/ledger/touches';
import { guard } from '../http/auth';
import type { App } from '../http/context';
import { IDEMPOTENCY_HEADER_DOC, idempotentRequest, replayResponse } from '../http/idempotency';
import { problemResponses } from '../http/problem';
import { callerContext } from '../http/service-context';
import { recordTouches, type TouchResult } from '../services/events';
import { BEARER_SECURITY, jsonBody, jsonResponse } from './schemas';

const record = createRoute({
  method: 'post',
  path: '/v1/events',
  tags: ['Leads'],
  summary:
    'Records engagement touches (page views, webinars, e-books…) in batches of up to 100, all or nothing',
  security: BEARER_SECURITY,
  ...guard('events:write'),
  request: {
    headers: z.object({ 'idempotency-key': z.string().optional().openapi(IDEMPOTENCY_HEADER_DOC) }),
    body: jsonBody(TouchBatch),
  },
  responses: {
    200: jsonResponse(
      z.object({
        data: z.array(
          z.object({
            index: z.number(),
            leadId: z.string(),
            stage: z.enum(LEAD_STAGES),
            created: z.boolean(),
          }),
        ),
      }),
      'Recorded; each lead re-scored',
    ),
    ...problemResponses(400, 401, 403, 413, 415, 422, 429, 503),
  },
});

export function registerEventRoutes(app: App) {
  app.openapi(record, async (c) => {
    const body = c.req.valid('json');
    const request = await idempotentRequest(c, body);
    const render = (data: TouchResult[]) => ({ status: 200, body: { data } });
    const data = await recordTouches({
      ctx: callerContext(c),
      input: { events: body.events, idempotency: request ? { request, render } : undefined },
    });
    if (data instanceof StoredAnswer) return replayResponse(c, data);
    return c.json({ data }, 200);
  });
}
