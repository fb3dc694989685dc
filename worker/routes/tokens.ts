import { createRoute, z } from '@hono/zod-openapi';
import { databaseFor } from '../db/client';
import { createToken, listTokens, revokeToken } from '../db/queries/tokens';
import { ROLES } from '../domain/constants';
import { CreateToken } from '../domain/tokens';
import { requirePermission } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { BEARER_SECURITY, IdParam, jsonBody, jsonResponse } from './schemas';

const TokenInfoSchema = z
  .object({
    id: z.string(),
    role: z.enum(ROLES),
    label: z.string(),
    memberId: z.string().nullable(),
    hint: z.string().openapi({ description: 'Last four characters of the token' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('TokenInfo');

const auth = {
  security: BEARER_SECURITY,
  middleware: [requirePermission('tokens:manage')],
  tags: ['Tokens'],
};

const create = createRoute({
  ...auth,
  method: 'post',
  path: '/v1/tokens',
  summary: 'Creates an API token for a role (shown once)',
  request: { body: jsonBody(CreateToken) },
  responses: {
    201: jsonResponse(z.object({ id: z.string(), token: z.string(), info: TokenInfoSchema }), 'Created'),
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

const list = createRoute({
  ...auth,
  method: 'get',
  path: '/v1/tokens',
  summary: 'Lists tokens without their secrets',
  responses: {
    200: jsonResponse(z.object({ data: z.array(TokenInfoSchema) }), 'Tokens'),
    ...problemResponses(401, 403),
  },
});

const revoke = createRoute({
  ...auth,
  method: 'delete',
  path: '/v1/tokens/{id}',
  summary: 'Revokes a token immediately',
  request: { params: IdParam },
  responses: { 204: { description: 'Revoked' }, ...problemResponses(401, 403, 404) },
});

export function registerTokenRoutes(app: App) {
  app.openapi(create, async (c) => {
    const { workspaceId } = c.get('caller');
    const { info, token } = await createToken(
      databaseFor(c.env, workspaceId),
      workspaceId,
      c.req.valid('json'),
      new Date(),
    );
    return c.json({ id: info.id, token, info }, 201);
  });

  app.openapi(list, async (c) => {
    const { workspaceId } = c.get('caller');
    return c.json({ data: await listTokens(databaseFor(c.env, workspaceId), workspaceId) }, 200);
  });

  app.openapi(revoke, async (c) => {
    const { workspaceId } = c.get('caller');
    await revokeToken(databaseFor(c.env, workspaceId), workspaceId, c.req.valid('param').id, new Date());
    return c.body(null, 204);
  });
}
