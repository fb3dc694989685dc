import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { allDatabaseContexts } from '../http/service-context';
import { checkDatabases } from '../services/health';
import { encryptionConfigured } from '../services/privacy';

const Health = z
  .object({
    status: z.enum(['ok']),
    database: z.enum(['ok']),
    encryption: z.enum(['configured', 'missing']).openapi({
      description:
        'Whether LEADPACT_ENCRYPTION_KEY is set and well-formed. Without it personal data can be neither stored nor read: intake and lead writes answer 503 until it is set.',
    }),
  })
  .openapi('Health');

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
    const databases = allDatabaseContexts(c);
    await checkDatabases({ input: { databases } });
    const encryption = (await encryptionConfigured(databases[0]?.encryption)) ? 'configured' : 'missing';
    return c.json({ status: 'ok' as const, database: 'ok' as const, encryption } as const, 200);
  });
}
