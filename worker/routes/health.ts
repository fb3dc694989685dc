import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { allDatabaseContexts } from '../http/service-context';
import { checkDatabases } from '../services/health';

const Health = z.object({ status: z.enum(['ok']), database: z.enum(['ok']) }).openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['System'],
  summary: 'Checks that the Worker can reach D1',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: Health } } },
    ...problemResponses(503),
  },
});

export function registerHealthRoutes(app: App) {
  app.openapi(health, async (c) => {
    await checkDatabases({ input: { databases: allDatabaseContexts(c) } });
    return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
  });
}
