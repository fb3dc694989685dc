import type { Env, IntakeMessage } from '../../../worker/env';
import worker from '../../../worker/index';
import { judgeQueuedDeliveries } from '../../../worker/jobs/intake-queue';
import type { JudgeFault } from '../../../worker/services/intake';
import { faultyD1 } from '../../worker/faulty-d1';

/**
 * The Worker the load suite runs (test/node/soak-load.test.ts): the real one
 * (worker/index.ts, unchanged) behind forced failures, so the normal recovery
 * has something to recover from. It is never deployed: only the soak's dev
 * server names this file as its entry, worker/index.ts does not import it, and
 * test/node/deploy.test.ts checks the bundle wrangler would upload has none of
 * it. Even here it does nothing unless LEADPACT_SOAK_FAULTS is `on`.
 *
 * A delivery asks for its fault in its own body (`soakFault`), once:
 * - `503`: its first store fails in D1 (the intake_deliveries insert), so the
 *   real route answers 503 with Retry-After and the sender retries;
 * - `judge`: the judge throws on its first judgement, so it is kept `failed`
 *   until an admin re-judges it;
 * - `queue`: the first consumer batch holding it throws, so Queues retries the
 *   whole batch;
 * - `lost`: its queue message is never sent (the send is dropped after the
 *   answer), so only the minute cron's pickup can judge it.
 */
type SoakEnv = Env & { LEADPACT_SOAK_FAULTS?: string };

type Fault = '503' | 'judge' | 'queue' | 'lost';

/** What was injected, for the suite's summary (one isolate under wrangler dev holds it all). */
const injected = { store503: 0, judgeThrew: 0, batchesThrown: 0, messagesLost: 0 };
/** Idempotency keys whose first store already failed: the sender's retry goes through. */
const failedOnce = new Set<string>();

function faultOf(text: string | null | undefined): Fault | null {
  if (!text) return null;
  try {
    const fault = (JSON.parse(text) as { soakFault?: unknown }).soakFault;
    return fault === '503' || fault === 'judge' || fault === 'queue' || fault === 'lost' ? fault : null;
  } catch {
    return null;
  }
}

/**
 * Deliveries planned to fail in the judge or the consumer, by id (from the Location they were accepted
 * with): their stored bodies are sealed (issue 16), so the fault can no longer be read back from D1.
 */
const planned = new Map<string, 'judge' | 'queue'>();

const judgeFault: JudgeFault = (row) => {
  if (row.attempts === 0 && planned.get(row.id) === 'judge') {
    injected.judgeThrew += 1;
    throw new Error('soak fault: the judge throws on this delivery');
  }
};

async function counts(env: SoakEnv, workspaceId: string) {
  const one = async (sql: string) =>
    (await env.DB.prepare(sql).bind(workspaceId).first<{ n: number }>())?.n ?? null;
  const statuses = await env.DB.prepare(
    'select status, count(*) as n from intake_deliveries where workspace_id = ? group by status',
  )
    .bind(workspaceId)
    .all<{ status: string; n: number }>();
  return {
    injected,
    leads: await one('select count(*) as n from leads where workspace_id = ?'),
    created: await one("select count(*) as n from lead_events where workspace_id = ? and type = 'created'"),
    touches: await one("select count(*) as n from lead_events where workspace_id = ? and type = 'touch'"),
    deliveries: Object.fromEntries(statuses.results.map((r) => [r.status, r.n])),
    leadIds: (
      await env.DB.prepare('select id from leads where workspace_id = ?')
        .bind(workspaceId)
        .all<{ id: string }>()
    ).results.map((r) => r.id),
  };
}

export default {
  async fetch(request, env, ctx) {
    if (env.LEADPACT_SOAK_FAULTS !== 'on') return worker.fetch(request, env, ctx);
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname === '/__soak/counts') {
      return Response.json(await counts(env, url.searchParams.get('workspace') ?? ''));
    }
    if (request.method === 'POST' && url.pathname.startsWith('/v1/intake/')) {
      const key = request.headers.get('idempotency-key');
      const fault = faultOf(await request.clone().text());
      if (key && !failedOnce.has(key) && fault === '503') {
        failedOnce.add(key);
        injected.store503 += 1;
        const { binding } = faultyD1(env.DB, { failing: /insert into "intake_deliveries"/i });
        return worker.fetch(request, { ...env, DB: binding }, ctx);
      }
      if (fault === 'lost') {
        const dropped = {
          sendBatch: async (messages: Iterable<unknown>) => {
            injected.messagesLost += [...messages].length;
          },
        } as unknown as Queue<IntakeMessage>;
        return worker.fetch(request, { ...env, INTAKE_QUEUE: dropped }, ctx);
      }
      if (fault === 'judge' || fault === 'queue') {
        const response = await worker.fetch(request, env, ctx);
        const id = response.headers.get('location')?.split('/').pop();
        if (id) planned.set(id, fault);
        return response;
      }
    }
    return worker.fetch(request, env, ctx);
  },
  scheduled: worker.scheduled,
  async queue(batch, env) {
    if (env.LEADPACT_SOAK_FAULTS === 'on') {
      const first = batch.messages.filter((m) => m.attempts === 1).map((m) => m.body.id);
      if (first.some((id) => planned.get(id) === 'queue')) {
        injected.batchesThrown += 1;
        throw new Error('soak fault: this consumer batch fails');
      }
    }
    await judgeQueuedDeliveries(
      batch,
      env,
      new Date(),
      env.LEADPACT_SOAK_FAULTS === 'on' ? judgeFault : undefined,
    );
  },
} satisfies ExportedHandler<SoakEnv, IntakeMessage>;
