import { createRoute } from '@hono/zod-openapi';
import { RoutingRules } from '../domain/ledger/routing';
import { guard } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { callerContext } from '../http/service-context';
import { getRoutingRules, saveRoutingRules } from '../services/routing';
import { BEARER_SECURITY, jsonBody, jsonResponse } from './schemas';

const get = createRoute({
  method: 'get',
  path: '/v1/routing',
  tags: ['Leads'],
  summary: 'How new MQLs get an owner: round robin among active sales members, narrowed by rules',
  security: BEARER_SECURITY,
  ...guard('routing:read'),
  responses: { 200: jsonResponse(RoutingRules, 'The rules'), ...problemResponses(401, 403) },
});

const put = createRoute({
  method: 'put',
  path: '/v1/routing',
  tags: ['Leads'],
  summary: 'Replaces the routing rules (by country or industry → a group of sales members)',
  security: BEARER_SECURITY,
  ...guard('routing:manage'),
  request: { body: jsonBody(RoutingRules) },
  responses: { 200: jsonResponse(RoutingRules, 'Saved'), ...problemResponses(400, 401, 403, 413, 415, 422) },
});

export function registerRoutingRoutes(app: App) {
  app.openapi(get, async (c) => c.json({ rules: await getRoutingRules({ ctx: callerContext(c) }) }, 200));

  app.openapi(put, async (c) => {
    const rules = await saveRoutingRules({ ctx: callerContext(c), input: c.req.valid('json') });
    return c.json({ rules }, 200);
  });
}
