import { allDatabases } from '../db/client';
import { type Env, encryptionSecretsOf, leadLinkRoot } from '../env';
import { webHost } from '../platform/web-host';
import { sweepMinute } from '../services/sla';

function leadLinkSigning(env: Env) {
  const root = leadLinkRoot(env);
  return root ? { root, host: webHost } : null;
}

/**
 * The SLA clock's minute: refresh a few workspaces' team deadlines,
 * record every deadline that became due soon, breached or escalated since the
 * last run (once each, with its messages in the same batch), then deliver what
 * the outbox holds. `now` is the trigger's scheduled time, so a late or repeated
 * run records exactly what a punctual one would have.
 */
export async function slaSweep(env: Env, now: Date): Promise<void> {
  const failures: unknown[] = [];
  for (const db of allDatabases(env)) {
    // One database failing must not stop the others; every step is idempotent, so the next minute retries.
    try {
      const report = await sweepMinute({
        ctx: { db, now, encryption: encryptionSecretsOf(env) },
        input: { fetch: (url, init) => fetch(url, init), leadLinks: leadLinkSigning(env) },
      });
      console.log(JSON.stringify({ level: 'info', message: 'sla sweep', at: now.toISOString(), ...report }));
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0)
    throw new AggregateError(failures, `The SLA sweep failed on ${failures.length} database(s).`);
}
