import { createRoute, z } from '@hono/zod-openapi';
import { CAMPAIGN_CHANNELS, CampaignListQuery, CreateCampaign, UpdateCampaign } from '../domain/campaigns';
import { guard } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { callerContext } from '../http/service-context';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from '../services/campaigns';
import { BEARER_SECURITY, IdParam, jsonBody, jsonResponse } from './schemas';

const CampaignSchema = z
  .object({
    id: z.string(),
    key: z.string().openapi({
      description: 'The value forms send as `campaign` (or `utm_campaign`); reports match the ledger on it.',
    }),
    name: z.string(),
    channel: z.enum(CAMPAIGN_CHANNELS),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    contentLinks: z.array(z.object({ label: z.string(), url: z.string() })),
    personaSegment: z.string().nullable(),
    description: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .openapi('Campaign');

const read = {
  security: BEARER_SECURITY,
  ...guard('campaigns:read'),
  tags: ['Campaigns'],
};
const write = {
  security: BEARER_SECURITY,
  ...guard('campaigns:manage'),
  tags: ['Campaigns'],
};

const create = createRoute({
  ...write,
  method: 'post',
  path: '/v1/campaigns',
  summary:
    'Registers what marketing is running, so sales knows (name, channel, dates, content, persona segment)',
  request: { body: jsonBody(CreateCampaign) },
  responses: {
    201: jsonResponse(CampaignSchema, 'Created'),
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
  },
});

const list = createRoute({
  ...read,
  method: 'get',
  path: '/v1/campaigns',
  summary: 'Lists campaigns by start date (filter by start date to see what launched in a week)',
  request: { query: CampaignListQuery },
  responses: {
    200: jsonResponse(z.object({ data: z.array(CampaignSchema) }), 'Campaigns'),
    ...problemResponses(401, 403, 422),
  },
});

const get = createRoute({
  ...read,
  method: 'get',
  path: '/v1/campaigns/{id}',
  summary: 'One campaign',
  request: { params: IdParam },
  responses: { 200: jsonResponse(CampaignSchema, 'The campaign'), ...problemResponses(401, 403, 404) },
});

const update = createRoute({
  ...write,
  method: 'patch',
  path: '/v1/campaigns/{id}',
  summary: 'Changes or archives a campaign',
  request: { params: IdParam, body: jsonBody(UpdateCampaign) },
  responses: {
    200: jsonResponse(CampaignSchema, 'Updated'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export function registerCampaignRoutes(app: App) {
  app.openapi(create, async (c) =>
    c.json(await createCampaign({ ctx: callerContext(c), input: c.req.valid('json') }), 201),
  );

  app.openapi(list, async (c) =>
    c.json({ data: await listCampaigns({ ctx: callerContext(c), input: c.req.valid('query') }) }, 200),
  );

  app.openapi(get, async (c) =>
    c.json(await getCampaign({ ctx: callerContext(c), input: c.req.valid('param') }), 200),
  );

  app.openapi(update, async (c) => {
    const input = { id: c.req.valid('param').id, patch: c.req.valid('json') };
    return c.json(await updateCampaign({ ctx: callerContext(c), input }), 200);
  });
}
