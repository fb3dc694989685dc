import { createRoute, z } from '@hono/zod-openapi';
import { CreateWorkspace } from '../domain/workspace';
import { guard, requireAdminSecret } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { callerContext, databaseContext } from '../http/service-context';
import { createWorkspace, getWorkspace } from '../services/workspaces';
import { BEARER_SECURITY, jsonBody, jsonResponse } from './schemas';

const WorkspaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timezone: z.string(),
    language: z.enum(['en', 'pl', 'ro', 'ru']),
    country: z.string(),
    createdAt: z.string(),
  })
  .openapi('Workspace');

const create = createRoute({
  method: 'post',
  path: '/v1/workspaces',
  tags: ['Workspaces'],
  summary: 'Creates a workspace and its first admin token (needs the deployment admin secret)',
  security: BEARER_SECURITY,
  middleware: [requireAdminSecret()],
  request: { body: jsonBody(CreateWorkspace) },
  responses: {
    201: jsonResponse(
      z.object({ id: z.string(), adminToken: z.string(), workspace: WorkspaceSchema }),
      'Created; the admin token is shown only here',
    ),
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

const current = createRoute({
  method: 'get',
  path: '/v1/workspace',
  tags: ['Workspaces'],
  summary: "The caller's workspace",
  security: BEARER_SECURITY,
  ...guard('workspace:read'),
  responses: { 200: jsonResponse(WorkspaceSchema, 'The workspace'), ...problemResponses(401, 403) },
});

export function registerWorkspaceRoutes(app: App) {
  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    // The workspace id is not known yet; any shard may host a new workspace.
    const result = await createWorkspace({ ctx: databaseContext(c, 'new'), input });
    return c.json(
      { id: result.workspace.id, adminToken: result.adminToken, workspace: result.workspace },
      201,
    );
  });

  app.openapi(current, async (c) => {
    return c.json(await getWorkspace({ ctx: callerContext(c) }), 200);
  });
}
