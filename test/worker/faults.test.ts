import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../worker/db/schema';
import type { Env, IntakeMessage } from '../../worker/env';
import { app } from '../../worker/index';
import { judgeQueuedDeliveries } from '../../worker/jobs/intake-queue';
import type { JudgeFault } from '../../worker/services/intake';
import { sweepDeadlines } from '../../worker/services/sla/sweep-deadlines';
import { faultyD1 } from './faulty-d1';
import { BASE, call, env, expectProblem } from './harness';
import { createSlaWorkspace, type SlaWorkspace, submitLeadAt } from './sla-fixtures';

/**
 * The fault suite (issue 15): each test injects one fault the platform can
 * really throw at us, lets the normal recovery run, and counts what landed.
 * Counts read ids, stages and event types only, never personal columns.
 */
const survived: string[] = [];
let injected = 0;

beforeEach(() => {
  injected += 1;
});

afterAll(() => {
  console.log(`faults: ${injected} injected, ${survived.length} survived (${survived.join('; ')})`);
});

let people = 0;
function person() {
  people += 1;
  return {
    email: `fault.${people}@factory-${people}.pl`,
    phone: '+48 600 200 300',
    firstName: 'Jan',
    lastName: `Nowak${people}`,
    company: `Factory ${people}`,
    consent: true,
  };
}

async function store(ws: SlaWorkspace, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await call('POST', `/v1/intake/${ws.sourceId}`, { token: ws.tokens.intake, json: person() });
    expect(res.status, await res.clone().text()).toBe(202);
    ids.push(((await res.json()) as { deliveryId: string }).deliveryId);
  }
  return ids;
}

/** Hands the real consumer one batch, as Queues would on this delivery attempt, against `db`. */
async function deliver(
  ws: SlaWorkspace,
  ids: readonly string[],
  options: { attempts: number; db?: D1Database; fault?: JudgeFault },
) {
  const batch = createMessageBatch<IntakeMessage>(
    'leadpact-intake',
    ids.map((id) => ({
      id: `msg-${id}`,
      timestamp: new Date(),
      attempts: options.attempts,
      body: { workspaceId: ws.id, id },
    })),
  );
  const ctx = createExecutionContext();
  const run = judgeQueuedDeliveries(
    batch,
    { ...env, DB: options.db ?? env.DB } as Env,
    new Date(),
    options.fault,
  );
  return { run, result: () => getQueueResult(batch, ctx) };
}

async function counts(workspaceId: string) {
  const one = async (sql: string) =>
    (await env.DB.prepare(sql).bind(workspaceId).first<{ n: number }>())?.n ?? -1;
  return {
    leads: await one('select count(*) as n from leads where workspace_id = ?'),
    created: await one("select count(*) as n from lead_events where workspace_id = ? and type = 'created'"),
    events: await one('select count(*) as n from lead_events where workspace_id = ?'),
    deadlines: await one(
      'select count(*) as n from sla_deadlines where workspace_id = ? and lead_id is not null',
    ),
    consents: await one('select count(*) as n from consents where workspace_id = ?'),
  };
}

async function deliveryRows(ids: readonly string[]) {
  const rows = await env.DB.prepare(
    `select id, status, attempts, error from intake_deliveries where id in (${ids.map(() => '?').join(',')})`,
  )
    .bind(...ids)
    .all<{ id: string; status: string; attempts: number; error: string | null }>();
  const byId = new Map(rows.results.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id));
}

// Several workspaces with signed agreements per test: more than the default 5 s on a loaded machine.
describe('faults', { timeout: 60_000 }, () => {
  it('should answer 503 with Retry-After and keep nothing when the store fails, then store the retry once', async () => {
    const ws = await createSlaWorkspace({ language: 'pl' });
    const { binding } = faultyD1(env.DB, { failing: /insert into "intake_deliveries"/i });
    const body = JSON.stringify(person());
    const send = (db: D1Database) =>
      app.fetch(
        new Request(`${BASE}/v1/intake/${ws.sourceId}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${ws.tokens.intake}`,
            'content-type': 'application/json',
            'idempotency-key': 'form-entry-1',
          },
          body,
        }),
        { ...env, DB: db } as Env,
        createExecutionContext(),
      );
    const failed = await send(binding);
    const problem = await expectProblem(failed, 503);
    expect(failed.headers.get('retry-after')).toBe('5');
    // In the workspace's language, and saying that nothing was kept.
    expect(problem.detail).toContain('Wyślij je ponownie');
    expect(
      await env.DB.prepare('select count(*) as n from intake_deliveries where workspace_id = ?')
        .bind(ws.id)
        .first('n'),
    ).toBe(0);

    const retried = await send(env.DB);
    expect(retried.status).toBe(202);
    const again = await send(env.DB);
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect(
      await env.DB.prepare('select count(*) as n from intake_deliveries where workspace_id = ?')
        .bind(ws.id)
        .first('n'),
    ).toBe(1);
    survived.push('intake store down: 503 + Retry-After, retry stored once');
  });

  it('should judge the rest of a queue batch, keep the delivery the judge threw on with its error, and retry none', async () => {
    const ws = await createSlaWorkspace();
    const ids = await store(ws, 4);
    const broken = ids[2];
    const { run, result } = await deliver(ws, ids, {
      attempts: 1,
      fault: (row) => {
        if (row.id === broken) throw new TypeError('a bug in the judge');
      },
    });
    await run;
    const queue = await result();
    // A bug is not transient: the message is settled (kept as failed for an admin), not retried forever.
    expect(queue.explicitAcks).toHaveLength(4);
    expect(queue.retryMessages).toHaveLength(0);
    const rows = await deliveryRows(ids);
    expect(rows.map((r) => r?.status)).toEqual(['judged', 'judged', 'failed', 'judged']);
    expect(rows[2]?.error).toContain('a bug in the judge');
    expect(await counts(ws.id)).toMatchObject({ leads: 3, created: 3, consents: 3 });

    const rejudged = await call('POST', '/v1/intake/deliveries/rejudge', { token: ws.tokens.admin });
    expect(await rejudged.json()).toMatchObject({ tried: 1, judged: 1, failed: 0 });
    expect(await counts(ws.id)).toMatchObject({ leads: 4, created: 4, consents: 4 });
    survived.push('judge throws for 1 of 4: 3 judged, 1 kept failed, re-judged once');
  });

  it('should leave no partial lead, event or deadline when the last statement of a batch fails, and judge once after', async () => {
    const ws = await createSlaWorkspace();
    const ids = await store(ws, 3);
    const before = await counts(ws.id);
    expect(before).toMatchObject({ leads: 0, events: 0, deadlines: 0, consents: 0 });

    // A constraint violation after the lead, its events, deadlines and consent: D1 rolls the batch back whole.
    const { binding, seen } = faultyD1(env.DB, {
      lastStatement: "insert into lead_events (id, workspace_id) values (null, 'injected')",
    });
    const first = await deliver(ws, ids, { attempts: 1, db: binding });
    await first.run;
    const queue = await first.result();
    expect(seen.failedBatches).toBeGreaterThan(ids.length);
    expect(await counts(ws.id)).toEqual(before);
    // Nothing was written, so nothing is failed either: each message goes back to the queue.
    expect(queue.retryMessages.map((m) => m.msgId).sort()).toEqual(ids.map((id) => `msg-${id}`).sort());
    expect((await deliveryRows(ids)).map((r) => [r?.status, r?.attempts])).toEqual(
      ids.map(() => ['stored', 0]),
    );

    const second = await deliver(ws, ids, { attempts: 2 });
    await second.run;
    expect((await second.result()).explicitAcks).toHaveLength(3);
    const after = await counts(ws.id);
    expect(after).toMatchObject({ leads: 3, created: 3, consents: 3 });
    expect(after.deadlines).toBeGreaterThanOrEqual(3);
    expect((await deliveryRows(ids)).map((r) => [r?.status, r?.attempts])).toEqual(
      ids.map(() => ['judged', 1]),
    );
    survived.push('failing last statement: 0 partial rows, 3 judged once on the retry');
  });

  it('should judge each delivery exactly once when Queues retries a consumer batch that threw', async () => {
    const ws = await createSlaWorkspace();
    const ids = await store(ws, 5);
    const { binding } = faultyD1(env.DB, { unreachable: true });
    const first = await deliver(ws, ids, { attempts: 1, db: binding });
    // The consumer throws: Queues retries every message of the batch.
    await expect(first.run).rejects.toThrow(/Network connection lost/);
    expect((await deliveryRows(ids)).every((r) => r?.status === 'stored')).toBe(true);

    const second = await deliver(ws, ids, { attempts: 2 });
    await second.run;
    expect((await second.result()).explicitAcks).toHaveLength(5);
    // At-least-once: the same messages may come a third time; they find their deliveries judged.
    const third = await deliver(ws, ids, { attempts: 3 });
    await third.run;
    expect((await third.result()).explicitAcks).toHaveLength(5);

    expect(await counts(ws.id)).toMatchObject({ leads: 5, created: 5, consents: 5 });
    expect((await deliveryRows(ids)).map((r) => [r?.status, r?.attempts])).toEqual(
      ids.map(() => ['judged', 1]),
    );
    survived.push('consumer batch threw: retried by Queues (attempt 2, then 3), 5 judged once');
  });

  it('should record every SLA transition once when a sweep is killed halfway and run again', async () => {
    const monday9 = '2026-11-23T08:00:00Z';
    const workspaces: SlaWorkspace[] = [];
    for (let w = 0; w < 3; w++) {
      const ws = await createSlaWorkspace();
      for (let l = 0; l < 2; l++) await submitLeadAt(ws, monday9);
      workspaces.push(ws);
    }
    const transitions = async (ws: SlaWorkspace) =>
      (
        await env.DB.prepare(
          `select d.kind as kind, t.step as step, count(*) as n from sla_transitions t join sla_deadlines d on d.id = t.deadline_id
           where t.workspace_id = ? group by t.deadline_id, t.step order by d.kind, t.step`,
        )
          .bind(ws.id)
          .all<{ kind: string; step: string; n: number }>()
      ).results;

    // Past the escalation of every first touch: each deadline has due soon, breach and escalation to record.
    const now = new Date('2026-11-23T16:30:00Z');
    const { binding, seen } = faultyD1(env.DB, { killAfterWrites: 1 });
    await expect(
      sweepDeadlines({
        ctx: { db: drizzle(binding, { schema }), now, encryption: { key: env.LEADPACT_ENCRYPTION_KEY } },
      }),
    ).rejects.toThrow(/killed/);
    expect(seen.failedBatches).toBe(1);
    const halfway = await Promise.all(workspaces.map(transitions));
    const swept = halfway.filter((t) => t.length > 0).length;
    expect(swept).toBeGreaterThan(0);
    expect(swept).toBeLessThan(workspaces.length);

    const rerun = await sweepDeadlines({
      ctx: { db: drizzle(env.DB, { schema }), now, encryption: { key: env.LEADPACT_ENCRYPTION_KEY } },
    });
    expect(rerun.transitions).toBeGreaterThan(0);
    const after = await Promise.all(workspaces.map(transitions));
    const recorded = after.flat();
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.every((t) => t.n === 1)).toBe(true);
    // Every workspace ends with the same steps as the one swept before the kill.
    for (const steps of after) expect(steps).toEqual(after[0]);
    expect(after[0]?.filter((t) => t.kind === 'first_touch').map((t) => t.step)).toContain('breached');
    // And a third run finds nothing left to record.
    const third = await sweepDeadlines({
      ctx: { db: drizzle(env.DB, { schema }), now, encryption: { key: env.LEADPACT_ENCRYPTION_KEY } },
    });
    expect(third.transitions).toBe(0);
    expect(await Promise.all(workspaces.map(transitions))).toEqual(after);
    survived.push(
      `sweep killed after ${swept} of ${workspaces.length} workspaces: rerun recorded the rest, ${recorded.length} transitions once each`,
    );
  });
});
