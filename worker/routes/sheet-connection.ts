import { createRoute, z } from '@hono/zod-openapi';
import {
  ServiceAccountKey,
  SHEET_CONNECTION_STATES,
  SHEET_ERROR_CODES,
  SpreadsheetId,
} from '../domain/live-sheet';
import { guard } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { sheetContext } from '../http/service-context';
import { connectSheet } from '../services/sheet/connect';
import { disconnectSheet } from '../services/sheet/disconnect';
import { getSheetStatus } from '../services/sheet/get-status';
import { BEARER_SECURITY, jsonBody, jsonResponse } from './schemas';

const SheetStatusSchema = z
  .object({
    connected: z.boolean(),
    spreadsheetId: z.string().nullable(),
    serviceAccountEmail: z
      .string()
      .nullable()
      .openapi({ description: 'Share the sheet with this address as an editor.' }),
    keySource: z.enum(['deployment', 'team']).nullable(),
    state: z.enum(SHEET_CONNECTION_STATES).nullable(),
    lastPushAt: z.string().nullable(),
    lastPushRows: z.number().int().nullable(),
    lastError: z
      .object({ code: z.enum(SHEET_ERROR_CODES), message: z.string(), at: z.string() })
      .nullable()
      .openapi({ description: 'In the workspace language; a stopping error stops pushes until fixed.' }),
    cursor: z.object({ events: z.number().int(), transitions: z.number().int() }).nullable(),
    quota: z
      .object({
        minute: z.string(),
        reads: z.number().int(),
        readsLimit: z.number().int(),
        writes: z.number().int(),
        writesLimit: z.number().int(),
      })
      .nullable()
      .openapi({
        description: 'Requests the service account spent this minute, of Google’s per-minute quota.',
      }),
  })
  .openapi('SheetStatus');

const ConnectSheet = z
  .object({
    spreadsheetId: SpreadsheetId,
    serviceAccount: ServiceAccountKey.nullable().optional().openapi({
      description:
        'Your team’s own service account: the JSON key file as Google issues it. Stored encrypted, never shown again. Leave out to use this deployment’s account.',
    }),
  })
  .strict()
  .openapi('ConnectSheet');

const putConnection = createRoute({
  method: 'put',
  path: '/v1/sheet/connection',
  tags: ['Sheet'],
  summary:
    'Keeps this sheet live: the Worker writes SLA changes and new leads into its Leads tab every minute',
  description:
    'Share the sheet, as an editor, with the `serviceAccountEmail` of the answer. Connecting the same sheet again (a new key, a re-shared sheet) resumes from its cursor.',
  security: BEARER_SECURITY,
  ...guard('sheet:connect'),
  request: { body: jsonBody(ConnectSheet) },
  responses: {
    200: jsonResponse(SheetStatusSchema, 'Reconnected'),
    201: jsonResponse(SheetStatusSchema, 'Connected'),
    ...problemResponses(400, 401, 403, 413, 415, 422, 503),
  },
});

const getStatus = createRoute({
  method: 'get',
  path: '/v1/sheet/status',
  tags: ['Sheet'],
  summary: 'Whether the sheet is live: the e-mail to share it with, last push, last error, cursor, quota',
  security: BEARER_SECURITY,
  ...guard('sheet:status'),
  responses: { 200: jsonResponse(SheetStatusSchema, 'The status'), ...problemResponses(401, 403) },
});

const deleteConnection = createRoute({
  method: 'delete',
  path: '/v1/sheet/connection',
  tags: ['Sheet'],
  summary: 'Stops writing to the sheet and forgets its key',
  security: BEARER_SECURITY,
  ...guard('sheet:connect'),
  responses: { 204: { description: 'Disconnected' }, ...problemResponses(401, 403, 404) },
});

export function registerSheetConnectionRoutes(app: App) {
  app.openapi(putConnection, async (c) => {
    const { workspaceId } = c.get('caller');
    const body = c.req.valid('json');
    const ctx = sheetContext(c);
    const { status, created } = await connectSheet({ ctx, input: { workspaceId, ...body } });
    return created ? c.json(status, 201) : c.json(status, 200);
  });

  app.openapi(getStatus, async (c) => {
    const { workspaceId } = c.get('caller');
    const ctx = sheetContext(c);
    return c.json(await getSheetStatus({ ctx, input: { workspaceId } }), 200);
  });

  app.openapi(deleteConnection, async (c) => {
    const { workspaceId } = c.get('caller');
    const ctx = sheetContext(c);
    await disconnectSheet({ ctx, input: { workspaceId } });
    return c.body(null, 204);
  });
}
