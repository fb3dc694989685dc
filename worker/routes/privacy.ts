import { createRoute, z } from '@hono/zod-openapi';
import { StoredAnswer } from '../domain/idempotency';
import { guard } from '../http/auth';
import type { App } from '../http/context';
import { IDEMPOTENCY_HEADER_DOC, idempotentRequest, replayResponse } from '../http/idempotency';
import { problemResponses } from '../http/problem';
import { callerContext } from '../http/service-context';
import { type ErasureResult, eraseLead, exportLead } from '../services/privacy';
import { EventSchema, LeadSchema, leadView } from './leads';
import { BEARER_SECURITY, IdParam, jsonResponse } from './schemas';

const ExportSchema = z
  .object({
    exportedAt: z.string(),
    workspaceId: z.string(),
    lead: LeadSchema,
    events: z.array(EventSchema),
    consents: z.array(
      z.object({
        id: z.string(),
        sourceId: z.string().nullable(),
        formId: z.string().nullable(),
        givenAt: z.string(),
        text: z.string().nullable(),
        purposes: z.array(z.string()),
      }),
    ),
    deliveries: z.array(
      z.object({
        sourceId: z.string(),
        key: z.string(),
        createdAt: z.string(),
        response: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .openapi('LeadExport');

const exportRoute = createRoute({
  method: 'get',
  path: '/v1/leads/{id}/export',
  tags: ['Privacy'],
  summary: 'Everything held about the person behind a lead, as JSON (a data subject access request)',
  security: BEARER_SECURITY,
  ...guard('leads:export'),
  request: { params: IdParam },
  responses: {
    200: jsonResponse(ExportSchema, 'The lead, its events, consents and stored delivery answers'),
    ...problemResponses(401, 403, 404, 429),
  },
});

const eraseRoute = createRoute({
  method: 'delete',
  path: '/v1/leads/{id}',
  tags: ['Privacy'],
  summary: 'Erases the person behind a lead, keeping an anonymous tombstone for statistics',
  description: [
    'Blanks personal data in the lead, in every event payload, in consent texts that name the person and in the',
    'answers stored for their deliveries; keeps stage, dates, amounts, source and campaign; appends an `erased`',
    'event; remembers a salted hash of the e-mail and phone so an import cannot silently re-create the person',
    '(a new form submission with fresh consent may). Erasing an erased lead again changes nothing.',
  ].join(' '),
  security: BEARER_SECURITY,
  ...guard('leads:erase'),
  request: {
    params: IdParam,
    headers: z.object({ 'idempotency-key': z.string().optional().openapi(IDEMPOTENCY_HEADER_DOC) }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        lead: LeadSchema,
        erased: z.boolean(),
        alsoErased: z.array(z.string()).openapi({
          description:
            'Other leads that were the same person, erased with it: leads known only by its phone (and, for a phone-only lead, the one lead with an e-mail and that phone).',
        }),
      }),
      'The anonymous tombstone',
    ),
    ...problemResponses(401, 403, 404, 429, 503),
  },
});

export function registerPrivacyRoutes(app: App) {
  app.openapi(exportRoute, async (c) => {
    const data = await exportLead({ ctx: callerContext(c), input: { leadId: c.req.valid('param').id } });
    return c.json({ ...data, lead: leadView(data.lead) }, 200);
  });

  app.openapi(eraseRoute, async (c) => {
    const request = await idempotentRequest(c, undefined);
    const render = (result: ErasureResult) => ({
      status: 200,
      body: { lead: leadView(result.lead), erased: result.erased, alsoErased: result.alsoErased },
    });
    const result = await eraseLead({
      ctx: callerContext(c),
      input: { leadId: c.req.valid('param').id, idempotency: request ? { request, render } : undefined },
    });
    if (result instanceof StoredAnswer) return replayResponse(c, result);
    return c.json(render(result).body, 200);
  });
}
