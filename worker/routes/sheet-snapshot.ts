import { createRoute, z } from '@hono/zod-openapi';
import { schemaText } from '../domain/i18n';
import {
  LEADS_CURSOR_PATTERN,
  parseLeadsCursor,
  SNAPSHOT_PARTS,
  type SnapshotPartName,
} from '../domain/sheet/snapshot';
import { guard } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { callerContext } from '../http/service-context';
import { getSheetSnapshot } from '../services/sheet/get-snapshot';
import { BEARER_SECURITY, jsonResponse } from './schemas';

const KNOWN_ITEM = new RegExp(`^(${SNAPSHOT_PARTS.join('|')}):v[0-9a-f]{16}$`);

const SnapshotQuery = z.object({
  parts: z
    .enum(['meta', 'all'])
    .optional()
    .openapi({ description: '`meta`: only who and where (Test connection).' }),
  known: z
    .string()
    .max(400)
    .refine((text) => text.split(',').every((item) => KNOWN_ITEM.test(item)), {
      message: schemaText('snapshotKnown', { parts: SNAPSHOT_PARTS.join(', ') }),
    })
    .optional(),
  since: z
    .string()
    .regex(LEADS_CURSOR_PATTERN, { message: schemaText('leadsCursor') })
    .optional(),
});

const PartSchema = z.object({ version: z.string(), unchanged: z.boolean(), data: z.unknown().optional() });

const snapshot = createRoute({
  method: 'get',
  path: '/v1/sheet/snapshot',
  tags: ['Sheet'],
  summary: 'Everything the Google Sheets add-on shows, in one answer; unchanged parts and leads are skipped',
  description:
    'Each part (agreement, plan, report, agenda) has a version: send the versions you hold in `known` to get `unchanged` instead of the data. Leads are incremental: send `leads.cursor` as `since` to get only leads whose row changed (new events or SLA transitions). Lead rows are tuples naming owner and source by their index in `directory`. The plan omits pace, which moves with the clock: the sheet computes it with NOW().',
  security: BEARER_SECURITY,
  ...guard('leads:read'),
  request: { query: SnapshotQuery },
  responses: {
    200: jsonResponse(
      z
        .object({
          workspace: z.object({
            id: z.string(),
            name: z.string(),
            language: z.string(),
            timeZone: z.string(),
          }),
          caller: z.object({
            role: z.string(),
            memberId: z.string().nullable(),
            memberName: z.string().nullable(),
          }),
          asOf: z.string().optional(),
          directory: z
            .object({
              members: z.array(z.object({ id: z.string(), name: z.string() })),
              sources: z.array(z.object({ id: z.string(), name: z.string() })),
              campaigns: z.array(z.string()),
            })
            .optional(),
          leads: z
            .object({ cursor: z.string(), full: z.boolean(), rows: z.array(z.array(z.unknown())) })
            .optional(),
          parts: z.record(z.string(), PartSchema).optional(),
        })
        .openapi('SheetSnapshot'),
      'The snapshot',
    ),
    ...problemResponses(401, 403, 422),
  },
});

export function registerSheetSnapshotRoutes(app: App) {
  app.openapi(snapshot, async (c) => {
    const q = c.req.valid('query');
    const known: Partial<Record<SnapshotPartName, string>> = {};
    for (const item of q.known ? q.known.split(',') : []) {
      const [part, version] = item.split(':') as [SnapshotPartName, string];
      known[part] = version;
    }
    const result = await getSheetSnapshot({
      ctx: callerContext(c),
      input: {
        metaOnly: q.parts === 'meta',
        known,
        since: q.since ? parseLeadsCursor(q.since) : null,
        publicOrigin: (c.env.LEADPACT_PUBLIC_URL || new URL(c.req.url).origin).replace(/\/+$/, ''),
      },
    });
    return c.json(result, 200);
  });
}
