import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import type { IntakeMessage } from '../../worker/env';
import worker from '../../worker/index';
import { env } from './harness';

/**
 * Runs the real queue consumer (`worker.queue`) over every delivery of the
 * workspace still stored, as one batch: what the Queue would deliver after a
 * burst of intake requests. Answers the consumer's acks and retries.
 */
export async function drainIntake(workspaceId: string) {
  const stored = await env.DB.prepare(
    "select id from intake_deliveries where workspace_id = ? and status = 'stored' order by created_at",
  )
    .bind(workspaceId)
    .all<{ id: string }>();
  const batch = createMessageBatch<IntakeMessage>(
    'leadpact-intake',
    stored.results.map((r, i) => ({
      id: `msg-${i}-${r.id}`,
      timestamp: new Date(),
      attempts: 1,
      body: { workspaceId, id: r.id },
    })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  return { result: await getQueueResult(batch, ctx), messages: stored.results.length };
}
