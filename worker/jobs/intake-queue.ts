import { databaseFor } from '../db/client';
import { type Env, encryptionSecretsOf, type IntakeMessage } from '../env';
import { type JudgeFault, judgeDeliveries } from '../services/intake';

/** How long a message waits before a retry when its delivery met too many concurrent writers. */
const RETRY_DELAY_SECONDS = 5;

/**
 * The queue consumer: judges a batch of stored deliveries together (shared
 * reads, one write batch). Each message is acknowledged once its delivery is
 * settled — judged, rejected, or kept as failed for an admin; only transient
 * trouble retries it. If the whole run throws (D1 unreachable) every message is
 * retried by the queue, and past its retries the minute cron still finds the
 * delivery stored. `fault` is the reliability suite's seam (see JudgeFault); the
 * Worker's own entry never passes one.
 */
export async function judgeQueuedDeliveries(
  batch: MessageBatch<IntakeMessage>,
  env: Env,
  now: Date,
  fault?: JudgeFault,
): Promise<void> {
  const refs = batch.messages.map((m) => m.body);
  // One database today; databaseFor keeps the workspace → database choice in one place.
  const db = databaseFor(env, refs[0]?.workspaceId ?? '');
  const outcomes = await judgeDeliveries({
    ctx: { db, now, encryption: encryptionSecretsOf(env) },
    input: { refs, fault },
  });
  for (const message of batch.messages) {
    if (outcomes.get(message.body.id)?.status === 'retry')
      message.retry({ delaySeconds: RETRY_DELAY_SECONDS });
    else message.ack();
  }
}
