import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { getTableColumns } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as schema from '../../worker/db/schema';
import { rowsPerInsert } from '../../worker/db/scope';
import worker from '../../worker/index';
import { INTAKE_LOOKUP_TTL_MS, judgeDeliveries } from '../../worker/services/intake';
import {
  call,
  callWith,
  createTestWorkspace,
  env,
  expectProblem,
  type TestWorkspace,
  WAIT_FOR_LEAD,
} from './harness';
import { drainIntake } from './intake-queue';
import { signStarterAgreement } from './lead-fixtures';
import { meteredD1 } from './metered-d1';
import { testVault } from './test-vault';

async function createSource(ws: TestWorkspace) {
  const res = await call('POST', '/v1/sources', {
    token: ws.tokens.admin,
    json: { name: 'Contact form', provider: 'generic', origin: 'marketing', createsLead: true },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

let people = 0;
function person(extra: Record<string, unknown> = {}) {
  people += 1;
  return {
    email: `buyer.${people}@factory-${people}.pl`,
    phone: `+48 600 ${String(100_000 + people).slice(0, 3)} ${String(100_000 + people).slice(3)}`,
    firstName: 'Jan',
    lastName: `Nowak${people}`,
    consent: true,
    ...extra,
  };
}

function post(ws: TestWorkspace, sourceId: string, body: unknown, headers: Record<string, string> = {}) {
  return call('POST', `/v1/intake/${sourceId}`, { token: ws.tokens.intake, json: body, headers });
}

/** Posts `n` new people one after another; their delivery ids, in order. */
async function postPeople(ws: TestWorkspace, sourceId: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push(((await (await post(ws, sourceId, person())).json()) as Answer).deliveryId);
  return ids;
}

async function count(sql: string, ...params: unknown[]) {
  return (
    await env.DB.prepare(sql)
      .bind(...params)
      .first<{ n: number }>()
  )?.n;
}

interface Answer {
  deliveryId: string;
  status: string;
  leadId: string | null;
  stage: string | null;
  duplicate: boolean;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('store first, judge after', () => {
  it('should store a delivery with one write and answer 202 with its Location, then judge it in the queue', async () => {
    const ws = await createTestWorkspace();
    const sourceId = await createSource(ws);
    const res = await post(ws, sourceId, person());
    expect(res.status, await res.clone().text()).toBe(202);
    const answer = (await res.json()) as Answer;
    expect(answer).toEqual({
      deliveryId: expect.stringMatching(/^dlv_/),
      status: 'stored',
      leadId: null,
      stage: null,
      duplicate: false,
    });
    expect(res.headers.get('location')).toBe(`/v1/intake/deliveries/${answer.deliveryId}`);
    expect(await count('select count(*) as n from leads where workspace_id = ?', ws.id)).toBe(0);
    const waiting = await call('GET', `/v1/intake/deliveries/${answer.deliveryId}`, {
      token: ws.tokens.intake,
    });
    expect(await waiting.json()).toMatchObject({ status: 'stored', leadId: null, sourceId });

    const { result, messages } = await drainIntake(ws.id);
    expect(messages).toBe(1);
    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toHaveLength(0);

    const judged = (await (
      await call('GET', `/v1/intake/deliveries/${answer.deliveryId}`, { token: ws.tokens.intake })
    ).json()) as { status: string; leadId: string; stage: string; judgedAt: string };
    expect(judged).toMatchObject({
      status: 'judged',
      leadId: expect.stringMatching(/^lead_/),
      stage: 'lead',
    });
    expect(await count('select count(*) as n from leads where workspace_id = ?', ws.id)).toBe(1);
    // The raw body is not kept once the ledger holds what the person said.
    expect(
      await count(
        'select count(*) as n from intake_deliveries where id = ? and body is null',
        answer.deliveryId,
      ),
    ).toBe(1);
  });

  it('should answer a repeat of a judged delivery with its lead (200) and of a stored one with the same id (202)', async () => {
    const ws = await createTestWorkspace();
    const sourceId = await createSource(ws);
    const body = person({ externalId: 'form-1' });
    const first = (await (await post(ws, sourceId, body)).json()) as Answer;
    const repeat = await post(ws, sourceId, body);
    expect(repeat.status).toBe(202);
    expect(await repeat.json()).toMatchObject({
      deliveryId: first.deliveryId,
      status: 'stored',
      duplicate: true,
    });
    await drainIntake(ws.id);
    const judged = await post(ws, sourceId, body);
    expect(judged.status).toBe(200);
    expect(await judged.json()).toMatchObject({
      deliveryId: first.deliveryId,
      status: 'judged',
      leadId: expect.stringMatching(/^lead_/),
      duplicate: true,
    });
    expect(await count('select count(*) as n from intake_deliveries where workspace_id = ?', ws.id)).toBe(1);
    expect(
      await count("select count(*) as n from lead_events where workspace_id = ? and type = 'touch'", ws.id),
    ).toBe(1);
  });

  it('should judge a batch with one set of shared reads: one agreement read and one routing read for ten deliveries', async () => {
    const ws = await createTestWorkspace();
    const sourceId = await createSource(ws);
    const twice = person();
    const ids = await postPeople(ws, sourceId, 8);
    // The same person twice in one batch: one lead with two touches.
    ids.push(
      ((await (await post(ws, sourceId, { ...twice, message: 'first' })).json()) as Answer).deliveryId,
    );
    ids.push(
      ((await (await post(ws, sourceId, { ...twice, message: 'second' })).json()) as Answer).deliveryId,
    );

    const meter = meteredD1(env.DB);
    const db = drizzle(meter.binding, { schema });
    const outcomes = await judgeDeliveries({
      ctx: { db, now: new Date(), encryption: { key: env.LEADPACT_ENCRYPTION_KEY } },
      input: { refs: ids.map((id) => ({ workspaceId: ws.id, id })) },
    });
    expect([...outcomes.values()].map((o) => o.status)).toEqual(Array(10).fill('judged'));
    const reads = (table: string) => meter.log.filter((s) => s.sql.includes(`from "${table}"`)).length;
    expect(reads('agreement_versions')).toBe(1);
    expect(reads('routing')).toBe(1);
    expect(reads('workspaces')).toBe(1);
    // One identity read per round for all of its people (the same person's second delivery waits for the
    // second round), none per delivery.
    expect(reads('leads')).toBe(2);
    // The round's plain inserts are gathered: its nine new leads, their events and their keys in one
    // statement per table (a JSON array unpacked by json_each), where each delivery used to write its own
    // (15 statements a lead) and D1's 100 parameters once split them by rowsPerInsert.
    const writes = (verb: string, table: string) =>
      meter.log.filter((s) => s.sql.startsWith(`${verb} "${table}"`)).length;
    expect(writes('insert into', 'leads')).toBe(1);
    expect(writes('insert into', 'leads')).toBeLessThan(Math.ceil(9 / rowsPerInsert(schema.leads)));
    expect(writes('insert into', 'lead_events')).toBe(2);
    // One per round: the second round writes again (ignoring the conflict) the key its lead got in the first.
    expect(writes('insert into', 'person_keys')).toBe(2);
    expect(writes('delete from', 'person_keys')).toBe(2);
    // Each round's delivery statuses and answers in one statement.
    expect(writes('update', 'intake_deliveries')).toBe(2);
    const written = meter.log.filter((s) => /^(insert|update|delete)/.test(s.sql)).length;
    expect(written).toBeLessThan(5 * 10);
    expect(await count('select count(*) as n from leads where workspace_id = ?', ws.id)).toBe(9);
    expect(
      await count(
        "select count(*) as n from lead_events e join leads l on l.id = e.lead_id where l.email_index = ? and e.type = 'touch'",
        await testVault(drizzle(env.DB, { schema }), ws.id).blindIndex('email', twice.email),
      ),
    ).toBe(2);
  });

  it("should read a batch's deliveries by id, however many more the workspace holds", async () => {
    const ws = await createTestWorkspace();
    const sourceId = await createSource(ws);
    const ids = await postPeople(ws, sourceId, 20);
    // 600 more deliveries in the workspace, copies of these under new ids: half judged, half a stored backlog.
    const columns = Object.values(getTableColumns(schema.intakeDeliveries)).map((c) => `"${c.name}"`);
    const copied = columns.map((c) =>
      c === '"id"' || c === '"key"'
        ? `d.${c} || '-copy-' || n.value`
        : c === '"status"'
          ? `case when n.value % 2 = 0 then 'judged' else 'stored' end`
          : `d.${c}`,
    );
    await env.DB.prepare(
      `insert into intake_deliveries (${columns.join(', ')}) select ${copied.join(', ')}
       from intake_deliveries d, json_each('[${Array.from({ length: 30 }, (_, n) => n).join(',')}]') n
       where d.workspace_id = ?`,
    )
      .bind(ws.id)
      .run();
    expect(await count('select count(*) as n from intake_deliveries where workspace_id = ?', ws.id)).toBe(
      620,
    );

    const meter = meteredD1(env.DB);
    const outcomes = await judgeDeliveries({
      ctx: {
        db: drizzle(meter.binding, { schema }),
        now: new Date(),
        encryption: { key: env.LEADPACT_ENCRYPTION_KEY },
      },
      input: { refs: ids.map((id) => ({ workspaceId: ws.id, id })) },
    });
    expect([...outcomes.values()].map((o) => o.status)).toEqual(Array(20).fill('judged'));
    // Without the id index (SQLite's guess for 20 ids prefers the workspace's prefix of another index) the
    // batch's delivery read took the whole backlog and its sources read every delivery of the workspace.
    const read = (pattern: RegExp) =>
      meter.log.filter((s) => pattern.test(s.sql)).reduce((sum, s) => sum + s.rowsRead, 0);
    // Each id's index entry and row, and the arrival-order sort (60 rows here); 343 rows before, the backlog.
    expect(read(/^select [^()]* from "intake_deliveries"/)).toBeLessThanOrEqual(3 * 20);
    // The deliveries' index entries and rows, and their one source (41 rows here); 621 rows before, every delivery.
    expect(read(/^select [^()]* from "sources"/)).toBeLessThanOrEqual(2 * 20 + 5);
  });

  it('should start the SLA clock at arrival, however late the judge runs', async () => {
    const ws = await signStarterAgreement();
    const arrival = new Date('2026-11-23T09:00:00.000Z');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(arrival);
    const res = await post(ws, ws.sourceId, person());
    expect(res.status).toBe(202);
    // The judge runs two hours later (a queue backlog).
    vi.setSystemTime(new Date(arrival.getTime() + 2 * 3600_000));
    await drainIntake(ws.id);
    vi.useRealTimers();
    const { deliveryId } = (await res.json()) as Answer;
    const view = (await (
      await call('GET', `/v1/intake/deliveries/${deliveryId}`, { token: ws.tokens.admin })
    ).json()) as { leadId: string; stage: string };
    expect(view.stage).toBe('mql');
    const mql = await env.DB.prepare(
      "select occurred_at as occurredAt, recorded_at as recordedAt from lead_events where lead_id = ? and type = 'mql'",
    )
      .bind(view.leadId)
      .first<{ occurredAt: string; recordedAt: string }>();
    expect(mql).toEqual({ occurredAt: arrival.toISOString(), recordedAt: arrival.toISOString() });
  });
});

describe('a judge that fails', () => {
  it('should leave the other deliveries of the batch judged and keep the failing one with its error, re-judgeable', async () => {
    const ws = await createTestWorkspace();
    const sourceId = await createSource(ws);
    const ids = await postPeople(ws, sourceId, 3);
    const broken = ids[1];
    const db = drizzle(env.DB, { schema });
    const outcomes = await judgeDeliveries({
      ctx: { db, now: new Date(), encryption: { key: env.LEADPACT_ENCRYPTION_KEY } },
      input: {
        refs: ids.map((id) => ({ workspaceId: ws.id, id })),
        fault: (row) => {
          if (row.id === broken) throw new TypeError('a bug in the judge');
        },
      },
    });
    expect(ids.map((id) => outcomes.get(id)?.status)).toEqual(['judged', 'failed', 'judged']);
    expect(await count('select count(*) as n from leads where workspace_id = ?', ws.id)).toBe(2);

    // Admins see it with its error; other roles do not.
    const list = await call('GET', '/v1/intake/deliveries?status=failed', { token: ws.tokens.admin });
    expect(list.status).toBe(200);
    const { data } = (await list.json()) as { data: { id: string; error: { message: string } }[] };
    expect(data.map((d) => d.id)).toEqual([broken]);
    expect(data[0]?.error.message).toContain('a bug in the judge');
    await expectProblem(
      await call('GET', '/v1/intake/deliveries?status=failed', { token: ws.tokens.sales }),
      403,
    );
    await expectProblem(
      await call('POST', `/v1/intake/deliveries/${broken}/rejudge`, { token: ws.tokens.marketing }),
      403,
    );

    // After the fix, a re-judge makes its lead.
    const rejudged = await call('POST', `/v1/intake/deliveries/${broken}/rejudge`, {
      token: ws.tokens.admin,
    });
    expect(rejudged.status).toBe(200);
    expect(await rejudged.json()).toMatchObject({
      id: broken,
      status: 'judged',
      leadId: expect.stringMatching(/^lead_/),
    });
    expect(await count('select count(*) as n from leads where workspace_id = ?', ws.id)).toBe(3);
    const bulk = await call('POST', '/v1/intake/deliveries/rejudge', { token: ws.tokens.admin });
    expect(await bulk.json()).toEqual({ tried: 0, judged: 0, rejected: 0, failed: 0 });
  });

  it('should write nothing twice when a delivery of the batch was judged meanwhile: the batch fails whole, the others land alone', async () => {
    const ws = await createTestWorkspace();
    const sourceId = await createSource(ws);
    const ids = await postPeople(ws, sourceId, 3);
    const raced = ids[1];
    const db = drizzle(env.DB, { schema });
    const outcomes = await judgeDeliveries({
      ctx: { db, now: new Date(), encryption: { key: env.LEADPACT_ENCRYPTION_KEY } },
      input: {
        refs: ids.map((id) => ({ workspaceId: ws.id, id })),
        // Another judge settles this one after our reads: our shared batch would judge it twice.
        fault: async (row) => {
          if (row.id !== raced) return;
          await env.DB.prepare(
            `update intake_deliveries set status = 'judged', response = '{"leadId":"lead_other","stage":"lead"}', body = null where id = ?`,
          )
            .bind(raced)
            .run();
        },
      },
    });
    expect(ids.map((id) => outcomes.get(id)?.status)).toEqual(['judged', 'gone', 'judged']);
    // Two leads (not three), each with exactly one creation, touch and consent: no partial or doubled write.
    expect(await count('select count(*) as n from leads where workspace_id = ?', ws.id)).toBe(2);
    expect(
      await count("select count(*) as n from lead_events where workspace_id = ? and type = 'created'", ws.id),
    ).toBe(2);
    expect(await count('select count(*) as n from consents where workspace_id = ?', ws.id)).toBe(2);
    expect(
      await count(
        "select count(*) as n from intake_deliveries where id = ? and response like '%lead_other%'",
        raced,
      ),
    ).toBe(1);
  });

  it('should judge stored deliveries whose queue message never came, from the minute cron', async () => {
    const ws = await createTestWorkspace();
    const sourceId = await createSource(ws);
    const arrival = Date.now();
    const { deliveryId } = (await (await post(ws, sourceId, person())).json()) as Answer;
    const judge = async (at: number) => {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: at }), env, ctx);
      await waitOnExecutionContext(ctx);
      return (await (
        await call('GET', `/v1/intake/deliveries/${deliveryId}`, { token: ws.tokens.admin })
      ).json()) as { status: string };
    };
    // Still young: the queue has it.
    expect((await judge(arrival + 30_000)).status).toBe('stored');
    // Over a minute old and unjudged: the cron takes it.
    expect((await judge(arrival + 61_000)).status).toBe('judged');
    expect(await count('select count(*) as n from leads where workspace_id = ?', ws.id)).toBe(1);
  });
  it('should answer 202 when the queue send fails after the store, and judge the delivery from the minute cron', async () => {
    const ws = await createTestWorkspace();
    const sourceId = await createSource(ws);
    const sends: unknown[] = [];
    // The send runs after the answer (waitUntil); a queue that refuses it loses nothing that was stored.
    const brokenQueue = {
      sendBatch: async (messages: Iterable<{ body: unknown }>) => {
        for (const message of messages) sends.push(message.body);
        throw new Error('queue unavailable');
      },
    };
    const bindings = { INTAKE_QUEUE: brokenQueue as unknown as Queue };
    const res = await callWith(bindings, 'POST', `/v1/intake/${sourceId}`, {
      token: ws.tokens.intake,
      json: person(),
    });
    expect(res.status).toBe(202);
    const { deliveryId } = (await res.json()) as Answer;
    expect(sends).toEqual([{ workspaceId: ws.id, id: deliveryId }]);
    expect(
      await count(
        "select count(*) as n from intake_deliveries where id = ? and status = 'stored'",
        deliveryId,
      ),
    ).toBe(1);
    const cron = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() + 61_000 }),
      env,
      cron,
    );
    await waitOnExecutionContext(cron);
    const view = (await (
      await call('GET', `/v1/intake/deliveries/${deliveryId}`, { token: ws.tokens.admin })
    ).json()) as { status: string; leadId: string | null };
    expect(view.status).toBe('judged');
    expect(
      await count('select count(*) as n from leads where workspace_id = ? and id = ?', ws.id, view.leadId),
    ).toBe(1);
  });
});

describe('the queue send', () => {
  it('should hand every delivery stored together to the queue exactly once, several to a sendBatch', async () => {
    const ws = await createTestWorkspace();
    const sourceId = await createSource(ws);
    const batches: { workspaceId: string; id: string }[][] = [];
    const queue = {
      sendBatch: async (messages: Iterable<{ body: { workspaceId: string; id: string } }>) => {
        batches.push([...messages].map((m) => m.body));
      },
    };
    const bindings = { INTAKE_QUEUE: queue as unknown as Queue };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        callWith(bindings, 'POST', `/v1/intake/${sourceId}`, { token: ws.tokens.intake, json: person() }),
      ),
    );
    const ids = await Promise.all(
      answers.map(async (res) => {
        expect(res.status).toBe(202);
        return ((await res.json()) as Answer).deliveryId;
      }),
    );
    const sent = batches.flat();
    expect(sent.map((ref) => ref.id).sort()).toEqual([...ids].sort());
    expect(sent.every((ref) => ref.workspaceId === ws.id)).toBe(true);
    // Eight requests in flight together meet within one window: fewer calls than messages.
    expect(batches.length).toBeLessThan(ids.length);
  });
});

describe('the intake lookup', () => {
  it('should read source, workspace and token in one round trip and trust a revoked token at most INTAKE_LOOKUP_TTL_MS', async () => {
    const ws = await createTestWorkspace();
    const sourceId = await createSource(ws);
    const start = new Date('2026-11-23T10:00:00.000Z');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
    expect((await post(ws, sourceId, person())).status).toBe(202);
    // Revoked elsewhere (another isolate): this one still holds the token for a while.
    await env.DB.prepare('update api_tokens set revoked_at = ? where id = ?')
      .bind(start.toISOString(), ws.tokenIds.intake)
      .run();
    vi.setSystemTime(new Date(start.getTime() + INTAKE_LOOKUP_TTL_MS - 1));
    expect((await post(ws, sourceId, person())).status).toBe(202);
    vi.setSystemTime(new Date(start.getTime() + INTAKE_LOOKUP_TTL_MS + 1));
    await expectProblem(await post(ws, sourceId, person()), 401);
  });

  it("should refresh a held token row's last_used_at once, not on every delivery the lookup serves", async () => {
    const ws = await createTestWorkspace();
    const sourceId = await createSource(ws);
    const deliver = async () => {
      const res = await callWith({}, 'POST', `/v1/intake/${sourceId}`, {
        token: ws.tokens.intake,
        json: person(),
      });
      expect(res.status).toBe(202);
    };
    const lastUsed = async () =>
      (
        await env.DB.prepare('select last_used_at as at from api_tokens where id = ?')
          .bind(ws.tokenIds.intake)
          .first<{ at: string | null }>()
      )?.at;
    await deliver();
    expect(await lastUsed()).not.toBeNull();
    // Cleared behind the isolate's back: a write from the next deliveries would show here.
    await env.DB.prepare('update api_tokens set last_used_at = null where id = ?')
      .bind(ws.tokenIds.intake)
      .run();
    await deliver();
    await deliver();
    expect(await lastUsed()).toBeNull();
  });

  it('should stop a token revoked through the API at once in the isolate that revoked it', async () => {
    const ws = await createTestWorkspace();
    const sourceId = await createSource(ws);
    expect((await post(ws, sourceId, person())).status).toBe(202);
    const revoked = await call('DELETE', `/v1/tokens/${ws.tokenIds.intake}`, { token: ws.tokens.admin });
    expect(revoked.status).toBe(204);
    await expectProblem(await post(ws, sourceId, person()), 401);
  });

  it('should wait for the judgement when asked (Prefer: wait) and say so', async () => {
    const ws = await createTestWorkspace();
    const sourceId = await createSource(ws);
    const res = await post(ws, sourceId, person(), WAIT_FOR_LEAD);
    expect(res.status).toBe(201);
    expect(res.headers.get('preference-applied')).toBe('wait=5');
    const answer = (await res.json()) as Answer;
    expect(res.headers.get('location')).toBe(`/v1/intake/deliveries/${answer.deliveryId}`);
    expect(answer).toMatchObject({
      status: 'judged',
      leadId: expect.stringMatching(/^lead_/),
      stage: 'lead',
    });
  });
});
