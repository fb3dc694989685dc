import { createRoute, z } from '@hono/zod-openapi';
import { StoredAnswer } from '../domain/idempotency';
import { LeadAction } from '../domain/ledger/actions';
import { leadEtag } from '../domain/ledger/lead-version';
import { guard } from '../http/auth';
import type { App } from '../http/context';
import { IDEMPOTENCY_HEADER_DOC, idempotentRequest, replayResponse } from '../http/idempotency';
import { problemResponses } from '../http/problem';
import { callerContext } from '../http/service-context';
import { type ActionResult, performAction } from '../services/actions';
import { EventSchema, LeadSchema, leadView } from './leads';
import { BEARER_SECURITY, IdParam, jsonBody, jsonResponse } from './schemas';

const OutcomeSchema = z
  .union([
    z.object({
      type: z.literal('qualify'),
      sql: z.boolean(),
      failed: z.array(z.object({ code: z.string(), label: z.string() })),
      suggestedReasons: z.array(
        z.object({
          code: z.string(),
          label: z.string(),
          criterion: z.string().nullable(),
          destination: z.string(),
        }),
      ),
    }),
    z.object({
      type: z.literal('reject'),
      destination: z.enum(['nurture', 'disqualified']),
      because: z.array(
        z.object({
          reason: z.string(),
          label: z.string(),
          criterion: z.string().nullable(),
          criterionLabel: z.string().nullable(),
        }),
      ),
    }),
  ])
  .nullable()
  .openapi('ActionOutcome');

const act = createRoute({
  method: 'post',
  path: '/v1/leads/{id}/actions',
  tags: ['Leads'],
  summary:
    'Works a handed-over lead: attempt, accept, qualify, reject, nurture, opportunity, won, lost, feedback, assign',
  description: [
    'Every action appends events (actor: the token and its member; time; agreement version) and answers the updated lead.',
    'Send `If-Match` with the lead’s ETag (`"lead-<version>"`, from `GET /v1/leads/{id}`) to act only if nothing happened since: otherwise 412 with `version`.',
    'An action the stage does not allow is 409 with `allowedActions`. Rejecting (or nurturing before SQL) without a hard',
    'disqualifier is 409 with `missing` until the agreement’s attempts over distinct channels are logged or the person',
    'was reached. `qualify` answers `outcome.sql`; when false it names the failed criteria and suggests rejection reasons.',
    'Roles: admin and manager act on any lead; sales too, but a token bound to a member only on leads that member owns',
    'or that have no owner (feedback excepted); marketing may give `feedback` and log `attempt` on nurtured leads only.',
  ].join(' '),
  security: BEARER_SECURITY,
  ...guard('leads:act'),
  request: {
    params: IdParam,
    headers: z.object({
      'if-match': z
        .string()
        .optional()
        .openapi({
          param: { name: 'if-match', in: 'header' },
          example: '"lead-7"',
          description:
            'The lead version you read (ETag); a lead changed since then answers 412 and nothing lands',
        }),
      'idempotency-key': z.string().optional().openapi(IDEMPOTENCY_HEADER_DOC),
    }),
    body: jsonBody(LeadAction),
  },
  responses: {
    200: jsonResponse(
      z.object({ lead: LeadSchema, events: z.array(EventSchema), outcome: OutcomeSchema }),
      'The action was recorded',
    ),
    ...problemResponses(401, 403, 404, 409, 412, 413, 415, 422, 429, 503),
  },
});

export function registerActionRoutes(app: App) {
  app.openapi(act, async (c) => {
    const action = c.req.valid('json');
    const request = await idempotentRequest(c, action);
    const render = (result: ActionResult) => ({
      status: 200,
      body: { lead: leadView(result.lead), events: result.events, outcome: result.outcome },
    });
    const result = await performAction({
      ctx: callerContext(c),
      input: {
        leadId: c.req.valid('param').id,
        action,
        ifMatch: c.req.valid('header')['if-match'],
        idempotency: request ? { request, render } : undefined,
      },
    });
    if (result instanceof StoredAnswer) return replayResponse(c, result);
    c.header('ETag', leadEtag(result.lead.seq));
    return c.json(render(result).body, 200);
  });
}
