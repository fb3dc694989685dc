import { createRoute, z } from '@hono/zod-openapi';
import { SIDES } from '../domain/constants';
import { CreateMember, UpdateMember } from '../domain/members';
import { guard } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { callerContext } from '../http/service-context';
import { createMember, getMember, listMembers, updateMember } from '../services/members';
import { BEARER_SECURITY, IdParam, jsonBody, jsonResponse } from './schemas';

const MemberSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    side: z.enum(SIDES),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Member');

const read = {
  security: BEARER_SECURITY,
  ...guard('members:read'),
  tags: ['Members'],
};
const write = {
  security: BEARER_SECURITY,
  ...guard('members:write'),
  tags: ['Members'],
};

const ListQuery = z.object({
  side: z.enum(SIDES).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

const create = createRoute({
  ...write,
  method: 'post',
  path: '/v1/members',
  summary: 'Adds a person to the workspace',
  request: { body: jsonBody(CreateMember) },
  responses: {
    201: jsonResponse(MemberSchema, 'Created'),
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
  },
});

const list = createRoute({
  ...read,
  method: 'get',
  path: '/v1/members',
  summary: 'Lists the people of the workspace',
  request: { query: ListQuery },
  responses: {
    200: jsonResponse(z.object({ data: z.array(MemberSchema) }), 'Members'),
    ...problemResponses(401, 403, 422),
  },
});

const get = createRoute({
  ...read,
  method: 'get',
  path: '/v1/members/{id}',
  summary: 'One member',
  request: { params: IdParam },
  responses: { 200: jsonResponse(MemberSchema, 'The member'), ...problemResponses(401, 403, 404) },
});

const update = createRoute({
  ...write,
  method: 'patch',
  path: '/v1/members/{id}',
  summary: 'Changes a member (deactivate with `active: false`)',
  request: { params: IdParam, body: jsonBody(UpdateMember) },
  responses: {
    200: jsonResponse(MemberSchema, 'Updated'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export function registerMemberRoutes(app: App) {
  app.openapi(create, async (c) =>
    c.json(await createMember({ ctx: callerContext(c), input: c.req.valid('json') }), 201),
  );

  app.openapi(list, async (c) =>
    c.json({ data: await listMembers({ ctx: callerContext(c), input: c.req.valid('query') }) }, 200),
  );

  app.openapi(get, async (c) =>
    c.json(await getMember({ ctx: callerContext(c), input: c.req.valid('param') }), 200),
  );

  app.openapi(update, async (c) => {
    const input = { id: c.req.valid('param').id, patch: c.req.valid('json') };
    return c.json(await updateMember({ ctx: callerContext(c), input }), 200);
  });
}
