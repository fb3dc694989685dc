import { createRoute, z } from '@hono/zod-openapi';
import { INTAKE_PROVIDERS } from '../domain/intake/constants';
import { SOURCE_ORIGINS } from '../domain/ledger/constants';
import { CreateSource, UpdateSource } from '../domain/ledger/sources';
import { guard } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { callerContext } from '../http/service-context';
import { forgetIntakeLookups } from '../services/intake';
import { createSource, getSource, listSources, updateSource } from '../services/sources';
import { BEARER_SECURITY, IdParam, jsonBody, jsonResponse } from './schemas';

const SourceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    provider: z.enum(INTAKE_PROVIDERS),
    origin: z.enum(SOURCE_ORIGINS),
    createsLead: z.boolean(),
    fieldMap: z.record(z.string(), z.string()).nullable(),
    createdAt: z.string(),
    archivedAt: z.string().nullable(),
    url: z.string().openapi({ description: 'Where the forms tool posts' }),
  })
  .openapi('Source');

const read = {
  security: BEARER_SECURITY,
  ...guard('sources:read'),
  tags: ['Sources'],
};
const write = {
  security: BEARER_SECURITY,
  ...guard('sources:manage'),
  tags: ['Sources'],
};

function intakeUrl(origin: string, id: string) {
  return `${origin}/v1/intake/${id}`;
}

const create = createRoute({
  ...write,
  method: 'post',
  path: '/v1/sources',
  summary:
    'Registers a form or tool that posts leads; answers its intake URL and signing secret (shown once)',
  request: { body: jsonBody(CreateSource) },
  responses: {
    201: jsonResponse(SourceSchema.extend({ secret: z.string() }), 'Created'),
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

const list = createRoute({
  ...read,
  method: 'get',
  path: '/v1/sources',
  summary: 'Lists sources (without secrets)',
  responses: {
    200: jsonResponse(z.object({ data: z.array(SourceSchema) }), 'Sources'),
    ...problemResponses(401, 403),
  },
});

const get = createRoute({
  ...read,
  method: 'get',
  path: '/v1/sources/{id}',
  summary: 'One source (without its secret)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(SourceSchema, 'The source'), ...problemResponses(401, 403, 404) },
});

const update = createRoute({
  ...write,
  method: 'patch',
  path: '/v1/sources/{id}',
  summary: 'Renames, remaps or archives a source (an archived source refuses deliveries)',
  request: { params: IdParam, body: jsonBody(UpdateSource) },
  responses: {
    200: jsonResponse(SourceSchema, 'Updated'),
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

export function registerSourceRoutes(app: App) {
  const origin = (url: string, configured?: string) => configured || new URL(url).origin;

  app.openapi(create, async (c) => {
    const source = await createSource({ ctx: callerContext(c), input: c.req.valid('json') });
    return c.json(
      { ...source, url: intakeUrl(origin(c.req.url, c.env.LEADPACT_PUBLIC_URL), source.id) },
      201,
    );
  });

  app.openapi(list, async (c) => {
    const base = origin(c.req.url, c.env.LEADPACT_PUBLIC_URL);
    const data = await listSources({ ctx: callerContext(c) });
    return c.json({ data: data.map((s) => ({ ...s, url: intakeUrl(base, s.id) })) }, 200);
  });

  app.openapi(get, async (c) => {
    const source = await getSource({ ctx: callerContext(c), input: c.req.valid('param') });
    return c.json(
      { ...source, url: intakeUrl(origin(c.req.url, c.env.LEADPACT_PUBLIC_URL), source.id) },
      200,
    );
  });

  app.openapi(update, async (c) => {
    const input = { id: c.req.valid('param').id, patch: c.req.valid('json') };
    const source = await updateSource({ ctx: callerContext(c), input });
    // Intake holds sources briefly per isolate; an archive stops here at once, elsewhere within INTAKE_LOOKUP_TTL_MS.
    forgetIntakeLookups();
    return c.json(
      { ...source, url: intakeUrl(origin(c.req.url, c.env.LEADPACT_PUBLIC_URL), source.id) },
      200,
    );
  });
}
