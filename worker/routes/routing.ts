import { createRoute } from '@hono/zod-openapi';
import { databaseFor } from '../db/client';
import { listMembers } from '../db/queries/members';
import { loadRouting, saveRoutingRules } from '../db/queries/routing';
import { InvalidError } from '../domain/errors';
import { RoutingRules } from '../domain/ledger/routing';
import { requirePermission } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { BEARER_SECURITY, jsonBody, jsonResponse } from './schemas';

const get = createRoute({
  method: 'get',
  path: '/v1/routing',
  tags: ['Leads'],
  summary: 'How new MQLs get an owner: round robin among active sales members, narrowed by rules',
  security: BEARER_SECURITY,
  middleware: [requirePermission('routing:read')],
  responses: { 200: jsonResponse(RoutingRules, 'The rules'), ...problemResponses(401, 403) },
});

const put = createRoute({
  method: 'put',
  path: '/v1/routing',
  tags: ['Leads'],
  summary: 'Replaces the routing rules (by country or industry → a group of sales members)',
  security: BEARER_SECURITY,
  middleware: [requirePermission('routing:manage')],
  request: { body: jsonBody(RoutingRules) },
  responses: { 200: jsonResponse(RoutingRules, 'Saved'), ...problemResponses(400, 401, 403, 413, 415, 422) },
});

export function registerRoutingRoutes(app: App) {
  app.openapi(get, async (c) => {
    const { workspaceId } = c.get('caller');
    const state = await loadRouting(databaseFor(c.env, workspaceId), workspaceId);
    return c.json({ rules: state.rules }, 200);
  });

  app.openapi(put, async (c) => {
    const { workspaceId } = c.get('caller');
    const db = databaseFor(c.env, workspaceId);
    const { rules } = c.req.valid('json');
    const sales = new Set((await listMembers(db, workspaceId, { side: 'sales' })).map((m) => m.id));
    const issues = rules.flatMap((rule, i) =>
      rule.memberIds
        .map((id, j) => ({ id, j }))
        .filter(({ id }) => !sales.has(id))
        .map(({ id, j }) => ({
          path: `rules[${i}].memberIds[${j}]`,
          message: `${id} is not a sales member of this workspace.`,
        })),
    );
    if (issues.length > 0)
      throw new InvalidError('Routing rules may only name sales members of this workspace.', issues);
    await saveRoutingRules(db, workspaceId, rules, new Date());
    return c.json({ rules }, 200);
  });
}
