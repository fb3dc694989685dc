import { createRoute, z } from '@hono/zod-openapi';
import { databaseFor } from '../db/client';
import { createMember, getMember, listMembers, updateMember } from '../db/queries/members';
import { SIDES } from '../domain/constants';
import { CreateMember, UpdateMember } from '../domain/members';
import { requirePermission } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
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
  middleware: [requirePermission('members:read')],
  tags: ['Members'],
};
const write = {
  security: BEARER_SECURITY,
  middleware: [requirePermission('members:write')],
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
  app.openapi(create, async (c) => {
    const { workspaceId } = c.get('caller');
    return c.json(
      await createMember(databaseFor(c.env, workspaceId), workspaceId, c.req.valid('json'), new Date()),
      201,
    );
  });

  app.openapi(list, async (c) => {
    const { workspaceId } = c.get('caller');
    return c.json(
      { data: await listMembers(databaseFor(c.env, workspaceId), workspaceId, c.req.valid('query')) },
      200,
    );
  });

  app.openapi(get, async (c) => {
    const { workspaceId } = c.get('caller');
    return c.json(
      await getMember(databaseFor(c.env, workspaceId), workspaceId, c.req.valid('param').id),
      200,
    );
  });

  app.openapi(update, async (c) => {
    const { workspaceId } = c.get('caller');
    const db = databaseFor(c.env, workspaceId);
    return c.json(
      await updateMember(db, workspaceId, c.req.valid('param').id, c.req.valid('json'), new Date()),
      200,
    );
  });
}
