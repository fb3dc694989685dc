import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { call, createTestWorkspace, env } from './harness';

describe('daily housekeeping cron', () => {
  it('should forget delivery keys older than seven days and keep newer ones', async () => {
    const ws = await createTestWorkspace();
    const res = await call('POST', '/v1/sources', {
      token: ws.tokens.admin,
      json: { name: 'f', provider: 'generic', origin: 'marketing', createsLead: true },
    });
    const { id: sourceId } = (await res.json()) as { id: string };
    const now = Date.parse('2026-11-22T03:17:00Z');
    const insert = env.DB.prepare(
      'insert into intake_deliveries (workspace_id, source_id, key, body_hash, response, created_at) values (?, ?, ?, ?, ?, ?)',
    );
    await env.DB.batch([
      insert.bind(ws.id, sourceId, 'old', 'h', '{}', new Date(now - 8 * 86_400_000).toISOString()),
      insert.bind(ws.id, sourceId, 'fresh', 'h', '{}', new Date(now - 6 * 86_400_000).toISOString()),
    ]);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '17 3 * * *', scheduledTime: now }), env, ctx);
    await waitOnExecutionContext(ctx);
    const keys = await env.DB.prepare('select key from intake_deliveries where workspace_id = ?')
      .bind(ws.id)
      .all<{ key: string }>();
    expect(keys.results.map((r) => r.key)).toEqual(['fresh']);
  });
});
