import { createRoute, z } from '@hono/zod-openapi';
import { LANGUAGES, SIDES } from '../domain/constants';
import { schemaText } from '../domain/i18n';
import { LEAD_STAGES } from '../domain/ledger/constants';
import {
  agendaMarkdown,
  CHANNEL_KINDS,
  CreateChannel,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  LEAD_DEADLINE_KINDS,
  NOTIFICATION_TOPICS,
  PACE_STAGES,
} from '../domain/sla';
import { guard } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { callerContext } from '../http/service-context';
import { createChannel, deleteChannel, listChannels } from '../services/notifications';
import { getAgenda, listDeadlines } from '../services/sla';
import { BEARER_SECURITY, decodeCursor, IdParam, jsonBody, jsonResponse, pageOf } from './schemas';

export const DeadlineSchema = z
  .object({
    id: z.string(),
    kind: z.enum(DEADLINE_KINDS),
    status: z.enum(DEADLINE_STATUSES),
    leadId: z.string().nullable(),
    ownerId: z.string().nullable(),
    agreementVersion: z.number().nullable(),
    startedAt: z.string(),
    dueSoonAt: z.string(),
    dueAt: z.string(),
    escalateAt: z.string().nullable(),
    breachedAt: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    settledAt: z.string().nullable(),
    requiredAttempts: z.number().nullable(),
    requiredChannels: z.number().nullable(),
  })
  .openapi('Deadline');

/** What `GET /v1/leads/{id}` adds: every deadline of the lead, the next one due and the worst status. */
export const LeadSlaSchema = z
  .object({
    deadlines: z.array(DeadlineSchema),
    next: DeadlineSchema.nullable(),
    worst: z.enum(DEADLINE_STATUSES).nullable(),
  })
  .openapi('LeadSla');

const ChannelSchema = z
  .object({
    id: z.string(),
    kind: z.enum(CHANNEL_KINDS),
    name: z.string(),
    url: z
      .string()
      .openapi({ description: 'Masked: the token part of chat webhook URLs is never shown again.' }),
    memberId: z.string().nullable(),
    topics: z.array(z.enum(NOTIFICATION_TOPICS)),
    createdAt: z.string(),
  })
  .openapi('NotificationChannel');

const Count = z.number().int();
const AgendaSchema = z
  .object({
    week: z.string(),
    language: z.enum(LANGUAGES),
    title: z.string(),
    subtitle: z.string(),
    meetingAt: z.string(),
    period: z.object({ start: z.string(), end: z.string() }),
    handedOver: z.object({
      total: Count,
      notWorked: Count,
      notWorkedLeads: z.array(
        z.object({ leadId: z.string(), name: z.string(), ownerName: z.string().nullable() }),
      ),
    }),
    breachesByOwner: z.array(
      z.object({
        ownerId: z.string().nullable(),
        ownerName: z.string().nullable(),
        total: Count,
        byKind: z.partialRecord(z.enum(LEAD_DEADLINE_KINDS), Count),
      }),
    ),
    rejections: z.array(z.object({ code: z.string(), label: z.string(), count: Count })),
    nurture: z.array(z.object({ code: z.string(), label: z.string(), count: Count })),
    campaigns: z.array(
      z.object({ campaign: z.string(), leads: Count, stages: z.partialRecord(z.enum(LEAD_STAGES), Count) }),
    ),
    pace: z
      .object({
        period: z.string(),
        stages: z.array(
          z.object({
            stage: z.enum(PACE_STAGES),
            status: z.enum(['not_started', 'behind', 'on_track', 'ahead']),
            actual: z.number(),
            expected: z.number(),
            planned: z.number(),
          }),
        ),
      })
      .nullable(),
    personaReview: z
      .object({ dueOn: z.string(), overdue: z.boolean(), guardianName: z.string().nullable() })
      .nullable(),
    pendingAgreement: z.object({ version: Count, missingSides: z.array(z.enum(SIDES)) }).nullable(),
    liveSheet: z
      .object({ message: z.string(), since: z.string().nullable() })
      .nullable()
      .openapi({ description: 'The live sheet when its pushes stopped: why, and the last push.' }),
    sections: z.array(z.object({ id: z.string(), title: z.string(), lines: z.array(z.string()) })),
  })
  .openapi('Agenda');

const MAX_PAGE = 200;

const SlaQuery = z.object({
  owner: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: 'A member id: deadlines of leads they own.' }),
  kind: z.enum(DEADLINE_KINDS).optional(),
  status: z
    .enum(DEADLINE_STATUSES)
    .optional()
    .openapi({ description: 'Default: the open ones (pending, due_soon, breached).' }),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  cursor: z.string().max(400).optional(),
});

const listSla = createRoute({
  method: 'get',
  path: '/v1/sla',
  tags: ['SLA'],
  summary: 'Deadlines by due time: open ones by default; filter by owner, kind and status',
  security: BEARER_SECURITY,
  ...guard('sla:read'),
  request: { query: SlaQuery },
  responses: {
    200: jsonResponse(
      z.object({ data: z.array(DeadlineSchema), nextCursor: z.string().nullable() }),
      'A page of deadlines, first due first',
    ),
    ...problemResponses(401, 403, 422),
  },
});

const AgendaQuery = z.object({
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/, { message: schemaText('isoWeek') })
    .optional()
    .openapi({
      description: 'ISO week of the meeting; default: the week of the next meeting.',
      example: '2026-W48',
    }),
  format: z.enum(['json', 'markdown']).optional(),
});

const agenda = createRoute({
  method: 'get',
  path: '/v1/agenda',
  tags: ['SLA'],
  summary: "The weekly meeting's agenda, written from the data",
  description:
    'Covers the seven days before that week’s meeting (from the previous meeting to this one). Markdown with `Accept: text/markdown` or `format=markdown`.',
  security: BEARER_SECURITY,
  ...guard('agenda:read'),
  request: { query: AgendaQuery },
  responses: {
    200: {
      description: 'The agenda',
      content: {
        'application/json': { schema: AgendaSchema },
        'text/markdown': { schema: z.string() },
      },
    },
    ...problemResponses(401, 403, 422),
  },
});

const createChannelRoute = createRoute({
  method: 'post',
  path: '/v1/notification-channels',
  tags: ['SLA'],
  summary:
    'Registers a Google Chat or Slack incoming webhook, or a generic webhook we sign (secret shown once)',
  description:
    'Generic webhooks carry `LeadPact-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the secret>` and `LeadPact-Delivery` (the deduplication key; a retry repeats it).',
  security: BEARER_SECURITY,
  ...guard('notifications:manage'),
  request: { body: jsonBody(CreateChannel) },
  responses: {
    201: jsonResponse(ChannelSchema.extend({ secret: z.string().nullable() }), 'Created'),
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

const listChannelsRoute = createRoute({
  method: 'get',
  path: '/v1/notification-channels',
  tags: ['SLA'],
  summary: 'Lists notification channels (URLs masked, no secrets)',
  security: BEARER_SECURITY,
  ...guard('notifications:read'),
  responses: {
    200: jsonResponse(z.object({ data: z.array(ChannelSchema) }), 'Channels'),
    ...problemResponses(401, 403),
  },
});

const deleteChannelRoute = createRoute({
  method: 'delete',
  path: '/v1/notification-channels/{id}',
  tags: ['SLA'],
  summary: 'Removes a channel; nothing more is sent to it',
  security: BEARER_SECURITY,
  ...guard('notifications:manage'),
  request: { params: IdParam },
  responses: { 204: { description: 'Removed' }, ...problemResponses(401, 403, 404) },
});

function wantsMarkdown(format: string | undefined, accept: string | undefined): boolean {
  if (format) return format === 'markdown';
  return (accept ?? '')
    .split(',')
    .some((part) => part.split(';')[0]?.trim().toLowerCase() === 'text/markdown');
}

export function registerSlaRoutes(app: App) {
  app.openapi(listSla, async (c) => {
    const q = c.req.valid('query');
    const page = await listDeadlines({
      ctx: callerContext(c),
      input: {
        ownerId: q.owner,
        kind: q.kind,
        status: q.status,
        cursor: q.cursor ? decodeCursor(q.cursor) : undefined,
        limit: q.limit + 1,
      },
    });
    return c.json(
      pageOf(page, q.limit, (deadline) => deadline.dueAt),
      200,
    );
  });

  app.openapi(agenda, async (c) => {
    const q = c.req.valid('query');
    const result = await getAgenda({ ctx: callerContext(c), input: { week: q.week } });
    if (wantsMarkdown(q.format, c.req.header('accept'))) {
      return c.body(agendaMarkdown(result), 200, { 'content-type': 'text/markdown; charset=utf-8' });
    }
    return c.json(result, 200);
  });

  app.openapi(createChannelRoute, async (c) => {
    const options = {
      allowLoopback: c.env.LEADPACT_ALLOW_LOOPBACK_WEBHOOKS === 'true',
      linkBase: c.env.LEADPACT_PUBLIC_URL || new URL(c.req.url).origin,
    };
    const channel = await createChannel({
      ctx: callerContext(c),
      input: { channel: c.req.valid('json'), options },
    });
    return c.json(channel, 201);
  });

  app.openapi(listChannelsRoute, async (c) =>
    c.json({ data: await listChannels({ ctx: callerContext(c) }) }, 200),
  );

  app.openapi(deleteChannelRoute, async (c) => {
    await deleteChannel({ ctx: callerContext(c), input: c.req.valid('param') });
    return c.body(null, 204);
  });
}
