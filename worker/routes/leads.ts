import { createRoute, z } from '@hono/zod-openapi';
import { QUADRANTS } from '../domain/agreement/constants';
import { ACTION_TYPES } from '../domain/ledger/actions';
import { EVENT_TYPES, LEAD_STAGES } from '../domain/ledger/constants';
import type { LeadState } from '../domain/ledger/lead';
import { leadEtag } from '../domain/ledger/lead-version';
import { guard } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { callerContext } from '../http/service-context';
import { getLead, listLeads } from '../services/leads';
import { BEARER_SECURITY, decodeCursor, IdParam, jsonResponse, pageOf } from './schemas';
import { LeadSlaSchema } from './sla';

export const LeadSchema = z
  .object({
    id: z.string(),
    stage: z.enum(LEAD_STAGES),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    company: z.string().nullable(),
    companyDomain: z.string().nullable(),
    website: z.string().nullable(),
    title: z.string().nullable(),
    industry: z.string().nullable(),
    employees: z.number().nullable(),
    country: z.string().nullable(),
    consent: z.boolean(),
    ownerId: z.string().nullable(),
    firstSourceId: z.string().nullable(),
    lastSourceId: z.string().nullable(),
    campaign: z.string().nullable(),
    fit: z.number(),
    engagement: z.number(),
    quadrant: z.enum(QUADRANTS),
    icpMatch: z.boolean(),
    marketingTemperature: z.string().nullable(),
    salesTemperature: z.string().nullable(),
    touchCounts: z.record(z.string(), z.number()),
    submittedAt: z.string().nullable(),
    agreementVersion: z.number().nullable(),
    mqlAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    erasedAt: z.string().nullable(),
    sales: z
      .object({
        attempts: z.number(),
        attemptChannels: z.array(z.string()),
        firstAttemptAt: z.string().nullable(),
        reachedAt: z.string().nullable(),
        acceptedAt: z.string().nullable(),
        qualification: z.record(z.string(), z.boolean()).nullable(),
        decidedAt: z.string().nullable(),
        sqlAt: z.string().nullable(),
        opportunityAt: z.string().nullable(),
        opportunityAmount: z.number().nullable(),
        wonAt: z.string().nullable(),
        wonAmount: z.number().nullable(),
        currency: z.string().nullable(),
        closedAt: z.string().nullable(),
        reasons: z.array(z.string()),
      })
      .openapi('LeadSalesProgress'),
  })
  .openapi('Lead');

export const EventSchema = z
  .object({
    id: z.string(),
    seq: z.number(),
    type: z.enum(EVENT_TYPES),
    occurredAt: z.string(),
    recordedAt: z.string(),
    actor: z.object({ type: z.enum(['source', 'token', 'system']), id: z.string().nullable() }),
    sourceId: z.string().nullable(),
    campaign: z.string().nullable(),
    agreementVersion: z.number().nullable(),
    payload: z.record(z.string(), z.unknown()),
  })
  .openapi('LeadEvent');

export function leadView(s: LeadState): z.infer<typeof LeadSchema> {
  return {
    id: s.id,
    stage: s.stage,
    ...(s.profile as {
      email: string | null;
      phone: string | null;
      firstName: string | null;
      lastName: string | null;
      company: string | null;
      companyDomain: string | null;
      website: string | null;
      title: string | null;
      industry: string | null;
      employees: number | null;
      country: string | null;
    }),
    consent: s.consent,
    ownerId: s.ownerId,
    firstSourceId: s.firstSourceId,
    lastSourceId: s.lastSourceId,
    campaign: s.campaign,
    fit: s.fit,
    engagement: s.engagement,
    quadrant: s.quadrant,
    icpMatch: s.icpMatch,
    marketingTemperature: s.marketingTemperature,
    salesTemperature: s.salesTemperature,
    touchCounts: s.touchCounts,
    submittedAt: s.submittedAt,
    agreementVersion: s.agreementVersion,
    mqlAt: s.mqlAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    erasedAt: s.erasedAt,
    sales: s.sales,
  };
}

/** Why a lead scored what it scored, by the agreement it was last scored under. */
export const ScoreExplanationSchema = z
  .object({
    fit: z.object({
      total: z.number(),
      threshold: z.number(),
      criteria: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          kind: z.enum(['required', 'weighted']),
          met: z.boolean(),
          points: z.number(),
        }),
      ),
      role: z.object({ id: z.string(), label: z.string(), points: z.number() }).nullable(),
    }),
    engagement: z.object({
      total: z.number(),
      threshold: z.number(),
      halfLifeDays: z.number(),
      touches: z.array(z.object({ type: z.string(), count: z.number(), pointsEach: z.number() })),
    }),
    temperatureRule: z.object({ temperature: z.string(), label: z.string() }).nullable(),
  })
  .openapi('ScoreExplanation');

export const MAX_PAGE_SIZE = 200;

const ListQuery = z.object({
  stage: z.enum(LEAD_STAGES).optional(),
  owner: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  campaign: z.string().min(1).optional(),
  quadrant: z.enum(QUADRANTS).optional(),
  updatedSince: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(400).optional(),
});

const read = { security: BEARER_SECURITY, ...guard('leads:read'), tags: ['Leads'] };

const list = createRoute({
  ...read,
  method: 'get',
  path: '/v1/leads',
  summary: 'Lists leads, oldest change first, with cursor pagination',
  request: { query: ListQuery },
  responses: {
    200: jsonResponse(
      z.object({
        data: z.array(LeadSchema.extend({ sla: LeadSlaSchema.pick({ next: true, worst: true }) })),
        nextCursor: z.string().nullable(),
      }),
      'A page of leads, each with its next SLA deadline and worst status (what the sheet colours by)',
    ),
    ...problemResponses(401, 403, 422),
  },
});

const get = createRoute({
  ...read,
  method: 'get',
  path: '/v1/leads/{id}',
  summary: 'One lead with its whole event history (both sides see everything)',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(
      LeadSchema.extend({
        events: z.array(EventSchema),
        sla: LeadSlaSchema,
        allowedActions: z.array(z.enum(ACTION_TYPES)).openapi({
          description:
            'The actions this token may take on the lead now (its stage and role rules); the attempt rule and the reasons are still checked when acting',
        }),
        scores: ScoreExplanationSchema.nullable(),
        businessHoursLeft: z.record(z.string(), z.number()).openapi({
          description:
            'Open deadline id → business hours until it is due, on the agreement’s calendar (negative when overdue)',
        }),
      }),
      'The lead',
    ),
    ...problemResponses(401, 403, 404),
  },
});

export function registerLeadRoutes(app: App) {
  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const filter = {
      stage: q.stage,
      ownerId: q.owner,
      sourceId: q.source,
      campaign: q.campaign,
      quadrant: q.quadrant,
      updatedSince: q.updatedSince,
      cursor: q.cursor ? decodeCursor(q.cursor) : undefined,
      limit: q.limit + 1,
    };
    const rows = await listLeads({ ctx: callerContext(c), input: { filter, shown: q.limit } });
    const { data, nextCursor } = pageOf(rows, q.limit, (row) => row.lead.updatedAt);
    return c.json({ data: data.map((row) => ({ ...leadView(row.lead), sla: row.sla })), nextCursor }, 200);
  });

  app.openapi(get, async (c) => {
    const { lead, ...detail } = await getLead({
      ctx: callerContext(c),
      input: { leadId: c.req.valid('param').id },
    });
    c.header('ETag', leadEtag(lead.seq));
    return c.json({ ...leadView(lead), ...detail }, 200);
  });
}
