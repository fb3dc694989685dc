import { createRoute, z } from '@hono/zod-openapi';
import { databaseFor } from '../db/client';
import { loadJudgingAgreement } from '../db/queries/judging';
import { recordTouches } from '../db/queries/touches';
import { requireWorkspace } from '../db/queries/workspaces';
import { LEAD_STAGES } from '../domain/ledger/constants';
import { TouchBatch } from '../domain/ledger/touches';
import { requirePermission } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { BEARER_SECURITY, jsonBody, jsonResponse } from './schemas';

const record = createRoute({
  method: 'post',
  path: '/v1/events',
  tags: ['Leads'],
  summary:
    'Records engagement touches (page views, webinars, e-books…) in batches of up to 100, all or nothing',
  security: BEARER_SECURITY,
  middleware: [requirePermission('events:write')],
  request: { body: jsonBody(TouchBatch) },
  responses: {
    200: jsonResponse(
      z.object({
        data: z.array(
          z.object({
            index: z.number(),
            leadId: z.string(),
            stage: z.enum(LEAD_STAGES),
            created: z.boolean(),
          }),
        ),
      }),
      'Recorded; each lead re-scored',
    ),
    ...problemResponses(400, 401, 403, 413, 415, 422, 429, 503),
  },
});

export function registerEventRoutes(app: App) {
  app.openapi(record, async (c) => {
    const caller = c.get('caller');
    const db = databaseFor(c.env, caller.workspaceId);
    const now = new Date();
    const workspace = await requireWorkspace(db, caller.workspaceId);
    const agreement = await loadJudgingAgreement(db, workspace);
    const data = await recordTouches(
      db,
      caller.workspaceId,
      c.req.valid('json').events,
      agreement,
      { type: 'token', id: caller.tokenId },
      now,
    );
    return c.json({ data }, 200);
  });
}
