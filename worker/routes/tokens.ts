import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../domain/constants';
import { CreateToken } from '../domain/tokens';
import { guard } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { callerContext } from '../http/service-context';
import { forgetIntakeLookups } from '../services/intake';
import { createToken, listTokens, revokeToken } from '../services/tokens';
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
  ...guard('tokens:manage'),
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
    const { info, token } = await createToken({ ctx: callerContext(c), input: c.req.valid('json') });
    return c.json({ id: info.id, token, info }, 201);
  });

  app.openapi(list, async (c) => c.json({ data: await listTokens({ ctx: callerContext(c) }) }, 200));

  app.openapi(revoke, async (c) => {
    await revokeToken({ ctx: callerContext(c), input: c.req.valid('param') });
    // Intake holds tokens briefly per isolate; this one stops at once, the others within INTAKE_LOOKUP_TTL_MS.
    forgetIntakeLookups();
    return c.body(null, 204);
  });
}
