import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { call, createTestWorkspace, env } from './harness';

describe('daily housekeeping cron', () => {
  it('should forget delivery keys older than seven days and keep newer ones, and never an unjudged delivery', async () => {
    const ws = await createTestWorkspace();
    const res = await call('POST', '/v1/sources', {
      token: ws.tokens.admin,
      json: { name: 'f', provider: 'generic', origin: 'marketing', createsLead: true },
    });
    const { id: sourceId } = (await res.json()) as { id: string };
    const now = Date.parse('2026-11-22T03:17:00Z');
    const insert = env.DB.prepare(
      'insert into intake_deliveries (workspace_id, source_id, key, id, body_hash, status, response, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const eightDaysAgo = new Date(now - 8 * 86_400_000).toISOString();
    await env.DB.batch([
      insert.bind(ws.id, sourceId, 'old', `dlv_old_${ws.id}`, 'h', 'judged', '{}', eightDaysAgo),
      insert.bind(
        ws.id,
        sourceId,
        'fresh',
        `dlv_fresh_${ws.id}`,
        'h',
        'judged',
        '{}',
        new Date(now - 6 * 86_400_000).toISOString(),
      ),
      // Stored or failed and never judged: forgetting it would lose the lead.
      insert.bind(ws.id, sourceId, 'waiting', `dlv_waiting_${ws.id}`, 'h', 'failed', null, eightDaysAgo),
    ]);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '17 3 * * *', scheduledTime: now }), env, ctx);
    await waitOnExecutionContext(ctx);
    const keys = await env.DB.prepare(
      "select key from intake_deliveries where workspace_id = ? and status = 'judged'",
    )
      .bind(ws.id)
      .all<{ key: string }>();
    expect(keys.results.map((r) => r.key)).toEqual(['fresh']);
    const kept = await env.DB.prepare(
      "select key from intake_deliveries where workspace_id = ? and status <> 'judged'",
    )
      .bind(ws.id)
      .all<{ key: string }>();
    expect(kept.results.map((r) => r.key)).toEqual(['waiting']);
  });

  it('should forget sent and failed messages after thirty days, never one still waiting to be sent', async () => {
    const ws = await createTestWorkspace();
    const now = Date.parse('2026-11-22T03:17:00Z');
    const insert = env.DB.prepare(
      `insert into notification_outbox (id, workspace_id, key, channel_id, topic, body, status, attempts, next_attempt_at, created_at)
       values (?, ?, ?, 'ch', 'breached', '{}', ?, 0, ?, ?)`,
    );
    const old = new Date(now - 31 * 86_400_000).toISOString();
    const recent = new Date(now - 29 * 86_400_000).toISOString();
    await env.DB.batch([
      insert.bind('m1', ws.id, 'k1', 'delivered', old, old),
      insert.bind('m2', ws.id, 'k2', 'failed', old, old),
      insert.bind('m3', ws.id, 'k3', 'pending', old, old),
      insert.bind('m4', ws.id, 'k4', 'delivered', recent, recent),
    ]);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: '17 3 * * *', scheduledTime: now }), env, ctx);
    await waitOnExecutionContext(ctx);
    const left = await env.DB.prepare('select id from notification_outbox where workspace_id = ? order by id')
      .bind(ws.id)
      .all<{ id: string }>();
    expect(left.results.map((r) => r.id)).toEqual(['m3', 'm4']);
  });
});
